import { describe, expect, it } from 'vitest';
import type { Notetype } from '../model/types';
import { emptyNotetype, newField, newTemplate, stockNotetypes } from '../notetypes/stock';
import { cardOrdsForNewNote, cardOrdsToGenerate } from './cardgen';

const [basic, reversed, optional, typing, cloze] = stockNotetypes() as [Notetype, Notetype, Notetype, Notetype, Notetype];

function custom(fields: string[], fronts: string[]): Notetype {
  const nt = emptyNotetype('Custom');
  nt.flds = fields.map((name, ord) => newField(name, ord));
  nt.tmpls = fronts.map((qfmt, ord) => newTemplate(`Card ${ord + 1}`, ord, qfmt, ''));
  return nt;
}

describe('cardOrdsToGenerate (normal notetypes)', () => {
  it('needs a non-empty field reachable from the front', () => {
    expect(cardOrdsToGenerate(basic, ['front', ''])).toEqual([0]);
    expect(cardOrdsToGenerate(basic, ['', 'back'])).toEqual([]);
    expect(cardOrdsToGenerate(basic, ['<br><div> </div>', 'back'])).toEqual([]);
    expect(cardOrdsToGenerate(reversed, ['f', 'b'])).toEqual([0, 1]);
    expect(cardOrdsToGenerate(reversed, ['', 'b'])).toEqual([1]);
    expect(cardOrdsToGenerate(optional, ['f', 'b', ''])).toEqual([0]);
    expect(cardOrdsToGenerate(optional, ['f', 'b', 'y'])).toEqual([0, 1]);
    expect(cardOrdsToGenerate(optional, ['f', '', 'y'])).toEqual([0]);
    expect(cardOrdsToGenerate(typing, ['', 'typed'])).toEqual([0]);
  });

  it('honours negated sections and ignores plain text', () => {
    const nt = custom(['A', 'B'], ['{{^A}}{{B}}{{/A}}', 'only text', '{{#A}}text{{/A}}']);
    expect(cardOrdsToGenerate(nt, ['', 'b'])).toEqual([0]);
    expect(cardOrdsToGenerate(nt, ['a', 'b'])).toEqual([]);
  });

  it('counts special fields, and Tags only for tagged notes', () => {
    const nt = custom(['A'], ['{{Deck}}', '{{Tags}}', '{{FrontSide}}', '{{#Card}}{{A}}{{/Card}}']);
    expect(cardOrdsToGenerate(nt, [''])).toEqual([0]);
    expect(cardOrdsToGenerate(nt, [''], { tags: ['t'] })).toEqual([0, 1]);
    expect(cardOrdsToGenerate(nt, ['a'])).toEqual([0, 3]);
  });

  it('lets a real field shadow a special one', () => {
    const nt = custom(['Deck'], ['{{Deck}}']);
    expect(cardOrdsToGenerate(nt, [''])).toEqual([]);
  });

  it('never generates from a template that does not parse', () => {
    const nt = custom(['A'], ['{{#A}}{{A}}', '{{A}}']);
    expect(cardOrdsToGenerate(nt, ['a'])).toEqual([1]);
  });
});

describe('cardOrdsToGenerate (cloze notetypes)', () => {
  it('makes one card per cloze number found in any field', () => {
    expect(cardOrdsToGenerate(cloze, ['{{c1::a}} {{c3::b::hint}}', ''])).toEqual([0, 2]);
    expect(cardOrdsToGenerate(cloze, ['{{c1::outer {{c2::inner}}}}', ''])).toEqual([0, 1]);
    expect(cardOrdsToGenerate(cloze, ['{{c1,3::shared}}', ''])).toEqual([0, 2]);
    expect(cardOrdsToGenerate(cloze, ['{{c1::a}}', '{{c4::extra}}'])).toEqual([0, 3]);
  });

  it('ignores c0, unclosed and unparsable clozes and caps ords at 499', () => {
    expect(cardOrdsToGenerate(cloze, ['{{c0::never}}', ''])).toEqual([]);
    expect(cardOrdsToGenerate(cloze, ['{{c1::unclosed', ''])).toEqual([]);
    expect(cardOrdsToGenerate(cloze, ['{{c99999::too big}}', ''])).toEqual([]);
    expect(cardOrdsToGenerate(cloze, ['{{c600::a}} {{c700::b}} {{c01::c}}', ''])).toEqual([0, 499]);
  });
});

describe('cardOrdsForNewNote', () => {
  it('falls back to card ord 0 like Anki when nothing qualifies', () => {
    expect(cardOrdsForNewNote(basic, ['', 'back'])).toEqual([0]);
    expect(cardOrdsForNewNote(cloze, ['no clozes', ''])).toEqual([0]);
    expect(cardOrdsForNewNote(reversed, ['', 'b'])).toEqual([1]);
  });
});
