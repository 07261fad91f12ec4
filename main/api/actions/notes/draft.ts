import type { Deck, Notetype } from '../../../engine/model/types';
import { splitTags } from '../../../engine/text/tags';
import { typeName } from '../../params';
import { ActionError } from '../../registry';
import type { NameLookup } from './lookup';
import { pyContains, pyItem, pyItems, pyStr } from './python';

/** A note being built from an AnkiConnect note object, before it is checked and added. */
export interface DraftNote {
  notetype: Notetype;
  deck: Deck;
  /** Field values in ord order. */
  fields: string[];
  tags: string[];
}

/**
 * The first half of the add-on's createNote, in its order: note type, deck
 * (by_name: case-insensitive, never created), tags, then fields matched to the
 * note type case-insensitively (unknown names are ignored).
 */
export function draftFromNoteObject(note: unknown, lookup: NameLookup): DraftNote {
  const modelName = pyItem(note, 'modelName');
  const notetype = typeof modelName === 'string' ? lookup.notetype(modelName) : undefined;
  if (!notetype) throw new ActionError(`model was not found: ${pyStr(modelName)}`);
  const deckName = pyItem(note, 'deckName');
  const deck = typeof deckName === 'string' ? lookup.deck(deckName) : undefined;
  if (!deck) throw new ActionError(`deck was not found: ${pyStr(deckName)}`);
  const tags = pyContains(note, 'tags') ? parseTags(pyItem(note, 'tags')) : [];
  const fields = notetype.flds.map(() => '');
  const lowerNames = notetype.flds.map((f) => f.name.toLowerCase());
  for (const [name, value] of pyItems(pyItem(note, 'fields'))) {
    const ord = lowerNames.indexOf(name.toLowerCase());
    if (ord < 0) continue;
    if (typeof value !== 'string') {
      throw new ActionError(`field "${notetype.flds[ord]!.name}" must be a string, got ${typeName(value)}`);
    }
    fields[ord] = value;
  }
  return { notetype, deck, fields, tags };
}

/**
 * Tags as a list of strings; a single string is read as space-separated tags, null as none.
 * Like Anki's canonify_tags, a list item holding spaces is several tags.
 */
export function parseTags(value: unknown): string[] {
  if (value === null) return [];
  if (typeof value === 'string') return splitTags(value);
  if (Array.isArray(value) && value.every((t): t is string => typeof t === 'string')) return value.flatMap(splitTags);
  throw new ActionError('Must provide tags as a list of strings');
}

/** Index of a field by exact name (the add-on's `field in note`), or -1. */
export function fieldOrd(notetype: Notetype, name: unknown): number {
  return typeof name === 'string' ? notetype.flds.findIndex((f) => f.name === name) : -1;
}
