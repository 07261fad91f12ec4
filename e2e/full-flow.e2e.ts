import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/**
 * The whole path a sentence-mining user takes: Yomitan adds a note with a picture
 * over the API, guiBrowse shows it, the user studies it in the reviewer with the
 * keyboard, and cardsInfo reports the new scheduling state.
 */

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxAABAA8AAf8nFj0MAAAAAElFTkSuQmCC';

let serve: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('full flow', () => {
  it('Yomitan addNote with media → guiBrowse → keyboard review → cardsInfo', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await page.locator('.deck-row').first().waitFor();

    await serve.call('createDeck', { deck: 'Mining' });
    // Yomitan sends version 2 from its extension origin and gets the bare result back.
    const response = await fetch(serve.apiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'chrome-extension://yomitan' },
      body: JSON.stringify({
        action: 'addNote',
        version: 2,
        params: {
          note: {
            deckName: 'Mining',
            modelName: 'Basic',
            fields: { Front: '読む', Back: 'to read' },
            tags: ['yomitan'],
            options: { allowDuplicate: false, duplicateScope: 'collection' },
            picture: [{ filename: 'yomitan_read.png', data: PNG, fields: ['Back'] }],
          },
        },
      }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('chrome-extension://yomitan');
    const noteId = (await response.json()) as number;
    expect(typeof noteId).toBe('number');
    const [info] = await serve.call<{ fields: { Back: { value: string } } }[]>('notesInfo', { notes: [noteId] });
    expect(info!.fields.Back.value).toMatch(/to read<img src="yomitan_read[^"]*\.png">/);

    const shown = await serve.call<number[]>('guiBrowse', { query: `nid:${noteId}` });
    expect(shown).toHaveLength(1);
    await expect.poll(() => page.getByLabel('Search', { exact: true }).inputValue()).toBe(`nid:${noteId}`);
    await expect.poll(() => page.locator('.browser-row').count()).toBe(1);
    await screenshot(page, 'flow-browser');

    await page.getByRole('button', { name: 'Decks' }).click();
    await page.locator('.deck-link', { hasText: 'Mining' }).click();
    await page.locator('.overview').waitFor();
    await page.keyboard.press('s');
    await page.locator('.reviewer[data-side="question"]').waitFor();
    await expect.poll(() => page.frameLocator('iframe.card-frame').locator('#qa').textContent()).toBe('読む');
    await page.keyboard.press('Space');
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    await expect.poll(() => page.frameLocator('iframe.card-frame').locator('#qa img').count()).toBe(1);
    await screenshot(page, 'flow-reviewer-answer');
    await page.keyboard.press('3');
    await expect.poll(() => page.locator('.review-counts').textContent()).toBe('0 + 1 + 0');

    const [card] = await serve.call<{ type: number; queue: number; reps: number; nextReviews: string[] }[]>('cardsInfo', { cards: shown });
    expect(card).toMatchObject({ type: 1, queue: 1, reps: 1 });
    await page.close();
  });
});
