/** Notetype.Config, Field.Config and Template.Config (proto/anki/notetypes.proto). */
import { ProtoWriter } from './wire';
import { decode, EMPTY } from './decode';

export interface CardRequirementMsg {
  cardOrd: number;
  /** 0 none, 1 any, 2 all. */
  kind: number;
  fieldOrds: number[];
}

export interface NotetypeConfigMsg {
  kind: number;
  sortFieldIdx: number;
  css: string;
  targetDeckIdUnused: bigint;
  latexPre: string;
  latexPost: string;
  latexSvg: boolean;
  reqs: CardRequirementMsg[];
  originalStockKind: number;
  originalId: bigint | null;
  other: Uint8Array;
}

function decodeRequirement(buf: Uint8Array): CardRequirementMsg {
  return decode(buf, { cardOrd: 0, kind: 0, fieldOrds: [] as number[] }, (m, r, f, w) => {
    if (f === 1) m.cardOrd = r.uint32();
    else if (f === 2) m.kind = r.int32();
    else if (f === 3) r.uint32s(w, m.fieldOrds);
    else return false;
    return true;
  });
}

export function decodeNotetypeConfig(buf: Uint8Array): NotetypeConfigMsg {
  const init: NotetypeConfigMsg = {
    kind: 0, sortFieldIdx: 0, css: '', targetDeckIdUnused: 0n, latexPre: '', latexPost: '', latexSvg: false,
    reqs: [], originalStockKind: 0, originalId: null, other: EMPTY,
  };
  return decode(buf, init, (m, r, f) => {
    switch (f) {
      case 1: m.kind = r.int32(); break;
      case 2: m.sortFieldIdx = r.uint32(); break;
      case 3: m.css = r.string(); break;
      case 4: m.targetDeckIdUnused = r.int64(); break;
      case 5: m.latexPre = r.string(); break;
      case 6: m.latexPost = r.string(); break;
      case 7: m.latexSvg = r.bool(); break;
      case 8: m.reqs.push(decodeRequirement(r.bytes())); break;
      case 9: m.originalStockKind = r.int32(); break;
      case 10: m.originalId = r.int64(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeNotetypeConfig(m: NotetypeConfigMsg): Uint8Array {
  const w = new ProtoWriter()
    .varintField(1, m.kind)
    .varintField(2, m.sortFieldIdx)
    .stringField(3, m.css)
    .varintField(4, m.targetDeckIdUnused)
    .stringField(5, m.latexPre)
    .stringField(6, m.latexPost)
    .varintField(7, m.latexSvg);
  for (const req of m.reqs) {
    w.message(8, new ProtoWriter().varintField(1, req.cardOrd).varintField(2, req.kind).packedUint32s(3, req.fieldOrds));
  }
  w.varintField(9, m.originalStockKind);
  if (m.originalId !== null) w.varint(10, m.originalId);
  return w.bytesField(255, m.other).finish();
}

export interface FieldConfigMsg {
  sticky: boolean;
  rtl: boolean;
  fontName: string;
  fontSize: number;
  description: string;
  plainText: boolean;
  collapsed: boolean;
  excludeFromSearch: boolean;
  id: bigint | null;
  tag: number | null;
  preventDeletion: boolean;
  other: Uint8Array;
}

export function decodeFieldConfig(buf: Uint8Array): FieldConfigMsg {
  const init: FieldConfigMsg = {
    sticky: false, rtl: false, fontName: '', fontSize: 0, description: '', plainText: false, collapsed: false,
    excludeFromSearch: false, id: null, tag: null, preventDeletion: false, other: EMPTY,
  };
  return decode(buf, init, (m, r, f) => {
    switch (f) {
      case 1: m.sticky = r.bool(); break;
      case 2: m.rtl = r.bool(); break;
      case 3: m.fontName = r.string(); break;
      case 4: m.fontSize = r.uint32(); break;
      case 5: m.description = r.string(); break;
      case 6: m.plainText = r.bool(); break;
      case 7: m.collapsed = r.bool(); break;
      case 8: m.excludeFromSearch = r.bool(); break;
      case 9: m.id = r.int64(); break;
      case 10: m.tag = r.uint32(); break;
      case 11: m.preventDeletion = r.bool(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeFieldConfig(m: FieldConfigMsg): Uint8Array {
  const w = new ProtoWriter()
    .varintField(1, m.sticky)
    .varintField(2, m.rtl)
    .stringField(3, m.fontName)
    .varintField(4, m.fontSize)
    .stringField(5, m.description)
    .varintField(6, m.plainText)
    .varintField(7, m.collapsed)
    .varintField(8, m.excludeFromSearch);
  if (m.id !== null) w.varint(9, m.id);
  if (m.tag !== null) w.varint(10, m.tag);
  return w.varintField(11, m.preventDeletion).bytesField(255, m.other).finish();
}

export interface TemplateConfigMsg {
  qFormat: string;
  aFormat: string;
  qFormatBrowser: string;
  aFormatBrowser: string;
  targetDeckId: bigint;
  browserFontName: string;
  browserFontSize: number;
  id: bigint | null;
  other: Uint8Array;
}

export function decodeTemplateConfig(buf: Uint8Array): TemplateConfigMsg {
  const init: TemplateConfigMsg = {
    qFormat: '', aFormat: '', qFormatBrowser: '', aFormatBrowser: '', targetDeckId: 0n, browserFontName: '',
    browserFontSize: 0, id: null, other: EMPTY,
  };
  return decode(buf, init, (m, r, f) => {
    switch (f) {
      case 1: m.qFormat = r.string(); break;
      case 2: m.aFormat = r.string(); break;
      case 3: m.qFormatBrowser = r.string(); break;
      case 4: m.aFormatBrowser = r.string(); break;
      case 5: m.targetDeckId = r.int64(); break;
      case 6: m.browserFontName = r.string(); break;
      case 7: m.browserFontSize = r.uint32(); break;
      case 8: m.id = r.int64(); break;
      case 255: m.other = r.bytes(); break;
      default: return false;
    }
    return true;
  });
}

export function encodeTemplateConfig(m: TemplateConfigMsg): Uint8Array {
  const w = new ProtoWriter()
    .stringField(1, m.qFormat)
    .stringField(2, m.aFormat)
    .stringField(3, m.qFormatBrowser)
    .stringField(4, m.aFormatBrowser)
    .varintField(5, m.targetDeckId)
    .stringField(6, m.browserFontName)
    .varintField(7, m.browserFontSize);
  if (m.id !== null) w.varint(8, m.id);
  return w.bytesField(255, m.other).finish();
}
