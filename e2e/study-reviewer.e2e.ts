import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

/** The reviewer and overview driven with the keyboard, checked through the API. */

let serve: ServeProcess;
let browser: Browser;

interface CardInfo {
  cardId: number;
  note: number;
  queue: number;
  type: number;
  reps: number;
  flags: number;
  due: number;
}

/** A short silent WAV, so `<audio>` has a real file to play. */
function silentWav(): string {
  const samples = 800;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]).toString('base64');
}

/** A 2×2 red PNG. */
const RED_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxAABAA8AAf8nFj0MAAAAAElFTkSuQmCC';

async function addBasic(deck: string, front: string, back: string, model = 'Basic'): Promise<number> {
  await serve.call('createDeck', { deck });
  const fields = model === 'Cloze' ? { Text: front, 'Back Extra': back } : { Front: front, Back: back };
  return serve.call<number>('addNote', { note: { deckName: deck, modelName: model, fields } });
}

async function cardsOf(query: string): Promise<CardInfo[]> {
  const ids = await serve.call<number[]>('findCards', { query });
  return serve.call<CardInfo[]>('cardsInfo', { cards: ids });
}

async function openReviewer(page: Page, deck: string): Promise<void> {
  await page.goto(serve.guiUrl);
  await page.locator('.deck-link', { hasText: deck }).first().click();
  await page.locator('.overview').waitFor();
  await page.keyboard.press('s');
  await page.locator('.reviewer[data-side="question"]').waitFor();
}

