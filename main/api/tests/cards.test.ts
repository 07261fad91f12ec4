import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';
import type { Collection } from '../../engine/collection';
import { addNote } from '../../engine/notes';
import { notetypeByName } from '../../engine/notetypes/store';
import { DEFAULT_CSS } from '../../engine/notetypes/stock';
import { ensureDeck } from '../../engine/decks/store';
import type { CardRow } from '../../engine/model/types';

let server: TestServer;
let col: Collection;
const MISSING = 1234567891234;

function add(model: string, fields: string[], tags: string[] = []): { noteId: number; cardIds: number[] } {
  const notetype = notetypeByName(col, model)!;
  return addNote(col, { notetypeId: notetype.id, deckId: 1, fields, tags });
}

const row = (id: number) => col.db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as CardRow;
const setColumns = (id: number, sql: string) => col.db.prepare(`UPDATE cards SET ${sql} WHERE id = ?`).run(id);

beforeAll(async () => {
  server = await startTestServer();
  col = server.engram.host.collection();
});
afterAll(async () => {
  await server.close();
});

describe('cardsInfo', () => {
  it('answers the spec sample shape, keys in the add-on order', async () => {
    const basic = add('Basic', ['front content', 'back content']);
    const reversed = add('Basic (and reversed card)', ['front content', 'back content']);
    const [cardId] = basic.cardIds;
    const secondCard = reversed.cardIds[1]!;
    const info = await server.call<Record<string, unknown>[]>('cardsInfo', { cards: [cardId, secondCard] });
    expect(info).toHaveLength(2);
    const first = info[0]!;
    expect(Object.keys(first)).toEqual([
      'cardId', 'fields', 'fieldOrder', 'question', 'answer', 'modelName', 'ord', 'deckName', 'css', 'factor',
      'interval', 'note', 'type', 'queue', 'due', 'reps', 'lapses', 'left', 'mod', 'nextReviews', 'flags',
    ]);
    expect(first).toMatchObject({
      cardId,
      fields: { Front: { value: 'front content', order: 0 }, Back: { value: 'back content', order: 1 } },
      fieldOrder: 0,
      question: `<style>${DEFAULT_CSS}</style>front content`,
      answer: `<style>${DEFAULT_CSS}</style>front content\n\n<hr id=answer>\n\nback content`,
      modelName: 'Basic',
      ord: 0,
      deckName: 'Default',
      css: DEFAULT_CSS,
      factor: 0,
      interval: 0,
      note: basic.noteId,
      type: 0,
      queue: 0,
      reps: 0,
      lapses: 0,
      left: 0,
      flags: 0,
    });
    expect(first.mod).toBe(row(cardId!).mod);
    expect(first.due).toBe(row(cardId!).due);
    // New card, default preset: learning steps 1m 10m, graduating 1d, easy 4d (fuzzed).
    const labels = first.nextReviews as string[];
    expect(labels.slice(0, 3)).toEqual(['<1m', '<6m', '<10m']);
    expect(labels[3]).toMatch(/^[345]d$/);
    expect(info[1]).toMatchObject({
      cardId: secondCard,
      fieldOrder: 1,
      ord: 1,
      modelName: 'Basic (and reversed card)',
      question: `<style>${DEFAULT_CSS}</style>back content`,
    });
  });

  it('gives {} for missing cards and keeps positions and duplicates', async () => {
    const { cardIds } = add('Basic', ['dup front', 'dup back']);
    const info = await server.call<Record<string, unknown>[]>('cardsInfo', { cards: [MISSING, cardIds[0], cardIds[0]] });
    expect(info[0]).toEqual({});
    expect(info[1]).toMatchObject({ cardId: cardIds[0] });
    expect(info[2]).toEqual(info[1]);
    expect(await server.call('cardsInfo', { cards: [123] })).toEqual([{}]);
  });

  it('reports the current deck name and the flags', async () => {
    const { cardIds } = add('Basic', ['deck front', 'x']);
    const deckId = ensureDeck(col, 'Japanese::JLPT N3');
    setColumns(cardIds[0]!, `did = ${deckId}, flags = 3`);
    const [info] = await server.call<Record<string, unknown>[]>('cardsInfo', { cards: cardIds });
    expect(info).toMatchObject({ deckName: 'Japanese::JLPT N3', flags: 3 });
  });

  it('describes the next intervals of a review card', async () => {
    const { cardIds } = add('Basic', ['review next', 'b']);
    setColumns(cardIds[0]!, `type = 2, queue = 2, ivl = 10, factor = 2500, due = ${col.timing().daysElapsed}`);
    const [info] = await server.call<{ nextReviews: string[] }[]>('cardsInfo', { cards: cardIds });
    expect(info!.nextReviews).toHaveLength(4);
    expect(info!.nextReviews[0]).toBe('<10m');
    expect(info!.nextReviews.slice(1).every((label) => /^\d+(\.\d)?(d|mo)$/.test(label))).toBe(true);
  });

  it('renders [sound:] as av placeholders and {{Tags}}', async () => {
    const { cardIds } = add('Basic', ['hello[sound:a.mp3]', 'back[sound:b.mp3]']);
    const [info] = await server.call<{ question: string; answer: string }[]>('cardsInfo', { cards: cardIds });
    expect(info!.question).toBe(`<style>${DEFAULT_CSS}</style>hello[anki:play:q:0]`);
    expect(info!.answer).toBe(`<style>${DEFAULT_CSS}</style>hello[anki:play:q:0]\n\n<hr id=answer>\n\nback[anki:play:a:0]`);
  });

  it('refuses a non-list or non-integer ids with an error naming the parameter', async () => {
    expect((await server.envelope('cardsInfo', { cards: 'abc' })).error).toContain("'cards'");
    expect((await server.envelope('cardsInfo', { cards: [1.5] })).error).toContain("'cards[0]'");
    expect((await server.envelope('cardsInfo', {})).error).toBe("AnkiConnect.cardsInfo() missing 1 required positional argument: 'cards'");
  });
});

