import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** The note types manager: add/clone/rename/delete, fields, templates with a live preview; checked over the API. */

let serve: ServeProcess;
let browser: Browser;
let page: Page;

const modelNames = () => serve.call<string[]>('modelNames');
const fieldNames = (model: string) => serve.call<string[]>('modelFieldNames', { modelName: model });
const dialog = () => page.getByRole('dialog');
const screen = () => page.locator('.notetypes-screen');

async function prompt(button: string, value: string, scope = screen()): Promise<void> {
  await scope.getByRole('button', { name: button, exact: true }).first().click();
  await dialog().locator('input').fill(value);
  await dialog().locator('input').press('Enter');
  await expect.poll(() => dialog().count()).toBe(0);
}

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1300, height: 860 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Manage Note Types' }).click();
  await page.getByRole('listbox', { name: 'Note types' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('note types manager', () => {
  it('adds a note type from a stock kind and clones it', async () => {
    await screen().getByRole('button', { name: 'Add', exact: true }).click();
    await dialog().getByRole('combobox').selectOption({ label: 'Add: Basic (and reversed card)' });
    await dialog().getByRole('textbox').fill('Vocab');
    await dialog().getByRole('button', { name: 'Add' }).click();
    await expect.poll(modelNames).toContain('Vocab');
    await expect.poll(() => page.getByRole('option', { selected: true }).first().textContent()).toMatch(/^Vocab/);
    await screen().getByRole('button', { name: 'Add', exact: true }).click();
    await dialog().getByRole('combobox').selectOption({ label: 'Clone: Vocab' });
    await dialog().getByRole('textbox').fill('Vocab clone');
    await dialog().getByRole('button', { name: 'Add' }).click();
    await expect.poll(modelNames).toContain('Vocab clone');
    expect(await serve.call('modelTemplates', { modelName: 'Vocab clone' })).toEqual(await serve.call('modelTemplates', { modelName: 'Vocab' }));
  });

  it('renames and deletes a note type', async () => {
    await page.getByRole('option', { name: /^Vocab clone/ }).click();
    await prompt('Rename', 'Spare');
    await expect.poll(modelNames).toContain('Spare');
    await screen().getByRole('button', { name: 'Delete', exact: true }).first().click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(modelNames).not.toContain('Spare');
  });

  it('adds, renames, moves and deletes fields', async () => {
    await page.getByRole('option', { name: /^Vocab/ }).first().click();
    await page.getByRole('tab', { name: 'Fields' }).click();
    await prompt('Add Field', 'Example');
    await expect.poll(() => fieldNames('Vocab')).toEqual(['Front', 'Back', 'Example']);
    await page.getByRole('listbox', { name: 'Fields' }).getByRole('option', { name: /Example/ }).click();
    await prompt('Rename', 'Sentence', page.locator('.fields-panel'));
    await expect.poll(() => fieldNames('Vocab')).toEqual(['Front', 'Back', 'Sentence']);
    await page.getByRole('listbox', { name: 'Fields' }).getByRole('option', { name: /Sentence/ }).click();
    await prompt('Reposition', '1', page.locator('.fields-panel'));
    await expect.poll(() => fieldNames('Vocab')).toEqual(['Sentence', 'Front', 'Back']);
    await page.getByRole('listbox', { name: 'Fields' }).getByRole('option', { name: /Sentence/ }).click();
    await page.locator('.fields-panel').getByRole('button', { name: 'Delete' }).click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => fieldNames('Vocab')).toEqual(['Front', 'Back']);
  });

  it('edits a template and its styling with a live preview', async () => {
    await serve.call('addNote', { note: { deckName: 'Default', modelName: 'Vocab', fields: { Front: 'perro', Back: 'dog' } } });
    await page.getByRole('tab', { name: 'Cards' }).click();
    const editor = page.locator('.template-editor textarea');
    await editor.fill('<div class="word">{{Front}}</div>');
    const front = page.frameLocator('iframe[title="Front preview"]');
    await expect.poll(() => front.locator('.word').textContent()).toBe('perro');
    await page.getByRole('tab', { name: 'Styling' }).click();
    await editor.fill('.card { color: rgb(200, 0, 0); }');
    await expect.poll(() => front.locator('body').evaluate((b) => getComputedStyle(b).color)).toBe('rgb(200, 0, 0)');
    await screenshot(page, 'edit-notetypes');
    await page.keyboard.press('Control+s');
    await expect.poll(async () => ((await serve.call('modelTemplates', { modelName: 'Vocab' })) as Record<string, { Front: string }>)['Card 1']!.Front).toBe(
      '<div class="word">{{Front}}</div>',
    );
    await expect.poll(async () => ((await serve.call('modelStyling', { modelName: 'Vocab' })) as { css: string }).css).toBe('.card { color: rgb(200, 0, 0); }');
    await page.getByRole('tab', { name: 'Front Template' }).click();
    await editor.fill('{{#Front}}');
    await expect.poll(() => front.locator('body').textContent()).toContain('Front template has a problem');
    await page.getByRole('button', { name: 'Revert' }).click();
  });
});
