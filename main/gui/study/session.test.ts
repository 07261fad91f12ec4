import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../engine/collection';
import { deckByName } from '../../engine/decks/store';
import { updateNote } from '../../engine/notes/update';
import { ReviewSession } from './session';
import { addNotes, tempCollection } from './fixtures.testkit';

let col: Collection;
let deckId: number;
let notes: number[];

function card(noteId: number): { id: number; queue: number; reps: number; flags: number } {
  return col.db.prepare('SELECT id, queue, reps, flags FROM cards WHERE nid = ?').get(noteId) as never;
}

beforeEach(() => {
  col = tempCollection();
  notes = addNotes(col, 'Words', ['one', 'two']);
  deckId = deckByName(col, 'Words')!.id;
});
afterEach(() => col.close());

function started(): ReviewSession {
  const session = new ReviewSession(col, deckId);
  session.advance();
  return session;
}

describe('ReviewSession', () => {
  it('shows the first new card on its question side, with counts', () => {
    const session = started();
    expect(session.current?.rendered.questionHtml).toBe('one');
    expect(session.current?.side).toBe('question');
    expect(session.counts).toEqual({ newCount: 2, learnCount: 0, reviewCount: 0 });
  });

  it('refuses to answer before the answer is shown, then answers and moves on', () => {
    const session = started();
    expect(() => session.answer(3)).toThrow('show the answer');
    session.showAnswer();
    expect(session.current?.answerHtml).toContain('one back');
    session.answer(4);
    expect(card(notes[0]!).reps).toBe(1);
    expect(card(notes[0]!).queue).toBe(2);
    expect(session.current?.rendered.questionHtml).toBe('two');
  });

  it('refuses actions on a card that is not the current one', () => {
    const session = started();
    expect(() => session.showAnswer(card(notes[1]!).id)).toThrow('is not the card being reviewed');
  });

  it('undoes an answer and shows that card again', () => {
    const session = started();
    session.showAnswer();
    session.answer(4);
    expect(session.undo()).toBe(true);
    expect(card(notes[0]!).reps).toBe(0);
    expect(session.current?.rendered.card.id).toBe(card(notes[0]!).id);
    expect(session.current?.side).toBe('question');
    expect(session.notice).toBe('Undid Easy.');
  });

  it('buries and suspends the current card, both undoable', () => {
    const session = started();
    session.bury();
    expect(card(notes[0]!).queue).toBe(-3);
    expect(session.current?.rendered.questionHtml).toBe('two');
    session.suspend();
    expect(card(notes[1]!).queue).toBe(-1);
    expect(session.current).toBeNull();
    session.undo();
    expect(card(notes[1]!).queue).toBe(0);
    session.undo();
    expect(card(notes[0]!).queue).toBe(0);
    expect(session.current?.rendered.questionHtml).toBe('one');
  });

  it('toggles flags and the marked tag, keeping the card on screen', () => {
    const session = started();
    session.setFlag(3);
    expect(card(notes[0]!).flags).toBe(3);
    expect(session.current?.rendered.view.flag).toBe(3);
    session.setFlag(3);
    expect(card(notes[0]!).flags).toBe(0);
    session.toggleMark();
    expect(session.current?.rendered.view.marked).toBe(true);
    session.undo();
    expect(session.current?.rendered.view.marked).toBe(false);
  });

  it('keeps the card and side on refresh, showing an edited note', () => {
    const session = started();
    session.showAnswer();
    updateNote(col, notes[0]!, { fields: ['uno', 'one back'] });
    session.refresh();
    expect(session.current?.side).toBe('answer');
    expect(session.current?.rendered.questionHtml).toBe('uno');
  });

  it('compares a typed answer on the answer side', () => {
    const [noteId] = addNotes(col, 'Typed', ['question'], 'Basic (type in the answer)');
    const session = new ReviewSession(col, deckByName(col, 'Typed')!.id);
    session.advance();
    expect(session.current?.rendered.view.typeAnswerField).toBe('Back');
    expect(session.current?.rendered.questionHtml).not.toContain('[[type:');
    session.showAnswer(undefined, 'question bak');
    expect(session.current?.answerHtml).toContain('<code id=typeans>');
    expect(session.current?.answerHtml).toContain('class=typeMissed');
    expect(noteId).toBeGreaterThan(0);
  });

  it('lists [sound:…] files per side', () => {
    addNotes(col, 'Audio', ['hello[sound:a.mp3]']);
    const session = new ReviewSession(col, deckByName(col, 'Audio')!.id);
    session.advance();
    expect(session.current?.rendered.view.questionAudio).toEqual(['a.mp3']);
    expect(session.current?.rendered.questionHtml).toBe('hello');
  });
});
