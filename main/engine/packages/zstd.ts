/**
 * zstd for packages: `fzstd` decompresses (it handles frames without a content size,
 * which Anki writes) and `@bokuweb/zstd-wasm` compresses. Output is bounded so a
 * small hostile frame cannot expand without limit.
 */
import { Decompress } from 'fzstd';
import { compress as wasmCompress, init as wasmInit } from '@bokuweb/zstd-wasm';
import { corruptPackage } from './errors';

const CHUNK = 1 << 20;
const ZSTD_MAGIC = 0xfd2fb528;

let ready: Promise<void> | undefined;

/** Anki's level 0 means "the library default", which is 3. */
export async function zstdCompress(data: Uint8Array, level = 3): Promise<Uint8Array> {
  ready ??= wasmInit();
  await ready;
  return wasmCompress(data, level);
}

/** Rejects a frame header that declares more than `limit` bytes of content or window. */
function checkFrameHeader(data: Uint8Array, limit: number, what: string): void {
  if (data.length < 6) throw corruptPackage(`${what} is not zstd data`);
  const magic = (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0;
  if (magic !== ZSTD_MAGIC) throw corruptPackage(`${what} is not zstd data`);
  const descriptor = data[4]!;
  const singleSegment = (descriptor >> 5) & 1;
  const sizeFlag = descriptor >> 6;
  const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
  let pos = 5;
  let window = 0;
  if (!singleSegment) {
    const w = data[pos++]!;
    const base = 2 ** (10 + (w >> 3));
    window = base + (base / 8) * (w & 7);
  }
  pos += dictBytes;
  const sizeBytes = sizeFlag === 0 ? singleSegment : 1 << sizeFlag;
  let contentSize = 0;
  for (let i = 0; i < sizeBytes && pos + i < data.length; i++) contentSize += data[pos + i]! * 2 ** (8 * i);
  if (sizeFlag === 1) contentSize += 256;
  if (contentSize > limit || window > Math.max(limit, 8 << 20)) throw corruptPackage(`${what} declares too much content`);
}

/**
 * Decompresses in chunks, handing each piece to `sink` (so large collections can go
 * straight to disk), and fails once more than `limit` bytes come out.
 */
export function zstdDecompressTo(data: Uint8Array, limit: number, what: string, sink: (chunk: Uint8Array) => void): number {
  checkFrameHeader(data, limit, what);
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > limit) throw corruptPackage(`${what} expands beyond ${limit} bytes`);
    if (chunk.length) sink(chunk);
  });
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, data.length);
      stream.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'EngineError') throw error;
    throw corruptPackage(`${what} cannot be decompressed`);
  }
  return total;
}

export function zstdDecompress(data: Uint8Array, limit: number, what: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const total = zstdDecompressTo(data, limit, what, (chunk) => chunks.push(chunk.slice()));
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
