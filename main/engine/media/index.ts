/**
 * The collection's media folder, with AnkiConnect's storeMediaFile / retrieveMediaFile /
 * getMediaFilesNames / deleteMediaFile semantics. Names are normalised as Anki does, and
 * no request can read or write outside the folder.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { Collection } from '../collection';
import { EngineError } from '../errors';
import { mediaFolder, readMediaBytes, trashMediaFile, writeUniquely } from './folder';
import { globMatch } from './glob';
import { isPlainMediaName, lookupName, normalizeMediaFilename, requirePlainMediaName } from './names';
import { decodeBase64, DEFAULT_SOURCE_LIMITS, downloadUrlSource, readPathSource, type SourceLimits } from './sources';

export { normalizeMediaFilename, isPlainMediaName } from './names';
export { globMatch } from './glob';
export type { SourceLimits } from './sources';

export interface StoreMediaRequest {
  /** The desired name; normalised like Anki (separators and other unsafe characters removed). */
  filename: string;
  /** Base64 content. Used first when non-empty. */
  data?: string | null;
  /** A file on this machine. Used when `data` is empty. */
  path?: string | null;
  /** An http(s) URL. Used when `data` and `path` are empty. */
  url?: string | null;
  /**
   * Trash an existing file named exactly `filename` first (before normalisation, like the add-on).
   * Default false: AnkiConnect's media objects on notes do not delete (the storeMediaFile action passes true).
   */
  deleteExisting?: boolean | null;
  /** Lower-case MD5 hex: when the content has this hash, nothing is stored and null is returned. */
  skipHash?: string | null;
}

const nonEmpty = (value: string | null | undefined): value is string => typeof value === 'string' && value !== '';

function requireStringOrNull(value: unknown, name: string): void {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new EngineError('invalid', `"${name}" must be a string`);
  }
}

async function loadContent(request: StoreMediaRequest, limits: SourceLimits): Promise<Buffer> {
  if (nonEmpty(request.data)) return decodeBase64(request.data);
  if (nonEmpty(request.path)) return readPathSource(request.path, limits);
  if (nonEmpty(request.url)) return downloadUrlSource(request.url, limits);
  throw new EngineError('invalid', 'You must provide a "data", "path", or "url" field.');
}

/**
 * Stores a media file and returns the name actually used (Anki may rename a file whose
 * name is taken by different content), or null when `skipHash` matched.
 */
export async function storeMediaFile(
  col: Collection,
  request: StoreMediaRequest,
  limits: Partial<SourceLimits> = {},
): Promise<string | null> {
  for (const key of ['filename', 'data', 'path', 'url', 'skipHash'] as const) requireStringOrNull(request[key], key);
  if (typeof request.filename !== 'string') throw new EngineError('invalid', '"filename" must be a string');
  const content = await loadContent(request, { ...DEFAULT_SOURCE_LIMITS, ...limits });
  if (request.skipHash !== undefined && request.skipHash !== null) {
    if (createHash('md5').update(content).digest('hex') === request.skipHash) return null;
  }
  const name = normalizeMediaFilename(request.filename);
  if (!isPlainMediaName(name)) {
    throw new EngineError('invalid', `invalid media filename: ${JSON.stringify(request.filename)}`);
  }
  // The add-on trashes the name *as given*, before Anki normalises it; a name with path
  // separators is skipped (in Anki it resolves to a rename of a path onto itself).
  if (request.deleteExisting && isPlainMediaName(request.filename)) trashMediaFile(col, request.filename);
  return writeUniquely(col, name, content);
}

/** Base64 content of a media file, or false when it does not exist (the name is reduced to its basename). */
export function retrieveMediaFile(col: Collection, filename: string): string | false {
  const name = lookupName(filename);
  if (!isPlainMediaName(name)) return false;
  const bytes = readMediaBytes(col, name);
  return bytes === null ? false : bytes.toString('base64');
}

/** Names in the media folder matching a Python glob pattern; patterns with path separators are refused. */
export function listMediaFiles(col: Collection, pattern = '*'): string[] {
  if (/[/\\\x00]/.test(pattern)) {
    throw new EngineError('invalid', `media file patterns cannot contain path separators: ${JSON.stringify(pattern)}`);
  }
  const entries = readdirSync(mediaFolder(col), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  return globMatch(entries, pattern);
}

/** Moves a media file to the media trash; a missing file is not an error, an unsafe name is. */
export function deleteMediaFile(col: Collection, filename: string): void {
  trashMediaFile(col, requirePlainMediaName(filename));
}

/** The absolute media folder (it exists when this returns). */
export function mediaDirPath(col: Collection): string {
  return mediaFolder(col);
}
