import { describe, expect, it } from 'vitest';
import { decodeEntities, stripHtml, stripHtmlPreservingEntities, stripHtmlPreservingMediaFilenames } from './html';
import { fieldChecksum, sortFieldText } from './note-text';

describe('decodeEntities', () => {
  it('decodes HTML 4 names and numeric references, NBSP becoming a space', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x27;&nbsp;&copy;&hellip;&euro;&alefsym;')).toBe(`&<>"'' ©…€ℵ`);
    expect(decodeEntities('&#0;')).toBe('\0');
  });

  it('returns the text unchanged if any reference is malformed or unknown', () => {
    for (const text of ['Tom & Jerry', 'a &amp; b & c', 'it&apos;s', '&#X41;', '&#;', '&#x;', '&#xD800;', '&#1114112;', '&amp']) {
      expect(decodeEntities(text), text).toBe(text);
    }
    expect(decodeEntities('no ampersand\u00a0here')).toBe('no ampersand\u00a0here');
    expect(decodeEntities('&amp;\u00a0')).toBe('& ');
  });
});

describe('stripHtml', () => {
  it('removes comments, style and script blocks and tags in one pass', () => {
    expect(stripHtml('<p>a</p><!-- <b> --><style>.x{}</style><script>"<b>"</script>b')).toBe('ab');
    expect(stripHtml('<b>x</b> &lt;y&gt;')).toBe('x <y>');
    expect(stripHtmlPreservingEntities('<i>a&amp;b</i>')).toBe('a&amp;b');
  });

  it('keeps media file names padded with spaces', () => {
    expect(stripHtmlPreservingMediaFilenames('a<img src="x.jpg">b')).toBe('a x.jpg b');
    expect(stripHtmlPreservingMediaFilenames("<IMG alt='1' SRC='y z.png'>")).toBe(' y z.png ');
    expect(stripHtmlPreservingMediaFilenames('<img data-src="lazy.png">')).toBe(' lazy.png ');
    expect(stripHtmlPreservingMediaFilenames('<img altsrc="n.png" src="y.png">')).toBe(' y.png ');
    expect(stripHtmlPreservingMediaFilenames('<imgx src="no.png">')).toBe('');
  });
});

describe('sort field and checksum', () => {
  it('match Anki’s stored values', () => {
    expect(fieldChecksum('hello')).toBe(2868168221);
    expect(fieldChecksum('aaa car')).toBe(3578208024);
    expect(sortFieldText('aaa aa car&nbsp;hello car')).toBe('aaa aa car hello car');
    expect(fieldChecksum('aaa aa car&nbsp;hello car')).toBe(476545801);
    expect(sortFieldText('Tom &amp; Jerry & co')).toBe('Tom &amp; Jerry & co');
    expect(fieldChecksum('Tom &amp; Jerry & co')).toBe(747975990);
  });
});
