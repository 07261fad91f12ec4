import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../engine/collection';
import { deckByName } from '../../engine/decks/store';
import { STUDY_COMMANDS } from '../../../shared/bridge/study';
import { StudyController, StudyGuiError, studyController } from './controller';
import { addNotes, fakeGui, tempCollection } from './fixtures.testkit';

let col: Collection;

beforeEach(() => {
  col = tempCollection();
  addNotes(col, 'Words', ['one', 'two']);
});
afterEach(() => col.close());

function reps(front: string): number {
  return col.db.prepare("SELECT c.reps FROM cards c JOIN notes n ON n.id = c.nid WHERE n.sfld = ?").pluck().get(front) as number;
}

describe('StudyController without a window', () => {
  it("answers reviewer questions with the add-on's error and deck actions with false/null", async () => {
    const { hub, host } = fakeGui(() => col, false);
    const study = new StudyController(hub, host);
    expect(() => study.reviewActive()).toThrow(new StudyGuiError('reviewer is not available'));
    expect(() => study.currentCard()).toThrow('reviewer is not available');
    await expect(study.showAnswer()).rejects.toThrow('reviewer is not available');
    await expect(study.answerCard(3)).rejects.toThrow('reviewer is not available');
    expect(await study.deckOverview('Words')).toBe(false);
    expect(col.getConfig('curDeck', 0)).toBe(deckByName(col, 'Words')!.id);
    expect(await study.deckReview('Words')).toBe(false);
    expect(await study.deckBrowser()).toBeNull();
    expect(await study.undo()).toBe(true);
  });
});

describe('StudyController with a window', () => {
  it('is shared per hub', () => {
    const { hub, host } = fakeGui(() => col);
    expect(studyController(hub, host)).toBe(studyController(hub, host));
  });

  it('guiDeckReview navigates, then drives the reviewer; the renderer gets every change', async () => {
    const { hub, host, commands } = fakeGui(() => col);
    const study = new StudyController(hub, host);
    expect(study.reviewActive()).toBe(false);
    expect(() => study.currentCard()).toThrow('Gui review is not currently active.');
    expect(await study.deckReview('Nope')).toBe(false);
    expect(await study.deckReview('Words')).toBe(true);
    expect(commands.map((c) => c.kind)).toEqual([STUDY_COMMANDS.navigate, STUDY_COMMANDS.navigate, STUDY_COMMANDS.sync]);
    expect(commands.map((c) => (c.payload as { seq: number }).seq)).toEqual([1, 2, 3]);
    expect(study.reviewActive()).toBe(true);

    const info = study.currentCard();
    expect(info).toMatchObject({ modelName: 'Basic', deckName: 'Words', template: 'Card 1', fieldOrder: 0, buttons: [1, 2, 3, 4] });
    expect(info.fields).toEqual({ Front: { value: 'one', order: 0 }, Back: { value: 'one back', order: 1 } });
    expect(info.nextReviews).toHaveLength(4);

    expect(await study.answerCard(3)).toBe(false);
    expect(await study.showAnswer()).toBe(true);
    expect(await study.answerCard(0)).toBe(false);
    expect(await study.answerCard(5)).toBe(false);
    expect(await study.answerCard(4)).toBe(true);
    expect(reps('one')).toBe(1);
    expect(study.currentCard().fields.Front!.value).toBe('two');
    const last = commands[commands.length - 1]!;
    expect(last.kind).toBe(STUDY_COMMANDS.sync);
    expect((last.payload as { view: { card: { questionHtml: string } } }).view.card.questionHtml).toBe('two');

    expect(await study.undo()).toBe(true);
    expect(reps('one')).toBe(0);
    expect(study.currentCard().fields.Front!.value).toBe('one');
  });

  it('ignores a close from the renderer that predates its latest command', async () => {
    const { hub, host } = fakeGui(() => col);
    const study = new StudyController(hub, host);
    await study.deckReview('Words');
    study.close(1);
    expect(study.reviewActive()).toBe(true);
    study.close(3);
    expect(study.reviewActive()).toBe(false);
  });

  it('reopens the same card when the reviewer screen comes back', () => {
    const { hub, host } = fakeGui(() => col);
    const study = new StudyController(hub, host);
    const deckId = deckByName(col, 'Words')!.id;
    const first = study.open(deckId, 0);
    expect(first.status).toBe('reviewing');
    const shown = study.act((s) => s.showAnswer());
    expect(shown.side).toBe('answer');
    study.close(0);
    expect(study.view().status).toBe('closed');
    const again = study.open(deckId, 0);
    expect(again.card?.cardId).toBe(first.card?.cardId);
    expect(again.revision).toBeGreaterThan(shown.revision);
  });

  it('drops the session when the profile changes', async () => {
    let current = col;
    const { hub, host } = fakeGui(() => current);
    const study = new StudyController(hub, host);
    await study.deckReview('Words');
    const other = tempCollection();
    current = other;
    expect(study.reviewActive()).toBe(false);
    other.close();
  });

  it('says when the deck is done', () => {
    const { hub, host } = fakeGui(() => col);
    const study = new StudyController(hub, host);
    const deckId = deckByName(col, 'Words')!.id;
    study.open(deckId, 0);
    study.act((s) => s.suspend());
    const view = study.act((s) => s.suspend());
    expect(view.status).toBe('done');
    expect(view.notice).toBe('Card suspended.');
    expect(view.canUndo).toBe(true);
  });
});
