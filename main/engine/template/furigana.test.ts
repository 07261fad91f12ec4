import { describe, expect, it } from 'vitest';
import { furiganaFilter, kanaFilter, kanjiFilter } from './furigana';

describe('ruby filters', () => {
  it('split base[reading] pairs', () => {
    const text = 'test first[second] third[fourth]';
    expect(kanaFilter(text)).toBe('testsecondfourth');
    expect(kanjiFilter(text)).toBe('testfirstthird');
    expect(furiganaFilter('first[second]')).toBe('<ruby><rb>first</rb><rt>second</rt></ruby>');
    expect(furiganaFilter('日本[にほん] 語[ご]')).toBe(
      '<ruby><rb>日本</rb><rt>にほん</rt></ruby><ruby><rb>語</rb><rt>ご</rt></ruby>',
    );
  });

  it('treats &nbsp; as a space, stops bases at >, and leaves sound tags alone', () => {
    expect(kanaFilter('&nbsp;東京[とうきょう]')).toBe('とうきょう');
    // No base can cross a `>`, so a reading right after a closing tag is left alone.
    expect(furiganaFilter('<b>日本</b>[にほん]')).toBe('<b>日本</b>[にほん]');
    expect(furiganaFilter('<b>x</b> 日本[にほん]')).toBe('<b>x</b><ruby><rb>日本</rb><rt>にほん</rt></ruby>');
    expect(kanjiFilter('word[sound:w.mp3]')).toBe('word[sound:w.mp3]');
  });
});
