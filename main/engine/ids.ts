import { randomBytes } from 'node:crypto';

/**
 * Ids are millisecond timestamps (Anki's convention: they carry creation time),
 * made strictly increasing so a batch never collides.
 */
export class IdAllocator {
  private last = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Seeds the allocator with the largest id in use so new ids stay unique. */
  observe(maxExisting: number): void {
    if (maxExisting > this.last) this.last = maxExisting;
  }

  next(): number {
    const candidate = Math.max(this.now(), this.last + 1);
    this.last = candidate;
    return candidate;
  }
}

const BASE91 =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

export function base91(value: bigint): string {
  if (value === 0n) return BASE91[0]!;
  let out = '';
  let rest = value;
  while (rest > 0n) {
    out = BASE91[Number(rest % 91n)]! + out;
    rest /= 91n;
  }
  return out;
}

/** Random bytes drawn in blocks: one syscall per 512 ids instead of one per id. */
const pool = { buffer: Buffer.alloc(0), offset: 0 };

function random8(): Buffer {
  if (pool.offset + 8 > pool.buffer.length) {
    pool.buffer = randomBytes(4096);
    pool.offset = 0;
  }
  const slice = pool.buffer.subarray(pool.offset, pool.offset + 8);
  pool.offset += 8;
  return slice;
}

/** A new note guid: a random u64 in Anki's base91 (long division on two 32-bit halves, no BigInt). */
export function newGuid(): string {
  const bytes = random8();
  let hi = bytes.readUInt32BE(0);
  let lo = bytes.readUInt32BE(4);
  if (hi === 0 && lo === 0) return BASE91[0]!;
  let out = '';
  while (hi !== 0 || lo !== 0) {
    const hiRest = hi % 91;
    hi = Math.floor(hi / 91);
    const combined = hiRest * 0x1_0000_0000 + lo;
    lo = Math.floor(combined / 91);
    out = BASE91[combined % 91]! + out;
  }
  return out;
}

/** A random i64 for new field and template ids. */
export function randomI64(): bigint {
  return random8().readBigInt64BE(0);
}
