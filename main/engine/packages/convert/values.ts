/**
 * Lenient readers for legacy JSON values, mirroring the serde attributes Anki uses
 * (`default_on_invalid`, `deserialize_number_from_string`, `deserialize_bool_from_anything`).
 */
import { isJsonObject, parseJson, stringifyJson, type JsonValue } from '../json';

export type JsonObject = { [key: string]: JsonValue };

export function asNumber(value: unknown, fallback = 0): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}

export function asInt(value: unknown, fallback = 0): number {
  return Math.trunc(asNumber(value, fallback));
}

export function asOptionalInt(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = asNumber(value, Number.NaN);
  return Number.isNaN(n) ? null : Math.trunc(n);
}

/** An i64 (possibly beyond 2^53) or null. */
export function asI64(value: unknown): bigint | null {
  if (typeof value === 'bigint') return BigInt.asIntN(64, value);
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt.asIntN(64, BigInt(value.trim()));
  return null;
}

export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

export function asBool(value: unknown, fallback = false): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'string') return value === 'true' || (value !== '' && value !== '0' && value !== 'false');
  return fallback;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asFloats(value: unknown): number[] {
  return asArray(value).map((v) => asNumber(v, 0));
}

/** The shortest decimal that reads back as the same f32, as serde_json prints an f32. */
export function f32(value: number): number {
  const single = Math.fround(value);
  if (!Number.isFinite(single) || Number.isInteger(single)) return single;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return single;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Unknown legacy keys → the protobuf `other` bytes (empty when there are none). */
export function otherToBytes(other: JsonObject): Uint8Array {
  return Object.keys(other).length ? encoder.encode(stringifyJson(other)) : new Uint8Array(0);
}

/** The protobuf `other` bytes → unknown legacy keys, minus keys the typed fields own. */
export function otherFromBytes(bytes: Uint8Array, reserved: ReadonlySet<string>): JsonObject {
  if (!bytes.length) return {};
  let parsed: JsonValue;
  try {
    parsed = parseJson(decoder.decode(bytes));
  } catch {
    return {};
  }
  if (!isJsonObject(parsed)) return {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(parsed)) if (!reserved.has(k)) out[k] = v;
  return out;
}

/** Keys of `source` not in `known`, plus the entries of a nested `other` object (Engram keeps them there). */
export function collectOther(source: Record<string, unknown>, known: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(source)) {
    if (known.has(k) || v === undefined) continue;
    if (k === 'other' && isJsonObject(v)) Object.assign(out, v);
    else out[k] = v as JsonValue;
  }
  return out;
}
