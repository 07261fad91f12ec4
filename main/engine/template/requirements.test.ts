import { describe, expect, it } from 'vitest';
import type { Notetype } from '../model/types';
import { emptyNotetype, newField, newTemplate, stockNotetypes } from '../notetypes/stock';
import { computeRequirements } from './requirements';

function notetype(fields: string[], fronts: string[]): Notetype {
  const nt = emptyNotetype('T');
  nt.flds = fields.map((name, ord) => newField(name, ord));
  nt.tmpls = fronts.map((qfmt, ord) => newTemplate(`Card ${ord + 1}`, ord, qfmt, ''));
  return nt;
}

const req = (...fronts: string[]) => computeRequirements(notetype(['a', 'b', 'c'], fronts));

describe('computeRequirements', () => {
  it('matches Anki for the stock notetypes', () => {
    expect(stockNotetypes().map(computeRequirements)).toEqual([
      [[0, 'any', [0]]],
      [
        [0, 'any', [0]],
        [1, 'any', [1]],
      ],
      [
        [0, 'any', [0]],
        [1, 'all', [1, 2]],
      ],
      [[0, 'any', [0, 1]]],
      [[0, 'any', [0]]],
    ]);
  });

  it('follows Anki’s any / all / none rules', () => {
    expect(req('{{a}}{{b}}')).toEqual([[0, 'any', [0, 1]]]);
    expect(req('{{#a}}{{b}}{{/a}}')).toEqual([[0, 'all', [0, 1]]]);
    expect(req('{{z}}')).toEqual([[0, 'none', []]]);
    expect(req('{{^a}}{{b}}{{/a}}')).toEqual([[0, 'any', [1]]]);
    expect(req('{{^a}}{{#b}}{{c}}{{/b}}{{/a}}')).toEqual([[0, 'all', [1, 2]]]);
    expect(req('{{#a}}{{#b}}{{a}}{{/b}}{{/a}}')).toEqual([[0, 'all', [0, 1]]]);
    expect(req('<!--{{^a}}-->{{b}}<!--{{/a}}-->{{#c}}<!--{{a}}-->{{b}}{{/c}}')).toEqual([[0, 'any', [1]]]);
    expect(req('{{Tags}}')).toEqual([[0, 'none', []]]);
  });

  it('gives broken templates "none"', () => {
    expect(req('{{#a}}{{a}}', '{{b}}')).toEqual([
      [0, 'none', []],
      [1, 'any', [1]],
    ]);
  });
});
