import { describe, expect, it } from 'vitest';
import { stripHtml } from '../text/html';
import {
  clozeFilter,
  clozeNumbersInString,
  expandClozesToRevealLatex,
  extractClozeForTyping,
  revealClozeText,
  revealClozeTextOnly,
} from './cloze';

const plain = (text: string, ord: number, question: boolean) => stripHtml(revealClozeText(text, ord, question));

describe('cloze numbers', () => {
  it('collects numbers ≥ 1, including nested and multi-number clozes', () => {
    expect([...clozeNumbersInString('test')]).toEqual([]);
    expect([...clozeNumbersInString('{{c2::te}}{{c1::s}}t{{')].sort()).toEqual([1, 2]);
    expect([...clozeNumbersInString('{{c0::te}}s{{c2::t}}s')]).toEqual([2]);
    expect([...clozeNumbersInString('{{c2::te{{c1::s}}}}t')].sort()).toEqual([1, 2]);
    expect([...clozeNumbersInString('{{c1,,3::x}} {{c0,2::y}}')].sort()).toEqual([1, 2, 3]);
    expect([...clozeNumbersInString('öaöaöööaö')]).toEqual([]);
  });
});

describe('revealClozeText', () => {
  it('renders the active deletion and leaves the others as inactive spans', () => {
    const text = '{{c1::one}} {{c2::two::hint}}';
    expect(revealClozeText(text, 1, true)).toBe(
      '<span class="cloze" data-cloze="one" data-ordinal="1">[...]</span> <span class="cloze-inactive" data-ordinal="2">two</span>',
    );
    expect(plain(text, 2, true)).toBe('one [hint]');
    expect(plain(text, 2, false)).toBe('one two');
    expect(revealClozeText(text, 3, true)).toBe('');
  });

  it('handles nesting with attribute-escaped hidden content', () => {
    expect(revealClozeText('foo {{c1::bar {{c2::baz}}}}', 1, true)).toBe(
      'foo <span class="cloze" data-cloze="bar&#x20;&lt;span&#x20;class&#x3D;&quot;cloze&#x2D;inactive&quot;&#x20;' +
        'data&#x2D;ordinal&#x3D;&quot;2&quot;&gt;baz&lt;&#x2F;span&gt;" data-ordinal="1">[...]</span>',
    );
    expect(revealClozeText('foo {{c1::bar {{c2::baz}}::qux}}', 2, false)).toBe(
      'foo <span class="cloze-inactive" data-ordinal="1">bar <span class="cloze" data-ordinal="2">baz</span></span>',
    );
    expect(plain('foo {{c1::bar {{c2::baz}}::qux}}', 1, true)).toBe('foo [qux]');
    expect(plain('{{c1::outer {{c1::inner}}}}', 1, true)).toBe('[...]');
  });

  it('keeps everything after the first :: as the hint, even empty', () => {
    expect(plain('{{c1::a::b::c}}', 1, true)).toBe('[b::c]');
    expect(plain('{{c1::a::}}', 1, true)).toBe('[]');
  });

  it('shares multi-number deletions between cards', () => {
    const text = '{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}';
    expect(plain(text, 1, true)).toBe('[...] word and [...] vs second');
    expect(plain(text, 2, true)).toBe('[...] word and first vs [...]');
    expect(revealClozeText('{{c2,1,2::x}}', 1, false)).toBe('<span class="cloze" data-ordinal="1,2">x</span>');
  });

  it('drops clozes left open and keeps a stray }}', () => {
    expect(revealClozeText('{{c1::a}} b {{c1::open', 1, false)).toBe('<span class="cloze" data-ordinal="1">a</span> b ');
    expect(revealClozeText('{{c1::a}}}}', 1, false)).toBe('<span class="cloze" data-ordinal="1">a</span>}}');
  });

  it('renders image occlusion shapes as divs', () => {
    expect(revealClozeText('{{c1::image-occlusion:rect:left=10.0:top=20:width=30:height=10}}', 1, true)).toBe(
      '<div class="cloze" data-ordinal="1" data-shape="rect" data-left="10.0" data-top="20" data-width="30" data-height="10" ></div>',
    );
    expect(revealClozeText('{{c1::image-occlusion:rect:left=1}}{{c2::x}}', 1, false)).toContain(
      '<div class="cloze-highlight" data-ordinal="1" data-shape="rect" data-left="1" ></div>',
    );
  });
});

describe('clozeFilter', () => {
  it('strips tags inside MathJax so clozes work in formulas', () => {
    expect(clozeFilter('\\(x {{c1::<b>y</b>}}\\)', 0, true)).toBe('\\(x [...]\\)');
    expect(clozeFilter('\\[{{c1::y}}\\]', 0, false)).toBe('\\[y\\]');
  });
});

describe('cloze-only and typing', () => {
  it('lists hints on the front and texts on the back', () => {
    expect(revealClozeTextOnly('foo', 1, true)).toBe('');
    expect(revealClozeTextOnly('foo {{c1::bar}}', 1, true)).toBe('...');
    expect(revealClozeTextOnly('foo {{c1::bar::baz}}', 1, true)).toBe('baz');
    expect(revealClozeTextOnly('{{c1::foo}} {{c1::bar}}', 1, false)).toBe('foo, bar');
    expect(revealClozeTextOnly('{{c1,2::shared}} and {{c2::second}}', 2, false)).toBe('shared, second');
  });

  it('collapses identical typing answers', () => {
    expect(extractClozeForTyping('{{c2::foo}}', 1)).toBe('');
    expect(extractClozeForTyping('{{c1::foo}} {{c1::bar}} {{c1::foo}}', 1)).toBe('foo, bar, foo');
    expect(extractClozeForTyping('{{c1::foo}} {{c1::foo}}', 1)).toBe('foo');
  });
});

describe('expandClozesToRevealLatex', () => {
  it('renders every card front and back', () => {
    const expanded = stripHtml(expandClozesToRevealLatex('[latex]{{c1::foo}} {{c2::bar::baz}}[/latex]'));
    expect(expanded).toContain('foo [baz]');
    expect(expanded).toContain('[...] bar');
    expect(expanded).toContain('foo bar');
  });
});
