import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** Settings: API origins and key (effective at once), address/port (after a restart), profiles, theme. */

let serve: ServeProcess;
let browser: Browser;
let page: Page;

async function post(body: unknown, origin?: string): Promise<Response> {
  return fetch(serve.apiUrl, { method: 'POST', headers: origin ? { Origin: origin } : {}, body: JSON.stringify(body) });
}

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('.settings').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('Settings', () => {
  it('trusts a new origin and requires an API key as soon as they are saved', async () => {
    expect((await post({ action: 'version', version: 6 }, 'http://notes.example')).status).toBe(403);
    await page.getByLabel('Trusted origins (CORS), one per line').fill('http://localhost\nhttp://notes.example');
    await page.getByLabel('API key').fill('s3cret');
    await page.getByRole('button', { name: 'Save API settings' }).click();
    await expect.poll(() => page.locator('.settings-message').textContent()).toBe('API settings saved.');
    const allowed = await post({ action: 'version', version: 6, key: 's3cret' }, 'http://notes.example');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://notes.example');
    expect(await (await post({ action: 'version', version: 6 })).json()).toEqual({ result: null, error: 'valid api key must be provided' });
    await page.getByLabel('API key').fill('');
    await page.getByRole('button', { name: 'Save API settings' }).click();
    await expect.poll(async () => (await (await post({ action: 'version', version: 6 })).json()) as unknown).toEqual({ result: 6, error: null });
  });

  it('notes that a new port applies after a restart, and refuses a bad one', async () => {
    await page.getByLabel('Port').fill('9123');
    await page.getByRole('button', { name: 'Save API settings' }).click();
    await expect.poll(() => page.getByRole('note').textContent()).toMatch(/after a restart/);
    await page.getByLabel('Port').fill('70000');
    await page.getByRole('button', { name: 'Save API settings' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/port must be/);
  });

  it('creates, renames and switches profiles', async () => {
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByRole('dialog').locator('input').fill('Japanese');
    await page.getByRole('dialog').locator('input').press('Enter');
    await expect.poll(() => serve.call<string[]>('getProfiles')).toEqual(['Japanese', 'User 1']);
    await page.locator('.profile-row', { hasText: 'Japanese' }).getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('dialog').locator('input').fill('日本語');
    await page.getByRole('dialog').locator('input').press('Enter');
    await expect.poll(() => serve.call<string[]>('getProfiles')).toEqual(['User 1', '日本語']);
    await page.locator('.profile-row', { hasText: '日本語' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => serve.call<string>('getActiveProfile')).toBe('日本語');
    await expect.poll(() => page.locator('.toolbar .profile').textContent()).toBe('日本語');
    await page.locator('.profile-row', { hasText: '日本語' }).getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('dialog').locator('input').fill('Nihongo');
    await page.getByRole('dialog').locator('input').press('Enter');
    await expect.poll(() => serve.call<string>('getActiveProfile')).toBe('Nihongo');
    expect(await serve.call('deckNames')).toEqual(['Default']);
  });

  it('applies the theme to the whole app at once', async () => {
    await page.getByLabel('Dark').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(30, 31, 34)');
    await screenshot(page, 'edit-settings');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Light').check();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  });
});
