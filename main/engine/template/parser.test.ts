import { describe, expect, it } from 'vitest';
import { parseTemplate, TemplateSyntaxError, tokenize, tryParseTemplate } from './parser';

const problemOf = (template: string) => {
  try {
    parseTemplate(template);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error.problem;
    throw error;
  }
  return undefined;
};

describe('parseTemplate', () => {
  it('parses text, replacements and conditionals', () => {
    expect(parseTemplate('foo {{bar}} {{#baz}} quux {{/baz}}')).toEqual([
      { kind: 'text', text: 'foo ' },
      { kind: 'replacement', key: 'bar', filters: [] },
      { kind: 'text', text: ' ' },
      { kind: 'conditional', key: 'baz', negated: false, children: [{ kind: 'text', text: ' quux ' }] },
    ]);
    expect(parseTemplate('{{^baz}}{{/baz}}')).toEqual([{ kind: 'conditional', key: 'baz', negated: true, children: [] }]);
  });

  it('splits filters from the right and lists them nearest-first', () => {
    expect(parseTemplate('{{one:two:Field}}')).toEqual([{ kind: 'replacement', key: 'Field', filters: ['two', 'one'] }]);
    expect(parseTemplate('{{tts en_US voices=A:Front}}')).toEqual([
      { kind: 'replacement', key: 'Front', filters: ['tts en_US voices=A'] },
    ]);
    expect(parseTemplate('{{text::F}}')).toEqual([{ kind: 'replacement', key: 'F', filters: ['', 'text'] }]);
  });

  it('trims whitespace and leading braces inside handlebars', () => {
    expect(parseTemplate('{{ tag }}')).toEqual([{ kind: 'replacement', key: 'tag', filters: [] }]);
    expect(parseTemplate('{{{F}}}')).toEqual([
      { kind: 'replacement', key: 'F', filters: [] },
      { kind: 'text', text: '}' },
    ]);
    expect(parseTemplate('{{# F}}x{{/ F}}')).toEqual([
      { kind: 'conditional', key: 'F', negated: false, children: [{ kind: 'text', text: 'x' }] },
    ]);
  });

  it('treats one-byte names as replacements but counts UTF-8 bytes', () => {
    expect(parseTemplate('{{#}}')).toEqual([{ kind: 'replacement', key: '#', filters: [] }]);
    expect(parseTemplate('{{日}}')).toEqual([{ kind: 'replacement', key: '日', filters: [] }]);
  });

  it('keeps comments verbatim and ignores handlebars inside them', () => {
    expect(parseTemplate('a<!--{{#x}}-->b')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'comment', text: '{{#x}}' },
      { kind: 'text', text: 'b' },
    ]);
    expect(tryParseTemplate('<!--{{foo}}')).toBeDefined();
    expect(tryParseTemplate('{{#mis}}<!--{{/matched}}-->')).toBeUndefined();
  });

  it('leaves stray and unterminated braces as text', () => {
    expect(parseTemplate('text }} more')).toEqual([{ kind: 'text', text: 'text }} more' }]);
    expect(parseTemplate('{{open')).toEqual([{ kind: 'text', text: '{{open' }]);
  });

  it('supports the legacy <% %> syntax', () => {
    expect(parseTemplate('\n{{=<% %>=}}\n<%Front%>\n<% #Back %>\n<%/Back%>')).toEqual([
      { kind: 'text', text: '\n' },
      { kind: 'replacement', key: 'Front', filters: [] },
      { kind: 'text', text: '\n' },
      { kind: 'conditional', key: 'Back', negated: false, children: [{ kind: 'text', text: '\n' }] },
    ]);
    expect(tokenize('{{=<% %>=}}{{#foo}}')).toEqual([{ kind: 'text', text: '{{#foo}}' }]);
  });

  it('reports unbalanced conditionals', () => {
    expect(problemOf('{{#F}}x')).toEqual({ kind: 'conditionalNotClosed', tag: 'F' });
    expect(problemOf('{{#F}}{{/B}}')).toEqual({ kind: 'conditionalNotOpen', closed: 'B', currentlyOpen: 'F' });
    expect(problemOf('{{/B}}')).toEqual({ kind: 'conditionalNotOpen', closed: 'B', currentlyOpen: null });
    expect(problemOf('{{#a}}{{/A}}')).toEqual({ kind: 'conditionalNotOpen', closed: 'A', currentlyOpen: 'a' });
  });
});
