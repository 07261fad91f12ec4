/**
 * Single-precision helpers. Anki's scheduler (rslib + fsrs-rs) computes in f32,
 * so every intermediate result is rounded with Math.fround to reproduce its
 * numbers bit for bit, including where a value lands when rounded to days.
 */

export const f32 = Math.fround;

export function add(a: number, b: number): number {
  return f32(a + b);
}
export function sub(a: number, b: number): number {
  return f32(a - b);
}
export function mul(a: number, b: number): number {
  return f32(a * b);
}
export function div(a: number, b: number): number {
  return f32(a / b);
}
export function exp(a: number): number {
  return f32(Math.exp(a));
}
export function expm1(a: number): number {
  return f32(Math.expm1(a));
}
export function ln(a: number): number {
  return f32(Math.log(a));
}
export function powf(a: number, b: number): number {
  return f32(Math.pow(a, b));
}
export function sqrt(a: number): number {
  return f32(Math.sqrt(a));
}

/** Rust's f32::round: halves away from zero. */
export function roundHalfAway(a: number): number {
  return a < 0 ? -Math.round(-a) : Math.round(a);
}

/** Rust's saturating `x as u32` for floats (NaN → 0). */
export function toU32(a: number): number {
  if (Number.isNaN(a) || a <= 0) return 0;
  if (a >= 4294967295) return 4294967295;
  return Math.trunc(a);
}

/** Rust's saturating `x as u16` for floats. */
export function toU16(a: number): number {
  return Math.min(65535, toU32(a));
}

/** Rust's `x.clamp(lo, hi)` for floats (NaN stays NaN). */
export function clampF(a: number, lo: number, hi: number): number {
  if (a < lo) return lo;
  if (a > hi) return hi;
  return a;
}

/** Rust's `(value * 10^places).round() / 10^places`, in f32 (storage/card/data.rs). */
export function roundToPlaces(value: number, places: number): number {
  const factor = f32(10 ** places);
  return div(roundHalfAway(mul(value, factor)), factor);
}

/** The shortest decimal digits that read back as the same f32 (what ryu prints). */
function shortestDigits(value: number): { digits: string; exponent: number } {
  for (let precision = 1; precision <= 9; precision++) {
    const text = value.toExponential(precision - 1);
    if (f32(Number(text)) === value) {
      const [mantissa = '0', exp = '0'] = text.split('e');
      const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
      // exponent such that value = 0.digits × 10^(exponent + digits.length) … expressed as digits × 10^k
      return { digits, exponent: Number(exp) - (digits.length - 1) };
    }
  }
  const text = value.toExponential(8);
  const [mantissa = '0', exp = '0'] = text.split('e');
  const digits = mantissa.replace('.', '');
  return { digits, exponent: Number(exp) - (digits.length - 1) };
}

/**
 * Formatted values: answer-button labels and card data repeat a few thousand values at most,
 * and finding the shortest digits costs several toExponential calls each time.
 */
const formatted = new Map<number, string>();
const FORMATTED_LIMIT = 10_000;

/** Formats an f32 the way serde_json (ryu) does: `0.9`, `123.4568`, `36500.0`, `1e-7`. */
export function formatF32(input: number): string {
  const value = f32(input);
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  if (!Number.isFinite(value)) return 'null';
  let text = formatted.get(value);
  if (text === undefined) {
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    text = formatFiniteF32(value);
    formatted.set(value, text);
  }
  return text;
}

function formatFiniteF32(value: number): string {
  const sign = value < 0 ? '-' : '';
  const { digits, exponent: k } = shortestDigits(Math.abs(value));
  const length = digits.length;
  const kk = length + k;
  if (k >= 0 && kk <= 13) return `${sign}${digits}${'0'.repeat(k)}.0`;
  if (kk > 0 && kk <= 13) return `${sign}${digits.slice(0, kk)}.${digits.slice(kk)}`;
  if (kk > -6 && kk <= 0) return `${sign}0.${'0'.repeat(-kk)}${digits}`;
  const exp = kk - 1;
  const mantissa = length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mantissa}e${exp}`;
}
