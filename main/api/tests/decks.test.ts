import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';
import type { Collection } from '../../engine/collection';
import { addNote } from '../../engine/notes/add';
import { ensureDeck } from '../../engine/decks/store';
import { notetypeByName } from '../../engine/notetypes/store';

let server: TestServer;
let col: Collection;

beforeEach(async () => {
  server = await startTestServer();
  col = server.engram.host.collection();
});
afterEach(async () => {
  await server.close();
});

/** Adds a Basic note straight through the engine; returns its card id. */
function basicCard(deck: string, front: string): number {
  const notetype = notetypeByName(col, 'Basic')!;
  return addNote(col, { notetypeId: notetype.id, deckId: ensureDeck(col, deck), fields: [front, 'back'] }).cardIds[0]!;
}

const count = (sql: string, ...args: unknown[]) => col.prepare(sql).pluck().get(...args) as number;

describe('deckNames / deckNamesAndIds', () => {
  it('answers the spec samples on a fresh profile', async () => {
    expect(await server.post({ action: 'deckNames', version: 6 })).toEqual({ result: ['Default'], error: null });
    expect(await server.post({ action: 'deckNamesAndIds', version: 6 })).toEqual({ result: { Default: 1 }, error: null });
  });

  it("lists decks in Anki's order: case-insensitive, parents directly before their children", async () => {
    for (const name of ['b', 'A::C', 'A B', 'Zeta']) await server.call('createDeck', { deck: name });
    expect(await server.call('deckNames')).toEqual(['A', 'A::C', 'A B', 'b', 'Default', 'Zeta']);
    const ids = await server.call<Record<string, number>>('deckNamesAndIds');
    expect(Object.keys(ids)).toEqual(['A', 'A::C', 'A B', 'b', 'Default', 'Zeta']);
    expect(ids.Default).toBe(1);
  });
});

describe('createDeck', () => {
  it('creates the hierarchy and returns the id (spec sample)', async () => {
    const id = await server.call<number>('createDeck', { deck: 'Japanese::Tokyo' });
    expect(typeof id).toBe('number');
    expect(await server.call('deckNames')).toEqual(['Default', 'Japanese', 'Japanese::Tokyo']);
    expect((await server.call<Record<string, number>>('deckNamesAndIds'))['Japanese::Tokyo']).toBe(id);
  });

  it('returns the id of an existing deck, whatever the case, without creating another', async () => {
    const id = await server.call<number>('createDeck', { deck: 'Spanish' });
    expect(await server.call('createDeck', { deck: 'Spanish' })).toBe(id);
    expect(await server.call('createDeck', { deck: 'SPANISH' })).toBe(id);
    expect(await server.call('deckNames')).toEqual(['Default', 'Spanish']);
  });

  it('rejects wrong types and missing params with a clear error', async () => {
    expect(await server.envelope('createDeck', { deck: 5 })).toEqual({
      result: null,
      error: "parameter 'deck' must be a string, got an integer",
    });
    expect((await server.envelope('createDeck', {})).error).toBe(
      "AnkiConnect.createDeck() missing 1 required positional argument: 'deck'",
    );
    expect((await server.envelope('createDeck', { deck: '  ' })).error).toMatch(/deck name/);
    expect(await server.call('deckNames')).toEqual(['Default']);
  });
});

describe('getDecks', () => {
  it('groups cards by deck name; a missing card is listed under Default', async () => {
    const inDefault = basicCard('Default', 'a');
    const n3a = basicCard('Japanese::JLPT N3', 'b');
    const n3b = basicCard('Japanese::JLPT N3', 'c');
    const reply = await server.post({ action: 'getDecks', version: 6, params: { cards: [n3a, n3b, inDefault, 123] } });
    expect(reply).toEqual({ result: { 'Japanese::JLPT N3': [n3a, n3b], Default: [inDefault, 123] }, error: null });
  });

  it('rejects a non-list', async () => {
    expect((await server.envelope('getDecks', { cards: 'x' })).error).toBe("parameter 'cards' must be a list, got a string");
  });
});

