import { describe, expect, it } from 'vitest';
import type { Notetype } from '../model/types';
import { CardFields } from './card-fields';

function notetype(names: string[]): Notetype {
  return { name: 'Kind', flds: names.map((name, ord) => ({ name, ord })) } as unknown as Notetype;
}

function fieldsOf(names: string[], values: string[], cardOrd = 0): CardFields {
  return new CardFields({
    notetype: notetype(names),
    fields: values,
    cardOrd,
    tags: ['a', 'b::c'],
    deckName: 'Lang::Japanese',
    cardFlag: 3,
    cardId: 77,
  }, 'Card 1');
}

describe('CardFields', () => {
  it('gives note fields first, then the special fields and cN', () => {
    const fields = fieldsOf(['Front', 'Back'], ['水', '<br>']);
    expect(fields.get('Front')).toBe('水');
    expect(['Tags', 'Type', 'Subdeck', 'Deck', 'CardFlag', 'Card', 'CardID', 'c1'].map((n) => fields.get(n))).toEqual([
      'a b::c',
      'Kind',
      'Japanese',
      'Lang::Japanese',
      'flag3',
      'Card 1',
      '77',
      '1',
    ]);
    expect(fields.has('c2')).toBe(false);
    expect(fields.has('Missing')).toBe(false);
    expect(fields.nonempty.has('Front')).toBe(true);
    expect(fields.nonempty.has('Back')).toBe(false);
    expect(fields.nonempty.has('Missing')).toBe(false);
  });

  it('lets a note field shadow a special one, and lists every value once', () => {
    const fields = fieldsOf(['Tags', 'Back'], ['mine', 'b'], 1);
    expect(fields.get('Tags')).toBe('mine');
    expect(fields.values()).toEqual(['mine', 'b', 'Kind', 'Japanese', 'Lang::Japanese', 'flag3', 'Card 1', '77', '1']);
  });

  it('keeps the last of duplicate names among the values the note has', () => {
    expect(fieldsOf(['X', 'X'], ['first', 'second']).get('X')).toBe('second');
    expect(fieldsOf(['X', 'X'], ['first']).get('X')).toBe('first');
    expect(fieldsOf(['X', 'Y'], ['only']).has('Y')).toBe(false);
  });
});
