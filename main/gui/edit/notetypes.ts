import type { Collection } from '../../engine/collection';
import { EngineError } from '../../engine/errors';
import { randomI64 } from '../../engine/ids';
import { NotetypeKind, type Notetype } from '../../engine/model/types';
import { deleteNotes } from '../../engine/notes';
import { noteById, noteFields, noteTags } from '../../engine/notes/query';
import { editNotetype } from '../../engine/notetypes/change';
import { addField, removeField, renameField, repositionField } from '../../engine/notetypes/fields';
import { stockNotetypes } from '../../engine/notetypes/stock';
import { allNotetypes, deleteNotetypeRow, notetypeByName, requireNotetype, saveNotetype } from '../../engine/notetypes/store';
import { addTemplate, removeTemplate, renameTemplate, repositionTemplate } from '../../engine/notetypes/templates';
import { renderCardSides } from '../../engine/template';
import { deckById } from '../../engine/decks/store';
import type { NotetypeInfo, NotetypeOp, StockKind, TemplatePreview } from '../../../shared/bridge/edit';
import { singleNotetypeInfo } from './info';
import { mediaDataUrls } from './media';

const STOCK_INDEX: Record<StockKind, number> = {
  basic: 0,
  'basic-reversed': 1,
  'basic-optional-reversed': 2,
  'basic-typing': 3,
  cloze: 4,
};

function info(col: Collection, id: number): NotetypeInfo {
  const found = singleNotetypeInfo(col, id);
  if (!found) throw new EngineError('not-found', `notetype not found: ${id}`);
  return found;
}

/** A copy with fresh field and template ids, as a new notetype (id 0). */
function freshCopy(source: Notetype, name: string): Notetype {
  const copy = structuredClone(source);
  copy.id = 0;
  copy.name = name;
  copy.flds.forEach((f) => (f.id = randomI64()));
  copy.tmpls.forEach((t) => (t.id = randomI64()));
  return copy;
}

/** Note types manager "Add": a stock kind or a clone of an existing note type, under a new name. */
export function addNotetype(col: Collection, name: string, stock?: StockKind, cloneFrom?: number): NotetypeInfo {
  const clean = name.trim();
  if (!clean) throw new EngineError('invalid', 'the note type needs a name');
  if (notetypeByName(col, clean)) throw new EngineError('exists', `a note type named "${clean}" already exists`);
  const source = cloneFrom !== undefined ? requireNotetype(col, cloneFrom) : stockNotetypes()[STOCK_INDEX[stock ?? 'basic']];
  if (!source) throw new EngineError('invalid', `unknown note type kind: ${String(stock)}`);
  const saved = col.transact(() => saveNotetype(col, freshCopy(source, clean)));
  return info(col, saved.id);
}

/** Deletes a note type with all its notes and cards (as Anki does); the last one cannot go. */
export function deleteNotetype(col: Collection, id: number): void {
  requireNotetype(col, id);
  if (allNotetypes(col).length < 2) throw new EngineError('invalid', 'the last note type cannot be deleted');
  col.transact(() => {
    const notes = col.prepare('SELECT id FROM notes WHERE mid = ?').pluck().all(id) as number[];
    deleteNotes(col, notes);
    col.markSchemaChanged();
    deleteNotetypeRow(col, id);
    if (col.getConfig<number>('curModel', 0) === id) col.setConfig('curModel', allNotetypes(col)[0]!.id);
  });
}

function fieldName(nt: Notetype, ord: number): string {
  const field = nt.flds[ord];
  if (!field) throw new EngineError('not-found', `field ${ord + 1} not found in ${nt.name}`);
  return field.name;
}

function templateName(nt: Notetype, ord: number): string {
  const template = nt.tmpls[ord];
  if (!template) throw new EngineError('not-found', `template ${ord + 1} not found in ${nt.name}`);
  return template.name;
}

/**
 * A new card type starts as the reverse of the first field pair; Anki refuses two
 * templates with the same front, so a clash gets a marker comment.
 */
