import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/**
 * requestPermission from an origin that is not trusted, while the GUI is open: the prompt names
 * the origin; Allow trusts it from then on, Deny refuses once, Ignore refuses without asking again.
 */

let serve: ServeProcess;
let browser: Browser;
let page: Page;

async function post(origin: string, action: string): Promise<Response> {
  return fetch(serve.apiUrl, { method: 'POST', headers: { Origin: origin }, body: JSON.stringify({ action, version: 6 }) });
}

const prompt = () => page.getByRole('dialog', { name: 'Permission request' });

beforeAll(async () => {
  serve = await startServe({ ENGRAM_CORS_ORIGINS: 'http://localhost' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1000, height: 640 } });
  await page.goto(serve.guiUrl);
  await page.locator('.deck-row').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('permission prompt', () => {
  it('Allow: the request returns granted and the origin is trusted afterwards', async () => {
    expect((await post('http://site.example', 'version')).status).toBe(403);
    const pending = post('http://site.example', 'requestPermission');
    await expect.poll(() => prompt().locator('.permission-origin').textContent()).toBe('"http://site.example"');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Deny');
    await screenshot(page, 'permission');
    await prompt().getByRole('button', { name: 'Allow' }).click();
    const response = await pending;
    expect(response.headers.get('access-control-allow-origin')).toBe('http://site.example');
    expect(await response.json()).toEqual({ result: { permission: 'granted', requireApikey: false, version: 6 }, error: null });
    await expect.poll(() => prompt().count()).toBe(0);
    const later = await post('http://site.example', 'version');
    expect(later.status).toBe(200);
    expect(await later.json()).toEqual({ result: 6, error: null });
  });

  it('Deny refuses this time only; Escape denies too', async () => {
    const pending = post('http://deny.example', 'requestPermission');
    await prompt().getByRole('button', { name: 'Deny' }).click();
    expect(await (await pending).json()).toEqual({ result: { permission: 'denied' }, error: null });
    expect((await post('http://deny.example', 'version')).status).toBe(403);
    const again = post('http://deny.example', 'requestPermission');
    await prompt().waitFor();
    await page.keyboard.press('Escape');
    expect(await (await again).json()).toEqual({ result: { permission: 'denied' }, error: null });
  });

  it('Ignore from now on refuses without asking again', async () => {
    const pending = post('http://ignore.example', 'requestPermission');
    await prompt().getByRole('button', { name: 'Ignore from now on' }).click();
    expect(await (await pending).json()).toEqual({ result: { permission: 'denied' }, error: null });
    expect(await (await post('http://ignore.example', 'requestPermission')).json()).toEqual({ result: { permission: 'denied' }, error: null });
    await expect.poll(() => prompt().count()).toBe(0);
  });

  it('asks one origin at a time when two ask together', async () => {
    const first = post('http://one.example', 'requestPermission');
    const second = post('http://two.example', 'requestPermission');
    await expect.poll(() => prompt().locator('.permission-origin').textContent()).toMatch(/one|two/);
    const shownFirst = await prompt().locator('.permission-origin').textContent();
    await prompt().getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => prompt().locator('.permission-origin').textContent()).not.toBe(shownFirst);
    await prompt().getByRole('button', { name: 'Deny' }).click();
    const answers = await Promise.all([first, second].map(async (r) => ((await (await r).json()) as { result: { permission: string } }).result.permission));
    expect(answers.sort()).toEqual(['denied', 'granted']);
  });

  it('with no window open, the request is denied at once', async () => {
    await page.close();
    // The socket closes with the page; give the server a moment to see it.
    await new Promise((done) => setTimeout(done, 1000));
    expect(await (await post('http://later.example', 'requestPermission')).json()).toEqual({ result: { permission: 'denied' }, error: null });
  });
});
