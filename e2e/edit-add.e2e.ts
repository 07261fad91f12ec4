import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** The Add screen by keyboard, its duplicate warning, sticky fields and pasted pictures; guiAddCards and guiAddNoteSetData. */

let serve: ServeProcess;
let browser: Browser;
let page: Page;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

interface NoteInfo {
  noteId: number;
  tags: string[];
  modelName: string;
  fields: Record<string, { value: string }>;
}

const field = (ord: number) => page.locator(`#add-field-${ord}`);

async function noteWithFront(front: string): Promise<NoteInfo | undefined> {
  const ids = await serve.call<number[]>('findNotes', { query: `"Front:${front}"` });
  if (ids.length !== 1) return undefined;
  return (await serve.call<NoteInfo[]>('notesInfo', { notes: ids }))[0];
}

async function openAdd(): Promise<void> {
  await page.getByRole('button', { name: 'Decks' }).click();
  await page.locator('.deck-row').first().waitFor();
  await page.keyboard.press('a');
  await field(0).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-field-0');
}

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  await serve.call('addNote', { note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'existing', Back: 'x' }, tags: ['mammal', 'marsupial'] } });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('Add screen', () => {
  it('adds a note typed with the keyboard (formatting, tag completion, Ctrl+Enter)', async () => {
    await openAdd();
    await page.keyboard.type('keyboard ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('front');
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Tab');
    await field(1).click();
    await page.keyboard.type('typed');
    await page.keyboard.press('Enter');
    await page.keyboard.type('back');
    await page.locator('#add-tags').click();
    await page.keyboard.type('mam');
    await expect.poll(() => page.locator('.tag-suggestions li').allTextContents()).toEqual(['mammal']);
    await page.keyboard.press('Tab');
    await page.keyboard.type('own');
    await expect.poll(() => page.locator('#add-tags').inputValue()).toBe('mammal own');
    await screenshot(page, 'edit-add');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Added note \d+/);
    const note = await noteWithFront('keyboard*');
    expect(note?.fields.Front!.value).toBe('keyboard <b>front</b>');
    expect(note?.fields.Back!.value).toBe('typed<br>back');
    expect(note?.tags).toEqual(['mammal', 'own']);
    await expect.poll(() => field(0).innerHTML()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-field-0');
    await page.keyboard.press('Control+h');
    await page.getByRole('list', { name: 'Added notes' }).getByRole('button', { name: 'keyboard front' }).click();
    await expect.poll(() => page.getByLabel('Search', { exact: true }).inputValue()).toBe(`nid:${note!.noteId}`);
    await expect.poll(() => page.locator('.browser-status').textContent()).toContain('1 card shown');
  });

  it('warns about a duplicate first field as you type, and keeps sticky fields', async () => {
    await openAdd();
    await page.keyboard.type('existing');
    await expect.poll(() => page.locator('.duplicate-warning').isVisible()).toBe(true);
    await page.keyboard.type(' no more');
    await expect.poll(() => page.locator('.duplicate-warning').count()).toBe(0);
    await page.locator('[data-field="Back"] .sticky-toggle').click();
    await expect.poll(() => page.locator('[data-field="Back"] .sticky-toggle').getAttribute('aria-pressed')).toBe('true');
    await field(1).click();
    await page.keyboard.type('stays');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => noteWithFront('existing no more')).toBeTruthy();
    await expect.poll(() => field(1).textContent()).toBe('stays');
    await expect.poll(() => field(0).textContent()).toBe('');
    await page.locator('[data-field="Back"] .sticky-toggle').click();
    await expect.poll(() => page.locator('[data-field="Back"] .sticky-toggle').getAttribute('aria-pressed')).toBe('false');
  });

  it('stores a pasted picture in the media folder and shows it', async () => {
    await openAdd();
    await page.keyboard.type('pasted picture');
    await field(1).click();
    await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.getElementById('add-field-1')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PNG);
    await expect.poll(() => field(1).locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const stored = await serve.call<string[]>('getMediaFilesNames', { pattern: 'paste-*.png' });
    expect(stored).toHaveLength(1);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await noteWithFront('pasted picture'))?.fields.Back!.value).toBe(`<img src="${stored[0]}">`);
  });

  it('edits a field as HTML (Ctrl+Shift+X)', async () => {
    await openAdd();
    await page.keyboard.type('html ');
    await page.keyboard.press('Control+Shift+X');
    const html = page.getByLabel('Front HTML');
    await expect.poll(() => html.inputValue()).toBe('html&nbsp;');
    await html.fill('html <i>italic</i>');
    await expect.poll(() => field(0).innerHTML()).toBe('html <i>italic</i>');
    await page.keyboard.press('Control+Shift+X');
    await expect.poll(() => html.count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await noteWithFront('html*'))?.fields.Front!.value).toBe('html <i>italic</i>');
  });

  it('switching the note type keeps what was typed (Ctrl+N)', async () => {
    await openAdd();
    await page.keyboard.type('carried over');
    await page.keyboard.press('Control+n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-notetype');
    await page.locator('#add-notetype').selectOption({ label: 'Cloze' });
    await expect.poll(() => page.locator('[data-field="Text"] .field-input').textContent()).toBe('carried over');
    await page.locator('#add-notetype').selectOption({ label: 'Basic' });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Close Add' }).getByRole('button', { name: 'Discard' }).click();
    await page.locator('.deck-row').first().waitFor();
  });
});

