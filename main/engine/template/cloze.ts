/** Cloze deletions (rslib/src/cloze.rs): parsing, numbers, and rendering for one card. */
import { stripHtmlPreservingEntities } from '../text/html';
import { renderImageOcclusion } from './image-occlusion';
import { encodeAttribute } from './rust-text';

interface Cloze {
  /** Deduplicated and sorted, as written (`c1,2` → [1, 2]); may include 0. */
  ordinals: number[];
  nodes: ClozeNode[];
  hint: string | undefined;
}

type ClozeNode = string | Cloze;

const MAX_OPEN_CLOZES = 10;
const IMAGE_OCCLUSION_PREFIX = 'image-occlusion:';

/** `{{c1,2::` at `at`: its ordinals and where its text starts. */
function openClozeAt(text: string, at: number): { ordinals: number[]; end: number } | undefined {
  if (!text.startsWith('{{c', at)) return undefined;
  let j = at + 3;
  let commas = false;
  for (let code = text.charCodeAt(j); (code >= 48 && code <= 57) || code === 44; code = text.charCodeAt(++j)) commas ||= code === 44;
  if (!text.startsWith('::', j)) return undefined;
  const written = text.slice(at + 3, j);
  // The common `{{cN::` needs no list to split, dedupe and sort.
  const ordinals = commas ? ordinalList(written) : written !== '' && Number(written) <= 0xffff ? [Number(written)] : [];
  return ordinals.length ? { ordinals, end: j + 2 } : undefined;
}

/** `3,1,,3` → [1, 3]: deduplicated and sorted, values above u16 dropped. */
function ordinalList(written: string): number[] {
  const numbers = written
    .split(',')
    .filter((s) => s !== '' && Number(s) <= 0xffff)
    .map(Number);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

type Token = { kind: 'open'; ordinals: number[] } | { kind: 'text'; text: string } | { kind: 'close' };

/** Position of the next cloze opening or `}}` at or after `from`. */
function nextMarker(text: string, from: number): number {
  const close = text.indexOf('}}', from);
  const limit = close < 0 ? text.length : close;
  for (let open = text.indexOf('{{c', from); open >= 0 && open < limit; open = text.indexOf('{{c', open + 1)) {
    if (openClozeAt(text, open)) return open;
  }
  return limit;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const open = openClozeAt(text, pos);
    if (open) {
      tokens.push({ kind: 'open', ordinals: open.ordinals });
      pos = open.end;
    } else if (text.startsWith('}}', pos)) {
      tokens.push({ kind: 'close' });
      pos += 2;
    } else {
      const end = nextMarker(text, pos + 1);
      tokens.push({ kind: 'text', text: text.slice(pos, end) });
      pos = end;
    }
  }
  return tokens;
}

/**
 * The last text parsed and its tree: a card's question and answer (and the emptiness check)
 * parse the same field in a row. Trees are never mutated, so sharing one is safe.
 */
let lastParsed: { text: string; nodes: ClozeNode[] } | undefined;

function parseClozes(text: string): ClozeNode[] {
  if (lastParsed?.text !== text) lastParsed = { text, nodes: parseClozesUncached(text) };
  return lastParsed.nodes;
}

/** Parses text into plain runs and (nested) clozes. Clozes left open at the end are dropped. */
function parseClozesUncached(text: string): ClozeNode[] {
  const open: Cloze[] = [];
  const output: ClozeNode[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'open') {
      if (open.length < MAX_OPEN_CLOZES) open.push({ ordinals: token.ordinals, nodes: [], hint: undefined });
    } else if (token.kind === 'text') {
      const current = open[open.length - 1];
      if (!current) {
        output.push(token.text);
        continue;
      }
      let piece = token.text;
      const split = piece.indexOf('::');
      if (!piece.startsWith(IMAGE_OCCLUSION_PREFIX) && split >= 0) {
        current.hint = piece.slice(split + 2);
        piece = piece.slice(0, split);
      }
      current.nodes.push(piece);
    } else {
      const closed = open.pop();
      if (!closed) output.push('}}');
      else (open[open.length - 1]?.nodes ?? output).push(closed);
    }
  }
  return output;
}

function clozedText(cloze: Cloze): string {
  return cloze.nodes.map((n) => (typeof n === 'string' ? n : clozedText(n))).join('');
}

function imageOcclusionText(cloze: Cloze): string | undefined {
  const first = cloze.nodes[0];
  return typeof first === 'string' && first.startsWith(IMAGE_OCCLUSION_PREFIX)
    ? first.slice(IMAGE_OCCLUSION_PREFIX.length)
    : undefined;
}

interface RevealState {
  ord: number;
  question: boolean;
  activeFound: boolean;
}

function revealNodes(nodes: readonly ClozeNode[], state: RevealState): string {
  return nodes.map((n) => (typeof n === 'string' ? n : revealCloze(n, state))).join('');
}

