import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection } from '../collection';
import { EngineError } from '../errors';
import { addNote } from '../notes';
import { allDecks, ensureDeck, saveDeck, deckById, putDeckRaw } from '../decks/store';
import { defaultDeckConfig, newNormalDeck } from '../decks/defaults';
import { saveDeckConfig } from '../deckconfig/store';
import { notetypeByName, saveNotetype } from '../notetypes/store';
import { findCards, findCardsOrdered, findNotes, searchSql } from './index';

/** Per-operator checks on a small collection built through the engine. */

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const DAY = 86_400;

let dir: string;
let col: Collection;
const n: Record<string, number> = {};
const c: Record<string, number[]> = {};

function add(key: string, notetype: string, deck: string, fields: string[], tags: string[] = []): void {
  const nt = notetypeByName(col, notetype)!;
  const { noteId, cardIds } = addNote(col, { notetypeId: nt.id, deckId: ensureDeck(col, deck), fields, tags });
  n[key] = noteId;
  c[key] = cardIds;
}

function setCard(id: number, values: Record<string, number | string>): void {
  const sets = Object.keys(values).map((k) => `${k} = ?`).join(', ');
  col.db.prepare(`UPDATE cards SET ${sets} WHERE id = ?`).run(...Object.values(values), id);
}

/** The keys of the notes a query finds, sorted. */
function notes(query: string): string[] {
  const ids = new Set(findNotes(col, query));
  return Object.keys(n)
    .filter((k) => ids.has(n[k]!))
    .sort();
}

function cardCount(query: string): number {
  return findCards(col, query).length;
}

function searchError(query: string): string {
  try {
    findCards(col, query);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('search');
    return (error as EngineError).message;
  }
  throw new Error(`expected ${query} to fail`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'engram-search-'));
  col = Collection.open(join(dir, 'collection.anki2'), { now: () => NOW });
  add('hello', 'Basic', 'Lang::French::Verbs', ['hello world', 'été <b>Straße</b>'], ['lang::fr', 'Été']);
  add('upper', 'Basic (and reversed card)', 'Lang::Deutsch', ['ÉTÉ', 'Haus'], ['lang::de', 'marked']);
  add('cloze', 'Cloze', 'Science', ['The {{c1::moon::satellite}} orbits {{c2::earth}}', ''], ['space']);
  add('html', 'Basic', 'Default', ['<b>bo</b>ld 100%', 'a_b and a*b'], []);
  add('number', 'Basic', 'Default', ['12', 'twelve'], ['todo::later']);
  add('russian', 'Basic (optional reversed card)', 'Science::Bio', ['Привет', 'кот', 'y'], ['Привет']);
  col.transact(() => {
    const today = col.timing().daysElapsed;
    const now = col.timing().now;
    setCard(c.hello![0]!, { type: 2, queue: 2, due: today - 1, ivl: 20, factor: 2500, reps: 5, lapses: 1, flags: 1 });
    setCard(c.upper![0]!, { type: 1, queue: 1, due: now + 60, left: 2, reps: 1 });
    setCard(c.upper![1]!, { type: 3, queue: 1, due: now + 3600, ivl: 3, factor: 1300, reps: 9, lapses: 4, flags: 4 });
    setCard(c.cloze![0]!, { queue: -1 });
    setCard(c.cloze![1]!, { queue: -2 });
    setCard(c.html![0]!, { queue: -3, flags: 8 + 3 });
    setCard(c.number![0]!, {
      type: 2,
      queue: 2,
      due: today + 10,
      ivl: 100,
      factor: 2800,
      reps: 12,
      data: JSON.stringify({ s: 50.5, d: 4.5, lrt: now - 10 * DAY, cd: JSON.stringify({ v: 7, w: 'abc' }) }),
    });
    const review = col.db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, 1000, 1)');
    review.run(NOW - 1000, c.hello![0]!, 3);
    review.run(NOW - 3 * DAY * 1000, c.upper![1]!, 1);
    review.run(NOW - 2000, c.upper![1]!, 0);
    const filtered = { ...newNormalDeck(col.ids.decks.next(), 'Filtered', 0), dyn: 1 as const };
    delete filtered.conf;
    putDeckRaw(col, filtered);
    setCard(c.russian![1]!, { did: filtered.id, odid: ensureDeck(col, 'Science::Bio') });
    const preset = saveDeckConfig(col, defaultDeckConfig(0, 'Slow Ü', 0));
    saveDeck(col, { ...deckById(col, ensureDeck(col, 'Science'))!, conf: preset.id });
    col.setConfig('curDeck', ensureDeck(col, 'Lang'));
  });
});

