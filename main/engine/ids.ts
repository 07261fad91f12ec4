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

/** A new note guid: a random u64 in Anki's base91. */
export function newGuid(): string {
  return base91(randomBytes(8).readBigUInt64BE(0));
}

/** A random i64 for new field and template ids. */
export function randomI64(): bigint {
  return randomBytes(8).readBigInt64BE(0);
}
