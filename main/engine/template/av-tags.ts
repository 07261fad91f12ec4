/**
 * `[sound:…]` and `[anki:tts …]…[/anki:tts]` tags (rslib/src/card_rendering/{parser,writer}.rs):
 * Anki replaces them with `[anki:play:q|a:N]` markers in a card's question and answer.
 */
import { decodeEntities, stripHtml } from '../text/html';
import { TTS_BLANK, ttsMissingLangText } from './messages';

export type AvTag =
  | { kind: 'sound'; filename: string }
  | { kind: 'tts'; fieldText: string; lang: string; voices: string[]; speed: number; otherArgs: string[] };

type Option = [key: string, value: string];

type CardNode =
  | { kind: 'text'; text: string }
  | { kind: 'sound'; resource: string }
  | { kind: 'directive'; name: string; options: Option[]; content: string };

const WHITESPACE = ' \t\r\n';

/** Length of the run of characters at `from` that are not in `stops`. */
function runLength(text: string, from: number, stops: string): number {
  let i = from;
  while (i < text.length && !stops.includes(text[i] ?? '')) i++;
  return i - from;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && WHITESPACE.includes(text[i] ?? '\0')) i++;
  return i;
}

/** `key=value` options up to the closing `]`; values may be "quoted". */
function parseOptions(text: string, from: number): { options: Option[]; end: number } {
  const options: Option[] = [];
  let pos = from;
  for (;;) {
    const keyLen = runLength(text, pos, '] \t\r\n=');
    if (keyLen === 0 || text[pos + keyLen] !== '=') break;
    const key = text.slice(pos, pos + keyLen);
    let valueStart = pos + keyLen + 1;
    let value: string;
    const closingQuote = text[valueStart] === '"' ? text.indexOf('"', valueStart + 1) : -1;
    if (closingQuote >= 0) {
      value = text.slice(valueStart + 1, closingQuote);
      valueStart = closingQuote + 1;
    } else {
      const len = runLength(text, valueStart, '] \t\r\n"');
      value = text.slice(valueStart, valueStart + len);
      valueStart += len;
    }
    options.push([key, value]);
    pos = skipWhitespace(text, valueStart);
  }
  return { options, end: pos };
}

/** `[anki:name options]content[/anki:name]` at `pos`. */
function directiveAt(text: string, pos: number): { node: CardNode; end: number } | undefined {
  if (!text.startsWith('[anki:', pos)) return undefined;
  const nameStart = pos + 6;
  const nameLen = runLength(text, nameStart, '] \t\r\n');
  if (nameLen === 0) return undefined;
  const name = text.slice(nameStart, nameStart + nameLen);
  const { options, end } = parseOptions(text, skipWhitespace(text, nameStart + nameLen));
  if (text[end] !== ']') return undefined;
  const closing = `[/anki:${name}]`;
  const closeAt = text.indexOf(closing, end + 1);
  if (closeAt < 0) return undefined;
  return { node: { kind: 'directive', name, options, content: text.slice(end + 1, closeAt) }, end: closeAt + closing.length };
}

function parseCardNodes(text: string): CardNode[] {
  const nodes: CardNode[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text.startsWith('[sound:', pos)) {
      const close = text.indexOf(']', pos + 7);
      if (close > pos + 7) {
        nodes.push({ kind: 'sound', resource: text.slice(pos + 7, close) });
        pos = close + 1;
        continue;
      }
    }
    const directive = directiveAt(text, pos);
    if (directive) {
      nodes.push(directive.node);
      pos = directive.end;
      continue;
    }
    const next = text.indexOf('[', pos + 1);
    const end = next < 0 ? text.length : next;
    nodes.push({ kind: 'text', text: text.slice(pos, end) });
    pos = end;
  }
  return nodes;
}

/** Python's os.path.basename, which Anki applies to sound file names. */
function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function writeOption([key, value]: Option): string {
  return /[\] \t\r\n]/.test(value) ? ` ${key}="${value}"` : ` ${key}=${value}`;
}

/** Later duplicates win, as when Anki collects options into a map. */
function dedupeOptions(options: readonly Option[]): Option[] {
  return [...new Map(options).entries()];
}

function writeOtherDirective(node: Extract<CardNode, { kind: 'directive' }>): string {
  return `[anki:${node.name}${dedupeOptions(node.options).map(writeOption).join('')}]${node.content}[/anki:${node.name}]`;
}

const LINEBREAK_TAGS =
  /<\/?(?:br|address|article|aside|blockquote|canvas|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|noscript|ol|output|p|pre|section|table|tfoot|ul|video)>/gi;

const RUST_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:inf|infinity|nan)$/i;

function ttsTag(options: readonly Option[], content: string): AvTag | undefined {
  const map = new Map(options);
  const lang = map.get('lang') ?? '';
  if (!lang) return undefined;
  const speedText = map.get('speed');
  const speed = speedText !== undefined && RUST_FLOAT.test(speedText) ? Number(speedText.replace(/inf(inity)?/i, 'Infinity')) : 1;
  const blank = map.get('cloze_blank');
  const special = new Set(['lang', 'voices', 'speed', 'cloze_blank']);
  return {
    kind: 'tts',
    fieldText: stripHtml(content.replace(LINEBREAK_TAGS, ' ')).split('[...]').join(blank ?? TTS_BLANK),
    lang,
    voices: map.has('voices') ? (map.get('voices') ?? '').split(',') : [],
    speed,
    otherArgs: [...map].filter(([k]) => !special.has(k)).map(([k, v]) => `${k}=${v}`),
  };
}

/**
 * Replaces sound and TTS tags with `[anki:play:q:N]` (question) or `[anki:play:a:N]`
 * markers and returns the tags in order. Text without tags comes back unchanged.
 */
export function extractAvTags(text: string, questionSide: boolean): { text: string; tags: AvTag[] } {
  // Most sides hold no tag at all, and then the text comes back unchanged.
  if (!text.includes('[sound:') && !text.includes('[anki:')) return { text, tags: [] };
  const side = questionSide ? 'q' : 'a';
  const tags: AvTag[] = [];
  let out = '';
  for (const node of parseCardNodes(text)) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'sound') {
      out += `[anki:play:${side}:${tags.length}]`;
      tags.push({ kind: 'sound', filename: basename(decodeEntities(node.resource)) });
    } else if (node.name !== 'tts') out += writeOtherDirective(node);
    else {
      const tag = ttsTag(node.options, node.content);
      if (!tag) out += ttsMissingLangText();
      else {
        out += `[anki:play:${side}:${tags.length}]`;
        tags.push(tag);
      }
    }
  }
  return { text: out, tags };
}

/** Removes sound and TTS tags (Anki's strip_av_tags). */
export function stripAvTags(text: string): string {
  return parseCardNodes(text)
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'sound' || node.name === 'tts') return '';
      return writeOtherDirective(node);
    })
    .join('');
}