afterAll(() => {
  col.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('text', () => {
  it('matches ASCII case-insensitively and other letters exactly', () => {
    expect(notes('HELLO')).toEqual(['hello']);
    expect(notes('été')).toEqual(['hello']);
    expect(notes('ÉTÉ')).toEqual(['upper']);
    expect(notes('привет')).toEqual([]);
    expect(notes('Привет')).toEqual(['russian']);
  });

  it('searches raw field HTML and the stripped sort field', () => {
    expect(notes('bold')).toEqual(['html']);
    expect(notes('<b>')).toEqual(['hello', 'html']);
  });

  it('supports wildcards, escapes and quoting', () => {
    expect(notes('h*d')).toEqual(['hello']);
    expect(notes('a_b')).toEqual(['html']);
    expect(notes('a\\*b')).toEqual(['html']);
    expect(notes('100%')).toEqual(['html']);
    expect(notes('"hello world"')).toEqual(['hello']);
    expect(notes('hello world')).toEqual(['hello']);
  });

  it('combines with implicit and, or, negation and groups', () => {
    expect(notes('hello or haus')).toEqual(['hello', 'upper']);
    expect(notes('-hello tag:lang::*')).toEqual(['upper']);
    expect(notes('(hello or haus) -tag:marked')).toEqual(['hello']);
    expect(notes('')).toHaveLength(6);
  });

  it('nc: ignores accents, w: matches words, re: runs a regex, sc: looks inside clozes', () => {
    expect(notes('nc:ete')).toEqual(['hello', 'upper']);
    expect(notes('nc:strase')).toEqual(['hello']);
    expect(notes('w:hell')).toEqual([]);
    expect(notes('w:hello')).toEqual(['hello']);
    expect(notes('w:été')).toEqual(['hello', 'upper']);
    expect(notes('re:^\\d+\\x1f')).toEqual(['number']);
    expect(notes('"re:(?-i)ÉTÉ"')).toEqual(['upper']);
    expect(notes('sc:moon')).toEqual(['cloze']);
    expect(notes('sc:satellite')).toEqual([]);
    expect(notes('satellite')).toEqual(['cloze']);
  });
});

describe('fields', () => {
  it('matches a whole field, names case-insensitive and wildcarded', () => {
    expect(notes('front:hello')).toEqual([]);
    expect(notes('FRONT:hello*')).toEqual(['hello']);
    expect(notes('fr*:12')).toEqual(['number']);
    expect(notes('back:')).toEqual([]);
    expect(notes('"back extra:"')).toEqual(['cloze']);
    expect(notes('text:_*')).toEqual(['cloze']);
    expect(notes('"add reverse:*"')).toEqual(['russian']);
  });

  it('supports field:re:, field:nc: and the any-field names', () => {
    expect(notes('front:re:^h')).toEqual(['hello']);
    expect(notes('front:nc:ete')).toEqual(['upper']);
    expect(notes('*:twelve')).toEqual(['number']);
    expect(notes('nosuchfield:*')).toEqual([]);
  });

  it('skips fields excluded from search in plain searches', () => {
    const basic = structuredClone(notetypeByName(col, 'Basic')!);
    basic.flds[1]!.excludeFromSearch = true;
    col.transact(() => saveNotetype(col, basic));
    try {
      expect(notes('twelve')).toEqual([]);
      expect(notes('back:twelve')).toEqual(['number']);
      expect(notes('haus')).toEqual(['upper']);
    } finally {
      basic.flds[1]!.excludeFromSearch = false;
      col.transact(() => saveNotetype(col, basic));
    }
  });
});

describe('decks, notetypes, templates, tags, presets', () => {
  it('deck: includes children and original decks', () => {
    expect(notes('deck:lang')).toEqual(['hello', 'upper']);
    expect(notes('deck:Lang::French')).toEqual(['hello']);
    expect(notes('deck:*::verbs')).toEqual(['hello']);
    expect(notes('-deck:Lang::*')).toEqual(['cloze', 'html', 'number', 'russian']);
    expect(notes('deck:science::bio')).toEqual(['russian']);
    expect(cardCount('deck:filtered')).toBe(1);
    expect(cardCount('deck:Filtered')).toBe(1);
    expect(notes('deck:current')).toEqual(['hello', 'upper']);
    const lang = allDecks(col).find((d) => d.name === 'Lang')!;
    expect(cardCount(`did:${lang.id}`)).toBe(0);
  });

  it('note:, mid:, card: by name and number', () => {
    expect(notes('note:basic')).toEqual(['hello', 'html', 'number']);
    expect(notes('note:basic*')).toEqual(['hello', 'html', 'number', 'russian', 'upper']);
    expect(notes(`mid:${notetypeByName(col, 'Cloze')!.id}`)).toEqual(['cloze']);
    expect(cardCount('card:2')).toBe(3);
    expect(cardCount('"card:card 2"')).toBe(2);
    expect(cardCount('card:cloze')).toBe(1);
  });

  it('tag: matches hierarchy and case-insensitively', () => {
    expect(notes('tag:lang')).toEqual(['hello', 'upper']);
    expect(notes('tag:LANG::FR')).toEqual(['hello']);
    expect(notes('tag:été')).toEqual(['hello']);
    expect(notes('tag:ÉTÉ')).toEqual(['hello']);
    expect(notes('tag:привет')).toEqual(['russian']);
    expect(notes('tag:todo')).toEqual(['number']);
    expect(notes('tag:*::later')).toEqual(['number']);
    expect(notes('tag:none')).toEqual(['html']);
    expect(notes('tag:re:^l')).toEqual(['hello', 'upper']);
    expect(notes('tag:nc:ete')).toEqual(['hello']);
  });

  it('preset: finds cards by the preset of their deck', () => {
    expect(notes('"preset:slow ü"')).toEqual(['cloze']);
    expect(notes('preset:nothing')).toEqual([]);
  });
});

describe('card state and history', () => {
  it('is:', () => {
    expect(cardCount('is:new')).toBe(5);
    expect(cardCount('is:review')).toBe(3);
    expect(cardCount('is:learn')).toBe(2);
    expect(cardCount('is:suspended')).toBe(1);
    expect(cardCount('is:buried')).toBe(2);
    expect(cardCount('is:buried-sibling')).toBe(1);
    expect(cardCount('is:buried-manually')).toBe(1);
    expect(findCards(col, 'is:due').sort()).toEqual([c.hello![0]!, c.upper![0]!].sort());
  });

  it('flag: uses the low three bits', () => {
    expect(cardCount('flag:1')).toBe(1);
    expect(cardCount('flag:3')).toBe(1);
    expect(cardCount('flag:0')).toBe(6);
  });

  it('prop:', () => {
    expect(cardCount('prop:ivl>=20')).toBe(2);
    expect(cardCount('prop:due=-1')).toBe(1);
    expect(cardCount('prop:due=10')).toBe(1);
    expect(cardCount('prop:ease=2.5')).toBe(1);
    expect(cardCount('prop:ease<2')).toBe(7);
    expect(cardCount('prop:reps>8')).toBe(2);
    expect(cardCount('prop:lapses=4')).toBe(1);
    expect(cardCount('prop:pos=3')).toBe(2);
    expect(cardCount('prop:pos<=2')).toBe(0);
    expect(cardCount('prop:s>50')).toBe(1);
    expect(cardCount('prop:d>0.38')).toBe(1);
    expect(cardCount('prop:d>0.39')).toBe(0);
    expect(cardCount('prop:r<0.99')).toBe(1);
    expect(cardCount('prop:cdn:v=7')).toBe(1);
    expect(cardCount('prop:cds:w=abc')).toBe(1);
    expect(cardCount('has-cd:v')).toBe(1);
    expect(cardCount('prop:rated=0')).toBe(1);
    expect(cardCount('prop:resched=0')).toBe(1);
  });

  it('added:, edited:, rated:, resched:, introduced:', () => {
    expect(cardCount('added:1')).toBe(9);
    expect(cardCount('edited:1')).toBe(9);
    expect(cardCount('rated:1')).toBe(1);
    expect(cardCount('rated:7')).toBe(2);
    expect(cardCount('rated:7:1')).toBe(1);
    expect(cardCount('resched:1')).toBe(1);
    expect(cardCount('introduced:1')).toBe(1);
    expect(cardCount('introduced:7')).toBe(2);
  });

  it('nid:, cid:, dupe:', () => {
    expect(notes(`nid:${n.hello},${n.html}`)).toEqual(['hello', 'html']);
    expect(findCards(col, `cid:${c.upper![1]}`)).toEqual([c.upper![1]]);
    expect(notes(`dupe:${notetypeByName(col, 'Basic')!.id},<i>12</i>`)).toEqual(['number']);
  });
});

describe('errors', () => {
  it("uses Anki's messages", () => {
    expect(searchError('(')).toContain('an opening bracket `(` was found');
    expect(searchError('is:foo')).toBe("Invalid search: \u2068`\u2068is:\u2069` was given an invalid argument '`\u2068foo\u2069`'.\u2069");
    expect(searchError('flag:8')).toContain('`flag:` must be followed by a valid flag number');
    expect(searchError('prop:ivl>x')).toContain('expected a positive whole number');
    expect(searchError('"re:("')).toBe('<pre>regex parse error:\n    (?i)(\n        ^\nerror: unclosed group</pre>');
    expect(searchError('is:unsuspended')).toContain('was given an invalid argument');
  });

  it('never crashes on arbitrary input', () => {
    const alphabet = ['a', '(', ')', '"', '\\', ':', '-', '*', '_', ' ', 'or', 're:', 'prop:', 'tag:', '[', '{', 'é', '\u3000'];
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      let query = '';
      for (let j = 0; j < 6; j++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        query += alphabet[seed % alphabet.length];
      }
      try {
        findCards(col, query);
        findNotes(col, query);
      } catch (error) {
        expect(error).toBeInstanceOf(EngineError);
      }
    }
  });
});

describe('ordering and SQL access', () => {
  it('findCardsOrdered sorts and pages', () => {
    const byIvl = findCardsOrdered(col, '', { column: 'interval', descending: true });
    expect(byIvl[0]).toBe(c.number![0]);
    expect(findCardsOrdered(col, '', { column: 'interval', descending: true }, 2, 1)).toEqual(byIvl.slice(1, 3));
    const bySortField = findCardsOrdered(col, 'note:basic', { column: 'sortField', descending: false });
    expect(bySortField).toEqual([c.number![0], c.html![0], c.hello![0]]);
    for (const column of ['due', 'ease', 'reps', 'lapses', 'created', 'modified', 'cardModified', 'noteModified', 'deck', 'notetype', 'template', 'tags'] as const) {
      expect(findCardsOrdered(col, '', { column, descending: false })).toHaveLength(9);
    }
  });

  it('searchSql exposes the statement', () => {
    const { sql, params, table } = searchSql(col, 'tag:lang is:new', 'cards');
    expect(table).toBe('both');
    expect(sql.startsWith('select c.id from cards c, notes n where c.nid=n.id and ')).toBe(true);
    const ids = (col.db.prepare(sql).pluck().all(...params) as number[]).sort((a, b) => a - b);
    expect(ids).toEqual(findCards(col, 'tag:lang is:new'));
  });
});
