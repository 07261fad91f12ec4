/**
 * Round trips with the official engine (main/testing/oracle/pkg_anki.py, anki==26.9.3):
 * Anki builds a collection with every stock notetype, media, tags, nested decks, a custom
 * preset, cards in every scheduling state and review history, and exports it in both
 * layouts. Engram imports those packages exactly as Anki imports them; Anki imports
 * Engram's exports exactly as it imports its own, and Check Database finds nothing to fix.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOracle } from '../../testing/oracle';
import { Collection } from '../collection';
import { exportCollectionPackage, exportPackage, importColpkg, importPackage } from './index';
import { addNote } from '../notes';
import { ensureDeck } from '../decks/store';
import { notetypeByName } from '../notetypes/store';
import { modernPackageFromCollection } from './testing/build';
import { dumpCollection, type Dump } from './testing/dump';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = resolve(REPO_ROOT, '../shared/fixtures/packages');
/** Notetypes every fresh collection has, with random field/template ids on each side. */
const STOCK = ['Basic', 'Basic (and reversed card)', 'Basic (optional reversed card)', 'Basic (type in the answer)', 'Cloze', 'Image Occlusion'];

interface ImportJob {
  pkg: string;
  kind: 'apkg' | 'colpkg';
  dir: string;
  options?: Record<string, unknown>;
  removeNotetypes?: string[];
  upgradeScheduler?: boolean;
  /** Packages imported first, into the same collection. */
  before?: string[];
  /** Media files (base64) present in the collection before the import. */
  mediaFiles?: Record<string, string>;
}

interface ImportResult {
  dump: Dump;
  log: { new: number; updated: number; duplicate: number; conflicting: number } | null;
  check: { ok: boolean; problems: string };
}

/**
 * Makes two dumps comparable: ids of the fresh collections' own stock notetypes are
 * random, and Anki suffixes a duplicate legacy notetype name with "_" in hash-map order
 * (either of two same-named notetypes may get it), which then imports as "+" or "_".
 */
function comparable(dump: Dump, stripStockIds: boolean): Dump {
  const copy = structuredClone(dump);
  const canonical = (name: string): string => name.replace(/[_+]+$/, (suffix) => '+'.repeat(suffix.length));
  const notetypes: Record<string, unknown> = {};
  for (const [name, nt] of Object.entries(copy.notetypes) as [string, { flds: { id?: unknown }[]; tmpls: { id?: unknown }[]; name: string }][]) {
    if (stripStockIds && STOCK.includes(name)) for (const item of [...nt.flds, ...nt.tmpls]) delete item.id;
    nt.name = canonical(nt.name);
    notetypes[canonical(name)] = nt;
  }
  copy.notetypes = notetypes;
  for (const note of Object.values(copy.notes) as { notetype: string }[]) note.notetype = canonical(note.notetype);
  return copy;
}

let work: string;
let source: Dump;
let engramSource: Collection;
let results: Map<string, ImportResult>;
const fixtureJobs: { key: string; job: ImportJob }[] = [];

function engramImportDir(name: string): { path: string; media: string } {
  const dir = join(work, 'engram', name);
  mkdirSync(dir, { recursive: true });
  return { path: join(dir, 'collection.anki2'), media: join(dir, 'collection.media') };
}

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** Sequences of Anki's own test packages that exercise the merge rules. */
function mergeJobs(): Record<string, ImportJob> {
  const fx = (name: string): string => join(FIXTURES, name);
  const job = (key: string, pkg: string, before: string[], options: Record<string, unknown> = {}): [string, ImportJob] => [
    key,
    { pkg: fx(pkg), kind: 'apkg', dir: join(work, 'anki', key), before: before.map(fx), options, removeNotetypes: ['Image Occlusion'] },
  ];
  return Object.fromEntries([
    job('merge:newer-note-updates', 'anki-tests-update2.apkg', ['anki-tests-update1.apkg']),
    job('merge:older-note-kept', 'anki-tests-update1.apkg', ['anki-tests-update2.apkg']),
    job('merge:never-update', 'anki-tests-update2.apkg', ['anki-tests-update1.apkg'], { updateNotes: 'never' }),
    job('merge:changed-notetype', 'anki-tests-diffmodels2-2.apkg', ['anki-tests-diffmodels2-1.apkg']),
    job('merge:changed-templates', 'anki-tests-diffmodeltemplates-2.apkg', ['anki-tests-diffmodeltemplates-1.apkg']),
    job('merge:same-package-twice', 'cardoverflow-RandomReviews.apkg', ['cardoverflow-RandomReviews.apkg']),
  ]);
}

