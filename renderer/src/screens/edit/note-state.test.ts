import { describe, expect, it } from 'vitest';
import type { NotetypeInfo } from '../../../../shared/bridge/edit';
import { carryFields, clearNonSticky, fieldsFromNames, mergeTagText } from './note-state';

function notetype(names: string[], sticky: string[] = []): NotetypeInfo {
  return {
    id: 1,
    name: 'T',
    cloze: false,
    sortf: 0,
    css: '',
    templates: [],
    noteCount: 0,
    fields: names.map((name, ord) => ({ name, ord, sticky: sticky.includes(name), rtl: false, font: 'Arial', size: 20, plainText: false, description: '', collapsed: false })),
  };
}

describe('Add screen note state', () => {
  it('fills fields by exact name, ignoring unknown ones', () => {
    expect(fieldsFromNames(notetype(['Front', 'Back']), { Back: 'b', front: 'x', Other: 'y' })).toEqual(['', 'b']);
  });

  it('carries same-named fields, then the rest in order, when the note type changes', () => {
    const basic = notetype(['Front', 'Back']);
    const vocab = notetype(['Word', 'Back', 'Example']);
    expect(carryFields(basic, ['f', 'b'], vocab)).toEqual(['f', 'b', '']);
    expect(carryFields(vocab, ['w', '', 'e'], basic)).toEqual(['w', 'e']);
  });

  it('clears what is not sticky and merges tags without case repeats', () => {
    expect(clearNonSticky(notetype(['A', 'B'], ['B']), ['a', 'b'])).toEqual(['', 'b']);
    expect(mergeTagText('a B', ['b', 'c', 'A'])).toBe('a B c');
  });
});
