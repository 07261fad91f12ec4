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
