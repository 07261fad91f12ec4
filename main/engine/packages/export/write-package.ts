/**
 * Assembles the ZIP container (colpkg/export.rs): `meta`, the collection, the
 * placeholder `collection.anki2`, media files `0..n-1`, then the `media` list. Modern
 * packages zstd-compress the collection, each media file and the protobuf list; legacy
 * packages deflate the collection and use a JSON list.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EngineError } from '../../errors';
import { sha1 } from '../media';
import type { Progress } from '../progress';
import { encodeMediaEntries, encodePackageVersion, type MediaEntryMsg } from '../proto/messages';
import { ZipWriter } from '../zip/write';
import { zstdCompress } from '../zstd';
import { dummyCollection } from './dummy';

export interface PackageFiles {
  /** The written collection file (schema 18 for modern, 11 for legacy). */
  collectionPath: string;
  /** Media names in the media folder, in package order. */
  media: string[];
  mediaDir: string;
}

export async function writePackage(outPath: string, files: PackageFiles, legacy: boolean, progress: Progress): Promise<number> {
  const temp = join(dirname(outPath), `.engram-export-${randomBytes(6).toString('hex')}.tmp`);
  let zip: ZipWriter;
  try {
    zip = new ZipWriter(temp);
  } catch (error) {
    throw new EngineError('io', `cannot write ${outPath}: ${(error as Error).message}`);
  }
  try {
    zip.add('meta', encodePackageVersion(legacy ? 2 : 3));
    progress.report('compressing', 0, 1);
    const collection = readFileSync(files.collectionPath);
    if (legacy) zip.add('collection.anki21', collection, true);
    else zip.add('collection.anki21b', await zstdCompress(collection));
    zip.add('collection.anki2', dummyCollection());
    const entries: MediaEntryMsg[] = [];
    for (const [index, name] of files.media.entries()) {
      progress.report('media', index, files.media.length, 20);
      if (index % 20 === 0) await progress.pause();
      const data = readFileSync(join(files.mediaDir, name));
      zip.add(String(index), legacy ? data : await zstdCompress(data));
      entries.push({ name, size: data.length, sha1: sha1(data), legacyZipFilename: null });
    }
    if (legacy) {
      const map = `{${entries.map((e, i) => `${JSON.stringify(String(i))}:${JSON.stringify(e.name)}`).join(',')}}`;
      zip.add('media', Buffer.from(map, 'utf8'));
    } else {
      zip.add('media', await zstdCompress(encodeMediaEntries(entries)));
    }
    zip.finish();
    progress.check();
    renameSync(temp, outPath);
    return entries.length;
  } catch (error) {
    zip.abort();
    rmSync(temp, { force: true });
    throw error;
  }
}
