import { describe, expect, it } from 'vitest';
import { fieldIsEmpty, isClozeConditional, rendersWithFields, rendersWithFieldsForReqs } from './emptiness';
import { parseTemplate } from './parser';

describe('fieldIsEmpty', () => {
  it('ignores ASCII whitespace and empty br/div tags only', () => {
    for (const text of ['', ' ', '\n\t', '<BR>', '<br/>', '<br />', '<div />', ' <div> <br> </div>\n']) {
      expect(fieldIsEmpty(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['x', ' <div>x</div>\n', '&nbsp;', '\u00a0', '<p></p>', '<br  >']) {
      expect(fieldIsEmpty(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('rendersWithFields', () => {
  const fields = new Set(['1', '3']);
  it('needs one reachable replacement of a non-empty field', () => {
    expect(rendersWithFields(parseTemplate('{{2}}{{1}}'), fields)).toBe(true);
    expect(rendersWithFields(parseTemplate('{{2}}'), fields)).toBe(false);
    expect(rendersWithFields(parseTemplate('plain text'), fields)).toBe(false);
    expect(rendersWithFields(parseTemplate('{{#3}}{{^2}}{{1}}{{/2}}{{/3}}'), fields)).toBe(true);
    expect(rendersWithFields(parseTemplate('{{type:1}}'), fields)).toBe(true);
  });

  it('honours negation for cards but not for the req cache', () => {
    const nodes = parseTemplate('{{^1}}{{3}}{{/1}}');
    expect(rendersWithFields(nodes, fields)).toBe(false);
    expect(rendersWithFieldsForReqs(nodes, fields)).toBe(true);
  });
});

describe('isClozeConditional', () => {
  it('accepts c followed by a u32', () => {
    expect(isClozeConditional('c1')).toBe(true);
    expect(isClozeConditional('c+2')).toBe(true);
    expect(isClozeConditional('c4294967295')).toBe(true);
    expect(isClozeConditional('c4294967296')).toBe(false);
    expect(isClozeConditional('c')).toBe(false);
    expect(isClozeConditional('C1')).toBe(false);
  });
});
