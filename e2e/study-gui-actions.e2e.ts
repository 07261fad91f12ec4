import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** The reviewer and deck gui* actions over HTTP, checked against what the page shows, and the reverse. */

let serve: ServeProcess;
let browser: Browser;
let page: Page;
const noteIds: number[] = [];

interface Reply {
  result: unknown;
  error: string | null;
}

/** Calls an action and returns the whole envelope (errors included). */
async function raw(action: string, params: Record<string, unknown> = {}): Promise<Reply> {
  const response = await fetch(serve.apiUrl, { method: 'POST', body: JSON.stringify({ action, version: 6, params }) });
  return (await response.json()) as Reply;
}

function cardFrame() {
  return page.frameLocator('iframe.card-frame').locator('#qa');
}

async function reps(noteId: number): Promise<number> {
  const ids = await serve.call<number[]>('findCards', { query: `nid:${noteId}` });
  const [card] = await serve.call<{ reps: number }[]>('cardsInfo', { cards: ids });
  return card!.reps;
}

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  await serve.call('createDeck', { deck: 'Lang::Vocab' });
  for (const [front, back] of [['uno', 'one'], ['dos', 'two']]) {
    noteIds.push(await serve.call<number>('addNote', { note: { deckName: 'Lang::Vocab', modelName: 'Basic', fields: { Front: front, Back: `${back}[sound:say.wav]` } } }));
  }
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('gui* actions without a window', () => {
  it('answer as the add-on does without its reviewer', async () => {
    for (const action of ['guiReviewActive', 'guiCurrentCard', 'guiShowQuestion', 'guiShowAnswer', 'guiStartCardTimer', 'guiPlayAudio']) {
      expect(await raw(action), action).toEqual({ result: null, error: 'reviewer is not available' });
    }
    expect(await raw('guiAnswerCard', { ease: 3 })).toEqual({ result: null, error: 'reviewer is not available' });
    expect(await raw('guiDeckOverview', { name: 'Lang::Vocab' })).toEqual({ result: false, error: null });
    expect(await raw('guiDeckReview', { name: 'Lang::Vocab' })).toEqual({ result: false, error: null });
    expect(await raw('guiDeckBrowser')).toEqual({ result: null, error: null });
    expect(await raw('guiUndo')).toEqual({ result: true, error: null });
    expect(await raw('guiCheckDatabase')).toEqual({ result: true, error: null });
  });
});

