/** Rust's `str::parse` for the number types Anki's search parser uses, and f32 printing. */

const UNSIGNED = /^\+?[0-9]+$/;
const SIGNED = /^[+-]?[0-9]+$/;

function parseBig(text: string, pattern: RegExp, min: bigint, max: bigint): bigint | undefined {
  if (!pattern.test(text)) return undefined;
  const value = BigInt(text.startsWith('+') ? text.slice(1) : text);
  return value < min || value > max ? undefined : value;
}

export function parseU8(text: string): number | undefined {
  const v = parseBig(text, UNSIGNED, 0n, 255n);
  return v === undefined ? undefined : Number(v);
}

export function parseU16(text: string): number | undefined {
  const v = parseBig(text, UNSIGNED, 0n, 65_535n);
  return v === undefined ? undefined : Number(v);
}

export function parseU32(text: string): number | undefined {
  const v = parseBig(text, UNSIGNED, 0n, 4_294_967_295n);
  return v === undefined ? undefined : Number(v);
}

export function parseI32(text: string): number | undefined {
  const v = parseBig(text, SIGNED, -2_147_483_648n, 2_147_483_647n);
  return v === undefined ? undefined : Number(v);
}

/** i64, kept as decimal text (ids may exceed 2^53). */
export function parseI64(text: string): string | undefined {
  const v = parseBig(text, SIGNED, -9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n);
  return v === undefined ? undefined : v.toString();
}

const FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** Rust's f32::from_str: the value rounded to f32, or undefined when Rust refuses the text. */
export function parseF32(text: string): number | undefined {
  const special = SPECIAL_FLOAT.exec(text);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT.test(text)) return undefined;
  return Math.fround(Number(text));
}

/**
 * Rust's `Display` for an f32: the shortest decimal that reads back as the same f32,
 * written without an exponent ("inf", "-inf", "NaN" for the special values).
 */
export function formatF32(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const f = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = f.toPrecision(digits);
    if (Math.fround(Number(candidate)) === f) return plainDecimal(candidate);
  }
  return plainDecimal(f.toPrecision(9));
}

/** Expands "1.5e-7" / "3e+38" into plain decimal digits and drops trailing fraction zeros. */
function plainDecimal(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [mantissa, exponentText] = body.split('e');
  const exponent = exponentText ? Number(exponentText) : 0;
  const [intPart, fracPart = ''] = mantissa!.split('.');
  let digits = intPart! + fracPart;
  let pointAt = intPart!.length + exponent;
  if (pointAt <= 0) {
    digits = '0'.repeat(1 - pointAt) + digits;
    pointAt = 1;
  } else if (pointAt > digits.length) {
    digits = digits + '0'.repeat(pointAt - digits.length);
  }
  let integer = digits.slice(0, pointAt).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(pointAt).replace(/0+$/, '');
  if (!integer) integer = '0';
  const out = fraction ? `${integer}.${fraction}` : integer;
  return negative ? `-${out}` : out;
}

/** Rust's `f32 as u32`: truncation, saturating at 0 and u32::MAX, NaN → 0. */
export function f32ToU32(value: number): number {
  if (Number.isNaN(value) || value <= 0) return 0;
  if (value >= 4_294_967_295) return 4_294_967_295;
  return Math.trunc(value);
}