describe('changeDeck', () => {
  it('moves cards, creating the deck (spec sample shape)', async () => {
    const a = basicCard('Default', 'a');
    const b = basicCard('Default', 'b');
    const reply = await server.post({
      action: 'changeDeck',
      version: 6,
      params: { cards: [a, b, 999], deck: 'Japanese::JLPT N3' },
    });
    expect(reply).toEqual({ result: null, error: null });
    expect(await server.call('getDecks', { cards: [a, b] })).toEqual({ 'Japanese::JLPT N3': [a, b] });
    expect(count('SELECT usn FROM cards WHERE id = ?', a)).toBe(-1);
  });

  it('creates the deck even with no cards (the mpvacious trick)', async () => {
    await server.call('changeDeck', { cards: [], deck: 'Mining' });
    expect(await server.call('deckNames')).toContain('Mining');
  });

  it('takes cards out of a filtered deck first, restoring their home due', async () => {
    const card = basicCard('Default', 'a');
    const filtered = ensureDeck(col, 'Filtered 1');
    col.prepare("UPDATE decks SET json = json_set(json, '$.dyn', 1) WHERE id = ?").run(filtered);
    col.invalidate('decks');
    col.prepare('UPDATE cards SET odid = did, odue = due, did = ?, due = -100000 WHERE id = ?').run(filtered, card);
    await server.call('changeDeck', { cards: [card], deck: 'Target' });
    const row = col.prepare('SELECT did, odid, odue, due, queue FROM cards WHERE id = ?').get(card) as Record<string, number>;
    expect(row).toEqual({ did: ensureDeck(col, 'Target'), odid: 0, odue: 0, due: 1, queue: 0 });
  });
});

describe('deleteDecks', () => {
  it('refuses without cardsToo, with the add-on text, and deletes nothing', async () => {
    await server.call('createDeck', { deck: 'Easy Spanish' });
    for (const params of [{ decks: ['Easy Spanish'] }, { decks: ['Easy Spanish'], cardsToo: false }]) {
      expect((await server.envelope('deleteDecks', params)).error).toBe(
        "Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well",
      );
    }
    expect(await server.call('deckNames')).toContain('Easy Spanish');
  });

  it('deletes decks, their children, their cards and notes left without cards (spec sample)', async () => {
    const n5 = basicCard('Japanese::JLPT N5', 'n5');
    const child = basicCard('Japanese::JLPT N5::Kanji', 'kanji');
    const spanish = basicCard('Easy Spanish', 'hola');
    const kept = basicCard('Japanese::JLPT N4', 'n4');
    const reply = await server.post({
      action: 'deleteDecks',
      version: 6,
      params: { decks: ['Japanese::JLPT N5', 'Easy Spanish', 'Does not exist'], cardsToo: true },
    });
    expect(reply).toEqual({ result: null, error: null });
    expect(await server.call('deckNames')).toEqual(['Default', 'Japanese', 'Japanese::JLPT N4']);
    for (const cid of [n5, child, spanish]) expect(count('SELECT count(*) FROM cards WHERE id = ?', cid)).toBe(0);
    expect(count('SELECT count(*) FROM cards WHERE id = ?', kept)).toBe(1);
    expect(count('SELECT count(*) FROM notes')).toBe(1);
    expect(count('SELECT count(*) FROM graves WHERE type = 2')).toBe(3);
  });

  it('keeps a note that still has a card in another deck', async () => {
    const reversed = notetypeByName(col, 'Basic (and reversed card)')!;
    const { noteId, cardIds } = addNote(col, { notetypeId: reversed.id, deckId: ensureDeck(col, 'Gone'), fields: ['f', 'b'] });
    expect(cardIds).toHaveLength(2);
    await server.call('changeDeck', { cards: [cardIds[1]], deck: 'Stays' });
    await server.call('deleteDecks', { decks: ['Gone'], cardsToo: true });
    expect(col.prepare('SELECT id FROM cards WHERE nid = ?').pluck().all(noteId)).toEqual([cardIds[1]]);
  });

  it('matches names exactly (case-sensitive), as the add-on does', async () => {
    await server.call('createDeck', { deck: 'Spanish' });
    await server.call('deleteDecks', { decks: ['spanish', 5], cardsToo: true });
    expect(await server.call('deckNames')).toContain('Spanish');
  });

  it('empties the Default deck but keeps it', async () => {
    basicCard('Default', 'x');
    await server.call('createDeck', { deck: 'Default::Child' });
    await server.call('deleteDecks', { decks: ['Default'], cardsToo: 1 });
    expect(await server.call('deckNames')).toEqual(['Default']);
    expect(count('SELECT count(*) FROM cards')).toBe(0);
  });
});

