/**
 * Malformed and hostile packages are refused with a clear EngineError, and the
 * collection (database and media folder) is exactly as it was.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collection } from '../collection';
import { EngineError } from '../errors';
import { exportPackage, importColpkg, importPackage, type ImportPackageOptions } from './index';
import { encodeMediaEntries, encodePackageVersion } from './proto/messages';
import { dumpCollection } from './testing/dump';
import { writeZip } from './testing/build';
import { fileBytes, fillSample, newCollection, rewritePackage, tempDir } from './testing/fixtures';
import { zstdCompress } from './zstd';

let dir: string;
let source: Collection;
let target: Collection;
let modern: string;
let legacy: string;

beforeAll(async () => {
  dir = tempDir();
  source = newCollection(dir, 'source');
  fillSample(source);
  modern = join(dir, 'modern.apkg');
  legacy = join(dir, 'legacy.apkg');
  await exportPackage(source, modern, { all: true, includeSched: true });
  await exportPackage(source, legacy, { all: true, includeSched: true, legacy: true });
  target = newCollection(dir, 'target');
  fillSample(target);
});

afterAll(() => {
  source.close();
  target.close();
});

function snapshot(col: Collection): unknown {
  return { dump: dumpCollection(col), files: readdirSync(col.mediaDir).sort(), mod: col.db.prepare('SELECT mod FROM col').pluck().get() };
}

async function expectRefused(path: string, message: RegExp, options: ImportPackageOptions = {}): Promise<void> {
  const before = snapshot(target);
  const error = await importPackage(target, path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  expect((error as Error).message).toMatch(message);
  expect(snapshot(target)).toEqual(before);
}

let n = 0;
const variant = (change: Parameters<typeof rewritePackage>[2], from = modern): string =>
  rewritePackage(from, join(dir, `variant-${n++}.apkg`), change);

describe('hostile packages', () => {
  it('refuses a file that is not a ZIP, or a truncated one', async () => {
    const garbage = join(dir, 'garbage.apkg');
    writeFileSync(garbage, 'definitely not a zip');
    await expectRefused(garbage, /not a valid Anki package.*(not a ZIP file|too small to be a ZIP file)/);
    const cut = join(dir, 'cut.apkg');
    writeFileSync(cut, fileBytes(modern).subarray(0, 500));
    await expectRefused(cut, /not a valid Anki package/);
  });

  it('refuses ZIP entries named like paths (zip slip)', async () => {
    await expectRefused(variant((e) => [...e, { name: '../../outside.txt', data: Buffer.from('x') }]), /unsafe entry name/);
  });

  it('refuses media lists naming files outside the media folder', async () => {
    const bad = variant(
      (e) => e.map((x) => (x.name === 'media' ? { name: 'media', data: Buffer.from('{"0":"../../escaped.png"}') } : x)),
      legacy,
    );
    await expectRefused(bad, /unsafe media file name/);
    expect(existsSync(join(dir, 'escaped.png'))).toBe(false);
    const list = await zstdCompress(encodeMediaEntries([{ name: '../x.png', size: 1, sha1: new Uint8Array(20), legacyZipFilename: null }]));
    await expectRefused(variant((e) => e.map((x) => (x.name === 'media' ? { name: 'media', data: list } : x))), /unsafe media file name/);
  });

  it('refuses a collection that is not an SQLite database, or not an Anki one', async () => {
    const notSqlite = await zstdCompress(Buffer.from('SQLite format 2 — not really'));
    await expectRefused(variant((e) => e.map((x) => (x.name === 'collection.anki21b' ? { ...x, data: notSqlite } : x))), /not an SQLite database/);
    await expectRefused(variant((e) => e.map((x) => (x.name === 'collection.anki21b' ? { ...x, data: Buffer.from('not zstd') } : x))), /not zstd data/);
    await expectRefused(variant((e) => e.filter((x) => x.name !== 'collection.anki21b')), /no collection\.anki21b/);
  });

  it('refuses packages from a newer Anki', async () => {
    await expectRefused(variant((e) => e.map((x) => (x.name === 'meta' ? { name: 'meta', data: encodePackageVersion(4) } : x))), /newer version of Anki/);
  });

  it('refuses a zstd decompression bomb', async () => {
    const bomb = await zstdCompress(Buffer.alloc(48 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    const path = variant((e) => e.map((x) => (x.name === 'collection.anki21b' ? { ...x, data: bomb } : x)));
    await expectRefused(path, /expands beyond|declares too much/, { limits: { maxEntryBytes: 4 * 1024 * 1024 } });
  });

  it('refuses too many entries', async () => {
    const many = variant((e) => [...e, ...Array.from({ length: 30 }, (_, i) => ({ name: `extra${i}`, data: Buffer.from('x') }))]);
    await expectRefused(many, /too many entries/, { limits: { maxEntries: 20 } });
  });

  it('rolls everything back when a media file turns out corrupt half-way through', async () => {
    // The notes are written before the media is copied; a bad checksum must undo both.
    const wrong = await zstdCompress(Buffer.from('not the picture'));
    const path = variant((e) => e.map((x) => (x.name === '0' ? { ...x, data: wrong } : x)));
    const fresh = newCollection(dir, `fresh-${n++}`);
    try {
      const before = snapshot(fresh);
      await expect(importPackage(fresh, path)).rejects.toThrow(/does not match its checksum/);
      expect(snapshot(fresh)).toEqual(before);
    } finally {
      fresh.close();
    }
  });

  it('stops when cancelled and leaves the collection unchanged', async () => {
    const fresh = newCollection(dir, `cancel-${n++}`);
    try {
      const before = snapshot(fresh);
      const controller = new AbortController();
      const stages: string[] = [];
      const run = importPackage(fresh, modern, {
        signal: controller.signal,
        onProgress: (_done, _total, stage) => {
          stages.push(stage);
          if (stage === 'cards') controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(stages).toContain('notes');
      expect(snapshot(fresh)).toEqual(before);
    } finally {
      fresh.close();
    }
  });
});

describe('hostile collection packages', () => {
  it('leaves the collection file untouched and makes no backup when refused', async () => {
    const colDir = tempDir();
    const path = join(colDir, 'collection.anki2');
    const col = newCollection(colDir, '.');
    fillSample(col);
    col.close();
    const before = fileBytes(path);
    const bomb = join(colDir, 'bomb.colpkg');
    writeZip(bomb, [
      { name: 'meta', data: encodePackageVersion(3) },
      { name: 'collection.anki21b', data: await zstdCompress(Buffer.alloc(32 * 1024 * 1024)) },
    ]);
    for (const pkg of [bomb, join(colDir, 'missing.colpkg')]) {
      await expect(importColpkg(pkg, path, join(colDir, 'collection.media'), { limits: { maxEntryBytes: 1024 * 1024 } })).rejects.toBeInstanceOf(EngineError);
    }
    expect(fileBytes(path).equals(before)).toBe(true);
    expect(readdirSync(colDir).filter((f) => f.includes('.bak-') || f.includes('.import-'))).toEqual([]);
  });
});