describe('gui* actions drive the page', () => {
  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await page.locator('.deck-row').first().waitFor();
  });

  it('outside review: false, and guiCurrentCard is an error', async () => {
    expect(await raw('guiReviewActive')).toEqual({ result: false, error: null });
    expect(await raw('guiCurrentCard')).toEqual({ result: null, error: 'Gui review is not currently active.' });
    for (const action of ['guiShowQuestion', 'guiShowAnswer', 'guiStartCardTimer', 'guiPlayAudio']) {
      expect(await raw(action), action).toEqual({ result: false, error: null });
    }
    expect(await raw('guiAnswerCard', { ease: 1 })).toEqual({ result: false, error: null });
  });

  it('guiDeckOverview shows the overview; unknown decks give false', async () => {
    expect(await raw('guiDeckOverview', { name: 'Lang::Vocab' })).toEqual({ result: true, error: null });
    await expect.poll(() => page.locator('.overview h1').textContent()).toBe('Lang::Vocab');
    expect(await raw('guiDeckOverview', { name: 'No such deck' })).toEqual({ result: false, error: null });
  });

  it('guiDeckBrowser shows the deck list', async () => {
    expect(await raw('guiDeckBrowser')).toEqual({ result: null, error: null });
    await page.locator('.deck-browser').waitFor();
  });

  it('guiDeckReview opens the reviewer and guiCurrentCard describes the card shown', async () => {
    expect(await raw('guiDeckReview', { name: 'Lang::Vocab' })).toEqual({ result: true, error: null });
    await page.locator('.reviewer[data-side="question"]').waitFor();
    expect(await raw('guiReviewActive')).toEqual({ result: true, error: null });
    const { result } = await raw('guiCurrentCard');
    const card = result as Record<string, unknown>;
    const shownId = Number(await page.locator('.reviewer').getAttribute('data-card-id'));
    expect(card.cardId).toBe(shownId);
    expect(card).toMatchObject({
      modelName: 'Basic',
      deckName: 'Lang::Vocab',
      template: 'Card 1',
      fieldOrder: 0,
      buttons: [1, 2, 3, 4],
      fields: { Front: { value: 'uno', order: 0 }, Back: { value: 'one[sound:say.wav]', order: 1 } },
    });
    expect(card.question).toMatch(/^<style>[\s\S]*<\/style>uno$/);
    expect(card.answer).toContain('one[anki:play:a:0]');
    expect(card.css).toContain('.card');
    expect(card.nextReviews).toEqual(['<1m', '<6m', '<10m', expect.stringMatching(/^\d+d$/)]);
    await expect.poll(() => cardFrame().textContent()).toBe('uno');
    await screenshot(page, 'study-gui-review');
  });

  it('guiShowAnswer / guiShowQuestion flip the side shown; guiAnswerCard needs the answer shown', async () => {
    expect(await raw('guiAnswerCard', { ease: 3 })).toEqual({ result: false, error: null });
    expect(await raw('guiShowAnswer')).toEqual({ result: true, error: null });
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    await expect.poll(() => cardFrame().textContent()).toContain('one');
    expect(await raw('guiShowQuestion')).toEqual({ result: true, error: null });
    await page.locator('.reviewer[data-side="question"]').waitFor();
    expect(await raw('guiShowAnswer')).toEqual({ result: true, error: null });
    expect(await raw('guiAnswerCard', { ease: 0 })).toEqual({ result: false, error: null });
    expect(await raw('guiAnswerCard', { ease: 5 })).toEqual({ result: false, error: null });
    expect(await raw('guiStartCardTimer')).toEqual({ result: true, error: null });
    expect(await raw('guiAnswerCard', { ease: 4 })).toEqual({ result: true, error: null });
    await expect.poll(() => cardFrame().textContent()).toBe('dos');
    await page.locator('.reviewer[data-side="question"]').waitFor();
    expect(await reps(noteIds[0]!)).toBe(1);
  });

  it('guiUndo puts the answered card back on screen', async () => {
    expect(await raw('guiUndo')).toEqual({ result: true, error: null });
    await expect.poll(() => cardFrame().textContent()).toBe('uno');
    expect(await reps(noteIds[0]!)).toBe(0);
  });

  it('guiPlayAudio replays the current side', async () => {
    await page.keyboard.press('Space');
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    expect(await raw('guiPlayAudio')).toEqual({ result: true, error: null });
    await expect.poll(() => page.locator('.audio-status').textContent()).toContain('say.wav');
  });

  it('keys pressed in the page show in the API', async () => {
    await page.keyboard.press('3');
    await expect.poll(async () => ((await raw('guiCurrentCard')).result as { cardId: number } | null)?.cardId).not.toBe(
      (await serve.call<number[]>('findCards', { query: `nid:${noteIds[0]}` }))[0],
    );
    await expect.poll(() => reps(noteIds[0]!)).toBe(1);
    // The next card reaches the controller just after the answer is stored: poll, don't read once.
    await expect
      .poll(async () => ((await raw('guiCurrentCard')).result as { fields?: { Front: { value: string } } } | null)?.fields?.Front.value)
      .toBe('dos');
    // Keys act on the card the page shows, so wait for the page to show it too.
    await expect.poll(() => cardFrame().textContent()).toBe('dos');
    await page.locator('.reviewer[data-side="question"]').waitFor();
    await page.keyboard.press('Space');
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    await page.keyboard.press('1');
    await expect.poll(() => reps(noteIds[1]!)).toBe(1);
    // Leaving the reviewer in the page ends review for the API too.
    await page.keyboard.press('d');
    await page.locator('.deck-browser').waitFor();
    await expect.poll(async () => (await raw('guiReviewActive')).result).toBe(false);
  });

  it('guiCheckDatabase runs the check and shows the report', async () => {
    expect(await raw('guiCheckDatabase')).toEqual({ result: true, error: null });
    await expect.poll(() => page.locator('.check-report').textContent()).toContain('No problems found');
    await screenshot(page, 'study-check-database');
  });
});

describe('guiExitAnki', () => {
  it('answers null, then the serve process shuts down', async () => {
    const other = await startServe();
    try {
      const response = await fetch(other.apiUrl, { method: 'POST', body: JSON.stringify({ action: 'guiExitAnki', version: 6 }) });
      expect(await response.json()).toEqual({ result: null, error: null });
      await expect
        .poll(
          () =>
            fetch(other.apiUrl, { method: 'POST', body: JSON.stringify({ action: 'version', version: 6 }) }).then(
              () => 'up',
              () => 'down',
            ),
          { timeout: 15_000 },
        )
        .toBe('down');
    } finally {
      await other.stop();
    }
  });
});