describe('guiAddCards and guiAddNoteSetData', () => {
  it('guiAddCards fills the Add screen and returns the id of the note the user adds', async () => {
    await page.getByRole('button', { name: 'Decks' }).click();
    const pending = serve.call<number>('guiAddCards', {
      note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'from the api' }, tags: ['api'], picture: [{ filename: 'gui_add.png', data: PNG, fields: ['Back'] }] },
    });
    await expect.poll(() => field(0).textContent()).toBe('from the api');
    await expect.poll(() => field(1).locator('img').count()).toBe(1);
    await expect.poll(() => page.locator('#add-tags').inputValue()).toBe('api');
    await field(1).click();
    await page.keyboard.press('End');
    await page.keyboard.type('by the user');
    await page.keyboard.press('Control+Enter');
    const noteId = await pending;
    const note = (await serve.call<NoteInfo[]>('notesInfo', { notes: [noteId] }))[0]!;
    expect(note.fields.Front!.value).toBe('from the api');
    expect(note.fields.Back!.value).toBe('<img src="gui_add.png">by the user');
    expect(note.tags).toEqual(['api']);
  });

  it('guiAddNoteSetData right after guiAddCards reaches the screen guiAddCards opens', async () => {
    await page.getByRole('button', { name: 'Decks' }).click();
    await page.locator('.deck-row').first().waitFor();
    const pending = serve.call<number>('guiAddCards', { note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'raced' } } });
    expect(await serve.call('guiAddNoteSetData', { note: { fields: { Back: 'right behind' } } })).toBe(true);
    await expect.poll(() => field(1).textContent()).toBe('right behind');
    expect(await field(0).textContent()).toBe('raced');
    await page.keyboard.press('Control+Enter');
    expect(await pending).toBeGreaterThan(0);
  });

  it('closeAfterAdding closes the screen after the add', async () => {
    const pending = serve.call<number>('guiAddCards', {
      note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'close after' }, options: { closeAfterAdding: true } },
    });
    await expect.poll(() => field(0).textContent()).toBe('close after');
    await page.keyboard.press('Control+Enter');
    expect(await pending).toBeGreaterThan(0);
    await expect.poll(() => field(0).count()).toBe(0);
  });

  it('guiAddNoteSetData fills the open screen (set, then append), and answers "not open" once it is closed', async () => {
    await openAdd();
    expect(await serve.call('guiAddNoteSetData', { note: { fields: { Front: 'set by api' }, tags: ['one'] } })).toBe(true);
    await expect.poll(() => field(0).textContent()).toBe('set by api');
    expect(await serve.call('guiAddNoteSetData', { note: { fields: { Front: ' + more', Back: 'back' }, tags: ['two'] }, append: true })).toBe(true);
    await expect.poll(() => field(0).textContent()).toBe('set by api + more');
    await expect.poll(() => page.locator('#add-tags').inputValue()).toBe('one two');
    const reply = await fetch(serve.apiUrl, { method: 'POST', body: JSON.stringify({ action: 'guiAddNoteSetData', version: 6, params: { note: { fields: { Nope: 'x' } } } }) });
    expect(await reply.json()).toEqual({ result: null, error: 'Field "Nope" not found in current note' });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog', { name: 'Close Add' }).getByRole('button', { name: 'Discard' }).click();
    await page.locator('.deck-row').first().waitFor();
    expect(await serve.call('guiAddNoteSetData', { note: { fields: { Front: 'x' } } })).toEqual({ error: 'Add Note dialog is not open', code: 1 });
  });
});