describe('deck options presets', () => {
  it('getDeckConfig returns the legacy preset of a deck (spec sample shape)', async () => {
    const reply = (await server.post({ action: 'getDeckConfig', version: 6, params: { deck: 'Default' } })) as {
      result: Record<string, unknown>;
    };
    const conf = reply.result;
    expect(conf).toMatchObject({ id: 1, name: 'Default', dyn: false, maxTaken: 60, autoplay: true, timer: 0, replayq: true });
    expect(conf.new).toMatchObject({ perDay: 20, delays: [1, 10], initialFactor: 2500 });
    expect(conf.rev).toMatchObject({ perDay: 200, maxIvl: 36500 });
    expect(conf.lapse).toMatchObject({ delays: [10], leechFails: 8 });
  });

  it('getDeckConfig answers false for an unknown deck or a differently cased name', async () => {
    expect(await server.call('getDeckConfig', { deck: 'Nope' })).toBe(false);
    expect(await server.call('getDeckConfig', { deck: 'default' })).toBe(false);
  });

  it('saveDeckConfig saves a changed preset and bumps mod (spec sample)', async () => {
    const conf = await server.call<Record<string, unknown> & { new: Record<string, unknown> }>('getDeckConfig', {
      deck: 'Default',
    });
    conf.new.perDay = 35;
    conf.mod = 1502970872;
    expect(await server.post({ action: 'saveDeckConfig', version: 6, params: { config: conf } })).toEqual({
      result: true,
      error: null,
    });
    const saved = await server.call<{ new: { perDay: number }; mod: number }>('getDeckConfig', { deck: 'Default' });
    expect(saved.new.perDay).toBe(35);
    expect(saved.mod).toBeGreaterThan(1502970872);
  });

  it('saveDeckConfig: unknown id → false, missing id → the KeyError text, malformed preset → false', async () => {
    const conf = await server.call<Record<string, unknown>>('getDeckConfig', { deck: 'Default' });
    expect(await server.call('saveDeckConfig', { config: { ...conf, id: 424242 } })).toBe(false);
    const { id: _id, ...noId } = conf;
    expect((await server.envelope('saveDeckConfig', { config: noId })).error).toBe("'id'");
    expect(await server.call('saveDeckConfig', { config: { ...conf, new: undefined } })).toBe(false);
    expect(await server.call('saveDeckConfig', { config: { ...conf, maxTaken: 'sixty' } })).toBe(false);
    expect((await server.envelope('saveDeckConfig', { config: [] })).error).toBe(
      "parameter 'config' must be an object, got a list",
    );
  });

  it('cloneDeckConfigId, setDeckConfigId and removeDeckConfigId work together (spec samples)', async () => {
    const cloneReply = (await server.post({
      action: 'cloneDeckConfigId',
      version: 6,
      params: { name: 'Copy of Default', cloneFrom: 1 },
    })) as { result: number };
    const cloneId = cloneReply.result;
    expect(cloneId).toBeGreaterThan(1);
    await server.call('createDeck', { deck: 'Japanese' });
    expect(await server.post({ action: 'setDeckConfigId', version: 6, params: { decks: ['Default', 'Japanese'], configId: cloneId } })).toEqual({
      result: true,
      error: null,
    });
    expect(await server.call('getDeckConfig', { deck: 'Japanese' })).toMatchObject({ id: cloneId, name: 'Copy of Default' });
    expect(await server.post({ action: 'removeDeckConfigId', version: 6, params: { configId: cloneId } })).toEqual({
      result: true,
      error: null,
    });
    expect(await server.call('getDeckConfig', { deck: 'Japanese' })).toMatchObject({ id: 1 });
    expect(await server.call('removeDeckConfigId', { configId: cloneId })).toBe(false);
  });

  it('cloneDeckConfigId defaults to cloning Default and answers false for an unknown source', async () => {
    const id = await server.call<number>('cloneDeckConfigId', { name: 'Mine' });
    expect(await server.call('cloneDeckConfigId', { name: 'Other', cloneFrom: 999 })).toBe(false);
    await server.call('setDeckConfigId', { decks: ['Default'], configId: String(id) });
    expect(await server.call('getDeckConfig', { deck: 'Default' })).toMatchObject({ id, name: 'Mine', new: { perDay: 20 } });
  });

  it('setDeckConfigId answers false if any deck is unknown and changes nothing', async () => {
    const id = await server.call<number>('cloneDeckConfigId', { name: 'Mine' });
    expect(await server.call('setDeckConfigId', { decks: ['Default', 'Nope'], configId: id })).toBe(false);
    expect(await server.call('getDeckConfig', { deck: 'Default' })).toMatchObject({ id: 1 });
  });

  it('removeDeckConfigId refuses the Default preset with the backend error', async () => {
    expect((await server.envelope('removeDeckConfigId', { configId: 1 })).error).toBe("can't delete default conf");
  });
});