/**
 * Packages Engram makes for specific rules: a media file whose name is taken by other
 * content in the target, and deck names whose case folding differs between SQLite's
 * nocase and Anki's unicase (written at schema 11 inside the modern layout).
 */
async function engramMadePackages(): Promise<ImportJob[]> {
  const made = engramImportDir('made');
  const col = Collection.open(made.path, { mediaDir: made.media });
  try {
    writeFileSync(join(made.media, 'foo.wav'), 'new sound');
    writeFileSync(join(made.media, 'same.png'), 'same picture');
    const basic = notetypeByName(col, 'Basic')!.id;
    for (const [deck, front] of [['Русский', 'один'], ['английский', 'two'], ['Русский::Глаголы', 'три']] as const) {
      addNote(col, { notetypeId: basic, deckId: ensureDeck(col, deck), fields: [front, '[sound:foo.wav] <img src="same.png">'], tags: ['Ёлка'] });
    }
    await exportPackage(col, join(work, 'engram-media-clash.apkg'), { all: true, includeSched: true });
    const summary = await exportPackage(col, join(work, 'engram-cyrillic.apkg'), { all: true, includeSched: true, legacy: false });
    expect(summary.schema).toBe(11);
    await exportCollectionPackage(col, join(work, 'engram-cyrillic.colpkg'));
  } finally {
    col.close();
  }
  return [
    {
      pkg: join(work, 'engram-media-clash.apkg'), kind: 'apkg', dir: join(work, 'anki', 'media-clash'), removeNotetypes: ['Image Occlusion'],
      mediaFiles: { 'foo.wav': b64('old sound'), 'same.png': b64('same picture') },
    },
    { pkg: join(work, 'engram-cyrillic.apkg'), kind: 'apkg', dir: join(work, 'anki', 'cyrillic'), removeNotetypes: ['Image Occlusion'] },
    { pkg: join(work, 'engram-cyrillic.colpkg'), kind: 'colpkg', dir: join(work, 'anki', 'cyrillic-col') },
  ];
}

let engramImports = 0;

async function engramImport(job: ImportJob): Promise<Dump> {
  const target = engramImportDir(`${job.kind}-${engramImports++}-${job.pkg.split('/').pop()}`);
  if (job.kind === 'colpkg') {
    await importColpkg(job.pkg, target.path, target.media);
    const col = Collection.open(target.path, { mediaDir: target.media });
    try {
      return dumpCollection(col);
    } finally {
      col.close();
    }
  }
  const col = Collection.open(target.path, { mediaDir: target.media });
  try {
    for (const [name, data] of Object.entries(job.mediaFiles ?? {})) writeFileSync(join(target.media, name), Buffer.from(data, 'base64'));
    for (const pkg of [...(job.before ?? []), job.pkg]) {
      await importPackage(col, pkg, { withScheduling: true, withDeckConfigs: true, ...job.options });
    }
    return dumpCollection(col);
  } finally {
    col.close();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'engram-pkg-oracle-'));
  source = runOracle<{ source: Dump }>('pkg_anki.py', { cmd: 'build', dir: work }).source;

  // Engram's copy of the source collection, then its exports.
  const replica = engramImportDir('replica');
  await importColpkg(join(work, 'anki-modern.colpkg'), replica.path, replica.media);
  engramSource = Collection.open(replica.path, { mediaDir: replica.media });
  await exportPackage(engramSource, join(work, 'engram-modern.apkg'), { all: true, includeSched: true, legacy: false });
  await exportPackage(engramSource, join(work, 'engram-legacy.apkg'), { all: true, includeSched: true, legacy: true });
  await exportCollectionPackage(engramSource, join(work, 'engram-modern.colpkg'), { legacy: false });
  await exportCollectionPackage(engramSource, join(work, 'engram-legacy.colpkg'), { legacy: true });

  const jobs: Record<string, ImportJob> = {};
  const apkg = (name: string, options: Record<string, unknown> = {}): ImportJob => ({
    pkg: join(work, name), kind: 'apkg', dir: join(work, 'anki', name), options, removeNotetypes: ['Image Occlusion'],
  });
  for (const name of ['anki-modern.apkg', 'anki-legacy.apkg', 'engram-modern.apkg', 'engram-legacy.apkg']) jobs[name] = apkg(name);
  jobs['anki-deck-nosched.apkg'] = apkg('anki-deck-nosched.apkg', { withScheduling: false, withDeckConfigs: false });
  jobs['strip:anki-modern.apkg'] = { ...apkg('anki-modern.apkg', { withScheduling: false, withDeckConfigs: false }), dir: join(work, 'anki', 'strip') };
  for (const name of ['engram-modern.colpkg', 'engram-legacy.colpkg']) {
    jobs[name] = { pkg: join(work, name), kind: 'colpkg', dir: join(work, 'anki', name) };
  }
  for (const job of await engramMadePackages()) jobs[job.pkg.split('/').pop()!] = job;
  if (existsSync(FIXTURES)) {
    for (const [key, job] of Object.entries(mergeJobs())) jobs[key] = job;
    mkdirSync(join(work, 'wrapped'));
    for (const file of readdirSync(FIXTURES).sort()) {
      if (file.endsWith('.md')) continue;
      let pkg = join(FIXTURES, file);
      if (file.endsWith('.anki2')) {
        pkg = join(work, 'wrapped', `${file}.colpkg`);
        await modernPackageFromCollection(pkg, join(FIXTURES, file));
      }
      const kind = pkg.endsWith('.colpkg') ? 'colpkg' : 'apkg';
      const job: ImportJob = { pkg, kind, dir: join(work, 'anki', `fixture-${file}`), removeNotetypes: ['Image Occlusion'], upgradeScheduler: true };
      fixtureJobs.push({ key: `fixture:${file}`, job });
      jobs[`fixture:${file}`] = job;
    }
  } else {
    console.warn(`Anki fixture packages not found at ${FIXTURES}; fixture round trips are skipped.`);
  }
  const names = Object.keys(jobs);
  const out = runOracle<{ results: ImportResult[] }>('pkg_anki.py', { cmd: 'import', jobs: names.map((n) => jobs[n]) });
  results = new Map(names.map((n, i) => [n, out.results[i]!]));
}, 120_000);

