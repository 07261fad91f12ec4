/**
 * The media folder on disk. Every path is built from one plain name joined to the
 * folder, so nothing here can reach outside it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Collection } from '../collection';
import { EngineError } from '../errors';
import { requirePlainMediaName, withHashSuffix } from './names';

/** The absolute media folder, created if missing. */
export function mediaFolder(col: Collection): string {
  const dir = resolve(col.mediaDir);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Where deleted files go, like Anki's `media.trash` beside `collection.media`. */
function trashFolder(col: Collection): string {
  const dir = join(dirname(mediaFolder(col)), 'media.trash');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function mediaPath(col: Collection, name: string): string {
  return join(mediaFolder(col), requirePlainMediaName(name));
}

/** The file's bytes, or null when there is no regular file of that name. */
export function readMediaBytes(col: Collection, name: string): Buffer | null {
  const path = mediaPath(col, name);
  try {
    if (!statSync(path).isFile()) return null;
    return readFileSync(path);
  } catch {
    return null;
  }
}

export function sha1Hex(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

function fileSha1(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return null;
    return sha1Hex(readFileSync(path));
  } catch {
    return null;
  }
}

/** Writes through a temporary file so a reader never sees half a file. */
function writeAtomically(path: string, data: Uint8Array): void {
  const temp = join(dirname(path), `.engram-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw new EngineError('io', `could not write media file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Anki's add_data_to_folder_uniquely: a free name is used as is; the same content under
 * that name is left alone; different content gets `<stem>-<sha1>.<ext>`.
 */
export function writeUniquely(col: Collection, name: string, data: Uint8Array): string {
  const path = mediaPath(col, name);
  if (existsSync(path) && !lstatSync(path).isFile()) {
    throw new EngineError('io', `a folder or special file named "${name}" is in the way in the media folder`);
  }
  const existing = fileSha1(path);
  if (existing === null) {
    writeAtomically(path, data);
    return name;
  }
  const hash = sha1Hex(data);
  if (existing === hash) return name;
  const hashed = withHashSuffix(name, hash);
  writeAtomically(mediaPath(col, hashed), data);
  return hashed;
}

/** Moves a file to the media trash (replacing any file of that name there); absent files are ignored. */
export function trashMediaFile(col: Collection, name: string): void {
  const path = mediaPath(col, name);
  let isFile: boolean;
  try {
    isFile = lstatSync(path).isFile() || lstatSync(path).isSymbolicLink();
  } catch {
    return;
  }
  if (!isFile) return;
  try {
    renameSync(path, join(trashFolder(col), name));
  } catch (error) {
    throw new EngineError('io', `could not delete media file "${name}": ${error instanceof Error ? error.message : String(error)}`);
  }
}
