import { describe, expect, it } from 'vitest';
import { constrainedFuzzBounds, fuzzBounds, minimumReviewFuzzInterval, withReviewFuzz } from './fuzz';
import { fuzzFactor, fuzzSeed, keyFromU64, StdRng } from './rng';
import { learningIntervalWithFuzz } from './answer';

describe('interval fuzz', () => {
  it('uses Anki’s ranges (its own test values)', () => {
    expect(fuzzBounds(7)).toEqual([5, 9]);
    expect(fuzzBounds(17)).toEqual([14, 20]);
    expect(fuzzBounds(37)).toEqual([33, 41]);
    expect(fuzzBounds(2)).toEqual([2, 2]);
  });

  it('keeps the range inside the limits', () => {
    expect(constrainedFuzzBounds(3, 1, 36500)).toEqual([2, 4]);
    // clamped to 90 first: delta = 1 + 0.15×4.5 + 0.1×13 + 0.05×70 = 6.475
    expect(constrainedFuzzBounds(100, 1, 90)).toEqual([84, 90]);
    // clamped to 6: delta 1.525 → 4.475..7.525 → [6, 8]
    expect(constrainedFuzzBounds(5, 6, 36500)).toEqual([6, 8]);
    // 2.6: delta 1.015 → 1.585..3.615 → [2, 4]
    expect(constrainedFuzzBounds(2.6, 1, 36500)).toEqual([2, 4]);
    // below 2.5 days there is no fuzz
    expect(constrainedFuzzBounds(2.4, 1, 36500)).toEqual([2, 2]);
    expect(constrainedFuzzBounds(5, 6, 6)).toEqual([6, 6]);
  });

  it('picks lower + factor × width, or rounds and clamps without a factor', () => {
    expect(withReviewFuzz(0, 17, 1, 36500)).toBe(14);
    expect(withReviewFuzz(0.999, 17, 1, 36500)).toBe(20);
    expect(withReviewFuzz(0.5, 17, 1, 36500)).toBe(17);
    expect(withReviewFuzz(undefined, 17.5, 1, 36500)).toBe(18);
    expect(withReviewFuzz(undefined, 17.4, 20, 30)).toBe(20);
    expect(withReviewFuzz(undefined, 99, 1, 30)).toBe(30);
  });

  it('does not let FSRS fuzz shrink the previous interval', () => {
    expect(minimumReviewFuzzInterval(12, 10, 36500)).toBe(11);
    expect(minimumReviewFuzzInterval(10, 10, 36500)).toBe(10);
    expect(minimumReviewFuzzInterval(3, 10, 36500)).toBe(0);
  });

  it('seeds like Anki: card id + reps, as a wrapping u64', () => {
    expect(fuzzSeed(1_700_000_000_000, 5)).toBe(1_700_000_000_005n);
    expect(fuzzSeed(-1, 0)).toBe(18446744073709551615n);
  });

  it('draws factors in [0,1) deterministically per seed (regression values; the oracle test checks them against Anki)', () => {
    const a = fuzzFactor(12345n);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
    expect(fuzzFactor(12345n)).toBe(a);
    expect(fuzzFactor(12346n)).not.toBe(a);
    const rng = new StdRng(7n);
    const words = Array.from({ length: 40 }, () => rng.nextU32());
    expect(new Set(words).size).toBe(40);
  });

  it('adds up to 25% (at most 5 minutes) to learning delays', () => {
    for (let seed = 0n; seed < 50n; seed++) {
      const short = learningIntervalWithFuzz(seed, 600);
      expect(short).toBeGreaterThanOrEqual(600);
      expect(short).toBeLessThan(750);
      const long = learningIntervalWithFuzz(seed, 7200);
      expect(long).toBeLessThan(7500);
    }
    expect(learningIntervalWithFuzz(1n, 3)).toBe(3);
    expect(learningIntervalWithFuzz(undefined, 600)).toBe(600);
  });

  it('derives the ChaCha key from the seed as PCG32 over u64 BigInts does', () => {
    const mask = (1n << 64n) - 1n;
    const reference = (seed: bigint): number[] => {
      let state = seed & mask;
      return Array.from({ length: 8 }, () => {
        state = (state * 6364136223846793005n + 11634580027462260723n) & mask;
        const xorshifted = Number((((state >> 18n) ^ state) >> 27n) & 0xffffffffn);
        const rot = Number(state >> 59n);
        return ((xorshifted >>> rot) | (xorshifted << (32 - rot))) >>> 0;
      });
    };
    let seed = 0x9e3779b97f4a7c15n;
    const seeds = [0n, 1n, mask, 1n << 63n, 0xffffffffn, 1n << 32n, -5n, fuzzSeed(1_700_000_000_123, 7)];
    for (let i = 0; i < 500; i++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) & mask;
      seeds.push(seed, seed >> BigInt(i % 64));
    }
    for (const s of seeds) expect(keyFromU64(s), `seed ${s}`).toEqual(reference(s));
  });
});
