/**
 * Writing individual card columns, with the checks a save through Anki's backend applies:
 * integer types and ranges of the protobuf Card message, its narrowing casts, valid
 * type/queue enums. Unlike Anki, references (deck, note, template) must exist.
 * Used by setSpecificValueOfCard and setEaseFactors.
 */
import type { Collection } from '../collection';
import { EngineError } from '../errors';
import type { CardId, CardRow } from '../model/types';
import { deckById } from '../decks/store';
import { notetypeById } from '../notetypes/store';
import { NotetypeKind } from '../model/types';
import { requireCard } from './query';

type IntKind = 'i64' | 'u32' | 's32';

const RANGES: Record<IntKind, [number, number]> = {
  i64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  u32: [0, 0xffff_ffff],
  s32: [-0x8000_0000, 0x7fff_ffff],
};

const asU16 = (v: number): number => v & 0xffff;
const asU8 = (v: number): number => v & 0xff;

function cardType(v: number): number {
  if (asU8(v) > 3) throw new EngineError('invalid', 'invalid card type');
  return asU8(v);
}

function cardQueue(v: number): number {
  const asI8 = (v << 24) >> 24;
  if (asI8 < -3 || asI8 > 4) throw new EngineError('invalid', 'invalid card queue');
  return asI8;
}

interface Attribute {
  column: keyof CardRow;
  /** The field of anki.cards.Card (protobuf) the Python attribute is written to. */
  proto: string;
  kind: IntKind;
  /** rslib's conversion from the protobuf value (narrowing casts, enum checks). */
  convert?: (value: number) => number;
}

/** Python Card attributes that map to a column. */
const CARD_ATTRIBUTES: Record<string, Attribute> = {
  id: { column: 'id', proto: 'id', kind: 'i64' },
  nid: { column: 'nid', proto: 'note_id', kind: 'i64' },
  did: { column: 'did', proto: 'deck_id', kind: 'i64' },
  ord: { column: 'ord', proto: 'template_idx', kind: 'u32', convert: asU16 },
  type: { column: 'type', proto: 'ctype', kind: 'u32', convert: cardType },
  queue: { column: 'queue', proto: 'queue', kind: 's32', convert: cardQueue },
  due: { column: 'due', proto: 'due', kind: 's32' },
  ivl: { column: 'ivl', proto: 'interval', kind: 'u32' },
  factor: { column: 'factor', proto: 'ease_factor', kind: 'u32', convert: asU16 },
  reps: { column: 'reps', proto: 'reps', kind: 'u32' },
  lapses: { column: 'lapses', proto: 'lapses', kind: 'u32' },
  left: { column: 'left', proto: 'remaining_steps', kind: 'u32' },
  odue: { column: 'odue', proto: 'original_due', kind: 's32' },
  odid: { column: 'odid', proto: 'original_deck_id', kind: 'i64' },
  flags: { column: 'flags', proto: 'flags', kind: 'u32', convert: asU8 },
};

/** Attributes of Anki's Card object that Engram keeps elsewhere and does not let clients set. */
const UNSUPPORTED = new Set(['custom_data', 'original_position', 'memory_state', 'desired_retention', 'decay', 'last_review_time']);

function pyTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return 'float';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'dict' : typeof value;
}

/** A value as the protobuf Card accepts it (None → 0), then as rslib converts it; Anki's error texts. */
function toColumnValue(attribute: Attribute, value: unknown): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') {
    throw new EngineError('invalid', `Field anki.cards.Card.${attribute.proto}: Expected an int, got a boolean.`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new EngineError('invalid', `'${pyTypeName(value)}' object cannot be interpreted as an integer`);
  }
  const [min, max] = RANGES[attribute.kind];
  if (value < min || value > max) throw new EngineError('invalid', `Value out of range: ${value}`);
  return attribute.convert ? attribute.convert(value) : value;
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
    // Unknown names (and mod/usn, which the backend sets itself) are ignored like setattr on the Python card.
    const attribute = CARD_ATTRIBUTES[key];
    if (attribute) (next[attribute.column] as number) = toColumnValue(attribute, value);
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

/** An ease factor as saving `card.factor = value` through Anki's backend would store it. */
export function checkEaseFactor(value: unknown): number {
  return toColumnValue(CARD_ATTRIBUTES.factor!, value);
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
