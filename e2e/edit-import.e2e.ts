import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** guiImportFile opens the Import screen on a path; the user imports with progress; the notes show over the API. */

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures/packages');
const PACKAGE = resolve(FIXTURES, 'cardoverflow-AllDefaultTemplatesAndImageAndMp3.apkg');
let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('Import', () => {
  it('guiImportFile opens the Import screen on the path; Import runs with progress and reports', async () => {
    expect(await serve.call('findNotes', { query: '' })).toEqual([]);
    expect(await serve.call('guiImportFile', { path: PACKAGE })).toBeNull();
    await expect.poll(() => page.getByLabel('File path').inputValue()).toBe(PACKAGE);
    expect(await serve.call('findNotes', { query: '' })).toEqual([]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.locator('.import-summary').textContent(), { timeout: 30_000 }).toMatch(/\d+ notes? added/);
    expect(await page.locator('progress').getAttribute('value')).toBe('1');
    await screenshot(page, 'edit-import');
    const notes = await serve.call<number[]>('findNotes', { query: '' });
    expect(notes.length).toBeGreaterThan(0);
    expect(await page.locator('.import-summary').textContent()).toContain(`${notes.length} note`);
    expect((await serve.call<string[]>('getMediaFilesNames')).length).toBeGreaterThan(0);
  });

  it('reports a missing file and a file it cannot import', async () => {
    await page.getByLabel('File path').fill('/no/such/file.apkg');
    await page.getByLabel('File path').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/file not found/);
    await page.getByLabel('File path').fill(resolve(FIXTURES, 'README.md'));
    await page.getByLabel('File path').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\.apkg/);
  });
});