function newTemplateSides(nt: Notetype): { qfmt: string; afmt: string } {
  const names = nt.flds.map((f) => f.name);
  const front = names[1] ?? names[0] ?? 'Front';
  let qfmt = `{{${front}}}`;
  const fronts = new Set(nt.tmpls.map((t) => t.qfmt));
  for (let n = nt.tmpls.length + 1; fronts.has(qfmt); n++) qfmt = `<!-- card ${n} -->{{${front}}}`;
  return { qfmt, afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{${names[0] ?? front}}}` };
}

/** One change from the note types manager, through the engine's notetype operations. */
export function applyNotetypeOp(col: Collection, id: number, op: NotetypeOp): NotetypeInfo {
  const nt = requireNotetype(col, id);
  switch (op.kind) {
    case 'rename':
      if (!op.name.trim()) throw new EngineError('invalid', 'the note type needs a name');
      editNotetype(col, id, ({ notetype }) => (notetype.name = op.name.trim()));
      break;
    case 'css':
      editNotetype(col, id, ({ notetype }) => (notetype.css = op.css));
      break;
    case 'sortField':
      fieldName(nt, op.ord);
      editNotetype(col, id, ({ notetype }) => (notetype.sortf = op.ord));
      break;
    case 'fieldSticky':
      fieldName(nt, op.ord);
      editNotetype(col, id, ({ notetype }) => (notetype.flds[op.ord]!.sticky = op.sticky));
      break;
    case 'addField':
      if (!op.name.trim()) throw new EngineError('invalid', 'the field needs a name');
      if (nt.flds.some((f) => f.name === op.name.trim())) throw new EngineError('exists', `a field named "${op.name.trim()}" already exists`);
      addField(col, id, op.name.trim());
      break;
    case 'renameField':
      renameField(col, id, fieldName(nt, op.ord), op.name);
      break;
    case 'repositionField':
      repositionField(col, id, fieldName(nt, op.ord), op.to);
      break;
    case 'removeField':
      if (nt.flds.length < 2) throw new EngineError('invalid', 'a note type needs at least one field');
      removeField(col, id, fieldName(nt, op.ord));
      break;
    case 'addTemplate':
      if (nt.type === NotetypeKind.Cloze) throw new EngineError('invalid', 'cloze note types have one template');
      if (!addTemplate(col, id, { name: op.name.trim(), ...newTemplateSides(nt) })) {
        throw new EngineError('exists', `a template named "${op.name.trim()}" already exists`);
      }
      break;
    case 'renameTemplate':
      renameTemplate(col, id, templateName(nt, op.ord), op.name);
      break;
    case 'repositionTemplate':
      repositionTemplate(col, id, templateName(nt, op.ord), op.to);
      break;
    case 'removeTemplate':
      removeTemplate(col, id, templateName(nt, op.ord));
      break;
    case 'template':
      templateName(nt, op.ord);
      editNotetype(col, id, ({ notetype }) => {
        notetype.tmpls[op.ord]!.qfmt = op.qfmt;
        notetype.tmpls[op.ord]!.afmt = op.afmt;
      });
      break;
  }
  return info(col, id);
}

/** Fields to preview with: the given note, else the note type's first note, else each field's name. */
function previewFields(col: Collection, nt: Notetype, noteId?: number): { fields: string[]; tags: string[]; deck: string } {
  const note = noteId !== undefined ? noteById(col, noteId) : (col.prepare('SELECT * FROM notes WHERE mid = ? ORDER BY id LIMIT 1').get(nt.id) as ReturnType<typeof noteById>);
  if (note && note.mid === nt.id) {
    const did = col.prepare('SELECT did FROM cards WHERE nid = ? ORDER BY ord LIMIT 1').pluck().get(note.id) as number | undefined;
    return { fields: noteFields(note), tags: noteTags(note), deck: deckById(col, did ?? 1)?.name ?? 'Default' };
  }
  const fields = nt.flds.map((f) => `(${f.name})`);
  if (nt.type === NotetypeKind.Cloze) fields[0] = 'This is a {{c1::sample}} cloze deletion.';
  return { fields, tags: [], deck: 'Default' };
}

/** Pictures are inlined so the preview frame can show them. */
function inlineMedia(col: Collection, html: string): string {
  const names = [...html.matchAll(/<img[^>]*\ssrc=["']?([^"' >]+)/gi)].map((m) => m[1]!).filter((n) => !/^[a-z]+:/i.test(n));
  if (!names.length) return html;
  const urls = mediaDataUrls(col, names);
  return html.replace(/(<img[^>]*\ssrc=["']?)([^"' >]+)/gi, (whole, prefix: string, name: string) => (urls[name] ? `${prefix}${urls[name]}` : whole));
}

/** Renders the template being edited (not yet saved) for the live preview. */
export function previewTemplate(
  col: Collection,
  input: { notetypeId: number; ord: number; qfmt: string; afmt: string; css: string; noteId?: number },
): TemplatePreview {
  const nt = structuredClone(requireNotetype(col, input.notetypeId));
  const template = nt.tmpls[nt.type === NotetypeKind.Cloze ? 0 : input.ord];
  if (!template) throw new EngineError('not-found', `template ${input.ord + 1} not found in ${nt.name}`);
  template.qfmt = input.qfmt;
  template.afmt = input.afmt;
  nt.css = input.css;
  const sample = previewFields(col, nt, input.noteId);
  try {
    const sides = renderCardSides({
      notetype: nt,
      fields: sample.fields,
      cardOrd: nt.type === NotetypeKind.Cloze ? 0 : input.ord,
      tags: sample.tags,
      deckName: sample.deck,
      cardFlag: 0,
    });
    return { question: inlineMedia(col, sides.questionText), answer: inlineMedia(col, sides.answerText), css: input.css, error: null };
  } catch (error) {
    return { question: '', answer: '', css: input.css, error: error instanceof Error ? error.message : String(error) };
  }
}
