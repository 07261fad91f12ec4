import { describe, expect, it } from 'vitest';
import { extractAvTags, stripAvTags } from './av-tags';

describe('extractAvTags', () => {
  it('numbers sound and TTS tags per side', () => {
    const { text, tags } = extractAvTags('foo [sound:bar.mp3] baz [anki:tts lang=en_US][...][/anki:tts]', true);
    expect(text).toBe('foo [anki:play:q:0] baz [anki:play:q:1]');
    expect(tags).toEqual([
      { kind: 'sound', filename: 'bar.mp3' },
      { kind: 'tts', fieldText: 'blank', lang: 'en_US', voices: [], speed: 1, otherArgs: [] },
    ]);
    expect(extractAvTags('[sound:a.mp3]', false).text).toBe('[anki:play:a:0]');
  });

  it('parses TTS options, strips HTML from the spoken text and decodes sound names', () => {
    const { tags } = extractAvTags(
      '[anki:tts lang=ja_JP voices=A,B speed=0.5 cloze_blank=… x=y]a<br>b[...][/anki:tts][sound:dir/x &amp; y.mp3]',
      true,
    );
    expect(tags).toEqual([
      { kind: 'tts', fieldText: 'a b…', lang: 'ja_JP', voices: ['A', 'B'], speed: 0.5, otherArgs: ['x=y'] },
      { kind: 'sound', filename: 'x & y.mp3' },
    ]);
  });

  it('reports a TTS tag without a language and leaves broken tags as text', () => {
    expect(extractAvTags('[anki:tts]foo[/anki:tts]', true).text).toBe(
      "[Error in directive '\u2068anki:tts\u2069': \u2068'\u2068lang\u2069' not set\u2069]",
    );
    for (const text of ['[sound:]', '[anki:][/anki:]', '[anki:foo][/anki:bar]', '[anki:tts lang=x]open']) {
      expect(extractAvTags(text, true)).toEqual({ text, tags: [] });
    }
  });

  it('rewrites other directives in normal form', () => {
    expect(extractAvTags('[anki:foo\na=b ][/anki:foo]', true).text).toBe('[anki:foo a=b][/anki:foo]');
    expect(extractAvTags('[anki:foo a="b c"]x[/anki:foo]', true).text).toBe('[anki:foo a="b c"]x[/anki:foo]');
  });
});

describe('stripAvTags', () => {
  it('removes sound and TTS tags only', () => {
    expect(stripAvTags('foo [sound:bar] baz')).toBe('foo  baz');
    expect(stripAvTags('[anki:tts bar=baz]spam[/anki:tts]')).toBe('');
    expect(stripAvTags('[anki:foo bar=baz]spam[/anki:foo]')).toBe('[anki:foo bar=baz]spam[/anki:foo]');
  });
});
