/**
 * Writing individual card columns, with the checks a save through Anki's backend applies:
 * integer types and ranges of the protobuf Card message, valid type/queue enums, and
 * references that exist. Used by setSpecificValueOfCard and setEaseFactors.
 */
import type { Collection } from '../collection';
import { EngineError } from '../errors';
import type { CardId, CardRow } from '../model/types';
import { deckById } from '../decks/store';
import { notetypeById } from '../notetypes/store';
import { NotetypeKind } from '../model/types';
import { requireCard } from './query';

type IntKind = 'i64' | 'u32' | 's32' | 'u16' | 'u8';

const RANGES: Record<IntKind, [number, number]> = {
  i64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  u32: [0, 0xffff_ffff],
  s32: [-0x8000_0000, 0x7fff_ffff],
  // The backend narrows these to u16/u8; out-of-range values are refused instead of wrapped.
  u16: [0, 0xffff],
  u8: [0, 0xff],
};

/** Python Card attributes that map to a column, with the protobuf type of their field. */
const CARD_ATTRIBUTES: Record<string, { column: keyof CardRow; kind: IntKind }> = {
  id: { column: 'id', kind: 'i64' },
  nid: { column: 'nid', kind: 'i64' },
  did: { column: 'did', kind: 'i64' },
  ord: { column: 'ord', kind: 'u16' },
  type: { column: 'type', kind: 'u32' },
  queue: { column: 'queue', kind: 's32' },
  due: { column: 'due', kind: 's32' },
  ivl: { column: 'ivl', kind: 'u32' },
  factor: { column: 'factor', kind: 'u16' },
  reps: { column: 'reps', kind: 'u32' },
  lapses: { column: 'lapses', kind: 'u32' },
  left: { column: 'left', kind: 'u32' },
  odue: { column: 'odue', kind: 's32' },
  odid: { column: 'odid', kind: 'i64' },
  flags: { column: 'flags', kind: 'u8' },
};

/** Attributes the backend sets itself on save (so assigning them has no effect). */
const BACKEND_MANAGED = new Set(['mod', 'usn']);

/** Attributes of Anki's Card object that Engram keeps elsewhere and does not let clients set. */
const UNSUPPORTED = new Set(['custom_data', 'original_position', 'memory_state', 'desired_retention', 'decay', 'last_review_time']);

function pyTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return 'float';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'dict' : typeof value;
}

/** A value as protobuf would accept it for an integer field: ints (and bools), None → 0. */
function toInteger(key: string, value: unknown, kind: IntKind): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new EngineError('invalid', `invalid value for '${key}': '${pyTypeName(value)}' object cannot be interpreted as an integer`);
  }
  const [min, max] = RANGES[kind];
  if (value < min || value > max) throw new EngineError('invalid', `Value out of range: ${value}`);
  return value;
}

/** The enum checks rslib applies when converting the protobuf card. */
function checkEnums(column: keyof CardRow, value: number): number {
  if (column === 'type' && (value & 0xff) > 3) throw new EngineError('invalid', 'invalid card type');
  if (column === 'type') return value & 0xff;
  if (column === 'queue') {
    const asI8 = (value << 24) >> 24;
    if (asI8 < -3 || asI8 > 4) throw new EngineError('invalid', 'invalid card queue');
    return asI8;
  }
  return value;
}

function checkReferences(col: Collection, card: CardRow, next: CardRow): void {
  if (next.id !== card.id) throw new EngineError('invalid', "changing a card's id is not supported");
  if (next.did !== card.did && !deckById(col, next.did)) throw new EngineError('not-found', `deck was not found: ${next.did}`);
  if (next.odid !== card.odid && next.odid !== 0 && !deckById(col, next.odid)) {
    throw new EngineError('not-found', `deck was not found: ${next.odid}`);
  }
  if (next.nid !== card.nid || next.ord !== card.ord) {
    const note = col.prepare('SELECT mid FROM notes WHERE id = ?').get(next.nid) as { mid: number } | undefined;
    if (!note) throw new EngineError('not-found', `Note was not found: ${next.nid}`);
    const notetype = notetypeById(col, note.mid);
    if (notetype && notetype.type === NotetypeKind.Normal && next.ord >= notetype.tmpls.length) {
      throw new EngineError('invalid', `card template ${next.ord + 1} does not exist in notetype "${notetype.name}"`);
    }
    const clash = col.prepare('SELECT id FROM cards WHERE nid = ? AND ord = ? AND id != ?').get(next.nid, next.ord, card.id);
    if (clash) throw new EngineError('invalid', `the note already has a card with ord ${next.ord}`);
  }
}

/**
 * Assigns card attributes by their Python names (Anki's Card object) in one transaction.
 * Unknown names are ignored, as setattr on the Python object would be; invalid values throw.
 */
export function setCardValues(col: Collection, cardId: CardId, values: readonly (readonly [string, unknown])[]): void {
  const card = requireCard(col, cardId);
  const next: CardRow = { ...card };
  for (const [key, value] of values) {
    if (UNSUPPORTED.has(key)) throw new EngineError('unsupported', `setting '${key}' is not supported`);
    const attribute = CARD_ATTRIBUTES[key];
    if (BACKEND_MANAGED.has(key)) {
      toInteger(key, value, key === 'usn' ? 's32' : 'i64');
      continue;
    }
    if (!attribute) continue;
    (next[attribute.column] as number) = checkEnums(attribute.column, toInteger(key, value, attribute.kind));
  }
  checkReferences(col, card, next);
  col.transact(() => {
    col
      .prepare(
        `UPDATE cards SET nid = ?, did = ?, ord = ?, type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?,
         lapses = ?, left = ?, odue = ?, odid = ?, flags = ?, mod = ?, usn = -1 WHERE id = ?`,
      )
      .run(
        next.nid, next.did, next.ord, next.type, next.queue, next.due, next.ivl, next.factor, next.reps,
        next.lapses, next.left, next.odue, next.odid, next.flags, col.nowSecs(), card.id,
      );
  });
}

/** Checks an ease factor the way the backend's u32 field does. */
export function checkEaseFactor(value: unknown): number {
  return toInteger('factor', value, 'u16');
}

/** Sets ease factors (already checked) of existing cards in one transaction. */
export function setEaseFactors(col: Collection, changes: readonly (readonly [CardId, number])[]): void {
  if (!changes.length) return;
  col.transact(() => {
    const update = col.prepare('UPDATE cards SET factor = ?, mod = ?, usn = -1 WHERE id = ?');
    const mod = col.nowSecs();
    for (const [id, factor] of changes) update.run(factor, mod, id);
  });
}
