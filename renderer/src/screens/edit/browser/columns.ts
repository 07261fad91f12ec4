import type { BrowserColumn, BrowserMode } from '../../../../../shared/bridge/edit';

const LABELS: Record<BrowserColumn, string> = {
  noteFld: 'Sort Field',
  question: 'Question',
  answer: 'Answer',
  template: 'Card',
  cardDue: 'Due',
  cardIvl: 'Interval',
  cardEase: 'Ease',
  cardReps: 'Reviews',
  cardLapses: 'Lapses',
  noteCrt: 'Created',
  noteMod: 'Modified',
  cardMod: 'Card Modified',
  deck: 'Deck',
  note: 'Note Type',
  noteTags: 'Tags',
};

const NOTE_MODE_LABELS: Partial<Record<BrowserColumn, string>> = {
  template: 'Cards',
  cardIvl: 'Avg. Interval',
  cardEase: 'Avg. Ease',
};

export function columnLabel(column: BrowserColumn, mode: BrowserMode): string {
  return (mode === 'notes' ? NOTE_MODE_LABELS[column] : undefined) ?? LABELS[column];
}

/** Grid track per column: text columns stretch, numbers stay narrow. */
const TRACKS: Record<BrowserColumn, string> = {
  noteFld: 'minmax(12rem, 3fr)',
  question: 'minmax(12rem, 3fr)',
  answer: 'minmax(12rem, 3fr)',
  template: 'minmax(6rem, 1fr)',
  cardDue: 'minmax(6.5rem, 1fr)',
  cardIvl: 'minmax(5.5rem, 0.8fr)',
  cardEase: 'minmax(4rem, 0.6fr)',
  cardReps: 'minmax(4rem, 0.6fr)',
  cardLapses: 'minmax(4rem, 0.6fr)',
  noteCrt: 'minmax(6.5rem, 1fr)',
  noteMod: 'minmax(6.5rem, 1fr)',
  cardMod: 'minmax(6.5rem, 1fr)',
  deck: 'minmax(8rem, 1.5fr)',
  note: 'minmax(7rem, 1.2fr)',
  noteTags: 'minmax(8rem, 1.5fr)',
};

export function gridTemplate(columns: readonly BrowserColumn[]): string {
  return columns.map((c) => TRACKS[c]).join(' ');
}

export const FLAG_NAMES = ['', 'Red', 'Orange', 'Green', 'Blue', 'Pink', 'Turquoise', 'Purple'];

/** Anki's default browser search. */
export const DEFAULT_QUERY = 'deck:current';