describe('findCards', () => {
  it('finds cards by query, ascending; no query gives []', async () => {
    const a = add('Basic (and reversed card)', ['findme alpha', 'omega'], ['findtag']);
    const b = add('Basic', ['findme beta', 'b'], ['findtag']);
    const expected = [...a.cardIds, ...b.cardIds].sort((x, y) => x - y);
    expect(await server.envelope('findCards', { query: 'tag:findtag' })).toEqual({ result: expected, error: null });
    expect(await server.call('findCards', { query: `nid:${b.noteId}` })).toEqual(b.cardIds);
    expect(await server.call('findCards', { query: 'findme card:2' })).toEqual([a.cardIds[1]]);
    expect(await server.call('findCards', {})).toEqual([]);
    expect(await server.call('findCards', { query: null })).toEqual([]);
    const all = await server.call<number[]>('findCards', { query: '' });
    expect(all).toEqual(expect.arrayContaining(expected));
  });

  it('reports invalid searches as an error', async () => {
    const reply = await server.envelope('findCards', { query: '(unclosed' });
    expect(reply.result).toBeNull();
    expect(reply.error).toMatch(/^Invalid search/);
    expect((await server.envelope('findCards', { query: 5 })).error).toContain("'query'");
  });
});

describe('cardsModTime and cardsToNotes', () => {
  it('returns {cardId, mod} with {} for missing ids', async () => {
    const { cardIds } = add('Basic', ['mod front', 'b']);
    setColumns(cardIds[0]!, 'mod = 1629454092');
    expect(await server.call('cardsModTime', { cards: [cardIds[0], MISSING] })).toEqual([{ cardId: cardIds[0], mod: 1629454092 }, {}]);
  });

  it('returns each note once and ignores missing cards', async () => {
    const a = add('Basic (and reversed card)', ['ctn a', 'b']);
    const b = add('Basic', ['ctn b', 'b']);
    const result = await server.call<number[]>('cardsToNotes', { cards: [...a.cardIds, b.cardIds[0], MISSING] });
    expect([...result].sort()).toEqual([a.noteId, b.noteId].sort());
    expect(await server.call('cardsToNotes', { cards: [] })).toEqual([]);
  });
});

