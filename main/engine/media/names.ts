/**
 * Media file names as Anki stores them (rslib/src/media/files.rs `normalize_filename`):
 * NFC, lower case, no characters that break some platform (which includes every path separator),
 * Windows device names and trailing dots/spaces defused, at most 120 bytes.
 */
import { EngineError } from '../errors';

export const MAX_MEDIA_FILENAME_BYTES = 120;

const DISALLOWED = /[[\]<>:"/?*^\\|\x00-\x1f\x7f]|\p{Cn}/gu;
const WINDOWS_DEVICE_NAME = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)/i;
const WINDOWS_TRAILING_CHAR = /[ .]$/;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8 without splitting a character. */
function truncateToBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = utf8Bytes(char);
    if (used + size > maxBytes) break;
    out += char;
    used += size;
  }
  return out;
}

/** Splits at the last dot and trims both parts so `stem.ext` (plus a spare byte) fits in maxBytes. */
export function splitAndTruncate(name: string, maxBytes: number): [stem: string, ext: string] {
  const dot = name.lastIndexOf('.');
  const rawStem = dot >= 0 ? name.slice(0, dot) : name;
  const ext = truncateToBytes(dot >= 0 ? name.slice(dot + 1) : '', 10);
  return [truncateToBytes(rawStem, maxBytes - utf8Bytes(ext) - 2), ext];
}

function truncateFilename(name: string): string {
  if (utf8Bytes(name) <= MAX_MEDIA_FILENAME_BYTES) return name;
  const [stem, ext] = splitAndTruncate(name, MAX_MEDIA_FILENAME_BYTES);
  const joined = ext ? `${stem}.${ext}` : stem;
  return WINDOWS_TRAILING_CHAR.test(joined) ? `${joined}_` : joined;
}

/** Lower case one character at a time, as Anki does (so no final-sigma rule: "ΟΔΟΣ" → "οδοσ"). */
const lowerEachChar = (text: string): string => Array.from(text, (char) => char.toLowerCase()).join('');

/**
 * Anki's normalize_filename (as of 26.9, names are also lower-cased, which keeps names
 * unique on case-insensitive file systems). The result never contains a path separator or NUL.
 */
export function normalizeMediaFilename(name: string): string {
  let out = lowerEachChar(name.normalize('NFC')).replace(DISALLOWED, '').replace(/\u00a0/g, ' ');
  out = out.replace(WINDOWS_DEVICE_NAME, '$1_$2');
  if (WINDOWS_TRAILING_CHAR.test(out)) out += '_';
  return truncateFilename(out);
}

/** True when `name` is one plain entry of the media folder: no separators, NUL, or `.`/`..`. */
export function isPlainMediaName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\x00]/.test(name);
}

/** Refuses anything that could address a file outside the media folder. */
export function requirePlainMediaName(name: string): string {
  if (!isPlainMediaName(name)) {
    throw new EngineError('invalid', `invalid media filename: ${JSON.stringify(name)}`);
  }
  return name;
}

/** `foo.jpg` → `foo-<sha1 hex>.jpg`, within the length limit (add_hash_suffix_to_file_stem). */
export function withHashSuffix(name: string, sha1Hex: string): string {
  const [stem, ext] = splitAndTruncate(name, MAX_MEDIA_FILENAME_BYTES - 40 - 1);
  return `${stem}-${sha1Hex}.${ext}`;
}

/** The name the add-on looks up in retrieveMediaFile: basename, NFC, illegal characters stripped. */
export function lookupName(requested: string): string {
  const base = requested.slice(Math.max(requested.lastIndexOf('/'), requested.lastIndexOf('\\')) + 1);
  return base.normalize('NFC').replace(/[[\]><:"/?*^\\|\x00\r\n]/g, '');
}
