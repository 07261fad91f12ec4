/**
 * Anki's fuzz randomness, reproduced: `StdRng::seed_from_u64(seed)` from rand 0.9
 * (ChaCha12 keyed by PCG32 output), then `random_range`. With the same seed
 * (card id + reps) Engram picks the same fuzzed day and learning delay as Anki.
 */

const MASK64 = (1n << 64n) - 1n;
const TWO_32 = 0x1_0000_0000;
// PCG32's multiplier and increment, as 32-bit halves.
const MUL_HI = 0x5851f42d;
const MUL_LO = 0x4c957f2d;
const INC_HI = 0xa17654e4;
const INC_LO = 0x6fbe17f3;

function rotr32(x: number, r: number): number {
  return ((x >>> r) | (x << (32 - r))) >>> 0;
}

/** The high 32 bits of the 64-bit product of two u32 values (16-bit limbs keep every step exact). */
function mulHigh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const low = a0 * b0;
  const mid1 = a1 * b0 + (low >>> 16);
  const mid2 = a0 * b1 + (mid1 % 0x10000);
  return (a1 * b1 + Math.floor(mid1 / 0x10000) + Math.floor(mid2 / 0x10000)) >>> 0;
}

/**
 * rand_core's `seed_from_u64`: eight PCG32 outputs become the 32-byte key. The
 * 64-bit state is kept as two u32 halves (BigInt was the answer path's hot spot).
 */
export function keyFromU64(seed: bigint): number[] {
  const wrapped = seed & MASK64;
  let hi = Number(wrapped >> 32n);
  let lo = Number(wrapped & 0xffffffffn);
  const key: number[] = [];
  for (let i = 0; i < 8; i++) {
    // state = state × MUL + INC (mod 2^64)
    const productHi = (mulHigh32(lo, MUL_LO) + Math.imul(hi, MUL_LO) + Math.imul(lo, MUL_HI)) >>> 0;
    const productLo = Math.imul(lo, MUL_LO) >>> 0;
    const sumLo = productLo + INC_LO;
    lo = sumLo >>> 0;
    hi = (productHi + INC_HI + (sumLo >= TWO_32 ? 1 : 0)) >>> 0;
    // xorshifted = ((state >> 18) ^ state) >> 27, truncated to 32 bits; rot = state >> 59
    const shiftedHi = (hi >>> 18) ^ hi;
    const shiftedLo = (((lo >>> 18) | (hi << 14)) ^ lo) >>> 0;
    const xorshifted = ((shiftedLo >>> 27) | (shiftedHi << 5)) >>> 0;
    key.push(rotr32(xorshifted, hi >>> 27));
  }
  return key;
}

/**
 * One ChaCha12 block (64-bit counter, stream 0). The state lives in sixteen locals rather
 * than a typed array: a scheduler answer or cardsInfo's labels run one block per card.
 */
