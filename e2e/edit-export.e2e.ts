import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/**
 * The Export screen against `serve`: a deck exported from its gear menu imports back over
 * the API; the finished file downloads once; a cancelled export leaves no file; the API
 * keeps answering while a large export runs.
 */

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let outDir: string;
const MEDIA_FILES = 30_000;

beforeAll(async () => {
  serve = await startServe();
  outDir = serve.dataDir;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

function basicNote(deckName: string, front: string, back: string) {
  return { deckName, modelName: 'Basic', fields: { Front: front, Back: back }, tags: ['exported'] };
}

function deckRow(name: string) {
  return page.locator('tr.deck-row').filter({ has: page.locator('.deck-link', { hasText: new RegExp(`^${name}$`) }) });
}

async function noteFronts(query: string): Promise<string[]> {
  const ids = await serve.call<number[]>('findNotes', { query });
  const notes = await serve.call<{ fields: { Front: { value: string } } }[]>('notesInfo', { notes: ids });
  return notes.map((note) => note.fields.Front.value).sort();
}

/** Files in the output folder that an export may leave: packages and temporary files. */
function packageFiles(): string[] {
  return readdirSync(outDir).filter((name) => /\.(apkg|colpkg|tmp)$/.test(name));
}

describe('Export screen', () => {
  it('exports a deck with its subdeck from the gear menu; the file downloads once and imports back', async () => {
    await serve.call('createDeck', { deck: 'Export Me::Child' });
    await serve.call('addNotes', {
      notes: [basicNote('Export Me', 'uno', 'one'), basicNote('Export Me', 'dos', 'two'), basicNote('Export Me::Child', 'tres', 'three'), basicNote('Default', 'other', 'x')],
    });
    await deckRow('Export Me').waitFor();
    await deckRow('Export Me').getByRole('button', { name: 'Options for Export Me' }).click();
    await page.getByRole('menuitem', { name: 'Export…' }).click();

    const exportMe = (await serve.call<Record<string, number>>('deckNamesAndIds'))['Export Me']!;
    await expect.poll(() => page.getByLabel('What to export').inputValue()).toBe(`deck:${exportMe}`);
    await expect.poll(() => page.getByLabel('Save to').inputValue()).toMatch(/Export Me\.apkg$/);
    const path = join(outDir, 'export-me.apkg');
    await page.getByLabel('Save to').fill(join(outDir, 'export-me'));
    await page.getByLabel('Include scheduling information').check();
    await expect.poll(() => page.getByText(/written on that computer’s disk/).count()).toBe(1);
    await page.getByRole('button', { name: 'Export', exact: true }).click();

    await expect.poll(() => page.locator('.export-summary').textContent(), { timeout: 30_000 }).toMatch(/^Exported 3 notes, 3 cards and 0 media files \(\d/);
    expect(await page.getByLabel('Export progress').getAttribute('value')).toBe('1');
    expect(existsSync(path)).toBe(true);
    expect(await page.locator('.export-result code').textContent()).toBe(path);
    await screenshot(page, 'edit-export');

    // The one-time link: the browser gets the very file, then the link is spent.
    const link = page.getByRole('link', { name: 'Download export-me.apkg' });
    const href = (await link.getAttribute('href'))!;
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('export-me.apkg');
    expect(readFileSync((await download.path())!)).toEqual(readFileSync(path));
    await expect.poll(() => page.getByText(/The link works once/).count()).toBe(1);
    expect(await page.evaluate(async (url) => (await fetch(url)).status, href)).toBe(404);
    // Other origins get nothing, whatever the token (a request without a same-origin page behind it).
    expect((await fetch(new URL(href, serve.guiUrl))).status).toBe(403);

    // Replacing an existing file needs a yes.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Replace file' }).waitFor();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);

    await serve.call('deleteDecks', { decks: ['Export Me'], cardsToo: true });
    expect(await noteFronts('deck:"Export Me"')).toEqual([]);
    expect(await serve.call('importPackage', { path })).toBe(true);
    expect(await noteFronts('deck:"Export Me"')).toEqual(['dos', 'tres', 'uno']);
    expect(await noteFronts('deck:"Export Me::Child"')).toEqual(['tres']);
  });

  it('keeps answering the API during a large export, and Cancel leaves no file', async () => {
    await serve.call('createDeck', { deck: 'Big' });
    for (let batch = 0; batch < 5; batch++) {
      const notes = Array.from({ length: 1000 }, (_, i) => basicNote('Big', `front ${batch}-${i} ${'lorem ipsum '.repeat(20)}`, `back ${batch}-${i}`));
      await serve.call('addNotes', { notes });
    }
    // Many media files make the export take seconds, far longer than a click takes to arrive.
    const mediaDir = await serve.call<string>('getMediaDirPath');
    for (let i = 0; i < MEDIA_FILES; i++) writeFileSync(join(mediaDir, `bulk-${i}.bin`), randomBytes(2048));
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByLabel('What to export').selectOption('collection');
    await page.getByLabel('Save to').fill(join(outDir, 'whole.colpkg'));
    const before = packageFiles();
    await page.getByRole('button', { name: 'Export', exact: true }).click();

    // The export is under way (Cancel shows only while it runs)…
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor();
    // …and the API answers meanwhile; the export is still running afterwards, since Cancel still stops it.
    expect(await serve.call('version')).toBe(6);
    await cancel.click();
    await expect.poll(() => page.locator('.export-status').textContent(), { timeout: 30_000 }).toContain('Export cancelled. No file was written.');
    expect(existsSync(join(outDir, 'whole.colpkg'))).toBe(false);
    expect(packageFiles()).toEqual(before);
  });
});
