/** Which cards a note generates (rslib/src/notetype/cardgen.rs). */
import type { Notetype } from '../model/types';
import { NotetypeKind } from '../model/types';
import { clozeNumbersInFields } from './cloze';
import { fieldIsEmpty, rendersWithFields } from './emptiness';
import { tryParseTemplate } from './parser';

/** Special fields that always count as non-empty for card generation (Tags only if tagged). */
const ALWAYS_NONEMPTY_SPECIALS = ['Card', 'CardFlag', 'Deck', 'Subdeck', 'Type', 'CardID'];

/** Anki caps cloze card ords at 499 (cloze numbers above 500 all land on card 500). */
const MAX_CLOZE_ORD = 499;

export interface CardGenOptions {
  /** The note's tags; a template whose front needs `{{Tags}}` generates only for tagged notes. */
  tags?: readonly string[];
}

function nonemptyNames(notetype: Notetype, fields: readonly string[], tags: readonly string[]): Set<string> {
  const names = new Set<string>();
  notetype.flds.forEach((field, i) => {
    const value = fields[i];
    if (value !== undefined && !fieldIsEmpty(value)) names.add(field.name);
  });
  const fieldNames = new Set(notetype.flds.map((f) => f.name));
  const specials = tags.some((t) => t.length > 0) ? [...ALWAYS_NONEMPTY_SPECIALS, 'Tags'] : ALWAYS_NONEMPTY_SPECIALS;
  for (const special of specials) if (!fieldNames.has(special)) names.add(special);
  return names;
}

/**
 * Sorted card ords a note with these fields should have. Normal notetypes: templates whose
 * front renders some non-empty field. Cloze notetypes: each cloze number n ≥ 1 in any field
 * gives ord n − 1. May be empty; see cardOrdsForNewNote for what adding a note does then.
 */
export function cardOrdsToGenerate(notetype: Notetype, fields: readonly string[], options: CardGenOptions = {}): number[] {
  if (notetype.type === NotetypeKind.Cloze) {
    const ords = [...clozeNumbersInFields(fields)].map((n) => Math.min(n - 1, MAX_CLOZE_ORD));
    return [...new Set(ords)].sort((a, b) => a - b);
  }
  const nonempty = nonemptyNames(notetype, fields, options.tags ?? []);
  return notetype.tmpls.flatMap((template, ord) => {
    const nodes = tryParseTemplate(template.qfmt);
    return nodes && rendersWithFields(nodes, nonempty) ? [ord] : [];
  });
}

/** Anki's add path: if nothing qualifies it still creates card ord 0 (`ensure_not_empty`). */
export function cardOrdsForNewNote(notetype: Notetype, fields: readonly string[], options: CardGenOptions = {}): number[] {
  const ords = cardOrdsToGenerate(notetype, fields, options);
  return ords.length ? ords : [0];
}
