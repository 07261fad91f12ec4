/** Ruby filters `furigana:`, `kana:` and `kanji:` (rslib/src/template_filters.rs). */

/** An optional space, a base without spaces or `>`, then `[reading]` (Rust's `.` stops only at \n). */
const FURIGANA = / ?([^ >]+?)\[([^\n]+?)\]/gu;

function replaceReadings(text: string, render: (base: string, reading: string) => string): string {
  return text.replace(/&nbsp;/g, ' ').replace(FURIGANA, (whole: string, base: string, reading: string) =>
    // `[sound:…]` looks like a reading but is left alone.
    reading.startsWith('sound:') ? whole : render(base, reading),
  );
}

export function furiganaFilter(text: string): string {
  return replaceReadings(text, (base, reading) => `<ruby><rb>${base}</rb><rt>${reading}</rt></ruby>`);
}

export function kanaFilter(text: string): string {
  return replaceReadings(text, (_base, reading) => reading);
}

export function kanjiFilter(text: string): string {
  return replaceReadings(text, (base) => base);
}