function chacha12Block(key: readonly number[], counter: number): Uint32Array {
  const k0 = key[0]! | 0, k1 = key[1]! | 0, k2 = key[2]! | 0, k3 = key[3]! | 0;
  const k4 = key[4]! | 0, k5 = key[5]! | 0, k6 = key[6]! | 0, k7 = key[7]! | 0;
  const c0 = counter | 0;
  const c1 = Math.floor(counter / 4294967296) | 0;
  let x0 = 0x61707865, x1 = 0x3320646e, x2 = 0x79622d32, x3 = 0x6b206574;
  let x4 = k0, x5 = k1, x6 = k2, x7 = k3, x8 = k4, x9 = k5, x10 = k6, x11 = k7;
  let x12 = c0, x13 = c1, x14 = 0, x15 = 0;
  for (let round = 0; round < 6; round++) {
    // Column round.
    x0 = (x0 + x4) | 0; x12 = rotl(x12 ^ x0, 16); x8 = (x8 + x12) | 0; x4 = rotl(x4 ^ x8, 12);
    x0 = (x0 + x4) | 0; x12 = rotl(x12 ^ x0, 8); x8 = (x8 + x12) | 0; x4 = rotl(x4 ^ x8, 7);
    x1 = (x1 + x5) | 0; x13 = rotl(x13 ^ x1, 16); x9 = (x9 + x13) | 0; x5 = rotl(x5 ^ x9, 12);
    x1 = (x1 + x5) | 0; x13 = rotl(x13 ^ x1, 8); x9 = (x9 + x13) | 0; x5 = rotl(x5 ^ x9, 7);
    x2 = (x2 + x6) | 0; x14 = rotl(x14 ^ x2, 16); x10 = (x10 + x14) | 0; x6 = rotl(x6 ^ x10, 12);
    x2 = (x2 + x6) | 0; x14 = rotl(x14 ^ x2, 8); x10 = (x10 + x14) | 0; x6 = rotl(x6 ^ x10, 7);
    x3 = (x3 + x7) | 0; x15 = rotl(x15 ^ x3, 16); x11 = (x11 + x15) | 0; x7 = rotl(x7 ^ x11, 12);
    x3 = (x3 + x7) | 0; x15 = rotl(x15 ^ x3, 8); x11 = (x11 + x15) | 0; x7 = rotl(x7 ^ x11, 7);
    // Diagonal round.
    x0 = (x0 + x5) | 0; x15 = rotl(x15 ^ x0, 16); x10 = (x10 + x15) | 0; x5 = rotl(x5 ^ x10, 12);
    x0 = (x0 + x5) | 0; x15 = rotl(x15 ^ x0, 8); x10 = (x10 + x15) | 0; x5 = rotl(x5 ^ x10, 7);
    x1 = (x1 + x6) | 0; x12 = rotl(x12 ^ x1, 16); x11 = (x11 + x12) | 0; x6 = rotl(x6 ^ x11, 12);
    x1 = (x1 + x6) | 0; x12 = rotl(x12 ^ x1, 8); x11 = (x11 + x12) | 0; x6 = rotl(x6 ^ x11, 7);
    x2 = (x2 + x7) | 0; x13 = rotl(x13 ^ x2, 16); x8 = (x8 + x13) | 0; x7 = rotl(x7 ^ x8, 12);
    x2 = (x2 + x7) | 0; x13 = rotl(x13 ^ x2, 8); x8 = (x8 + x13) | 0; x7 = rotl(x7 ^ x8, 7);
    x3 = (x3 + x4) | 0; x14 = rotl(x14 ^ x3, 16); x9 = (x9 + x14) | 0; x4 = rotl(x4 ^ x9, 12);
    x3 = (x3 + x4) | 0; x14 = rotl(x14 ^ x3, 8); x9 = (x9 + x14) | 0; x4 = rotl(x4 ^ x9, 7);
  }
  // A Uint32Array stores each sum modulo 2^32.
  return new Uint32Array([
    x0 + 0x61707865, x1 + 0x3320646e, x2 + 0x79622d32, x3 + 0x6b206574,
    x4 + k0, x5 + k1, x6 + k2, x7 + k3, x8 + k4, x9 + k5, x10 + k6, x11 + k7,
    x12 + c0, x13 + c1, x14, x15,
  ]);
}

/** 32-bit rotate left on int32 values. */
function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

const NO_BLOCK = new Uint32Array(0);

export class StdRng {
  private readonly key: number[];
  // Shared until the first draw: allocating a typed array per rng showed in cardsInfo profiles.
  private block: Uint32Array = NO_BLOCK;
  private counter = 0;
  private index = 16;

  /** `seed` is a u64 (negative or larger values wrap). */
  constructor(seed: bigint) {
    this.key = keyFromU64(seed);
  }

  nextU32(): number {
    if (this.index >= 16) {
      this.block = chacha12Block(this.key, this.counter++);
      this.index = 0;
    }
    return this.block[this.index++]!;
  }

  /** `random_range(0.0f32..1.0)`: 23 random bits as a float in [0, 1). */
  nextF32Unit(): number {
    return (this.nextU32() >>> 9) / 8388608;
  }

  /** `random_range(low..high)` for u32 (rand 0.9's biased Canon method). */
  rangeU32(low: number, highExclusive: number): number {
    const range = BigInt(highExclusive - 1 - low + 1);
    const wide = (x: number): [bigint, bigint] => {
      const product = BigInt(x) * range;
      return [product >> 32n, product & 0xffffffffn];
    };
    const [hi, lo] = wide(this.nextU32());
    let result = hi;
    if (lo > ((1n << 32n) - range) % (1n << 32n)) {
      const [newHi] = wide(this.nextU32());
      if (lo + newHi > 0xffffffffn) result += 1n;
    }
    return low + Number(result);
  }
}

/** Anki's fuzz seed: card id + reps, as a wrapping u64. */
export function fuzzSeed(cardId: number, reps: number): bigint {
  return (BigInt(cardId) + BigInt(reps)) & MASK64;
}

/** The factor in [0,1) that picks a day within the fuzz range. */
export function fuzzFactor(seed: bigint): number {
  return new StdRng(seed).nextF32Unit();
}
