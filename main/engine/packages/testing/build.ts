/** Test helpers that assemble package files by hand (valid or deliberately broken). */
import { readFileSync } from 'node:fs';
import { encodeMediaEntries, encodePackageVersion, type MediaEntryMsg } from '../proto/messages';
import { ZipWriter } from '../zip/write';
import { zstdCompress } from '../zstd';
import { sha1 } from '../media';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
}

export function writeZip(path: string, entries: readonly RawEntry[]): void {
  const zip = new ZipWriter(path);
  for (const e of entries) zip.add(e.name, e.data, e.deflate ?? false);
  zip.finish();
}

/** A modern (anki21b) package around an existing collection file, with optional media. */
export async function modernPackageFromCollection(
  path: string,
  collectionFile: string,
  media: Record<string, Uint8Array> = {},
): Promise<void> {
  const entries: RawEntry[] = [
    { name: 'meta', data: encodePackageVersion(3) },
    { name: 'collection.anki21b', data: await zstdCompress(readFileSync(collectionFile)) },
  ];
  const list: MediaEntryMsg[] = [];
  for (const [index, [name, data]] of Object.entries(media).entries()) {
    entries.push({ name: String(index), data: await zstdCompress(data) });
    list.push({ name, size: data.length, sha1: sha1(data), legacyZipFilename: null });
  }
  entries.push({ name: 'media', data: await zstdCompress(encodeMediaEntries(list)) });
  writeZip(path, entries);
}
