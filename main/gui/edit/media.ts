import type { Collection } from '../../engine/collection';
import { EngineError } from '../../engine/errors';
import { retrieveMediaFile, storeMediaFile } from '../../engine/media';

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

/** The editor shows only pictures, and only as data URLs (the page cannot load files from the media folder). */
export function mimeForMedia(filename: string): string | null {
  const ext = /\.([^.]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[ext] ?? null;
}

const MAX_PREVIEW_FILES = 200;

export function mediaDataUrls(col: Collection, filenames: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of filenames.slice(0, MAX_PREVIEW_FILES)) {
    const mime = mimeForMedia(name);
    const base64 = mime ? retrieveMediaFile(col, name) : false;
    out[name] = mime && base64 !== false ? `data:${mime};base64,${base64}` : null;
  }
  return out;
}

/** A picture pasted or dropped into the editor: stored under its content's name, never replacing a file. */
export async function storePastedMedia(col: Collection, filename: string, data: string): Promise<string> {
  if (!data) throw new EngineError('invalid', 'the pasted file is empty');
  const stored = await storeMediaFile(col, { filename, data, deleteExisting: false });
  if (stored === null) throw new EngineError('invalid', 'the pasted file was not stored');
  return stored;
}
