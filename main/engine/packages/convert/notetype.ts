/**
 * Notetypes between Anki's schema-18 rows (protobuf configs) and the legacy JSON
 * shape Engram stores (rslib/src/notetype/schema11.rs). Field/template ids of
 * `null` (old files) are represented as 0n in Engram's types.
 */
import type { Notetype, NotetypeField, NotetypeTemplate, TemplateRequirement } from '../../model/types';
import type { FieldConfigMsg, NotetypeConfigMsg, TemplateConfigMsg } from '../proto/messages';
import {
  asArray,
  asBool,
  asI64,
  asInt,
  asOptionalInt,
  asString,
  collectOther,
  otherFromBytes,
  otherToBytes,
  type JsonObject,
} from './values';

export interface FieldRecord {
  ord: number;
  name: string;
  config: FieldConfigMsg;
}

export interface TemplateRecord {
  ord: number;
  name: string;
  mtime: number;
  usn: number;
  config: TemplateConfigMsg;
}

/** A notetype as the schema-18 tables hold it. */
export interface NotetypeRecord {
  id: number;
  name: string;
  mtime: number;
  usn: number;
  config: NotetypeConfigMsg;
  fields: FieldRecord[];
  templates: TemplateRecord[];
}

const NOTETYPE_KEYS = new Set([
  'latexPost', 'flds', 'css', 'originalStockKind', 'originalId', 'id', 'usn', 'mod', 'req', 'latexPre', 'name',
  'did', 'tmpls', 'type', 'sortf', 'latexsvg',
]);
const FIELD_KEYS = new Set([
  'name', 'ord', 'sticky', 'rtl', 'plainText', 'font', 'size', 'collapsed', 'description', 'excludeFromSearch', 'id',
  'tag', 'preventDeletion',
]);
const TEMPLATE_KEYS = new Set(['name', 'ord', 'did', 'afmt', 'bafmt', 'qfmt', 'bqfmt', 'bfont', 'bsize', 'id']);

const REQ_KINDS: Record<string, number> = { none: 0, any: 1, all: 2 };
const REQ_NAMES = ['none', 'any', 'all'] as const;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nonZeroId(id: bigint | null): bigint | null {
  return id === 0n ? null : id;
}

function fieldFromLegacy(raw: unknown, index: number): FieldRecord {
  const f = record(raw);
  return {
    ord: asOptionalInt(f.ord) ?? index,
    name: asString(f.name),
    config: {
      sticky: asBool(f.sticky),
      rtl: asBool(f.rtl),
      fontName: asString(f.font, 'Arial'),
      fontSize: asInt(f.size, 20),
      description: asString(f.description),
      plainText: asBool(f.plainText),
      collapsed: asBool(f.collapsed),
      excludeFromSearch: asBool(f.excludeFromSearch),
      id: nonZeroId(asI64(f.id)),
      tag: asOptionalInt(f.tag),
      preventDeletion: asBool(f.preventDeletion),
      other: otherToBytes(collectOther(f, FIELD_KEYS)),
    },
  };
}

function templateFromLegacy(raw: unknown, index: number, mtime: number, usn: number): TemplateRecord {
  const t = record(raw);
  return {
    ord: asOptionalInt(t.ord) ?? index,
    name: asString(t.name),
    mtime,
    usn,
    config: {
      qFormat: asString(t.qfmt),
      aFormat: asString(t.afmt),
      qFormatBrowser: asString(t.bqfmt),
      aFormatBrowser: asString(t.bafmt),
      targetDeckId: asI64(t.did) ?? 0n,
      browserFontName: asString(t.bfont),
      browserFontSize: asInt(t.bsize),
      id: nonZeroId(asI64(t.id)),
      other: otherToBytes(collectOther(t, TEMPLATE_KEYS)),
    },
  };
}

function requirementsFromLegacy(value: unknown): NotetypeConfigMsg['reqs'] {
  return asArray(value).flatMap((entry) => {
    const parts = asArray(entry);
    if (parts.length < 3) return [];
    const kind = REQ_KINDS[asString(parts[1])];
    if (kind === undefined) return [];
    return [{ cardOrd: asInt(parts[0]), kind, fieldOrds: asArray(parts[2]).map((n) => asInt(n)) }];
  });
}

