import type { Collection } from '../../../engine/collection';
import { selectByIds } from '../../../engine/cards/query';
import { deckById } from '../../../engine/decks/store';
import { notetypeById } from '../../../engine/notetypes/store';
import { renderCardSides } from '../../../engine/template';
import { splitFields, splitTags } from '../../../engine/text';
import { NotetypeKind, type Notetype } from '../../../engine/model/types';
import type { BrowserColumn, BrowserRow } from '../../../../shared/bridge/edit';
import { dateString, dueSeconds, dueText, easeText, intervalText, textLine, timeSpan, type CardTiming } from './format';

interface CardData {
  id: number;
  nid: number;
  did: number;
  odid: number;
  ord: number;
  cmod: number;
  type: number;
  queue: number;
  due: number;
  odue: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  flags: number;
  mid: number;
  nmod: number;
  tags: string;
  sfld: string | number;
  flds: string;
}

const CARD_SQL = `SELECT c.id, c.nid, c.did, c.odid, c.ord, c.mod AS cmod, c.type, c.queue, c.due, c.odue, c.ivl,
  c.factor, c.reps, c.lapses, c.flags, n.mid, n.mod AS nmod, n.tags, n.sfld, n.flds
  FROM cards c JOIN notes n ON n.id = c.nid WHERE`;

function deckName(col: Collection, id: number): string {
  return deckById(col, id)?.name ?? '';
}

function templateName(notetype: Notetype | undefined, ord: number): string {
  if (!notetype) return '';
  if (notetype.type === NotetypeKind.Cloze) return `${notetype.tmpls[0]?.name ?? 'Cloze'} ${ord + 1}`;
  return notetype.tmpls[ord]?.name ?? '';
}

