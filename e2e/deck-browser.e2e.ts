import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

function row(page: Page, name: string) {
  return page.locator('tr.deck-row').filter({ has: page.locator('.deck-link', { hasText: new RegExp(`^${name}$`) }) });
}

async function deckNames(): Promise<string[]> {
  return serve.call<string[]>('deckNames');
}

async function addNote(deck: string, front: string): Promise<number> {
  return serve.call<number>('addNote', { note: { deckName: deck, modelName: 'Basic', fields: { Front: front, Back: 'b' } } });
}

describe('headless web GUI', () => {
  it('shows the Default deck of a new profile, and decks added over the API', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await expect.poll(() => page.locator('.deck-row .deck-link').allTextContents()).toContain('Default');
    await serve.call('createDeck', { deck: 'Japanese::Vocabulary' });
    // The list refreshes by itself; the empty Default deck steps aside once another deck exists (as in Anki).
    await expect.poll(() => page.locator('.deck-row .deck-link').allTextContents()).toEqual(['Japanese', 'Vocabulary']);
    await page.close();
  });
});

describe('deck browser', () => {
  it('shows the tree with new/learn/due counts rolled up into parents', async () => {
    await addNote('Japanese::Vocabulary', 'inu');
    await addNote('Japanese::Vocabulary', 'neko');
    await addNote('Japanese', 'kanji');
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await expect.poll(() => row(page, 'Vocabulary').locator('.count.new').textContent()).toBe('2');
    await expect.poll(() => row(page, 'Japanese').locator('.count.new').textContent()).toBe('3');
    // An empty Default deck is hidden once other decks exist, as in Anki.
    expect(await page.locator('.deck-link', { hasText: /^Default$/ }).count()).toBe(0);
    await screenshot(page, 'deck-browser');
    await page.close();
  });

  it('collapses and expands (mouse and keyboard), and remembers it', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await row(page, 'Japanese').locator('.collapse-toggle').click();
    await expect.poll(() => row(page, 'Vocabulary').count()).toBe(0);
    await page.reload();
    await row(page, 'Japanese').waitFor();
    expect(await row(page, 'Vocabulary').count()).toBe(0);
    await row(page, 'Japanese').locator('.deck-link').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => row(page, 'Vocabulary').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Vocabulary');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Japanese');
    await page.close();
  });

  it('creates and renames decks from the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await page.getByRole('button', { name: 'Create Deck' }).click();
    await page.keyboard.type('Spanish');
    await screenshot(page, 'deck-browser-create');
    await page.keyboard.press('Enter');
    await expect.poll(deckNames).toContain('Spanish');
    await row(page, 'Spanish').locator('.deck-link').focus();
    await page.keyboard.press('F2');
    await page.keyboard.type('Español');
    await page.keyboard.press('Enter');
    await expect.poll(deckNames).toContain('Español');
    expect(await deckNames()).not.toContain('Spanish');
    await page.getByRole('button', { name: 'Create Deck' }).click();
    await page.keyboard.type('Español');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('already exists');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('re-parents by drag and drop, and back to the top level from the menu', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await row(page, 'Español').dragTo(row(page, 'Japanese'));
    await expect.poll(deckNames).toContain('Japanese::Español');
    await row(page, 'Español').locator('.gear').click();
    await page.getByRole('menuitem', { name: 'Move…' }).click();
    await page.getByRole('dialog').locator('select').selectOption({ label: '(top level)' });
    await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
    await expect.poll(deckNames).toContain('Español');
    expect(await deckNames()).not.toContain('Japanese::Español');
    await page.close();
  });

  it('deletes a deck with its cards after confirming', async () => {
    await serve.call('createDeck', { deck: 'Trash' });
    await addNote('Trash', 'gone');
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await row(page, 'Trash').locator('.deck-link').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('1 card');
    await screenshot(page, 'deck-browser-delete');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(deckNames).not.toContain('Trash');
    expect(await serve.call<number[]>('findCards', { query: 'gone' })).toEqual([]);
    await page.close();
  });

  it('opens the options from the menu, and the overview with Enter', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await row(page, 'Japanese').locator('.gear').click();
    await page.getByRole('menuitem', { name: 'Options' }).click();
    await expect.poll(() => page.locator('.deck-options h1').textContent()).toBe('Options for Japanese');
    await page.getByRole('button', { name: 'Decks' }).click();
    await row(page, 'Vocabulary').locator('.deck-link').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.overview h1').textContent()).toBe('Japanese::Vocabulary');
    await page.close();
  });
});
