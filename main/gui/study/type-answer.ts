/**
 * Type-in-the-answer, as Anki's reviewer does it (rslib/src/typeanswer.rs): the
 * question shows an input box for `[[type:Field]]`; the answer shows the typed text
 * compared character by character with the expected one.
 */
import { escapeHtml, stripHtml } from '../../engine/text/html';

const TYPE_MARKER = /\[\[type:(.+?)\]\]/;

export interface TypeAnswerSpec {
  /** The field name as written (`Front`, `cloze:Text`, `nc:Front`). */
  marker: string;
  field: string;
  cloze: boolean;
  /** Compare ignoring combining characters (`nc:`). */
  ignoreCombining: boolean;
}

/** The first `[[type:…]]` marker in a side's HTML, if any. */
export function findTypeMarker(html: string): TypeAnswerSpec | null {
  const match = TYPE_MARKER.exec(html);
  if (!match) return null;
  const marker = match[1]!;
  if (marker.startsWith('cloze:')) return { marker, field: marker.slice(6), cloze: true, ignoreCombining: false };
  if (marker.startsWith('nc:')) return { marker, field: marker.slice(3), cloze: false, ignoreCombining: true };
  return { marker, field: marker, cloze: false, ignoreCombining: false };
}

/** Replaces every `[[type:…]]` marker with `replacement` (Anki shows only the first box). */
export function replaceTypeMarkers(html: string, replacement: string): string {
  let first = true;
  return html.replace(new RegExp(TYPE_MARKER.source, 'g'), () => {
    const out = first ? replacement : '';
    first = false;
    return out;
  });
}

function stripCombining(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** The expected text: HTML stripped, entities decoded, whitespace collapsed, NFC. */
export function expectedAnswerText(fieldHtml: string, ignoreCombining = false): string {
  const text = stripHtml(fieldHtml.replace(/<br\s*\/?>|<div>/gi, ' ')).replace(/\s+/g, ' ').trim().normalize('NFC');
  return ignoreCombining ? stripCombining(text) : text;
}

type Op = { kind: 'equal' | 'typedOnly' | 'expectedOnly'; text: string };

/** Longest-common-subsequence diff over code points; long inputs fall back to a plain mismatch. */
function diff(typed: string[], expected: string[]): Op[] {
  const n = typed.length;
  const m = expected.length;
  if (n * m > 4_000_000) return [{ kind: 'typedOnly', text: typed.join('') }, { kind: 'expectedOnly', text: expected.join('') }];
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = typed[i] === expected[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  const push = (kind: Op['kind'], ch: string) => {
    const last = ops[ops.length - 1];
    if (last?.kind === kind) last.text += ch;
    else ops.push({ kind, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && typed[i] === expected[j]) {
      push('equal', typed[i]!);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push('expectedOnly', expected[j++]!);
    else push('typedOnly', typed[i++]!);
  }
  return ops;
}

const span = (cls: string, text: string) => `<span class=${cls}>${escapeHtml(text)}</span>`;

/** One line of the comparison: adjacent runs of the same class merge into one span. */
function line(parts: { cls: string; text: string }[]): string {
  const merged: { cls: string; text: string }[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last?.cls === part.cls) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged.map((p) => span(p.cls, p.text)).join('');
}

/**
 * The comparison Anki shows: nothing typed → the expected text; a match → the typed text
 * in green; otherwise the typed line (good/bad), an arrow, and the expected line (good/missed).
 */
export function compareAnswer(expected: string, typed: string, ignoreCombining = false): string {
  const provided = (ignoreCombining ? stripCombining(typed.normalize('NFC')) : typed.normalize('NFC')).trim();
  if (!provided) return `<code id=typeans>${escapeHtml(expected)}</code>`;
  if (provided === expected) return `<code id=typeans>${span('typeGood', provided)}</code>`;
  const ops = diff([...provided], [...expected]);
  const typedLine = line(
    ops.filter((op) => op.kind !== 'expectedOnly').map((op) => ({ cls: op.kind === 'equal' ? 'typeGood' : 'typeBad', text: op.text })),
  );
  const expectedLine = line(
    ops.filter((op) => op.kind !== 'typedOnly').map((op) => ({ cls: op.kind === 'equal' ? 'typeGood' : 'typeMissed', text: op.text })),
  );
  return `<code id=typeans>${typedLine}<br><span id=typearrow>&darr;</span><br>${expectedLine}</code>`;
}

/** Styles of the comparison, as Anki's reviewer CSS has them. */
export const TYPE_ANSWER_CSS =
  '#typeans{font-family:monospace;}.typeGood{background:#afa;color:black;}.typeBad{background:#faa;color:black;}' +
  '.typeMissed{background:#ccc;color:black;}.nightMode .typeGood{background:#2e7d32;color:white;}' +
  '.nightMode .typeBad{background:#b71c1c;color:white;}.nightMode .typeMissed{background:#555;color:white;}';
