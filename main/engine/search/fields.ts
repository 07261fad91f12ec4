import type { Collection } from '../collection';
import type { Notetype } from '../model/types';
import { allNotetypes } from '../notetypes/store';
import { foldCase } from '../text/fold';
import { globToRegex, isGlob, toText } from './text';

/** Which fields of each notetype a search looks at, as Anki groups them. */
export interface FieldRanges {
  notetypeId: number;
  /** Fields in the notetype. */
  total: number;
  /** Half-open ord ranges; adjacent fields are merged when Anki merges them. */
  ranges: [number, number][];
  /** The individual ords. */
  ords: number[];
  sortFieldExcluded: boolean;
}

/** Anki's collect_ranges: runs of consecutive ords become one range when `join` is set. */
function collectRanges(ords: readonly number[], join: boolean): [number, number][] {
  const ranges: [number, number][] = [];
  for (const ord of ords) {
    const last = ranges[ranges.length - 1];
    if (join && last && last[1] === ord) last[1] = ord + 1;
    else ranges.push([ord, ord + 1]);
  }
  return ranges;
}

/** Anki's glob_matcher for names: wildcard regex (case-insensitive) or Unicode case-insensitive equality. */
export function nameMatcher(search: string): (name: string) => boolean {
  if (isGlob(search)) {
    const re = new RegExp(`^${globToRegex(search)}$`, 'iv');
    return (name) => re.test(name);
  }
  const wanted = foldCase(toText(search));
  return (name) => foldCase(name) === wanted;
}

function byId(a: Notetype, b: Notetype): number {
  return a.id - b.id;
}

/** Fields named like `fieldName` (wildcards allowed), per notetype that has any. */
export function fieldsMatching(col: Collection, fieldName: string, join: boolean): FieldRanges[] {
  const matches = nameMatcher(fieldName);
  const out: FieldRanges[] = [];
  for (const nt of [...allNotetypes(col)].sort(byId)) {
    const ords = nt.flds.map((f, i) => (matches(f.name) ? i : -1)).filter((i) => i >= 0);
    if (!ords.length) continue;
    out.push({ notetypeId: nt.id, total: nt.flds.length, ranges: collectRanges(ords, join), ords, sortFieldExcluded: false });
  }
  return out;
}

/**
 * The searchable fields per notetype, or undefined when no field anywhere is excluded
 * from search (then plain searches look at every field). For regex searches every
 * notetype is listed, even one with nothing searchable, as Anki does.
 */
export function includedFieldsByNotetype(col: Collection, options: { forRegex?: boolean } = {}): FieldRanges[] | undefined {
  const notetypes = allNotetypes(col);
  if (!notetypes.some((nt) => nt.flds.some((f) => f.excludeFromSearch))) return undefined;
  const out: FieldRanges[] = [];
  for (const nt of [...notetypes].sort(byId)) {
    const ords = nt.flds.map((f, i) => (f.excludeFromSearch ? -1 : i)).filter((i) => i >= 0);
    const sortFieldExcluded = nt.flds[nt.sortf]?.excludeFromSearch === true;
    if (!ords.length && !options.forRegex) continue;
    out.push({ notetypeId: nt.id, total: nt.flds.length, ranges: collectRanges(ords, true), ords, sortFieldExcluded });
  }
  return out;
}
