/**
 * Card template and styling operations on an existing notetype, each one transaction.
 * Templates are found by exact name. Removing a template deletes its cards; adding one
 * generates the cards existing notes now call for.
 */
import type { Collection } from '../collection';
import type { Notetype, NotetypeId } from '../model/types';
import { EngineError } from '../errors';
import { newTemplate } from './stock';
import { editNotetype, prepareDraft, startDraft } from './change';
import { moveWithOrigins } from './fields';
import { allNotetypes, requireNotetype, saveNotetype } from './store';

function templateIndex(nt: Notetype, name: string): number {
  const index = nt.tmpls.findIndex((t) => t.name === name);
  if (index < 0) throw new EngineError('not-found', `template was not found in ${nt.name}: ${name}`);
  return index;
}

export function renameTemplate(col: Collection, id: NotetypeId, oldName: string, newName: string): Notetype {
  return editNotetype(col, id, ({ notetype }) => {
    notetype.tmpls[templateIndex(notetype, oldName)]!.name = newName;
  });
}

export function repositionTemplate(col: Collection, id: NotetypeId, name: string, index: number): Notetype {
  return editNotetype(col, id, (draft) => {
    moveWithOrigins(draft.notetype.tmpls, draft.templateOrigins, templateIndex(draft.notetype, name), index);
  });
}

/**
 * Adds a template. When one with that exact name exists the add-on changes it in memory
 * only and never saves, so this leaves the notetype untouched and returns false.
 */
export function addTemplate(col: Collection, id: NotetypeId, template: { name: string; qfmt: string; afmt: string }): boolean {
  if (requireNotetype(col, id).tmpls.some((t) => t.name === template.name)) return false;
  editNotetype(col, id, (draft) => {
    const { tmpls } = draft.notetype;
    tmpls.push(newTemplate(template.name, tmpls.length, template.qfmt, template.afmt));
    draft.templateOrigins.push(null);
  });
  return true;
}

/** Notes of the notetype whose only cards use template `ord`. */
function notesOnlyOnTemplate(col: Collection, id: NotetypeId, ord: number): number {
  return col
    .prepare(
      `SELECT count(*) FROM (SELECT nid FROM cards WHERE nid IN (SELECT id FROM notes WHERE mid = ?)
       GROUP BY nid HAVING sum(ord != ?) = 0)`,
    )
    .pluck()
    .get(id, ord) as number;
}

/** Removes a template and its cards; refused for the last template or when notes would be left without cards. */
export function removeTemplate(col: Collection, id: NotetypeId, name: string): Notetype {
  const nt = requireNotetype(col, id);
  const index = templateIndex(nt, name);
  if (nt.tmpls.length < 2) throw new EngineError('invalid', 'must have 1 template');
  const orphans = notesOnlyOnTemplate(col, id, index);
  if (orphans) {
    throw new EngineError('invalid', `removing template "${name}" would leave ${orphans} note(s) without cards`);
  }
  return editNotetype(col, id, (draft) => {
    draft.notetype.tmpls.splice(index, 1);
    draft.templateOrigins.splice(index, 1);
  });
}

/** Replaces template sides by name; unknown names and empty strings are ignored (a side cannot be blanked). */
export function updateTemplateFormats(
  col: Collection,
  id: NotetypeId,
  updates: ReadonlyMap<string, { qfmt?: string | null; afmt?: string | null }>,
): Notetype {
  return editNotetype(col, id, ({ notetype }) => {
    for (const template of notetype.tmpls) {
      const update = updates.get(template.name);
      if (!update) continue;
      if (update.qfmt) template.qfmt = update.qfmt;
      if (update.afmt) template.afmt = update.afmt;
    }
  });
}

export function setNotetypeCss(col: Collection, id: NotetypeId, css: string): Notetype {
  return editNotetype(col, id, ({ notetype }) => {
    notetype.css = css;
  });
}

export interface FindReplaceOptions {
  front: boolean;
  back: boolean;
  css: boolean;
}

/**
 * Plain substring replace in the chosen parts of each notetype (all when `ids` is null).
 * Every notetype is saved, as in the add-on; returns how many contained the text.
 */
export function findAndReplaceInNotetypes(
  col: Collection,
  ids: readonly NotetypeId[] | null,
  find: string,
  replace: string,
  options: FindReplaceOptions,
): number {
  const targets = ids ? ids.map((id) => requireNotetype(col, id)) : allNotetypes(col);
  const drafts = targets.map((nt) => {
    const draft = startDraft(nt);
    let found = false;
    const swap = (text: string): string => {
      if (!text.includes(find)) return text;
      found = true;
      return text.replaceAll(find, replace);
    };
    if (options.css) draft.notetype.css = swap(draft.notetype.css);
    for (const template of draft.notetype.tmpls) {
      if (options.front) template.qfmt = swap(template.qfmt);
      if (options.back) template.afmt = swap(template.afmt);
    }
    prepareDraft(draft, nt);
    return { draft, found };
  });
  return col.transact(() => {
    for (const { draft } of drafts) saveNotetype(col, draft.notetype);
    return drafts.filter((d) => d.found).length;
  });
}
