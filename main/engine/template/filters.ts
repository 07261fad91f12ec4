/** Built-in field filters (rslib/src/template_filters.rs), as applied by Anki's Python render path. */
import { stripHtml } from '../text/html';
import { blake3Hex } from './blake3';
import { clozeFilter, clozeOnlyFilter } from './cloze';
import { furiganaFilter, kanaFilter, kanjiFilter } from './furigana';
import { rustTrim } from './rust-text';

export interface FilterContext {
  cardOrd: number;
  /** True while rendering the question side. */
  question: boolean;
}

function hintFilter(text: string, fieldName: string): string {
  if (!rustTrim(text)) return text;
  const id = blake3Hex(Buffer.from(text + fieldName, 'utf8')).slice(0, 16);
  return (
    `\n<a class=hint href="#"\nonclick="this.style.display='none';\n` +
    `document.getElementById('hint${id}').style.display='block';\nreturn false;" draggable=false>\n` +
    `${fieldName}</a>\n<div id="hint${id}" class=hint style="display: none">${text}</div>\n`
  );
}

/** One filter; undefined when the filter is unknown. */
function applyFilter(name: string, text: string, fieldName: string, ctx: FilterContext): string | undefined {
  switch (name) {
    case 'text':
      return stripHtml(text);
    case 'furigana':
      return furiganaFilter(text);
    case 'kanji':
      return kanjiFilter(text);
    case 'kana':
      return kanaFilter(text);
    case 'type':
      return `[[type:${fieldName}]]`;
    case 'type-cloze':
      return `[[type:cloze:${fieldName}]]`;
    case 'type-nc':
      return `[[type:nc:${fieldName}]]`;
    case 'hint':
      return hintFilter(text, fieldName);
    case 'cloze':
      return clozeFilter(text, ctx.cardOrd, ctx.question);
    case 'cloze-only':
      return clozeOnlyFilter(text, ctx.cardOrd, ctx.question);
    case '':
      // `{{a::Field}}` leaves an empty filter name, which does nothing.
      return text;
    default:
      return name.startsWith('tts ') ? `[anki:tts lang=${name.slice(4)}]${text}[/anki:tts]` : undefined;
  }
}

/** `type:` swallows the other filters; `type:cloze:` and `type:nc:` are variants of it. */
function effectiveFilters(filters: readonly string[]): readonly string[] {
  if (filters.length === 2 && filters[0] === 'cloze' && filters[1] === 'type') return ['type-cloze'];
  if (filters.length === 2 && filters[0] === 'nc' && filters[1] === 'type') return ['type-nc'];
  if (filters[filters.length - 1] === 'type') return ['type'];
  return filters;
}

/**
 * Applies `filters` (nearest the field first). At the first unknown filter Anki hands the
 * rest to add-on hooks, which leave the text as it is, so processing stops there.
 */
export function applyFilters(text: string, filters: readonly string[], fieldName: string, ctx: FilterContext): string {
  let current = text;
  for (const name of effectiveFilters(filters)) {
    const next = applyFilter(name, current, fieldName, ctx);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}
