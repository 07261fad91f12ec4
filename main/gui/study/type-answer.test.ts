import { describe, expect, it } from 'vitest';
import { compareAnswer, expectedAnswerText, findTypeMarker, replaceTypeMarkers } from './type-answer';

describe('type-in-the-answer', () => {
  it('finds the marker and its variants', () => {
    expect(findTypeMarker('a [[type:Back]] b')).toEqual({ marker: 'Back', field: 'Back', cloze: false, ignoreCombining: false });
    expect(findTypeMarker('[[type:cloze:Text]]')?.cloze).toBe(true);
    expect(findTypeMarker('[[type:nc:Back]]')?.ignoreCombining).toBe(true);
    expect(findTypeMarker('no marker')).toBeNull();
  });

  it('keeps only the first box', () => {
    expect(replaceTypeMarkers('[[type:A]]x[[type:B]]', 'BOX')).toBe('BOXx');
  });

  it('strips HTML from the expected text', () => {
    expect(expectedAnswerText('<b>Hello</b>&nbsp;world<br>again')).toBe('Hello world again');
    expect(expectedAnswerText('café', true)).toBe('cafe');
  });

  it('shows the expected text when nothing was typed', () => {
    expect(compareAnswer('dog', '')).toBe('<code id=typeans>dog</code>');
  });

  it('marks a correct answer good', () => {
    expect(compareAnswer('dog', ' dog ')).toBe('<code id=typeans><span class=typeGood>dog</span></code>');
  });

  it('marks wrong and missing characters', () => {
    const html = compareAnswer('house', 'hose');
    expect(html).toBe(
      '<code id=typeans><span class=typeGood>hose</span><br><span id=typearrow>&darr;</span><br>' +
        '<span class=typeGood>ho</span><span class=typeMissed>u</span><span class=typeGood>se</span></code>',
    );
    expect(compareAnswer('cat', 'cut')).toContain('<span class=typeBad>u</span>');
  });

  it('escapes HTML in typed text', () => {
    expect(compareAnswer('a', '<b>')).toContain('&lt;b&gt;');
  });
});
