import { describe, expect, it } from 'vitest';
import type { Node, SearchNode } from './ast';
import { parseSearch } from './parser';

const s = (search: SearchNode): Node => ({ type: 'search', search });
const text = (value: string): Node => s({ kind: 'text', text: value });
const and: Node = { type: 'and' };

function errorOf(query: string): string {
  try {
    parseSearch(query);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${query} parsed`);
}

describe('parseSearch', () => {
  it('treats an empty or blank query as the whole collection', () => {
    expect(parseSearch('')).toEqual([s({ kind: 'all' })]);
    expect(parseSearch(' \t\u3000')).toEqual([s({ kind: 'all' })]);
  });

  it('inserts implicit ANDs and keeps AND/OR/NOT structure', () => {
    expect(parseSearch('a\u00a0b')).toEqual([text('a'), and, text('b')]);
    expect(parseSearch('a OR -(b and c)')).toEqual([
      text('a'),
      { type: 'or' },
      { type: 'not', node: { type: 'group', nodes: [text('b'), and, text('c')] } },
    ]);
    expect(parseSearch('a"b"(c)')).toEqual(parseSearch('a b (c)'));
  });

  it('handles quoting and escapes like Anki', () => {
    expect(parseSearch('"field:va\\"lue"')).toEqual(parseSearch('field:"va\\"lue"'));
    expect(parseSearch('\\"\\:\\(\\)\\-')).toEqual([text('":()-')]);
    expect(parseSearch('\\\\\\*\\_')).toEqual([text('\\\\\\*\\_')]);
    expect(parseSearch('-')).toEqual(parseSearch('\\-'));
    expect(parseSearch('field:val:ue')).toEqual(parseSearch('field:val\\:ue'));
    expect(parseSearch('"re:\\btest\\%"')).toEqual([s({ kind: 'regex', regex: '\\btest\\%' })]);
  });

  it('parses keywords case-insensitively and their arguments', () => {
    expect(parseSearch('DECK:x')).toEqual([s({ kind: 'deck', name: 'x' })]);
    expect(parseSearch('card:0')).toEqual([s({ kind: 'template', ord: 0 })]);
    expect(parseSearch('card:3')).toEqual([s({ kind: 'template', ord: 2 })]);
    expect(parseSearch('card:front')).toEqual([s({ kind: 'template-name', name: 'front' })]);
    expect(parseSearch('added:0')).toEqual([s({ kind: 'added', days: 1 })]);
    expect(parseSearch('rated:3:2')).toEqual([s({ kind: 'rated', days: 3, rating: { kind: 'button', button: 2 } })]);
    expect(parseSearch('prop:ease<=3.3')).toEqual([
      s({ kind: 'prop', op: '<=', prop: { kind: 'ease', value: Math.fround(3.3) } }),
    ]);
    expect(parseSearch('"prop:cds:abc=foo bar"')).toEqual([
      s({ kind: 'prop', op: '=', prop: { kind: 'cds', key: 'abc', value: 'foo bar' } }),
    ]);
    expect(parseSearch('front:re:x')).toEqual([s({ kind: 'field', field: 'front', text: 'x', mode: 'regex' })]);
    expect(parseSearch('tag:nc:x')).toEqual([s({ kind: 'tag', tag: 'x', mode: 'nocombining' })]);
    expect(parseSearch('dupe:5,a\\\\b')).toEqual([s({ kind: 'dupe', notetypeId: '5', text: 'a\\b' })]);
  });

  it("reports Anki's errors", () => {
    const kinds: [string, string][] = [
      ['foo and', 'an `and` was found'],
      ['or foo', 'an `or` was found'],
      ['(foo () bar)', 'a group `(...)` was found'],
      ['(foo) bar)', 'a closing bracket `)` was found'],
      ['foo ( bar', 'an opening bracket `(` was found'],
      ['foo:""', 'a pair of double quotes'],
      ['" foo', 'an opening double quote'],
      [':foo', 'a colon `:` was found'],
      ['\\foo', 'the escape sequence `\u2068\\f\u2069`'],
      ['is:DUE', "invalid argument '`\u2068DUE\u2069`'"],
      ['flag:1.1', '`flag:` must be followed'],
      ['prop:=1', "`\u2068prop:\u2069` was given an invalid argument"],
      ['prop:ivl~1', '`prop:\u2068ivl\u2069` must be followed'],
      ['added:-1', 'expected a positive whole number in "`\u2068added:\u2069`"'],
      ['rated:1:5', 'expected an answer button between 1-4'],
      ['prop:rated>1', 'expected a whole number less than or equal to 0'],
      ['prop:s>x', 'expected a number in'],
      ['nid:1,2,', 'expected only digits and commas in nid:'],
      ['dupe:1', "invalid 'dupe:' search"],
    ];
    for (const [query, text] of kinds) expect(errorOf(query)).toContain(text);
    expect(errorOf('(')).toMatch(/^Invalid search: \u2068.*\u2069$/s);
  });
});
