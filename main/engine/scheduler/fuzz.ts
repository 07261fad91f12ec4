import { add, f32, mul, roundHalfAway, sub, toU32 } from './f32';

/** Review interval fuzz (rslib scheduler/states/fuzz.rs), in f32. */

const FUZZ_RANGES: ReadonlyArray<{ start: number; end: number; factor: number }> = [
  { start: 2.5, end: 7.0, factor: f32(0.15) },
  { start: 7.0, end: 20.0, factor: f32(0.1) },
  { start: 20.0, end: 3.4028234663852886e38, factor: f32(0.05) },
];

function fuzzDelta(interval: number): number {
  if (interval < 2.5) return 0;
  let delta = 1;
  for (const range of FUZZ_RANGES) {
    delta = add(delta, mul(range.factor, Math.max(0, sub(Math.min(interval, range.end), range.start))));
  }
  return delta;
}

export function fuzzBounds(interval: number): [number, number] {
  const delta = fuzzDelta(interval);
  return [toU32(roundHalfAway(sub(interval, delta))), toU32(roundHalfAway(add(interval, delta)))];
}

function clampU(value: number, lo: number, hi: number): number {
  return Math.min(Math.max(value, lo), hi);
}

/** Bounds of the fuzz range within [minimum, maximum]; widened by one day when possible. */
export function constrainedFuzzBounds(interval: number, minimum: number, maximum: number): [number, number] {
  const min = Math.min(minimum, maximum);
  const clamped = Math.min(Math.max(f32(interval), f32(min)), f32(maximum));
  let [lower, upper] = fuzzBounds(clamped);
  lower = clampU(lower, min, maximum);
  upper = clampU(upper, min, maximum);
  if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1;
  return [lower, upper];
}

/**
 * Picks the interval: with a fuzz factor in [0,1), a day within the fuzz range;
 * without, the rounded interval clamped to [minimum, maximum].
 */
export function withReviewFuzz(fuzzFactor: number | undefined, interval: number, minimum: number, maximum: number): number {
  if (fuzzFactor !== undefined) {
    const [lower, upper] = constrainedFuzzBounds(interval, minimum, maximum);
    return toU32(Math.floor(add(f32(lower), mul(fuzzFactor, f32(1 + upper - lower)))));
  }
  // Rust's clamp would panic on min > max; Anki never gets there in practice.
  return clampU(toU32(roundHalfAway(f32(interval))), Math.min(minimum, maximum), maximum);
}

/** Keeps fuzz from shrinking a review interval below the previous one (FSRS). */
export function minimumReviewFuzzInterval(interval: number, previousInterval: number, maximumInterval: number): number {
  const rounded = toU32(roundHalfAway(f32(interval)));
  const [, upper] = constrainedFuzzBounds(interval, 1, maximumInterval);
  if (rounded > previousInterval) return previousInterval + 1;
  if (previousInterval <= upper) return previousInterval;
  return 0;
}
