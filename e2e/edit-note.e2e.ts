import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** guiEditNote opens the Edit screen; edits made there show over the API, and API edits show there. */

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let noteId: number;

interface NoteInfo {
  tags: string[];
  fields: Record<string, { value: string }>;
}

const info = async () => (await serve.call<NoteInfo[]>('notesInfo', { notes: [noteId] }))[0]!;

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  noteId = await serve.call<number>('addNote', {
    note: { deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'bonjour', Back: 'hello' }, tags: ['french'] },
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('Edit note', () => {
  it('guiEditNote shows the note in the editor', async () => {
    expect(await serve.call('guiEditNote', { note: noteId })).toBeNull();
    await expect.poll(() => page.locator('#edit-field-0').textContent()).toBe('bonjour');
    await expect.poll(() => page.locator('#edit-field-1').textContent()).toBe('hello');
    await expect.poll(() => page.locator('#edit-tags').inputValue()).toBe('french');
    await expect.poll(() => page.locator('.note-type-name').textContent()).toBe('Basic (and reversed card)');
    await screenshot(page, 'edit-note');
  });

  it('saves what the user types, and picks up changes made over the API', async () => {
    await page.locator('#edit-field-1').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' there');
    await page.locator('#edit-tags').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' greeting');
    await expect.poll(async () => (await info()).fields.Back!.value).toBe('hello there');
    await expect.poll(async () => (await info()).tags).toEqual(['french', 'greeting']);
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('Saved');
    await serve.call('updateNoteFields', { note: { id: noteId, fields: { Front: 'salut' } } });
    await expect.poll(() => page.locator('#edit-field-0').textContent()).toBe('salut');
  });

  it('Ctrl+Enter closes the screen; a missing note is an error', async () => {
    await page.locator('#edit-field-0').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('#edit-field-0').count()).toBe(0);
    const reply = await fetch(serve.apiUrl, { method: 'POST', body: JSON.stringify({ action: 'guiEditNote', version: 6, params: { note: 42 } }) });
    expect(await reply.json()).toEqual({ result: null, error: 'Note was not found: 42' });
  });
});
