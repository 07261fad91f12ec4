/**
 * Opens an .apkg/.colpkg: detects the layout (anki-format.md §7.1), extracts the
 * collection to a private temporary file, and lists the media safely.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnkiDbReader } from './ankidb/read';
import { corruptPackage, tooNewPackage } from './errors';
import type { PackageLimits } from './limits';
import { isSafeMediaName, normalizeFilename } from './media';

import { decodeMediaEntries, decodePackageVersion } from './proto/messages';
import { ZipReader } from './zip/read';
import { zstdDecompress, zstdDecompressTo } from './zstd';

/** 1 = collection.anki2 (Anki 2.0), 2 = collection.anki21, 3 = collection.anki21b (zstd, schema 18). */
export type PackageVersion = 1 | 2 | 3;

export const COLLECTION_ENTRY: Record<PackageVersion, string> = {
  1: 'collection.anki2',
  2: 'collection.anki21',
  3: 'collection.anki21b',
};

export interface PackageMediaEntry {
  /** The file name in the media folder (normalised, one path component). */
  name: string;
  /** The ZIP entry holding the data. */
  zipName: string;
  /** SHA-1 of the data when the package states it (modern layout). */
  sha1: Buffer | null;
}

function detectVersion(zip: ZipReader): PackageVersion {
  if (zip.has('meta')) {
    const version = decodeOrCorrupt('the package metadata', () => decodePackageVersion(zip.read('meta')));
    if (version !== 1 && version !== 2 && version !== 3) throw tooNewPackage();
    return version;
  }
  return zip.has('collection.anki21') ? 2 : 1;
}

function decodeOrCorrupt<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'EngineError') throw error;
    throw corruptPackage(`${what} cannot be decoded`);
  }
}

function modernMediaList(bytes: Uint8Array): PackageMediaEntry[] {
  const entries = decodeOrCorrupt('the media list', () => decodeMediaEntries(bytes));
  return entries.map((entry, index) => {
    if (entry.sha1.length !== 20) throw corruptPackage('a media entry has no valid checksum');
    if (!isSafeMediaName(entry.name) || normalizeFilename(entry.name) !== entry.name) {
      throw corruptPackage(`unsafe media file name ${JSON.stringify(entry.name)}`);
    }
    return { name: entry.name, zipName: String(index), sha1: Buffer.from(entry.sha1) };
  });
}

function legacyMediaList(bytes: Uint8Array): PackageMediaEntry[] {
  let map: unknown;
  try {
    map = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw corruptPackage('the media list cannot be parsed');
  }
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw corruptPackage('the media list is not a map');
  const seen = new Set<string>();
  const out: PackageMediaEntry[] = [];
  for (const [zipName, rawName] of Object.entries(map as Record<string, unknown>)) {
    if (!/^\d+$/.test(zipName)) throw corruptPackage(`bad media entry key ${JSON.stringify(zipName)}`);
    if (typeof rawName !== 'string' || !isSafeMediaName(rawName)) {
      throw corruptPackage(`unsafe media file name ${JSON.stringify(rawName)}`);
    }
    const name = normalizeFilename(rawName);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, zipName, sha1: null });
  }
  return out;
}

export class OpenedPackage {
  private mediaBytesRead = 0;

  private constructor(
    readonly version: PackageVersion,
    private readonly zip: ZipReader,
    private readonly tempDir: string,
    readonly collectionPath: string,
    readonly collection: AnkiDbReader,
    readonly media: PackageMediaEntry[],
    private readonly limits: PackageLimits,
  ) {}

  static open(path: string, limits: PackageLimits): OpenedPackage {
    const zip = ZipReader.open(path, limits);
    const tempDir = mkdtempSync(join(tmpdir(), 'engram-package-'));
    let collection: AnkiDbReader | undefined;
    try {
      const version = detectVersion(zip);
      const entry = COLLECTION_ENTRY[version];
      if (!zip.has(entry)) throw corruptPackage(`it has no ${entry}`);
      const collectionPath = join(tempDir, 'collection.anki2');
      extractCollection(zip, entry, version, collectionPath, limits);
      collection = AnkiDbReader.open(collectionPath);
      const mediaBytes = zip.has('media') ? zip.read('media') : null;
      const media = !mediaBytes
        ? []
        : version === 3
          ? modernMediaList(zstdDecompress(mediaBytes, limits.maxEntryBytes, 'the media list'))
          : legacyMediaList(mediaBytes);
      return new OpenedPackage(version, zip, tempDir, collectionPath, collection, media, limits);
    } catch (error) {
      collection?.close();
      zip.close();
      rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The file's bytes (decompressed), or null when the package lacks the entry. */
  readMedia(entry: PackageMediaEntry): Buffer | null {
    if (!this.zip.has(entry.zipName)) return null;
    const raw = this.zip.read(entry.zipName);
    const data = this.version === 3 ? Buffer.from(zstdDecompress(raw, this.limits.maxEntryBytes, `media file "${entry.name}"`)) : raw;
    this.mediaBytesRead += data.length;
    if (this.mediaBytesRead > this.limits.maxTotalBytes) throw corruptPackage('the media is too large');
    return data;
  }

  close(): void {
    this.collection.close();
    this.zip.close();
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}

/** Copies the collection out of the ZIP (zstd-decoding the modern layout) into `target`. */
function extractCollection(zip: ZipReader, entry: string, version: PackageVersion, target: string, limits: PackageLimits): void {
  const raw = zip.read(entry);
  const fd = openSync(target, 'w');
  try {
    if (version === 3) {
      zstdDecompressTo(raw, limits.maxEntryBytes, 'the collection', (chunk) => writeAll(fd, chunk));
    } else {
      writeAll(fd, raw);
    }
  } finally {
    closeSync(fd);
  }
  markRollbackJournal(target);
}

function writeAll(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

/** Anki's files carry the WAL flag; the private copy is read in rollback-journal mode instead. */
function markRollbackJournal(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(20);
    const n = readSync(fd, header, 0, header.length, 0);
    if (n === 20 && header[18] === 2 && header[19] === 2) writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    closeSync(fd);
  }
}
