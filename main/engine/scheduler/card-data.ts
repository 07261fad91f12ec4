import { f32, formatF32, roundToPlaces } from './f32';

/**
 * The `cards.data` JSON (anki-format.md §4.6, rslib storage/card/data.rs).
 * Floats are f32 values; unknown keys are dropped when Anki rewrites the column.
 */
export interface CardData {
  /** Original new-queue position. */
  pos?: number;
  /** FSRS stability (days). */
  s?: number;
  /** FSRS difficulty 1–10. */
  d?: number;
  /** Desired retention at the last answer. */
  dr?: number;
  /** FSRS decay used. */
  decay?: number;
  /** Last review time, Unix seconds. */
  lrt?: number;
  /** Custom data: a string holding a JSON object. */
  cd?: string;
}

export interface MemoryState {
  stability: number;
  difficulty: number;
}

function asU32(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4294967295 ? value : undefined;
}

function asF32(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? f32(value) : undefined;
}

function asI64(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Reads the column; invalid JSON (or an invalid `cd`) gives empty data, as in Anki. */
export function parseCardData(text: string): CardData {
  // Most cards hold nothing; a thrown JSON.parse('') costs more than the whole answer.
  if (text === '' || text === '{}') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const obj = raw as Record<string, unknown>;
  if (obj.cd !== undefined && typeof obj.cd !== 'string') return {};
  const data: CardData = {};
  const pos = asU32(obj.pos);
  if (pos !== undefined) data.pos = pos;
  const s = asF32(obj.s);
  if (s !== undefined) data.s = s;
  const d = asF32(obj.d);
  if (d !== undefined) data.d = d;
  const dr = asF32(obj.dr);
  if (dr !== undefined) data.dr = dr;
  const decay = asF32(obj.decay);
  if (decay !== undefined) data.decay = decay;
  const lrt = asI64(obj.lrt);
  if (lrt !== undefined) data.lrt = lrt;
  if (typeof obj.cd === 'string') data.cd = obj.cd;
  return data;
}

/** Writes the column exactly as Anki does: fixed key order, rounded f32 values, `{}` when empty. */
export function serializeCardData(data: CardData): string {
  const parts: string[] = [];
  if (data.pos !== undefined) parts.push(`"pos":${data.pos}`);
  // Stability and difficulty form one memory state: Anki keeps neither without the other.
  if (data.s !== undefined && data.d !== undefined) {
    parts.push(`"s":${formatF32(roundToPlaces(data.s, 4))}`, `"d":${formatF32(roundToPlaces(data.d, 3))}`);
  }
  if (data.dr !== undefined) parts.push(`"dr":${formatF32(roundToPlaces(data.dr, 2))}`);
  if (data.decay !== undefined) parts.push(`"decay":${formatF32(roundToPlaces(data.decay, 3))}`);
  if (data.lrt !== undefined) parts.push(`"lrt":${data.lrt}`);
  if (data.cd !== undefined && data.cd !== '' && data.cd !== '{}') parts.push(`"cd":${JSON.stringify(data.cd)}`);
  return `{${parts.join(',')}}`;
}

export function memoryStateOf(data: CardData): MemoryState | undefined {
  return data.s !== undefined && data.d !== undefined ? { stability: data.s, difficulty: data.d } : undefined;
}

/** Returns a copy of `data` with the memory state replaced (or removed). */
export function withMemoryState(data: CardData, state: MemoryState | undefined): CardData {
  const next = { ...data };
  if (state) {
    next.s = state.stability;
    next.d = state.difficulty;
  } else {
    delete next.s;
    delete next.d;
  }
  return next;
}