function cardText(page: Page) {
  return page.frameLocator('iframe.card-frame').locator('#qa');
}

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  await serve.call('storeMediaFile', { filename: 'beep.wav', data: silentWav() });
  await serve.call('storeMediaFile', { filename: 'red.png', data: RED_PNG });
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('study flow', () => {
  it('adds a note over the API, studies it with the keyboard, and cardsInfo shows the new state', async () => {
    const noteId = await addBasic('Flow', 'inu', 'dog');
    const page = await browser.newPage();
    await page.goto(serve.guiUrl);
    await page.locator('.deck-link', { hasText: 'Flow' }).click();
    await expect.poll(() => page.locator('.overview-counts .count.new').textContent()).toBe('1');
    await screenshot(page, 'study-overview');

    await page.keyboard.press('s');
    await expect.poll(() => cardText(page).textContent()).toBe('inu');
    await expect.poll(() => page.locator('.review-counts').textContent()).toBe('1 + 0 + 0');
    await screenshot(page, 'study-reviewer-question');

    await page.keyboard.press('Space');
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    await expect.poll(() => cardText(page).textContent()).toContain('dog');
    const labels = await page.locator('.answer-buttons .interval').allTextContents();
    expect(labels.slice(0, 3)).toEqual(['<1m', '<6m', '<10m']);
    expect(labels[3]).toMatch(/^\d+d$/);
    await screenshot(page, 'study-reviewer-answer');

    await page.keyboard.press('4');
    await page.locator('.congrats').waitFor();
    const [card] = await cardsOf(`nid:${noteId}`);
    expect(card).toMatchObject({ type: 2, queue: 2, reps: 1 });
    await screenshot(page, 'study-congrats');
    await page.close();
  });

  it('answers with Space/Enter as Good and shows learning counts', async () => {
    await addBasic('Keys', 'neko', 'cat');
    const page = await browser.newPage();
    await openReviewer(page, 'Keys');
    await page.keyboard.press('Enter');
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    await page.keyboard.press('Enter');
    // Good on a new card: the next step (10m) is within the learn-ahead limit, so it comes back.
    await expect.poll(() => page.locator('.review-counts').textContent()).toBe('0 + 1 + 0');
    const [card] = await cardsOf('deck:Keys');
    expect(card).toMatchObject({ type: 1, queue: 1, reps: 1 });
    await page.close();
  });

  it('acts on the card shown: keys before the next card arrives are ignored, a number right after Space answers', async () => {
    const first = await addBasic('Quick', 'ichi', '1');
    await addBasic('Quick', 'ni', '2');
    const page = await browser.newPage();
    await openReviewer(page, 'Quick');
    await page.keyboard.press('Space');
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    // Both keys in one task: main's reply cannot arrive between them, so Space meets the old card.
    await page.evaluate(() => {
      for (const key of ['4', ' ']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => cardText(page).textContent()).toBe('ni');
    await page.locator('.reviewer[data-side="question"]').waitFor();
    expect(await page.locator('.reviewer-notice').count()).toBe(0);
    const [card] = await cardsOf(`nid:${first}`);
    expect(card).toMatchObject({ reps: 1, queue: 2 });
    // The other way round: a number right after Space answers, even before React re-renders.
    await page.evaluate(() => {
      for (const key of [' ', '4']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    await page.locator('.congrats').waitFor();
    expect((await cardsOf('deck:Quick')).map((c) => c.reps)).toEqual([1, 1]);
    await page.close();
  });

  it('undoes with Ctrl+Z, flags with Ctrl+1…7, marks with *, buries with - and suspends with @', async () => {
    const first = await addBasic('Tools', 'one', '1');
    const second = await addBasic('Tools', 'two', '2');
    const page = await browser.newPage();
    await openReviewer(page, 'Tools');
    await expect.poll(() => cardText(page).textContent()).toBe('one');

    await page.keyboard.press('Control+2');
    await expect.poll(() => page.locator('.flag-badge').textContent()).toContain('Orange');
    expect((await cardsOf(`nid:${first}`))[0]!.flags).toBe(2);
    await page.keyboard.press('Control+2');
    await expect.poll(() => page.locator('.flag-badge').count()).toBe(0);

    await page.keyboard.press('*');
    await expect.poll(() => page.locator('.mark-badge').count()).toBe(1);
    const [note] = await serve.call<{ tags: string[] }[]>('notesInfo', { notes: [first] });
    expect(note!.tags).toContain('marked');

    await page.keyboard.press('Space');
    await page.keyboard.press('1');
    await expect.poll(() => cardText(page).textContent()).toBe('two');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cardText(page).textContent()).toBe('one');
    expect((await cardsOf(`nid:${first}`))[0]).toMatchObject({ queue: 0, reps: 0 });

    await page.keyboard.press('-');
    await expect.poll(() => cardText(page).textContent()).toBe('two');
    expect((await cardsOf(`nid:${first}`))[0]!.queue).toBe(-3);
    await page.keyboard.press('@');
    await page.locator('.congrats').waitFor();
    expect((await cardsOf(`nid:${second}`))[0]!.queue).toBe(-1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cardText(page).textContent()).toBe('two');
    expect((await cardsOf(`nid:${second}`))[0]!.queue).toBe(0);
    await page.close();
  });

  it('follows changes made over the API while a card is shown', async () => {
    const first = await addBasic('Live', 'first', '1');
    await addBasic('Live', 'second', '2');
    const page = await browser.newPage();
    await openReviewer(page, 'Live');
    await expect.poll(() => cardText(page).textContent()).toBe('first');
    await serve.call('updateNoteFields', { note: { id: first, fields: { Front: 'first, edited' } } });
    await expect.poll(() => cardText(page).textContent()).toBe('first, edited');
    const [cardId] = await serve.call<number[]>('findCards', { query: `nid:${first}` });
    await serve.call('answerCards', { answers: [{ cardId, ease: 4 }] });
    await expect.poll(() => cardText(page).textContent()).toBe('second');
    await page.close();
  });

  it('opens the editor for the current note with E', async () => {
    const noteId = await addBasic('Editing', 'edit me', 'x');
    const page = await browser.newPage();
    await openReviewer(page, 'Editing');
    await page.keyboard.press('e');
    await expect.poll(() => page.locator('.reviewer').count()).toBe(0);
    // The editing area's screen receives the note id (its own tests cover the screen).
    await expect.poll(() => page.locator('main').textContent()).not.toContain('Show Answer');
    expect(noteId).toBeGreaterThan(0);
    await page.close();
  });

  it('compares a typed answer like Anki', async () => {
    await serve.call('createDeck', { deck: 'Typing' });
    await serve.call('addNote', {
      note: { deckName: 'Typing', modelName: 'Basic (type in the answer)', fields: { Front: 'capital of France', Back: 'Paris' } },
    });
    const page = await browser.newPage();
    await openReviewer(page, 'Typing');
    const box = page.locator('input.type-answer');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('Pari');
    await screenshot(page, 'study-type-answer-question');
    await page.keyboard.press('Enter');
    await page.locator('.reviewer[data-side="answer"]').waitFor();
    const frame = page.frameLocator('iframe.card-frame');
    await expect.poll(() => frame.locator('#typeans .typeGood').first().textContent()).toBe('Pari');
    await expect.poll(() => frame.locator('#typeans .typeMissed').textContent()).toBe('s');
    await screenshot(page, 'study-type-answer');
    await page.keyboard.press('3');
    await page.close();
  });

  it('renders cloze deletions and sandboxes card HTML', async () => {
    await addBasic('Cloze', 'The {{c1::sun}} is a <b>star</b><script>document.title="pwned"</script>', '', 'Cloze');
    const page = await browser.newPage();
    await openReviewer(page, 'Cloze');
    const frame = page.frameLocator('iframe.card-frame');
    await expect.poll(() => frame.locator('.cloze').textContent()).toBe('[...]');
    await page.keyboard.press('Space');
    await expect.poll(() => frame.locator('.cloze').textContent()).toBe('sun');
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('iframe.card-frame').getAttribute('sandbox')).toBe('');
    await screenshot(page, 'study-cloze');
    await page.close();
  });

  it('shows images from the media folder and plays [sound:…] audio, R replays', async () => {
    await addBasic('Media', 'picture <img src="red.png"> [sound:beep.wav]', 'back');
    const ok = await fetch(new URL('media/red.png', serve.guiUrl));
    expect(ok.status).toBe(200);
    expect((await fetch(new URL('media/..%2Fcollection.anki2', serve.guiUrl))).status).toBe(404);
    expect((await fetch(new URL('media/.hidden', serve.guiUrl))).status).toBe(404);
    const page = await browser.newPage();
    await openReviewer(page, 'Media');
    const img = page.frameLocator('iframe.card-frame').locator('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(2);
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.audio-status').textContent()).toContain('beep.wav');
    await screenshot(page, 'study-media');
    await page.close();
  });
});