function revealCloze(cloze: Cloze, state: RevealState): string {
  const active = cloze.ordinals.includes(state.ord);
  state.activeFound ||= active;
  const occlusion = imageOcclusionText(cloze);
  if (occlusion !== undefined) return renderImageOcclusion(occlusion, state.question, active, cloze.ordinals);
  const ords = cloze.ordinals.join(',');
  const inner = revealNodes(cloze.nodes, state);
  if (state.question && active) {
    return `<span class="cloze" data-cloze="${encodeAttribute(inner)}" data-ordinal="${ords}">[${cloze.hint ?? '...'}]</span>`;
  }
  const cls = active ? 'cloze' : 'cloze-inactive';
  return `<span class="${cls}" data-ordinal="${ords}">${inner}</span>`;
}

/** The `cloze:` rendering of `text` for cloze number `ord`; empty if `ord` does not occur in it. */
export function revealClozeText(text: string, ord: number, question: boolean): string {
  const state: RevealState = { ord, question, activeFound: false };
  const out = revealNodes(parseClozes(text), state);
  return state.activeFound ? out : '';
}

function collectActive(node: ClozeNode, ord: number, question: boolean, out: string[]): void {
  if (typeof node === 'string') return;
  if (node.ordinals.includes(ord)) out.push(question ? (node.hint ?? '...') : clozedText(node));
  for (const child of node.nodes) collectActive(child, ord, question, out);
}

function activeTexts(text: string, ord: number, question: boolean): string[] {
  const out: string[] = [];
  for (const node of parseClozes(text)) collectActive(node, ord, question, out);
  return out;
}

/** The `cloze-only:` filter: hints (front) or texts (back) of the active deletions. */
export function revealClozeTextOnly(text: string, ord: number, question: boolean): string {
  return activeTexts(text, ord, question).join(', ');
}

/** The expected answer of `{{type:cloze:…}}`: identical texts collapse into one. */
export function extractClozeForTyping(text: string, ord: number): string {
  const texts = activeTexts(text, ord, false);
  return texts.length && texts.every((t) => t === texts[0]) ? (texts[0] ?? '') : texts.join(', ');
}

function addNumbers(nodes: readonly ClozeNode[], into: Set<number>): void {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    for (const ord of node.ordinals) if (ord !== 0) into.add(ord);
    addNumbers(node.nodes, into);
  }
}

/** Cloze numbers (≥ 1) written in the text. */
export function clozeNumbersInString(text: string): Set<number> {
  const numbers = new Set<number>();
  addNumbers(parseClozes(text), numbers);
  return numbers;
}

export function clozeNumbersInFields(fields: Iterable<string>): Set<number> {
  const numbers = new Set<number>();
  // Most fields hold no cloze at all; skip parsing them.
  for (const field of fields) if (field.includes('{{c')) scanClozeNumbers(field, numbers);
  return numbers;
}

/**
 * The numbers parseClozes + addNumbers would find, without building the tree:
 * the same open/close matching (and the same cap on open clozes), only counting.
 */
function scanClozeNumbers(text: string, into: Set<number>): void {
  const open: number[][] = [];
  let pos = 0;
  while (pos < text.length) {
    const opening = text.startsWith('{{c', pos) ? openClozeAt(text, pos) : undefined;
    if (opening) {
      if (open.length < MAX_OPEN_CLOZES) open.push(opening.ordinals);
      pos = opening.end;
    } else if (text.startsWith('}}', pos)) {
      const closed = open.pop();
      if (closed) for (const ord of closed) if (ord !== 0) into.add(ord);
      pos += 2;
    } else {
      pos = nextMarker(text, pos + 1);
    }
  }
}

const MATHJAX = /(\\[([])(.*?)(\\[\])])/gisu;

/** Tags inside MathJax `\(…\)` / `\[…\]` are removed so clozes can be used in formulas. */
export function stripHtmlInsideMathjax(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(MATHJAX, (_m, open: string, inner: string, close: string) => open + stripHtmlPreservingEntities(inner) + close);
}

/** The `cloze:` filter for card ord `cardOrd`. */
export function clozeFilter(text: string, cardOrd: number, question: boolean): string {
  return stripHtmlInsideMathjax(revealClozeText(text, cardOrd + 1, question));
}

export function clozeOnlyFilter(text: string, cardOrd: number, question: boolean): string {
  return revealClozeTextOnly(text, cardOrd + 1, question);
}

/** Every cloze's front and back, so LaTeX inside clozes can be found (Anki's media check). */
export function expandClozesToRevealLatex(text: string): string {
  let out = '';
  for (const ord of clozeNumbersInString(text)) out += revealClozeText(text, ord, true) + revealClozeText(text, ord, false);
  return out;
}