/** Question and answer as single lines; the answer loses the question it repeats. */
function renderedSides(col: Collection, card: CardData, notetype: Notetype | undefined): { question: string; answer: string } {
  if (!notetype) return { question: '', answer: '' };
  try {
    const sides = renderCardSides({
      notetype,
      fields: splitFields(card.flds),
      cardOrd: card.ord,
      tags: splitTags(card.tags),
      deckName: deckName(col, card.odid || card.did),
      cardFlag: card.flags & 7,
      cardId: card.id,
      browser: true,
    });
    const marker = sides.answerText.search(/<hr id=["']?answer["']?\s*\/?>/i);
    const answerHtml = marker >= 0 ? sides.answerText.slice(marker) : sides.answerText;
    const question = textLine(sides.questionText);
    let answer = textLine(answerHtml);
    if (marker < 0 && answer.startsWith(question)) answer = answer.slice(question.length).trim();
    return { question, answer };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { question: message, answer: message };
  }
}

function cardCells(col: Collection, card: CardData, columns: readonly BrowserColumn[], timing: CardTiming): BrowserRow['cells'] {
  const notetype = notetypeById(col, card.mid);
  const cells: BrowserRow['cells'] = {};
  const sides = columns.includes('question') || columns.includes('answer') ? renderedSides(col, card, notetype) : null;
  for (const column of columns) {
    cells[column] = cardCell(col, column, card, notetype, timing, sides);
  }
  return cells;
}

function cardCell(
  col: Collection,
  column: BrowserColumn,
  card: CardData,
  notetype: Notetype | undefined,
  timing: CardTiming,
  sides: { question: string; answer: string } | null,
): string {
  switch (column) {
    case 'noteFld':
      return textLine(String(card.sfld));
    case 'question':
      return sides?.question ?? '';
    case 'answer':
      return sides?.answer ?? '';
    case 'template':
      return templateName(notetype, card.ord);
    case 'cardDue':
      return dueText(card, timing);
    case 'cardIvl':
      return intervalText(card.type, card.ivl);
    case 'cardEase':
      return easeText(card.type, card.factor);
    case 'cardReps':
      return String(card.reps);
    case 'cardLapses':
      return String(card.lapses);
    case 'noteCrt':
      return dateString(Math.floor(card.nid / 1000));
    case 'noteMod':
      return dateString(card.nmod);
    case 'cardMod':
      return dateString(card.cmod);
    case 'deck':
      return card.odid ? `${deckName(col, card.did)} (${deckName(col, card.odid)})` : deckName(col, card.did);
    case 'note':
      return notetype?.name ?? '';
    case 'noteTags':
      return splitTags(card.tags).join(' ');
  }
}

/** A row whose card or note was deleted since the search ran (rows keep their positions). */
function deletedRow(id: number): BrowserRow {
  return { id, noteId: 0, cells: {}, flag: 0, suspended: false, buried: false, marked: false, deleted: true };
}

const hasTag = (tags: string, tag: string) => splitTags(tags).some((t) => t.toLowerCase() === tag);

/** Rows for card ids, in the order given; ids that no longer exist get a deleted row. */
export function cardRows(col: Collection, ids: readonly number[], columns: readonly BrowserColumn[]): BrowserRow[] {
  const timing = timingOf(col);
  const byId = new Map(selectByIds<CardData>(col, `${CARD_SQL} c.id IN`, ids).map((c) => [c.id, c]));
  const rows: BrowserRow[] = [];
  for (const id of ids) {
    const card = byId.get(id);
    if (!card) {
      rows.push(deletedRow(id));
      continue;
    }
    rows.push({
      id,
      noteId: card.nid,
      cells: cardCells(col, card, columns, timing),
      flag: card.flags & 7,
      suspended: card.queue === -1,
      buried: card.queue === -2 || card.queue === -3,
      marked: hasTag(card.tags, 'marked'),
    });
  }
  return rows;
}

function timingOf(col: Collection): CardTiming {
  const t = col.timing();
  return { daysElapsed: t.daysElapsed, now: Math.floor(col.nowMs() / 1000) };
}

/** Notes mode: one row per note; card columns summarise its cards (Anki's note rows). */
export function noteRows(col: Collection, ids: readonly number[], columns: readonly BrowserColumn[]): BrowserRow[] {
  const timing = timingOf(col);
  const cards = selectByIds<CardData>(col, `${CARD_SQL} c.nid IN`, ids);
  const byNote = new Map<number, CardData[]>();
  for (const card of cards) {
    const list = byNote.get(card.nid) ?? [];
    list.push(card);
    byNote.set(card.nid, list);
  }
  const rows: BrowserRow[] = [];
  for (const id of ids) {
    const list = (byNote.get(id) ?? []).sort((a, b) => a.ord - b.ord);
    const first = list[0];
    if (!first) {
      rows.push(deletedRow(id));
      continue;
    }
    const notetype = notetypeById(col, first.mid);
    const cells: BrowserRow['cells'] = {};
    const sides = columns.includes('question') || columns.includes('answer') ? renderedSides(col, first, notetype) : null;
    for (const column of columns) cells[column] = noteCell(col, column, list, notetype, timing, sides);
    rows.push({
      id,
      noteId: id,
      cells,
      flag: 0,
      suspended: list.every((c) => c.queue === -1),
      buried: false,
      marked: hasTag(first.tags, 'marked'),
    });
  }
  return rows;
}

function average(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function noteCell(
  col: Collection,
  column: BrowserColumn,
  cards: CardData[],
  notetype: Notetype | undefined,
  timing: CardTiming,
  sides: { question: string; answer: string } | null,
): string {
  const first = cards[0]!;
  const studied = cards.filter((c) => c.type !== 0);
  switch (column) {
    case 'template':
      return String(cards.length);
    case 'cardDue': {
      const due = studied.map((c) => dueSeconds(c, timing)).filter((s): s is number => s !== null);
      return due.length ? dateString(Math.min(...due)) : '';
    }
    case 'cardIvl': {
      const ivl = average(studied.filter((c) => c.type === 2 || c.type === 3).map((c) => c.ivl));
      return ivl === null ? '' : timeSpan(ivl * 86_400);
    }
    case 'cardEase': {
      const ease = average(studied.map((c) => c.factor));
      return ease === null ? '(new)' : `${Math.round(ease / 10)}%`;
    }
    case 'cardReps':
      return String(cards.reduce((sum, c) => sum + c.reps, 0));
    case 'cardLapses':
      return String(cards.reduce((sum, c) => sum + c.lapses, 0));
    case 'cardMod':
      return dateString(Math.max(...cards.map((c) => c.cmod)));
    case 'deck': {
      const decks = new Set(cards.map((c) => c.odid || c.did));
      return decks.size === 1 ? deckName(col, first.odid || first.did) : '(multiple)';
    }
    default:
      return cardCell(col, column, first, notetype, timing, sides);
  }
}
