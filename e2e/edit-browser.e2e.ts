import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** The card browser: search, sort, modes, selection, bulk actions, the editor pane, and its gui* actions. */

let serve: ServeProcess;
let browser: Browser;
let page: Page;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const ANIMALS = ['zebra', 'Ant', 'lion', 'bee', 'cat', 'dog', 'eel', 'fox', 'gnu', 'hen', 'ibis', 'jay'];

interface NoteInfo {
  noteId: number;
  tags: string[];
  fields: Record<string, { value: string }>;
}

const status = () => page.locator('.browser-status').textContent();
const firstCells = () => page.locator('.browser-row .cell[data-column="noteFld"]').allTextContents();
const row = (index: number) => page.locator(`.browser-row[aria-rowindex="${index + 2}"]`);

async function notesInfo(ids: number[]): Promise<NoteInfo[]> {
  return serve.call<NoteInfo[]>('notesInfo', { notes: ids });
}

async function search(query: string): Promise<void> {
  await page.getByLabel('Search', { exact: true }).fill(query);
  await page.getByLabel('Search', { exact: true }).press('Enter');
}

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  await serve.call('createDeck', { deck: 'Animals' });
  await serve.call('createDeck', { deck: 'Zoo' });
  for (const [i, name] of ANIMALS.entries()) {
    await serve.call('addNote', {
      note: { deckName: 'Animals', modelName: 'Basic', fields: { Front: name, Back: `the ${name}` }, tags: i % 2 ? ['mammal'] : ['other'] },
    });
  }
  page = await browser.newPage({ viewport: { width: 1300, height: 820 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('card browser', () => {
  it('opens with B, searches, sorts on a header and switches to notes', async () => {
    await page.keyboard.press('b');
    await page.locator('.browser').waitFor();
    await search('deck:Animals');
    await expect.poll(status).toContain('12 cards shown');
    expect((await firstCells()).slice(0, 3)).toEqual(['Ant', 'bee', 'cat']);
    await page.locator('.browser-head [data-column="noteFld"]').click();
    await expect.poll(async () => (await firstCells())[0]).toBe('zebra');
    await page.locator('.browser-head [data-column="noteFld"]').click();
    await expect.poll(async () => (await firstCells())[0]).toBe('Ant');
    await page.getByRole('button', { name: 'Notes', exact: true }).click();
    await expect.poll(status).toContain('12 notes shown');
    await expect.poll(() => page.locator('.browser-head [data-column="template"]').textContent()).toBe('Cards');
    await page.getByRole('button', { name: 'Cards', exact: true }).click();
    await expect.poll(status).toContain('12 cards shown');
    await search('deck:(');
    await expect.poll(() => page.locator('.search-error').textContent()).toMatch(/search/i);
    await search('deck:Animals');
    await expect.poll(status).toContain('12 cards shown');
    await row(0).click();
    await screenshot(page, 'edit-browser');
  });

  it('shows chosen columns (right-click on the header), rendered question included', async () => {
    await page.locator('.browser-head').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Columns' }).getByText('Question').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.browser-row .cell[data-column="question"]').first().textContent()).toBe('Ant');
    expect(await page.locator('.browser-head [data-column="question"]').isDisabled()).toBe(true);
    await page.locator('.browser-head').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Columns' }).getByText('Question').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.browser-head [data-column="question"]').count()).toBe(0);
  });

  it('guiBrowse shows its search in the page and returns the cards it shows', async () => {
    const ids = await serve.call<number[]>('guiBrowse', { query: 'tag:mammal', reorderCards: { order: 'descending', columnId: 'noteFld' } });
    expect(ids).toHaveLength(6);
    await expect.poll(() => page.getByLabel('Search', { exact: true }).inputValue()).toBe('tag:mammal');
    await expect.poll(status).toContain('6 cards shown');
    await expect.poll(async () => (await firstCells())[0]).toBe('jay');
    const shown = await page.locator('.browser-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    expect([...shown].sort()).toEqual([...ids].sort());
  });

  it('click, ctrl+click and shift+click select rows that guiSelectedNotes reports; guiSelectCard selects in the page', async () => {
    await row(0).click();
    await row(2).click({ modifiers: ['Control'] });
    await expect.poll(status).toContain('2 selected');
    const picked = await Promise.all([row(0), row(2)].map(async (r) => Number(await r.getAttribute('data-note-id'))));
    expect((await serve.call<number[]>('guiSelectedNotes')).sort()).toEqual(picked.sort());
    await row(4).click({ modifiers: ['Shift'] });
    await expect.poll(status).toContain('3 selected');
    await page.keyboard.press('Control+a');
    await expect.poll(status).toContain('6 selected');
    expect(await serve.call<number[]>('guiSelectedNotes')).toHaveLength(6);
    const target = Number(await row(3).getAttribute('data-id'));
    expect(await serve.call('guiSelectCard', { card: target })).toBe(true);
    await expect.poll(status).toContain('1 selected');
    expect(await row(3).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => row(4).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(status).toContain('3 selected');
  });

  it('runs bulk actions from the keyboard and the results show over the API', async () => {
    await search('deck:Animals tag:other');
    await expect.poll(status).toContain('6 cards shown');
    await row(0).click();
    await row(1).click({ modifiers: ['Shift'] });
    const cards = await Promise.all([row(0), row(1)].map(async (r) => Number(await r.getAttribute('data-id'))));
    const notes = await Promise.all([row(0), row(1)].map(async (r) => Number(await r.getAttribute('data-note-id'))));

    await page.keyboard.press('Control+Shift+A');
    await page.locator('#bulk-tags').fill('bulk');
    await page.locator('#bulk-tags').press('Enter');
    await expect.poll(async () => (await notesInfo(notes)).every((n) => n.tags.includes('bulk'))).toBe(true);

    await page.keyboard.press('Control+j');
    await expect.poll(async () => (await serve.call<{ queue: number }[]>('cardsInfo', { cards })).map((c) => c.queue)).toEqual([-1, -1]);
    await expect.poll(() => row(0).getAttribute('class')).toContain('suspended');

    await page.keyboard.press('Control+1');
    await expect.poll(async () => (await serve.call<{ flags: number }[]>('cardsInfo', { cards })).map((c) => c.flags)).toEqual([1, 1]);

    await page.keyboard.press('Control+d');
    await page.getByLabel('Filter decks').fill('zoo');
    await page.getByLabel('Filter decks').press('Enter');
    await expect.poll(async () => (await serve.call<{ deckName: string }[]>('cardsInfo', { cards })).map((c) => c.deckName)).toEqual(['Zoo', 'Zoo']);

    await page.getByRole('button', { name: 'Find and Replace' }).click();
    await page.getByLabel('Find', { exact: true }).fill('the ');
    await page.getByLabel('Replace with').fill('a ');
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect.poll(async () => (await notesInfo(notes)).map((n) => n.fields.Back!.value.startsWith('a '))).toEqual([true, true]);

    await page.keyboard.press('Control+Shift+S');
    await page.getByLabel('Start position').fill('500');
    await page.getByLabel('Start position').press('Enter');
    await expect.poll(async () => (await serve.call<{ due: number }[]>('cardsInfo', { cards })).map((c) => c.due).sort()).toEqual([500, 501]);

    await page.keyboard.press('Control+Delete');
    await page.getByRole('dialog', { name: 'Delete Notes' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => serve.call<number[]>('findNotes', { query: `nid:${notes.join(',')}` })).toEqual([]);
    await expect.poll(status).toContain('4 cards shown');
  });

  it('edits the selected note in the editor pane', async () => {
    await row(0).click();
    const noteId = Number(await row(0).getAttribute('data-note-id'));
    const back = page.locator('#browser-field-1');
    await back.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' edited');
    await expect.poll(async () => (await notesInfo([noteId]))[0]!.fields.Back!.value).toContain('edited');
    await expect.poll(() => row(0).locator('.cell[data-column="noteMod"]').textContent()).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('a Yomitan-style addNote with a picture shows in guiBrowse, picture included', async () => {
    const noteId = await serve.call<number>('addNote', {
      note: {
        deckName: 'Animals',
        modelName: 'Basic',
        fields: { Front: '猫', Back: 'cat<br>' },
        tags: ['yomitan'],
        options: { allowDuplicate: false, duplicateScope: 'collection' },
        picture: [{ filename: 'yomitan_cat.png', data: PNG, fields: ['Back'] }],
      },
    });
    await page.getByRole('button', { name: 'Decks' }).click();
    await page.locator('.deck-row').first().waitFor();
    const ids = await serve.call<number[]>('guiBrowse', { query: `nid:${noteId}` });
    expect(await serve.call('guiSelectedNotes')).toEqual([noteId]);
    expect(ids).toHaveLength(1);
    await expect.poll(status).toContain('1 card shown, 1 selected');
    expect(await serve.call('guiSelectedNotes')).toEqual([noteId]);
    await expect.poll(async () => (await firstCells())[0]).toBe('猫');
    await row(0).click();
    await expect.poll(() => page.locator('#browser-field-1 img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'edit-browser-picture');
  });
});