afterAll(() => {
  engramSource?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('Engram imports what Anki exports', () => {
  it('holds the source collection itself after a .colpkg import (modern and legacy)', async () => {
    expect(dumpCollection(engramSource)).toEqual(source);
    const legacy = await engramImport({ pkg: join(work, 'anki-legacy.colpkg'), kind: 'colpkg', dir: '' });
    expect(legacy).toEqual(source);
  });

  it.each(['anki-modern.apkg', 'anki-legacy.apkg'])('merges %s exactly as Anki does', async (name) => {
    const anki = results.get(name)!;
    expect(anki.log).toMatchObject({ new: Object.keys(source.notes).length });
    const engram = await engramImport({ pkg: join(work, name), kind: 'apkg', dir: '' });
    expect(comparable(engram, true)).toEqual(comparable(anki.dump, true));
    // Nothing of the source is lost on the way (the notetypes arrive as "Basic+" etc. next to the stock ones).
    const unsuffixed = (notes: Dump['notes']): unknown =>
      Object.fromEntries(Object.entries(notes).map(([guid, n]) => [guid, { ...(n as object), notetype: (n as { notetype: string }).notetype.replace(/\+$/, '') }]));
    expect(unsuffixed(engram.notes)).toEqual(unsuffixed(source.notes));
    expect(engram.cards).toEqual(source.cards);
    expect(engram.revlog).toEqual(source.revlog);
    expect(engram.deckConfigs['Custom Preset']).toEqual(source.deckConfigs['Custom Preset']);
  });

  it('strips the scheduling of a package on import exactly as Anki does', async () => {
    const anki = results.get('strip:anki-modern.apkg')!;
    const engram = await engramImport({ pkg: join(work, 'anki-modern.apkg'), kind: 'apkg', dir: '', options: { withScheduling: false, withDeckConfigs: false } });
    expect(comparable(engram, true)).toEqual(comparable(anki.dump, true));
    expect(engram.revlog).toEqual({});
    expect(engram.deckConfigs).not.toHaveProperty(['Custom Preset']);
  });

  it('imports a deck without scheduling exactly as Anki does', async () => {
    const anki = results.get('anki-deck-nosched.apkg')!;
    const engram = await engramImport({ pkg: join(work, 'anki-deck-nosched.apkg'), kind: 'apkg', dir: '', options: { withScheduling: false, withDeckConfigs: false } });
    expect(comparable(engram, true)).toEqual(comparable(anki.dump, true));
    expect(Object.values(engram.cards).every((c) => c.type === 0 && c.queue === 0 && c.flags === 0)).toBe(true);
    expect(engram.revlog).toEqual({});
  });
});

describe('Anki imports what Engram exports', () => {
  it.each([
    ['engram-modern.apkg', 'anki-modern.apkg'],
    ['engram-legacy.apkg', 'anki-legacy.apkg'],
  ])('imports %s exactly like its own %s, and Check Database is clean', (ours, theirs) => {
    const fromEngram = results.get(ours)!;
    expect(fromEngram.check.ok).toBe(true);
    expect(comparable(fromEngram.dump, true)).toEqual(comparable(results.get(theirs)!.dump, true));
  });

  it.each(['engram-modern.colpkg', 'engram-legacy.colpkg'])('restores %s as the source collection, and Check Database is clean', (name) => {
    const restored = results.get(name)!;
    expect(restored.check).toMatchObject({ ok: true });
    expect(restored.dump).toEqual(source);
  });
});

describe('merge rules match Anki', () => {
  it.each([
    'merge:newer-note-updates',
    'merge:older-note-kept',
    'merge:never-update',
    'merge:changed-notetype',
    'merge:changed-templates',
    'merge:same-package-twice',
  ])('%s', async (key) => {
    const anki = results.get(key);
    if (!anki) {
      console.warn(`skipped ${key}: no fixture packages`);
      return;
    }
    const job = mergeJobs()[key]!;
    const engram = comparable(await engramImport(job), true);
    const expected = comparable(anki.dump, true);
    if (key === 'merge:changed-notetype') {
      // Both packages hold two notetypes named "Basic"; which one Anki's upgrade suffixes
      // with "_" follows a randomly seeded hash map, so Anki's own notetype names (and
      // whether a later one matches by name) differ from run to run. Compare the rest.
      for (const dump of [engram, expected]) {
        dump.notetypes = {};
        for (const n of Object.values(dump.notes) as { notetype: string }[]) n.notetype = n.notetype.replace(/[+_]+$/, '');
      }
    }
    if (key === 'merge:changed-templates') {
      // Anki 26.9 overwrites an existing "_static" file whose name has upper-case letters
      // (its existing-file lookup misses them); Engram keeps it, as Anki's import rules say.
      expect(engram.media).toEqual(results.get('fixture:anki-tests-diffmodeltemplates-1.apkg')?.dump.media);
      expected.media = engram.media;
    }
    expect(engram).toEqual(expected);
  });

  it('renames a media file whose name is taken by other content, and rewrites the reference', async () => {
    const job: ImportJob = {
      pkg: join(work, 'engram-media-clash.apkg'), kind: 'apkg', dir: '',
      mediaFiles: { 'foo.wav': b64('old sound'), 'same.png': b64('same picture') },
    };
    const engram = await engramImport(job);
    const anki = results.get('engram-media-clash.apkg')!;
    expect(comparable(engram, true)).toEqual(comparable(anki.dump, true));
    const renamed = Object.keys(engram.media).find((n) => /^foo-[0-9a-f]{40}\.wav$/.test(n));
    expect(renamed).toBeDefined();
    expect(Object.values(engram.notes).map((n) => (n as { fields: string[] }).fields[1])).toContain(`[sound:${renamed}] <img src="same.png">`);
  });

  it('writes names that nocase and unicase order differently at schema 11, which Anki accepts', async () => {
    for (const name of ['engram-cyrillic.apkg', 'engram-cyrillic.colpkg']) {
      const anki = results.get(name)!;
      expect(anki.check.ok).toBe(true);
      expect(Object.keys(anki.dump.decks)).toEqual(expect.arrayContaining(['Русский', 'английский', 'Русский::Глаголы']));
    }
    const engram = await engramImport({ pkg: join(work, 'engram-cyrillic.apkg'), kind: 'apkg', dir: '' });
    expect(comparable(engram, true)).toEqual(comparable(results.get('engram-cyrillic.apkg')!.dump, true));
  });
});

describe('real-world packages', () => {
  it('imports every fixture into Engram as into Anki', async () => {
    if (!fixtureJobs.length) {
      console.warn('skipped: no fixture packages');
      return;
    }
    for (const { key, job } of fixtureJobs) {
      const anki = results.get(key)!;
      const engram = await engramImport(job);
      expect({ pkg: job.pkg, dump: comparable(engram, job.kind === 'apkg') }).toEqual({ pkg: job.pkg, dump: comparable(anki.dump, job.kind === 'apkg') });
    }
  });
});
