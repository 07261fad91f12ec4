import { describe, expect, it } from 'vitest';
import { completeToken, currentToken, splitTagText, tagSuggestions } from './tags';

describe('tag typing', () => {
  it('splits on spaces and ideographic spaces', () => {
    expect(splitTagText(' a  b\u3000c ')).toEqual(['a', 'b', 'c']);
  });

  it('finds the token under the caret and completes it', () => {
    expect(currentToken('one tw three', 6)).toEqual({ start: 4, prefix: 'tw' });
    expect(completeToken('one tw three', 6, 'two')).toEqual({ text: 'one two three', caret: 8 });
    expect(completeToken('one tw', 6, 'two')).toEqual({ text: 'one two ', caret: 8 });
  });

  it('suggests known tags by prefix first, then by a later component, skipping ones already typed', () => {
    const known = ['lang::fr', 'Level', 'leech', 'grammar::level2'];
    expect(tagSuggestions(known, 'le', ['leech'])).toEqual(['Level', 'grammar::level2']);
    expect(tagSuggestions(known, '', [])).toEqual([]);
    expect(tagSuggestions(known, 'lang::fr', [])).toEqual([]);
  });
});