/** Legacy JSON (from a schema-11 file, or Engram's stored shape) → schema-18 record. */
export function notetypeFromLegacy(raw: unknown): NotetypeRecord {
  const nt = record(raw);
  const mtime = asInt(nt.mod);
  const usn = asInt(nt.usn);
  const originalId = nt.originalId === undefined || nt.originalId === null ? null : asI64(nt.originalId);
  return {
    id: asInt(nt.id),
    name: asString(nt.name),
    mtime,
    usn,
    config: {
      kind: asInt(nt.type) === 1 ? 1 : 0,
      sortFieldIdx: Math.max(0, asInt(nt.sortf)),
      css: asString(nt.css),
      targetDeckIdUnused: asI64(nt.did) ?? 0n,
      latexPre: asString(nt.latexPre),
      latexPost: asString(nt.latexPost),
      latexSvg: asBool(nt.latexsvg),
      reqs: requirementsFromLegacy(nt.req),
      originalStockKind: asInt(nt.originalStockKind),
      originalId,
      other: otherToBytes(collectOther(nt, NOTETYPE_KEYS)),
    },
    fields: asArray(nt.flds).map(fieldFromLegacy),
    templates: asArray(nt.tmpls).map((t, i) => templateFromLegacy(t, i, 0, 0)),
  };
}

function withOther<T extends object>(value: T, other: JsonObject): T {
  return Object.keys(other).length ? { ...value, other } : value;
}

function fieldToEngram(f: FieldRecord): NotetypeField {
  const c = f.config;
  return withOther(
    {
      name: f.name,
      ord: f.ord,
      sticky: c.sticky,
      rtl: c.rtl,
      font: c.fontName,
      size: c.fontSize,
      description: c.description,
      plainText: c.plainText,
      collapsed: c.collapsed,
      excludeFromSearch: c.excludeFromSearch,
      id: c.id ?? 0n,
      tag: c.tag,
      preventDeletion: c.preventDeletion,
    },
    otherFromBytes(c.other, FIELD_KEYS),
  );
}

function templateToEngram(t: TemplateRecord): NotetypeTemplate {
  const c = t.config;
  return withOther(
    {
      name: t.name,
      ord: t.ord,
      qfmt: c.qFormat,
      afmt: c.aFormat,
      bqfmt: c.qFormatBrowser,
      bafmt: c.aFormatBrowser,
      did: c.targetDeckId > 0n ? Number(c.targetDeckId) : null,
      bfont: c.browserFontName,
      bsize: c.browserFontSize & 0xff,
      id: c.id ?? 0n,
    },
    otherFromBytes(c.other, TEMPLATE_KEYS),
  );
}

/** Schema-18 record → Engram's notetype (Anki's legacy JSON shape). */
export function notetypeToEngram(rec: NotetypeRecord): Notetype {
  const c = rec.config;
  const nt: Notetype = {
    id: rec.id,
    name: rec.name,
    type: c.kind === 1 ? 1 : 0,
    mod: rec.mtime,
    usn: rec.usn,
    sortf: c.sortFieldIdx,
    did: c.targetDeckIdUnused === 0n ? null : Number(c.targetDeckIdUnused),
    tmpls: rec.templates.map(templateToEngram),
    flds: rec.fields.map(fieldToEngram),
    css: c.css,
    latexPre: c.latexPre,
    latexPost: c.latexPost,
    latexsvg: c.latexSvg,
    req: c.reqs.map((r) => [r.cardOrd, REQ_NAMES[r.kind] ?? 'none', r.fieldOrds] as TemplateRequirement),
    originalStockKind: c.originalStockKind,
    originalId: c.originalId === null ? null : Number(c.originalId),
  };
  return withOther(nt, otherFromBytes(c.other, NOTETYPE_KEYS));
}

/** Engram's notetype → the legacy JSON object Anki writes at schema 11 (unknown keys flattened). */
export function notetypeToLegacyJson(nt: Notetype): Record<string, unknown> {
  const norm = notetypeToEngram(notetypeFromLegacy(nt));
  const flatten = <T extends { other?: Record<string, unknown> }>(value: T): Record<string, unknown> => {
    const { other, ...rest } = value;
    return { ...rest, ...(other ?? {}) };
  };
  const top = flatten(norm);
  const out: Record<string, unknown> = {
    ...top,
    tmpls: norm.tmpls.map((t) => ({ ...flatten(t), id: t.id === 0n ? null : t.id })),
    flds: norm.flds.map((f) => ({ ...flatten(f), id: f.id === 0n ? null : f.id })),
  };
  if (!norm.originalStockKind) delete out.originalStockKind;
  if (norm.originalId === null || norm.originalId === undefined) delete out.originalId;
  return out;
}
