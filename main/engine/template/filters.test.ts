import { describe, expect, it } from 'vitest';
import { applyFilters } from './filters';

const front = { cardOrd: 0, question: true };
const back = { cardOrd: 0, question: false };

describe('applyFilters', () => {
  it('applies text:, and stops at the first unknown filter', () => {
    expect(applyFilters('<b>a&amp;b</b>', ['text'], 'F', front)).toBe('a&b');
    expect(applyFilters('<b>a&amp;b</b>', ['unknown', 'text'], 'F', front)).toBe('<b>a&amp;b</b>');
    expect(applyFilters('<b>a&amp;b</b>', ['text', 'unknown'], 'F', front)).toBe('a&b');
    expect(applyFilters('<b>x</b>', ['', ''], 'F', front)).toBe('<b>x</b>');
  });

  it('turns type: into a marker and ignores filters combined with it', () => {
    expect(applyFilters('ignored', ['type'], 'Back', front)).toBe('[[type:Back]]');
    expect(applyFilters('ignored', ['cloze', 'type'], 'Text', front)).toBe('[[type:cloze:Text]]');
    expect(applyFilters('ignored', ['nc', 'type'], 'Text', front)).toBe('[[type:nc:Text]]');
    expect(applyFilters('ignored', ['some', 'unknown', 'type'], 'Text', front)).toBe('[[type:Text]]');
    expect(applyFilters('<i>x</i>', ['type', 'text'], 'Back', front)).toBe('[[type:Back]]');
  });

  it('builds hint links with a BLAKE3-derived id', () => {
    expect(applyFilters('foo', ['hint'], 'field', front)).toBe(
      '\n<a class=hint href="#"\nonclick="this.style.display=\'none\';\n' +
        "document.getElementById('hint83fe48607f0f3a66').style.display='block';\nreturn false;\" draggable=false>\n" +
        'field</a>\n<div id="hint83fe48607f0f3a66" class=hint style="display: none">foo</div>\n',
    );
    expect(applyFilters('  ', ['hint'], 'field', front)).toBe('  ');
  });

  it('wraps text in TTS tags', () => {
    expect(applyFilters('foo', ['tts en_US voices=Bob,Jane'], 'F', front)).toBe(
      '[anki:tts lang=en_US voices=Bob,Jane]foo[/anki:tts]',
    );
    expect(applyFilters('foo', ['tts'], 'F', front)).toBe('foo');
  });

  it('renders cloze and cloze-only per side', () => {
    const text = '{{c1::one}} {{c2::two::hint}}';
    expect(applyFilters(text, ['cloze', 'text'], 'Text', { cardOrd: 1, question: true })).toBe('one [hint]');
    expect(applyFilters(text, ['cloze-only'], 'Text', front)).toBe('...');
    expect(applyFilters(text, ['cloze-only'], 'Text', back)).toBe('one');
    expect(applyFilters(text, ['cloze'], 'Text', { cardOrd: 2, question: true })).toBe('');
  });
});
