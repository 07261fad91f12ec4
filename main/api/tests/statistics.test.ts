import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';
import { addNote } from '../../engine/notes';
import { deckByName, ensureDeck } from '../../engine/decks/store';
import { notetypeByName } from '../../engine/notetypes/store';

let server: TestServer;
let cardIds: number[] = [];
const NOW = Date.now();

beforeAll(async () => {
  server = await startTestServer({}, { now: () => NOW });
  const col = server.engram.profiles.collection()!;
  const basic = notetypeByName(col, 'Basic')!;
  const deck = ensureDeck(col, 'Stats');
  cardIds = [1, 2].map((i) => addNote(col, { notetypeId: basic.id, deckId: deck, fields: [`q${i}`, 'a'] }).cardIds[0]!);
});
afterAll(() => server.close());

const sample: [number, number, number, number, number, number, number, number, number][] = [
  [NOW - 5000, 0, -1, 3, 4, -60, 2500, 6157, 0],
  [NOW - 4000, 0, -1, 1, -60, -60, 0, 4846, 0],
];

describe('statistic actions', () => {
  it('insertReviews stores rows; cardReviews and getReviewsOfCards read them back', async () => {
    const rows = sample.map((r, i) => {
      const row = [...r] as typeof r;
      row[1] = cardIds[i]!;
      return row;
    });
    expect(await server.call('insertReviews', { reviews: rows })).toBeNull();
    expect(await server.call('cardReviews', { deck: 'Stats', startID: 0 })).toEqual(rows);
    expect(await server.call('cardReviews', { deck: 'Stats', startID: NOW - 4500 })).toEqual([rows[1]]);
    expect(await server.call('getReviewsOfCards', { cards: [cardIds[0], String(cardIds[1]), 42] })).toEqual({
      [String(cardIds[0])]: [{ id: NOW - 5000, usn: -1, ease: 3, ivl: 4, lastIvl: -60, factor: 2500, time: 6157, type: 0 }],
      [String(cardIds[1])]: [{ id: NOW - 4000, usn: -1, ease: 1, ivl: -60, lastIvl: -60, factor: 0, time: 4846, type: 0 }],
      '42': [],
    });
  });

  it('getReviewsOfCards keeps the order of the ids asked for, as the add-on’s dict does', async () => {
    const [a, b] = [...cardIds].sort((x, y) => x - y);
    const response = await fetch(server.url, {
      method: 'POST',
      body: JSON.stringify({ action: 'getReviewsOfCards', version: 6, params: { cards: [b, a, b] } }),
    });
    const text = await response.text();
    expect(text.indexOf(`"${b}"`)).toBeLessThan(text.indexOf(`"${a}"`));
    expect(text.split(`"${b}"`).length).toBe(2);
  });

  it('getLatestReviewID gives the newest review of a deck, 0 for a deck without reviews (which it creates)', async () => {
    expect(await server.call('getLatestReviewID', { deck: 'Stats' })).toBe(NOW - 4000);
    expect(await server.call('getLatestReviewID', { deck: 'Brand new deck' })).toBe(0);
    expect(deckByName(server.engram.profiles.collection()!, 'Brand new deck')).toBeDefined();
  });

  it('counts reviews today and by day', async () => {
    expect(await server.call('getNumCardsReviewedToday')).toBe(2);
    const byDay = await server.call<[string, number][]>('getNumCardsReviewedByDay');
    expect(byDay).toHaveLength(1);
    expect(byDay[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byDay[0]![1]).toBe(2);
  });

  it('refuses a duplicate review id without inserting anything, and malformed rows with a clear error', async () => {
    const dup = await server.envelope('insertReviews', { reviews: [[NOW - 1, cardIds[0], -1, 3, 1, 0, 2500, 1, 1], sample[0]] });
    expect(dup.error).toContain('UNIQUE constraint failed: revlog.id');
    expect(await server.call('getNumCardsReviewedToday')).toBe(2);
    const bad = await server.envelope('insertReviews', { reviews: [[1, 2, 3]] });
    expect(bad.error).toContain("parameter 'reviews[0]' must be a review row of 9 integers");
  });

  it('renders a real statistics report with inline SVG charts', async () => {
    const html = await server.call<string>('getCollectionStatsHTML', { wholeCollection: true });
    expect(html).toContain('<center>');
    expect(html).toContain('Studied <b>2</b> cards');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
  });
});
