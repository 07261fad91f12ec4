import { describe, expect, it } from 'vitest';
import { browserKeyAction, type KeyLike } from './keys';

const press = (key: string, mods: Partial<KeyLike> = {}) =>
  browserKeyAction({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('browser shortcuts', () => {
  it('maps Anki’s keys to actions', () => {
    expect(press('f', { ctrlKey: true })).toEqual({ kind: 'focusSearch' });
    expect(press('f', { ctrlKey: true, altKey: true })).toEqual({ kind: 'dialog', dialog: 'findReplace' });
    expect(press('D', { ctrlKey: true })).toEqual({ kind: 'dialog', dialog: 'deck' });
    expect(press('A', { ctrlKey: true, shiftKey: true })).toEqual({ kind: 'dialog', dialog: 'addTags' });
    expect(press('A', { ctrlKey: true, shiftKey: true, altKey: true })).toEqual({ kind: 'dialog', dialog: 'removeTags' });
    expect(press('j', { metaKey: true })).toEqual({ kind: 'suspend' });
    expect(press('3', { ctrlKey: true })).toEqual({ kind: 'flag', flag: 3 });
    expect(press('S', { ctrlKey: true, shiftKey: true })).toEqual({ kind: 'dialog', dialog: 'reposition' });
    expect(press('n', { ctrlKey: true, altKey: true })).toEqual({ kind: 'dialog', dialog: 'forget' });
    expect(press('t', { ctrlKey: true, altKey: true })).toEqual({ kind: 'toggleMode' });
    expect(press('Delete', { ctrlKey: true })).toEqual({ kind: 'delete' });
    expect(press('Escape')).toEqual({ kind: 'close' });
  });

  it('leaves plain typing and other chords alone', () => {
    expect(press('a')).toBeNull();
    expect(press('a', { ctrlKey: true })).toBeNull();
    expect(press('8', { ctrlKey: true })).toBeNull();
  });
});
