/**
 * BLAKE3 hashing (unkeyed, 32-byte output), written from the BLAKE3 specification.
 * Anki's `hint:` filter derives its DOM id from a BLAKE3 digest, and Node's crypto
 * module has no BLAKE3.
 */

const IV = Uint32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const PERMUTATION = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8];
const BLOCK_LEN = 64;
const CHUNK_LEN = 1024;
const CHUNK_START = 1;
const CHUNK_END = 2;
const PARENT = 4;
const ROOT = 8;

const rotr = (x: number, n: number): number => ((x >>> n) | (x << (32 - n))) >>> 0;

function g(s: Uint32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  s[a] = ((s[a] ?? 0) + (s[b] ?? 0) + x) >>> 0;
  s[d] = rotr((s[d] ?? 0) ^ (s[a] ?? 0), 16);
  s[c] = ((s[c] ?? 0) + (s[d] ?? 0)) >>> 0;
  s[b] = rotr((s[b] ?? 0) ^ (s[c] ?? 0), 12);
  s[a] = ((s[a] ?? 0) + (s[b] ?? 0) + y) >>> 0;
  s[d] = rotr((s[d] ?? 0) ^ (s[a] ?? 0), 8);
  s[c] = ((s[c] ?? 0) + (s[d] ?? 0)) >>> 0;
  s[b] = rotr((s[b] ?? 0) ^ (s[c] ?? 0), 7);
}

function round(s: Uint32Array, m: Uint32Array): void {
  const w = (i: number): number => m[i] ?? 0;
  g(s, 0, 4, 8, 12, w(0), w(1));
  g(s, 1, 5, 9, 13, w(2), w(3));
  g(s, 2, 6, 10, 14, w(4), w(5));
  g(s, 3, 7, 11, 15, w(6), w(7));
  g(s, 0, 5, 10, 15, w(8), w(9));
  g(s, 1, 6, 11, 12, w(10), w(11));
  g(s, 2, 7, 8, 13, w(12), w(13));
  g(s, 3, 4, 9, 14, w(14), w(15));
}

/** The compression function; returns all 16 output words. */
function compress(cv: Uint32Array, block: Uint32Array, counter: number, blockLen: number, flags: number): Uint32Array {
  const s = new Uint32Array(16);
  s.set(cv, 0);
  s.set(IV.subarray(0, 4), 8);
  s[12] = counter >>> 0;
  s[13] = Math.floor(counter / 0x100000000) >>> 0;
  s[14] = blockLen;
  s[15] = flags;
  let m = Uint32Array.from(block);
  for (let r = 0; r < 7; r++) {
    round(s, m);
    if (r < 6) m = Uint32Array.from(PERMUTATION, (p) => m[p] ?? 0);
  }
  for (let i = 0; i < 8; i++) {
    s[i] = ((s[i] ?? 0) ^ (s[i + 8] ?? 0)) >>> 0;
    s[i + 8] = ((s[i + 8] ?? 0) ^ (cv[i] ?? 0)) >>> 0;
  }
  return s;
}

function blockWords(bytes: Uint8Array, offset: number, length: number): Uint32Array {
  const padded = new Uint8Array(BLOCK_LEN);
  padded.set(bytes.subarray(offset, offset + length));
  const view = new DataView(padded.buffer);
  return Uint32Array.from({ length: 16 }, (_, i) => view.getUint32(i * 4, true));
}

interface Output {
  cv: Uint32Array;
  block: Uint32Array;
  counter: number;
  blockLen: number;
  flags: number;
}

const chainingValue = (o: Output): Uint32Array =>
  compress(o.cv, o.block, o.counter, o.blockLen, o.flags).subarray(0, 8);

/** Processes one chunk (≤ 1024 bytes) and returns its unfinalised output. */
function chunkOutput(bytes: Uint8Array, start: number, end: number, chunkIndex: number): Output {
  let cv: Uint32Array = IV;
  let offset = start;
  let blocksDone = 0;
  while (end - offset > BLOCK_LEN) {
    const flags = blocksDone === 0 ? CHUNK_START : 0;
    cv = compress(cv, blockWords(bytes, offset, BLOCK_LEN), chunkIndex, BLOCK_LEN, flags).subarray(0, 8);
    offset += BLOCK_LEN;
    blocksDone++;
  }
  const blockLen = end - offset;
  const flags = (blocksDone === 0 ? CHUNK_START : 0) | CHUNK_END;
  return { cv, block: blockWords(bytes, offset, blockLen), counter: chunkIndex, blockLen, flags };
}

function parentOutput(left: Uint32Array, right: Uint32Array): Output {
  const block = new Uint32Array(16);
  block.set(left, 0);
  block.set(right, 8);
  return { cv: IV, block, counter: 0, blockLen: BLOCK_LEN, flags: PARENT };
}

/** The 32-byte BLAKE3 digest of `input`. */
export function blake3(input: Uint8Array): Uint8Array {
  const chunkCount = Math.max(1, Math.ceil(input.length / CHUNK_LEN));
  const stack: Uint32Array[] = [];
  for (let chunk = 0; chunk < chunkCount - 1; chunk++) {
    let cv = chainingValue(chunkOutput(input, chunk * CHUNK_LEN, (chunk + 1) * CHUNK_LEN, chunk));
    let total = chunk + 1;
    while ((total & 1) === 0) {
      cv = chainingValue(parentOutput(stack.pop() ?? IV, cv));
      total >>= 1;
    }
    stack.push(cv);
  }
  let output = chunkOutput(input, (chunkCount - 1) * CHUNK_LEN, input.length, chunkCount - 1);
  for (let i = stack.length - 1; i >= 0; i--) output = parentOutput(stack[i] ?? IV, chainingValue(output));
  const words = compress(output.cv, output.block, 0, output.blockLen, output.flags | ROOT);
  const digest = new Uint8Array(32);
  const view = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) view.setUint32(i * 4, words[i] ?? 0, true);
  return digest;
}

export function blake3Hex(input: Uint8Array): string {
  return Buffer.from(blake3(input)).toString('hex');
}
