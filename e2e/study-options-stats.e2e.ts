import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** Deck options editor, limits on the overview, statistics, check database, dark theme. */

let serve: ServeProcess;
let browser: Browser;

interface Preset {
  id: number;
  name: string;
  new: { perDay: number; delays: number[]; ints: number[] };
  rev: { perDay: number; maxIvl: number };
  lapse: { leechAction: number; leechFails: number };
  desiredRetention: number;
}

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  await serve.call('createDeck', { deck: 'Opts' });
  for (const word of ['a', 'b', 'c']) {
    await serve.call('addNote', { note: { deckName: 'Opts', modelName: 'Basic', fields: { Front: word, Back: word.toUpperCase() } } });
  }
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

function field(page: Page, label: string) {
  return page.locator('.study-field', { hasText: label }).locator('input, select').first();
}

async function openOptions(page: Page): Promise<void> {
  await page.goto(serve.guiUrl);
  await page.locator('.deck-link', { hasText: 'Opts' }).click();
  await page.locator('.overview').waitFor();
  await page.keyboard.press('o');
  await page.locator('.deck-options').waitFor();
}

describe('deck options', () => {
  it('edits the preset (limits, steps, intervals, leech, FSRS) and saves with Ctrl+Enter', async () => {
    const page = await browser.newPage();
    await openOptions(page);
    await field(page, 'New cards/day').fill('2');
    await field(page, 'Maximum reviews/day').fill('150');
    await field(page, 'Learning steps').fill('2m 30m 1d');
    await field(page, 'Graduating interval').fill('2');
    await field(page, 'Maximum interval').fill('3650');
    await field(page, 'Leech action').selectOption('suspend');
    await page.getByLabel('FSRS (applies to every deck)').check();
    await field(page, 'Desired retention').fill('0.85');
    await screenshot(page, 'study-deck-options');
    await field(page, 'Desired retention').press('Control+Enter');
    await page.locator('.overview').waitFor();
    const conf = await serve.call<Preset>('getDeckConfig', { deck: 'Opts' });
    expect(conf.new).toMatchObject({ perDay: 2, delays: [2, 30, 1440], ints: [2, 4, 0] });
    expect(conf.rev).toMatchObject({ perDay: 150, maxIvl: 3650 });
    expect(conf.lapse.leechAction).toBe(0);
    expect(conf.desiredRetention).toBe(0.85);
    await page.close();
  });

  it('shows the daily limit on the overview', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await page.locator('.deck-link', { hasText: 'Opts' }).click();
    await expect.poll(() => page.locator('.overview-counts .count.new').textContent()).toBe('2');
    await expect.poll(() => page.locator('.limit-message').first().textContent()).toContain('daily limit for new cards');
    await screenshot(page, 'study-overview-limit');
    await page.close();
  });

  it('refuses bad values with a message', async () => {
    const page = await browser.newPage();
    await openOptions(page);
    await field(page, 'Learning steps').fill('soon');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.options-status').textContent()).toContain('is not a step');
    await field(page, 'Learning steps').fill('1m');
    await field(page, 'Starting ease').fill('9');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.options-status').textContent()).toContain('startingEase');
    await page.close();
  });

  it('adds, clones, renames and removes presets', async () => {
    const page = await browser.newPage();
    await openOptions(page);
    await page.getByRole('button', { name: 'Add Preset' }).click();
    await page.keyboard.type('Light');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await serve.call<Preset>('getDeckConfig', { deck: 'Opts' })).name).toBe('Light');
    await expect.poll(() => page.locator('.preset-bar select option:checked').textContent()).toContain('Light');

    await page.getByRole('button', { name: 'Clone' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Light 2');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await serve.call<Preset>('getDeckConfig', { deck: 'Opts' })).name).toBe('Light 2');

    await page.getByRole('button', { name: 'Rename' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Heavy');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await serve.call<Preset>('getDeckConfig', { deck: 'Opts' })).name).toBe('Heavy');

    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(async () => (await serve.call<Preset>('getDeckConfig', { deck: 'Opts' })).id).toBe(1);
    // The page refreshes its list after main's reply: poll it too, not only the API.
    const names = () => page.locator('.preset-bar select option').allTextContents();
    await expect.poll(async () => (await names()).some((n) => n.startsWith('Heavy'))).toBe(false);
    expect((await names()).some((n) => n.startsWith('Light'))).toBe(true);
    await page.close();
  });
});

describe('statistics and tools', () => {
  it('shows today, card counts and the four charts, computed from reviews', async () => {
    const [card] = await serve.call<number[]>('findCards', { query: 'deck:Opts' });
    await serve.call('answerCards', { answers: [{ cardId: card, ease: 3 }] });
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await page.locator('.deck-row').first().waitFor();
    await page.keyboard.press('t');
    await page.locator('.stats').waitFor();
    await expect.poll(() => page.locator('.stats-today').textContent()).toContain('Studied 1 cards');
    expect(await page.locator('.chart svg').count()).toBe(4);
    const reviews = await page.locator('.chart svg').first().getAttribute('aria-label');
    expect(reviews).toContain('today: 1');
    await screenshot(page, 'study-stats');
    await page.close();
  });

  it('runs Check Database from the deck browser with a progress bar, then the report', async () => {
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await page.getByRole('button', { name: 'Check Database' }).click();
    await expect.poll(() => page.locator('.check-report').textContent()).toContain('No problems found');
    await page.close();
  });

  it('shows cards in the night mode of the dark theme', async () => {
    const page = await browser.newPage();
    // The default theme follows the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(serve.guiUrl);
    await page.locator('.deck-link', { hasText: 'Opts' }).click();
    await page.keyboard.press('s');
    await page.locator('.reviewer').waitFor();
    await expect.poll(() => page.frameLocator('iframe.card-frame').locator('body').getAttribute('class')).toContain('nightMode');
    await page.keyboard.press('Space');
    await screenshot(page, 'study-reviewer-dark');
    await page.close();
  });
});
