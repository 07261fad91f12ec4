import type { Notetype, NotetypeField, NotetypeTemplate } from '../../../engine/model/types';

/** Known keys first in Anki's schema-11 order, then any unknown legacy keys kept in `other`. */
function withOther(known: Record<string, unknown>, other: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...known };
  for (const [key, value] of Object.entries(other ?? {})) if (!(key in out)) out[key] = value;
  return out;
}

function fieldJson(f: NotetypeField): Record<string, unknown> {
  return withOther(
    {
      name: f.name,
      ord: f.ord,
      sticky: f.sticky,
      rtl: f.rtl,
      font: f.font,
      size: f.size,
      description: f.description,
      plainText: f.plainText,
      collapsed: f.collapsed,
      excludeFromSearch: f.excludeFromSearch,
      id: f.id,
      tag: f.tag,
      preventDeletion: f.preventDeletion,
    },
    f.other,
  );
}

function templateJson(t: NotetypeTemplate): Record<string, unknown> {
  return withOther(
    {
      name: t.name,
      ord: t.ord,
      qfmt: t.qfmt,
      afmt: t.afmt,
      bqfmt: t.bqfmt,
      bafmt: t.bafmt,
      did: t.did,
      bfont: t.bfont,
      bsize: t.bsize,
      id: t.id,
    },
    t.other,
  );
}

/** The full legacy notetype dict findModelsById/findModelsByName/createModel return (ids stay bigint). */
export function notetypeJson(nt: Notetype): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: nt.id,
    name: nt.name,
    type: nt.type,
    mod: nt.mod,
    usn: nt.usn,
    sortf: nt.sortf,
    did: nt.did,
    tmpls: nt.tmpls.map(templateJson),
    flds: nt.flds.map(fieldJson),
    css: nt.css,
    latexPre: nt.latexPre,
    latexPost: nt.latexPost,
    latexsvg: nt.latexsvg,
    req: nt.req,
  };
  if (nt.originalStockKind) out.originalStockKind = nt.originalStockKind;
  if (nt.originalId !== undefined && nt.originalId !== null) out.originalId = nt.originalId;
  return withOther(out, nt.other);
}
