/**
 * Media names and references inside packages (rslib/src/import_export/package/media.rs,
 * rslib/src/text.rs): safe names, reference rewriting, and which files an export needs.
 */
import { createHash } from 'node:crypto';
import type { Notetype } from '../model/types';
import { isPlainMediaName, splitAndTruncate } from '../media/names';
import { decodeEntities, HTML_MEDIA_TAGS } from '../text/html';
import { mediaReferences } from '../template/media';
import { extractLatex } from '../template/latex';
import { splitFields } from '../text/note-text';

const MAX_NAME_BYTES = 120;
const DISALLOWED = /[[\]<>:"/?*^\\|\x00-\x1f\x7f]|\p{Cn}/gu;
const WINDOWS_DEVICE = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)/i;
const TRAILING_DOT_OR_SPACE = /[ .]$/;

/**
 * Anki's normalize_filename (rslib/src/media/files.rs), which packages use: NFC, no
 * characters some platform forbids, Windows device names and trailing dots defused, at
 * most 120 bytes. Case is kept (only files added through the media API are lower-cased).
 */
export function normalizeFilename(name: string): string {
  let out = name.normalize('NFC').replace(DISALLOWED, '').replace(/\u00a0/g, ' ');
  out = out.replace(WINDOWS_DEVICE, '$1_$2');
  if (TRAILING_DOT_OR_SPACE.test(out)) out += '_';
  if (Buffer.byteLength(out, 'utf8') <= MAX_NAME_BYTES) return out;
  const [stem, ext] = splitAndTruncate(out, MAX_NAME_BYTES);
  const joined = ext ? `${stem}.${ext}` : stem;
  return TRAILING_DOT_OR_SPACE.test(joined) ? `${joined}_` : joined;
}

/** One path component, nothing that could leave the media folder. */
export function isSafeMediaName(name: string): boolean {
  return isPlainMediaName(name) && !/^[A-Za-z]:/.test(name);
}

/** Files Anki copies only when absent and never renames: `_static.js`, `latex-….png`. */
export function isStaticMediaName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('latex-');
}

export function sha1(data: Uint8Array): Buffer {
  return createHash('sha1').update(data).digest();
}

const SOUND_TAGS = /\[sound:(.+?)\]/gsu;

function encodeMinimal(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);
}

/**
 * Calls `replacer` for every media reference (entities decoded); a returned name
 * replaces the reference, re-escaped if the original was escaped (replace_media_refs).
 */
export function replaceMediaRefs(text: string, replacer: (name: string) => string | undefined): string {
  const rewrite = (whole: string, rawName: string): string => {
    const decoded = decodeEntities(rawName);
    const replacement = replacer(decoded);
    if (replacement === undefined) return whole;
    const escaped = decoded !== rawName ? encodeMinimal(replacement) : replacement;
    return whole.split(rawName).join(escaped);
  };
  const afterHtml = text.replace(HTML_MEDIA_TAGS, (whole: string, dq?: string, sq?: string, bare?: string) =>
    rewrite(whole, dq ?? sq ?? bare ?? ''),
  );
  return afterHtml.replace(SOUND_TAGS, (whole: string, name: string) => rewrite(whole, name));
}

/** The normalised name if `name` is safe, else undefined (safe_normalized_file_name). */
export function safeNormalizedName(name: string): string | undefined {
  if (!isSafeMediaName(name)) return undefined;
  const normalized = normalizeFilename(name);
  return normalized ? normalized : undefined;
}

const CSS_IMPORTS = /(?:@import\s+"(_[^"]*.css)"|'(_[^']*.css)')|(?:url\(\s*"(_[^"]+)"|'(_[^']+)'|(_.+?)\s*\))/giu;
const UNDERSCORED_REFS = /\[sound:(_[^\]]+)\]|"(_[^"]+)"|'(_[^']+)'|\b(?:src|data)=(_[^ >]+)/gu;

function firstGroup(match: RegExpMatchArray): string | undefined {
  return match.slice(1).find((g) => g !== undefined);
}

/** Files an export must carry for these notes and notetypes (gather_media_names). */
export function referencedMediaNames(fieldsColumn: Iterable<{ flds: string; mid: number }>, notetypes: readonly Notetype[]): Set<string> {
  const svgByNotetype = new Map(notetypes.map((nt) => [nt.id, nt.latexsvg]));
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    if (name !== undefined && isSafeMediaName(name)) names.add(name);
  };
  for (const note of fieldsColumn) {
    const svg = svgByNotetype.get(note.mid) ?? false;
    for (const field of splitFields(note.flds)) {
      for (const name of mediaReferences(field)) add(name);
      for (const latex of extractLatex(field, svg).latex) add(latex.filename);
    }
  }
  for (const nt of notetypes) {
    for (const m of nt.css.matchAll(CSS_IMPORTS)) add(firstGroup(m));
    for (const t of nt.tmpls) {
      for (const side of [t.qfmt, t.afmt]) for (const m of side.matchAll(UNDERSCORED_REFS)) add(firstGroup(m));
    }
  }
  return names;
}
