import type { Collection } from '../../../engine/collection';
import type { Notetype } from '../../../engine/model/types';
import { allNotetypes } from '../../../engine/notetypes/store';
import { foldCase } from '../../../engine/text/fold';

/** Notetypes in the order Anki lists them: by name, case-insensitively. */
export function notetypesByName(col: Collection): Notetype[] {
  return allNotetypes(col)
    .map((nt) => ({ nt, key: foldCase(nt.name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.nt.id - b.nt.id))
    .map(({ nt }) => nt);
}

/**
 * modelFieldsOnTemplates: `{{…}}` tokens not starting with # or /, text after the last ":",
 * FrontSide skipped, and on the answer side anything already on the question side.
 */
export function fieldsOnTemplates(nt: Notetype): Record<string, [string[], string[]]> {
  const out: Record<string, [string[], string[]]> = {};
  for (const template of nt.tmpls) {
    const sides: string[][] = [];
    for (const format of [template.qfmt, template.afmt]) {
      const names: string[] = [];
      for (const match of format.matchAll(/\{\{[^#/}]+?\}\}/g)) {
        const name = match[0].replace(/[{}]/g, '').split(':').pop() ?? '';
        if (name === 'FrontSide' || (sides.length === 1 && sides[0]!.includes(name))) continue;
        names.push(name);
      }
      sides.push(names);
    }
    out[template.name] = [sides[0] ?? [], sides[1] ?? []];
  }
  return out;
}
