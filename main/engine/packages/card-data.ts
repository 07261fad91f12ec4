/**
 * cards.data as Anki reads and re-writes it (rslib/src/storage/card/data.rs): known
 * keys only, each dropped when of the wrong type, FSRS values rounded as f32.
 */
import { f32 } from './convert/values';

export interface CardData {
  pos?: number;
  s?: number;
  d?: number;
  dr?: number;
  decay?: number;
  lrt?: number;
  cd?: string;
}

function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** Rust's `(v * 10^places).round() / 10^places` in f32. */
function roundF32(value: number, places: number): number {
  const factor = Math.fround(10 ** places);
  const scaled = Math.fround(Math.fround(value) * factor);
  return f32(Math.fround(roundHalfAwayFromZero(scaled) / factor));
}

const isU32 = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
const isF32 = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseCardData(raw: string): CardData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const v = parsed as Record<string, unknown>;
  const out: CardData = {};
  if (isU32(v.pos)) out.pos = v.pos;
  if (isF32(v.s)) out.s = v.s;
  if (isF32(v.d)) out.d = v.d;
  if (isF32(v.dr)) out.dr = v.dr;
  if (isF32(v.decay)) out.decay = v.decay;
  if (typeof v.lrt === 'number' && Number.isInteger(v.lrt)) out.lrt = v.lrt;
  if (typeof v.cd === 'string') out.cd = v.cd;
  return out;
}

export function serializeCardData(data: CardData): string {
  const out: Record<string, number | string> = {};
  if (data.pos !== undefined) out.pos = data.pos;
  // Stability and difficulty form one memory state: Anki keeps neither without the other.
  if (data.s !== undefined && data.d !== undefined) {
    out.s = roundF32(data.s, 4);
    out.d = roundF32(data.d, 3);
  }
  if (data.dr !== undefined) out.dr = roundF32(data.dr, 2);
  if (data.decay !== undefined) out.decay = roundF32(data.decay, 3);
  if (data.lrt !== undefined) out.lrt = data.lrt;
  if (data.cd !== undefined && data.cd !== '' && data.cd !== '{}') out.cd = data.cd;
  return JSON.stringify(out);
}

/** What Anki stores after reading a card's data and writing it back. */
export function normalizeCardData(raw: string): string {
  return serializeCardData(parseCardData(raw));
}
