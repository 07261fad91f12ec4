/**
 * How the browser shows card and note values (Anki's browser_table.rs): dates as
 * YYYY-MM-DD, intervals as time spans, new/learning states in parentheses.
 */
import { stripHtml } from '../../../engine/text';

export function dateString(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function plural(amount: number, unit: string): string {
  const text = Number.isInteger(amount) ? String(amount) : amount.toFixed(1);
  return `${text} ${unit}${amount === 1 ? '' : 's'}`;
}

/** Anki's natural time span: seconds up to years, one decimal for months and years. */
export function timeSpan(seconds: number): string {
  const abs = Math.abs(seconds);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  if (abs < 60) return plural(Math.round(seconds), 'second');
  if (abs < 3600) return plural(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return plural(round1(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return plural(Math.round(seconds / 86_400), 'day');
  if (abs < 365 * 86_400) return plural(round1(seconds / (30 * 86_400)), 'month');
  return plural(round1(seconds / (365 * 86_400)), 'year');
}

export interface CardTiming {
  daysElapsed: number;
  /** Now, epoch seconds. */
  now: number;
}

export interface CardDueInput {
  type: number;
  queue: number;
  due: number;
  odid: number;
}

/** The Due cell: "New #n", a date, or "(filtered)"; suspended and buried cards in parentheses. */
export function dueText(card: CardDueInput, timing: CardTiming): string {
  let text: string;
  if (card.odid !== 0) text = '(filtered)';
  else if (card.type === 0 || card.queue === 0) text = `New #${card.due}`;
  else {
    const secs = dueSeconds(card, timing);
    if (secs === null) return '';
    text = dateString(secs);
  }
  // Suspended and buried queues are negative.
  return card.queue < 0 ? `(${text})` : text;
}

/** When a studied card is due, epoch seconds; learning cards hold a timestamp, others a day number. */
export function dueSeconds(card: CardDueInput, timing: CardTiming): number | null {
  if (card.queue === 1 || (card.due > 1_000_000_000 && card.type !== 2)) return card.due;
  if (card.type === 2 || card.type === 3 || card.queue === 2 || card.queue === 3) {
    return timing.now + (card.due - timing.daysElapsed) * 86_400;
  }
  return null;
}

export function intervalText(type: number, ivlDays: number): string {
  if (type === 0) return '(new)';
  if (type === 1) return '(learning)';
  return timeSpan(ivlDays * 86_400);
}

export function easeText(type: number, factor: number): string {
  return type === 0 ? '(new)' : `${Math.round(factor / 10)}%`;
}

/** One line of text from rendered HTML (Anki's html_to_text_line), cut to a table cell's worth. */
export function textLine(html: string, max = 300): string {
  const spaced = html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<(br|div|p|li|tr|hr)\b[^>]*>/gi, ' ')
    .replace(/\[sound:([^\]]*)\]/g, ' $1 ');
  const text = stripHtml(spaced).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