describe('suspend, unsuspend, suspended, areSuspended', () => {
  it('follows the spec samples', async () => {
    const { cardIds } = add('Basic (and reversed card)', ['susp', 'b']);
    const [a, b] = cardIds as [number, number];
    expect(await server.envelope('suspend', { cards: [a, b] })).toEqual({ result: true, error: null });
    expect(row(a).queue).toBe(-1);
    expect(await server.envelope('suspended', { card: b })).toEqual({ result: true, error: null });
    expect(await server.envelope('areSuspended', { cards: [a, b, MISSING] })).toEqual({ result: [true, true, null], error: null });
    // The add-on's unsuspend drops its inner result: null, not the README's true.
    expect(await server.envelope('unsuspend', { cards: [a, b] })).toEqual({ result: null, error: null });
    expect(row(a).queue).toBe(0);
    expect(await server.call('areSuspended', { cards: [a, b] })).toEqual([false, false]);
    expect(await server.call('suspend', { cards: [a], suspend: false })).toBe(false);
  });

  it('returns false when every card is already suspended, and restores queues from the type', async () => {
    const { cardIds } = add('Basic', ['review card', 'b']);
    const [id] = cardIds as [number];
    setColumns(id, 'type = 2, queue = -1, due = 5, ivl = 3');
    expect(await server.call('suspend', { cards: [id] })).toBe(false);
    await server.call('unsuspend', { cards: [id] });
    expect(row(id).queue).toBe(2);
    setColumns(id, 'type = 1, queue = -1, due = 1700000000');
    await server.call('unsuspend', { cards: [id] });
    expect(row(id).queue).toBe(1);
  });

  it('errors on a missing card, except where the add-on skips it', async () => {
    const { cardIds } = add('Basic', ['missing susp', 'b']);
    const [id] = cardIds as [number];
    expect(await server.envelope('suspend', { cards: [MISSING] })).toEqual({ result: null, error: `Card was not found: ${MISSING}` });
    expect((await server.envelope('unsuspend', { cards: [MISSING] })).error).toBe(`Card was not found: ${MISSING}`);
    expect((await server.envelope('suspended', { card: MISSING })).error).toBe(`Card was not found: ${MISSING}`);
    expect(row(id).queue).toBe(0);
    // Removing an element while iterating skips the next one: the missing id is never checked.
    setColumns(id, 'queue = -1');
    expect(await server.envelope('suspend', { cards: [id, MISSING] })).toEqual({ result: true, error: null });
  });
});

describe('getEaseFactors and setEaseFactors', () => {
  it('follows the spec samples', async () => {
    const { cardIds } = add('Basic (and reversed card)', ['ease', 'b']);
    expect(await server.envelope('setEaseFactors', { cards: cardIds, easeFactors: [4100, 3900] })).toEqual({
      result: [true, true],
      error: null,
    });
    expect(await server.envelope('getEaseFactors', { cards: cardIds })).toEqual({ result: [4100, 3900], error: null });
  });

  it('answers null/false for missing cards', async () => {
    const { cardIds } = add('Basic', ['ease missing', 'b']);
    expect(await server.call('getEaseFactors', { cards: [MISSING, cardIds[0]] })).toEqual([null, 0]);
    expect(await server.call('setEaseFactors', { cards: [MISSING, cardIds[0]], easeFactors: [1, 2500] })).toEqual([false, true]);
    expect(row(cardIds[0]!).factor).toBe(2500);
  });

  it('fails as a whole, changing nothing, on a short list or a bad value', async () => {
    const { cardIds } = add('Basic (and reversed card)', ['ease bad', 'b']);
    expect(await server.envelope('setEaseFactors', { cards: cardIds, easeFactors: [2000] })).toEqual({
      result: null,
      error: 'list index out of range',
    });
    expect((await server.envelope('setEaseFactors', { cards: cardIds, easeFactors: [2000, '2500'] })).error).toBe(
      "'str' object cannot be interpreted as an integer",
    );
    expect((await server.envelope('setEaseFactors', { cards: cardIds, easeFactors: [2000, -1] })).error).toBe('Value out of range: -1');
    expect(cardIds.map((id) => row(id).factor)).toEqual([0, 0]);
    // A missing card does not need a value.
    expect(await server.call('setEaseFactors', { cards: [MISSING], easeFactors: [] })).toEqual([false]);
  });
});

