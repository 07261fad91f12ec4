import type { Collection } from '../collection';
import type { Notetype, NoteRow } from '../model/types';
import { NotetypeKind } from '../model/types';
import { allNotetypes } from '../notetypes/store';
import { cardOrdsForNewNote, cardOrdsToGenerate } from '../template';
import { insertNewCards, takeNextPosition } from '../cards/create';
import { deckById } from '../decks/store';
import { canonicalTagList, joinTags, splitTags } from '../text/tags';
import { fieldChecksum, joinFields, sortFieldText, splitFields } from '../text/note-text';
import { foldCase } from '../text/fold';
import { plural, type ReportBuilder } from './report';

const MAX_CLOZE_ORD = 499;

/** Pads missing fields; extra fields are merged into the last one with "; " (Anki's fix). */
export function fixFieldCount(fields: readonly string[], expected: number): string[] {
  if (fields.length === expected) return [...fields];
  if (fields.length < expected) return [...fields, ...Array<string>(expected - fields.length).fill('')];
  const kept = fields.slice(0, expected - 1);
  const rest = fields.slice(expected - 1).filter((f) => f.length > 0);
  return [...kept, rest.join('; ')];
}

function withTag(tags: string, tag: string): string {
  const list = splitTags(tags);
  return joinTags(canonicalTagList([...list, tag]));
}

interface NoteFixCounts {
  fieldCount: number;
  checksums: number;
  cardsWithoutTemplate: number;
  cardsGenerated: number;
}

function validOrd(nt: Notetype, ord: number): boolean {
  return nt.type === NotetypeKind.Cloze ? ord <= MAX_CLOZE_ORD : ord < nt.tmpls.length;
}

function fixOneNote(col: Collection, nt: Notetype, note: NoteRow, counts: NoteFixCounts): void {
  let fields = splitFields(note.flds);
  let tags = note.tags;
  if (fields.length !== nt.flds.length) {
    fields = fixFieldCount(fields, nt.flds.length);
    tags = withTag(tags, 'db-check');
    counts.fieldCount++;
  }
  const flds = joinFields(fields);
  const sfld = sortFieldText(fields[nt.sortf] ?? '');
  const csum = fieldChecksum(fields[0] ?? '');
  if (flds !== note.flds || String(sfld) !== String(note.sfld) || csum !== note.csum || tags !== note.tags) {
    col.db
      .prepare('UPDATE notes SET flds = ?, sfld = ?, csum = ?, tags = ?, mod = ?, usn = -1 WHERE id = ?')
      .run(flds, sfld, csum, tags, col.nowSecs(), note.id);
    if (flds === note.flds && tags === note.tags) counts.checksums++;
  }
  const cards = col.db.prepare('SELECT id, ord, did FROM cards WHERE nid = ?').all(note.id) as { id: number; ord: number; did: number }[];
  const grave = col.db.prepare('INSERT OR REPLACE INTO graves (oid, type, usn) VALUES (?, 0, -1)');
  for (const card of cards.filter((c) => !validOrd(nt, c.ord))) {
    col.db.prepare('DELETE FROM cards WHERE id = ?').run(card.id);
    grave.run(card.id);
    counts.cardsWithoutTemplate++;
  }
  const remaining = cards.filter((c) => validOrd(nt, c.ord));
  const have = new Set(remaining.map((c) => c.ord));
  const wanted = remaining.length
    ? cardOrdsToGenerate(nt, fields, { tags: splitTags(tags) })
    : cardOrdsForNewNote(nt, fields, { tags: splitTags(tags) });
  const missing = wanted.filter((ord) => !have.has(ord));
  if (missing.length) {
    const fallback = col.getConfig<number>('curDeck', 1);
    const deckId = remaining[0]?.did ?? (deckById(col, fallback) ? fallback : 1);
    const position = (col.db.prepare('SELECT min(due) FROM cards WHERE nid = ? AND type = 0').pluck().get(note.id) as number | null) ?? takeNextPosition(col);
    insertNewCards(col, note.id, nt, missing, deckId, position);
    counts.cardsGenerated += missing.length;
  }
}

/**
 * Per note: field count, sort field and checksum, cards whose template is gone,
 * and cards the note should have but lacks. One transaction for all notes.
 */
export function fixNotes(col: Collection, report: ReportBuilder): void {
  const counts: NoteFixCounts = { fieldCount: 0, checksums: 0, cardsWithoutTemplate: 0, cardsGenerated: 0 };
  col.transact(() => {
    const select = col.db.prepare('SELECT * FROM notes WHERE mid = ?');
    for (const nt of allNotetypes(col)) {
      for (const note of select.all(nt.id) as NoteRow[]) fixOneNote(col, nt, note, counts);
    }
  });
  report.add('fieldCount', counts.fieldCount, (n) => `Fixed ${plural(n, 'note')} with wrong field count.`);
  report.add('cardsWithoutTemplate', counts.cardsWithoutTemplate, (n) => `Deleted ${plural(n, 'card')} with missing template.`);
  report.add('cardsGenerated', counts.cardsGenerated, (n) => `Generated ${plural(n, 'missing card')}.`);
  report.add('checksums', counts.checksums, (n) => `Updated sort field and checksum of ${plural(n, 'note')}.`);
}

/** The tag registry lists exactly the tags notes use (with their parents), case-insensitively. */
export function rebuildTagRegistry(col: Collection, report: ReportBuilder): void {
  let added = 0;
  let removed = 0;
  col.transact(() => {
    const used = new Map<string, string>();
    for (const row of col.db.prepare('SELECT DISTINCT tags FROM notes').pluck().iterate() as IterableIterator<string>) {
      for (const tag of splitTags(row)) {
        const parts = tag.split('::');
        for (let i = 1; i <= parts.length; i++) {
          const name = parts.slice(0, i).join('::');
          if (!used.has(foldCase(name))) used.set(foldCase(name), name);
        }
      }
    }
    const existing = new Set(col.db.prepare('SELECT tag_key FROM tags').pluck().all() as string[]);
    const insert = col.db.prepare('INSERT OR IGNORE INTO tags (tag, tag_key, usn, collapsed) VALUES (?, ?, -1, 0)');
    for (const [key, tag] of used) if (!existing.has(key)) added += insert.run(tag, key).changes;
    const del = col.db.prepare('DELETE FROM tags WHERE tag_key = ?');
    for (const key of existing) if (!used.has(key)) removed += del.run(key).changes;
  });
  report.add('tagsRegistered', added, (n) => `Registered ${plural(n, 'missing tag')}.`);
  report.add('tagsRemoved', removed, (n) => `Removed ${plural(n, 'unused tag')}.`);
}

/** nextPos must be beyond every new card's position. */
export function fixNextPosition(col: Collection, report: ReportBuilder): void {
  const max = col.db.prepare('SELECT max(due) FROM cards WHERE type = 0').pluck().get() as number | null;
  const next = col.getConfig<number>('nextPos', 1);
  if (max === null || next > max) return;
  col.transact(() => col.setConfig('nextPos', max + 1));
  report.add('nextPosition', 1, () => 'Fixed the next new card position.');
}