describe('getDeckStats', () => {
  it('creates missing decks and reports counts keyed by stringified id (spec sample)', async () => {
    for (let i = 0; i < 25; i++) basicCard('Japanese::JLPT N5', `w${i}`);
    const reply = (await server.post({
      action: 'getDeckStats',
      version: 6,
      params: { decks: ['Japanese::JLPT N5', 'Easy Spanish'] },
    })) as { result: Record<string, unknown>; error: null };
    const ids = await server.call<Record<string, number>>('deckNamesAndIds');
    const n5 = ids['Japanese::JLPT N5']!;
    const spanish = ids['Easy Spanish']!;
    expect(reply.error).toBeNull();
    expect(reply.result).toEqual({
      [String(spanish)]: { deck_id: spanish, name: 'Easy Spanish', new_count: 0, learn_count: 0, review_count: 0, total_in_deck: 0 },
      [String(n5)]: { deck_id: n5, name: 'JLPT N5', new_count: 20, learn_count: 0, review_count: 0, total_in_deck: 25 },
    });
  });

  it('rolls child counts into the parent but keeps total_in_deck to the deck itself', async () => {
    basicCard('Lang', 'a');
    basicCard('Lang::Sub', 'b');
    const ids = await server.call<Record<string, number>>('deckNamesAndIds');
    const stats = await server.call<Record<string, { new_count: number; total_in_deck: number }>>('getDeckStats', {
      decks: ['Lang'],
    });
    expect(stats[String(ids.Lang)]).toMatchObject({ new_count: 2, total_in_deck: 1 });
  });

  it('leaves out an empty Default deck when other decks exist, as the due tree does', async () => {
    await server.call('createDeck', { deck: 'Other' });
    expect(await server.call('getDeckStats', { decks: ['Default'] })).toEqual({});
    basicCard('Default', 'x');
    expect(await server.call('getDeckStats', { decks: ['Default'] })).toMatchObject({ '1': { name: 'Default', new_count: 1 } });
  });
});

describe('deckNameFromId (not in the spec)', () => {
  it('returns the name, falling back to Default for unknown or falsy ids', async () => {
    const id = await server.call<number>('createDeck', { deck: 'A::B' });
    expect(await server.call('deckNameFromId', { deckId: id })).toBe('A::B');
    expect(await server.call('deckNameFromId', { deckId: 42 })).toBe('Default');
    expect(await server.call('deckNameFromId', { deckId: null })).toBe('Default');
    expect(await server.call('deckNameFromId', { deckId: String(id) })).toBe('A::B');
  });
});

describe('without a collection', () => {
  it('answers collection is not available', async () => {
    server.engram.profiles.close();
    for (const [name, params] of [
      ['deckNames', {}],
      ['createDeck', { deck: 'x' }],
      ['getDeckStats', { decks: ['x'] }],
    ] as const) {
      expect(await server.envelope(name, params)).toEqual({ result: null, error: 'collection is not available' });
    }
  });
});