describe('setSpecificValueOfCard', () => {
  it('reports the sample (string values) as a failed save, changing nothing', async () => {
    const { cardIds } = add('Basic', ['ssv sample', 'b']);
    const [id] = cardIds as [number];
    const before = row(id);
    const reply = await server.envelope('setSpecificValueOfCard', { card: id, keys: ['flags', 'odue'], newValues: ['1', '-100'] });
    // odue is protected: without warning_check the add-on answers false.
    expect(reply).toEqual({ result: false, error: null });
    const strings = await server.call<unknown[]>('setSpecificValueOfCard', { card: id, keys: ['flags'], newValues: ['1'] });
    expect(strings).toHaveLength(1);
    expect(strings[0]).toEqual([false, "'str' object cannot be interpreted as an integer"]);
    expect(row(id)).toEqual(before);
  });

  it('sets values with [true], protected keys only with warning_check', async () => {
    const { cardIds } = add('Basic', ['ssv set', 'b']);
    const [id] = cardIds as [number];
    expect(await server.call('setSpecificValueOfCard', { card: id, keys: ['flags', 'factor'], newValues: [1, 2300] })).toEqual([true]);
    expect(row(id)).toMatchObject({ flags: 1, factor: 2300 });
    expect(await server.call('setSpecificValueOfCard', { card: id, keys: ['flags', 'odue'], newValues: [2, -100] })).toBe(false);
    expect(
      await server.call('setSpecificValueOfCard', {
        card: id,
        keys: ['flags', 'odue', 'type', 'queue', 'due', 'ivl'],
        newValues: [2, -100, 2, 2, 12, 7],
        warning_check: true,
      }),
    ).toEqual([true]);
    expect(row(id)).toMatchObject({ flags: 2, odue: -100, type: 2, queue: 2, due: 12, ivl: 7, usn: -1 });
    // Unknown attributes (and mod/usn, set by the backend) are accepted and ignored, like setattr on the Python card.
    expect(await server.call('setSpecificValueOfCard', { card: id, keys: ['data'], newValues: ['x'] })).toEqual([true]);
    expect(
      await server.call('setSpecificValueOfCard', { card: id, keys: ['usn', 'mod'], newValues: ['z', 'z'], warning_check: true }),
    ).toEqual([true]);
    // Backend narrowing casts, as in Anki: flags is a u8, factor a u16.
    expect(await server.call('setSpecificValueOfCard', { card: id, keys: ['flags', 'factor'], newValues: [300, 70000] })).toEqual([true]);
    expect(row(id)).toMatchObject({ flags: 44, factor: 4464 });
  });

  it('refuses malformed requests with false and reports failures inline', async () => {
    const { cardIds } = add('Basic', ['ssv bad', 'b']);
    const [id] = cardIds as [number];
    const call = (params: Record<string, unknown>) => server.call('setSpecificValueOfCard', params);
    expect(await call({ card: [id], keys: ['flags'], newValues: [1] })).toBe(false);
    expect(await call({ card: id, keys: 'flags', newValues: [1] })).toBe(false);
    expect(await call({ card: id, keys: ['flags'], newValues: [1, 2] })).toBe(false);
    expect(await call({ card: MISSING, keys: ['flags'], newValues: [1] })).toEqual([[false, `Card was not found: ${MISSING}`]]);
    expect(await call({ card: id, keys: ['queue'], newValues: [9], warning_check: true })).toEqual([[false, 'invalid card queue']]);
    expect(await call({ card: id, keys: ['type'], newValues: [4], warning_check: true })).toEqual([[false, 'invalid card type']]);
    expect(await call({ card: id, keys: ['did'], newValues: [999], warning_check: true })).toEqual([[false, 'deck was not found: 999']]);
    expect(await call({ card: id, keys: ['ord'], newValues: [3], warning_check: true })).toEqual([
      [false, 'card template 4 does not exist in notetype "Basic"'],
    ]);
    expect(await call({ card: id, keys: [5], newValues: [1] })).toEqual([[false, "attribute name must be string, not 'int'"]]);
    expect(await call({ card: id, keys: ['flags'], newValues: [true] })).toEqual([
      [false, 'Field anki.cards.Card.flags: Expected an int, got a boolean.'],
    ]);
    expect(await call({ card: id, keys: ['ivl'], newValues: [-1], warning_check: true })).toEqual([[false, 'Value out of range: -1']]);
    expect(row(id)).toMatchObject({ queue: 0, type: 0, did: 1, ord: 0 });
  });
});
