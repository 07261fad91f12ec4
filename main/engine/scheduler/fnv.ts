/**
 * FNV-1a 64-bit over little-endian i64 values: Anki's `fnvhash()` SQL function
 * and the hashes it sorts new cards by (rslib storage/sqlite.rs, queue/builder/sorting.rs).
 */

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;

/** The unsigned 64-bit hash of the values, each written as 8 little-endian bytes. */
export function fnvHashU64(...values: Array<number | bigint>): bigint {
  let hash = OFFSET;
  for (const value of values) {
    let v = BigInt(value) & MASK64;
    for (let i = 0; i < 8; i++) {
      hash ^= v & 0xffn;
      hash = (hash * PRIME) & MASK64;
      v >>= 8n;
    }
  }
  return hash;
}

/** As SQLite returns it: the hash reinterpreted as a signed i64. */
export function fnvHashI64(...values: Array<number | bigint>): bigint {
  return BigInt.asIntN(64, fnvHashU64(...values));
}

/** Anki's knuth_salt: days × 2654435761, wrapping at 32 bits. */
export function knuthSalt(days: number): number {
  return Number((BigInt(days) * 2654435761n) & 0xffffffffn);
}

const TWO_32 = 0x1_0000_0000;

/**
 * The same hash as `fnvHashU64` without BigInt (the queue hashes thousands of
 * ids per build): [high, low] 32-bit halves, both unsigned. Values must be safe integers.
 */
export function fnvHash64(a: number, b: number): [number, number] {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const value of [a, b]) {
    const high = Math.floor(value / TWO_32) >>> 0;
    const low = value >>> 0;
    for (let i = 0; i < 8; i++) {
      const byte = i < 4 ? (low >>> (8 * i)) & 0xff : (high >>> (8 * (i - 4))) & 0xff;
      lo = (lo ^ byte) >>> 0;
      // × 0x100000001b3 = × 0x1b3 plus a shift by 40 bits.
      const product = lo * 0x1b3;
      const carry = Math.floor(product / TWO_32);
      hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
      lo = product >>> 0;
    }
  }
  return [hi, lo];
}
