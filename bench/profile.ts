import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Collection } from '../main/engine/collection';
import { ensureDeck } from '../main/engine/decks/store';
import { notetypeByName } from '../main/engine/notetypes/store';
import { addNotes, type NewNote } from '../main/engine/notes';

export const BENCH_NOTES = 100_000;

/** A seeded PRNG so every run builds the same profile. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['water', 'fire', '水', '火', 'maison', 'café', 'straße', 'быстро', 'λόγος', 'river', 'mountain', 'book', 'read', '読む', 'run', 'light'];

export interface BuildResult {
  notesPerSecond: number;
  notes: number;
  cards: number;
  dbBytes: number;
}

/** 100,000 notes (Basic and Cloze, tags, a three-level deck tree) through the engine API in one transaction. */
export function buildBenchProfile(collectionPath: string, notes = BENCH_NOTES): BuildResult {
  if (existsSync(collectionPath)) rmSync(collectionPath.replace(/[^/]+$/, ''), { recursive: true, force: true });
  mkdirSync(collectionPath.replace(/[^/]+$/, ''), { recursive: true });
  const col = Collection.open(collectionPath);
  const random = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const decks: number[] = [];
  for (const lang of ['Japanese', 'French', 'Russian', 'Greek']) {
    for (const level of ['Core', 'Mining', 'Grammar']) {
      for (const part of ['A', 'B', 'C']) decks.push(ensureDeck(col, `${lang}::${level}::${part}`));
    }
  }
  const basic = notetypeByName(col, 'Basic')!;
  const cloze = notetypeByName(col, 'Cloze')!;
  const batch: NewNote[] = [];
  for (let i = 0; i < notes; i++) {
    const w1 = pick(WORDS);
    const w2 = pick(WORDS);
    const isCloze = i % 4 === 0;
    batch.push({
      notetypeId: isCloze ? cloze.id : basic.id,
      deckId: decks[i % decks.length]!,
      fields: isCloze
        ? [`{{c1::${w1}}} and {{c2::${w2}}} #${i}`, `extra ${i}`]
        : [`${w1} <b>${w2}</b> ${i}`, `${w2} meaning ${i}`],
      tags: [`level::${1 + (i % 5)}`, pick(['verb', 'noun', 'adj']), ...(i % 7 === 0 ? ['leech'] : [])],
    });
  }
  const start = performance.now();
  const added = addNotes(col, batch);
  const cards = added.reduce((sum, note) => sum + note.cardIds.length, 0);
  const seconds = (performance.now() - start) / 1000;
  scheduleSome(col, random);
  col.close();
  return { notesPerSecond: notes / seconds, notes, cards, dbBytes: statSync(collectionPath).size };
}

/** The bench profile sits where Engram looks for profiles, so the API bench can serve it. */
export function benchPaths(workDir: string): { dataDir: string; profileDir: string; collectionPath: string; mediaDir: string } {
  const dataDir = join(workDir, 'data');
  const profileDir = join(dataDir, 'profiles', 'Bench');
  return { dataDir, profileDir, collectionPath: join(profileDir, 'collection.sqlite'), mediaDir: join(profileDir, 'collection.media') };
}

/**
 * Gives the profile realistic scheduling: ~40% review cards (some due today or
 * overdue), ~5% learning, some suspended/flagged, and a revlog row per studied card.
 */
function scheduleSome(col: Collection, random: () => number): void {
  const { daysElapsed: today, now } = col.timing();
  const ids = col.prepare('SELECT id FROM cards ORDER BY id').pluck().all() as number[];
  const review = col.prepare('UPDATE cards SET type = 2, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, lapses = ?, flags = ? WHERE id = ?');
  const learn = col.prepare('UPDATE cards SET type = 1, queue = 1, due = ?, left = 1, reps = 1 WHERE id = ?');
  const revlog = col.prepare('INSERT OR IGNORE INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)');
  col.transact(() => {
    ids.forEach((id, i) => {
      const r = random();
      if (r < 0.4) {
        const ivl = 1 + Math.floor(random() * 200);
        review.run(random() < 0.03 ? -1 : 2, today - 5 + Math.floor(random() * 60), ivl, 1300 + Math.floor(random() * 20) * 100, 1 + Math.floor(random() * 20), Math.floor(random() * 3), i % 50 === 0 ? 1 + (i % 7) : 0, id);
        revlog.run((now - Math.floor(random() * 30 * 86400)) * 1000 + (i % 1000), id, 1 + Math.floor(random() * 4), ivl, Math.max(1, ivl >> 1), 2500, 5000, 1);
      } else if (r < 0.45) {
        // Due now or in two hours or more, never near the learn-ahead cutoff (now + 20 min): an
        // engine searching a minute later (the official one in the search bench) counts the same.
        learn.run(random() < 0.5 ? now - Math.floor(random() * 600) : now + 7200 + Math.floor(random() * 3600), id);
        revlog.run((now - 60) * 1000 - i, id, 1, -600, -60, 0, 4000, 0);
      }
    });
  });
}
