/**
 * Creating a notetype the way AnkiConnect's createModel does through Anki's ModelManager:
 * a copy of the stock Basic notetype with the given fields and templates (cloze only
 * switches the kind; the CSS stays Basic's unless given), checked and saved in one transaction.
 */
import { createHash } from 'node:crypto';
import type { Collection } from '../collection';
import { NotetypeKind, type Notetype } from '../model/types';
import { EngineError } from '../errors';
import { DEFAULT_CSS, emptyNotetype, newField, newTemplate } from './stock';
import { prepareDraft, type NotetypeDraft } from './change';
import { allNotetypes, notetypeByName, saveNotetype } from './store';

export interface NewNotetype {
  name: string;
  fields: readonly string[];
  templates: readonly { name: string; qfmt: string; afmt: string }[];
  css?: string | null;
  cloze?: boolean;
}

/** ModelManager.ensure_name_unique: a case-insensitive clash gets "-" and 5 hex digits appended. */
function uniqueName(col: Collection, name: string, nowMs: number): string {
  if (!notetypeByName(col, name)) return name;
  let candidate = name;
  let salt = 0;
  while (notetypeByName(col, candidate)) {
    const digest = createHash('sha1').update(String(nowMs / 1000 + salt++)).digest('hex');
    candidate = `${name}-${digest.slice(0, 5)}`;
  }
  return candidate;
}

/** createModel's checks, in the add-on's order (before it looks inside any template). */
export function checkNewNotetype(col: Collection, name: string, fieldCount: number, templateCount: number): void {
  if (!fieldCount) throw new EngineError('invalid', 'Must provide at least one field for inOrderFields');
  if (!templateCount) throw new EngineError('invalid', 'Must provide at least one card for cardTemplates');
  if (allNotetypes(col).some((nt) => nt.name === name)) throw new EngineError('exists', 'Model name already exists');
}

export function createNotetype(col: Collection, spec: NewNotetype): Notetype {
  checkNewNotetype(col, spec.name, spec.fields.length, spec.templates.length);
  const notetype: Notetype = {
    ...emptyNotetype(uniqueName(col, spec.name, col.nowMs())),
    type: spec.cloze ? NotetypeKind.Cloze : NotetypeKind.Normal,
    css: spec.css ?? DEFAULT_CSS,
    originalStockKind: 1,
    flds: spec.fields.map((name, ord) => newField(name, ord)),
    tmpls: spec.templates.map((t, ord) => newTemplate(t.name, ord, t.qfmt, t.afmt)),
  };
  const draft: NotetypeDraft = {
    notetype,
    fieldOrigins: notetype.flds.map(() => null),
    templateOrigins: notetype.tmpls.map(() => null),
  };
  prepareDraft(draft, undefined);
  return col.transact(() => {
    let name = notetype.name;
    while (notetypeByName(col, name)) name += '+';
    const saved = saveNotetype(col, { ...notetype, name });
    col.setConfig('curModel', saved.id);
    return saved;
  });
}
