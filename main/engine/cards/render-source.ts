/**
 * Rendering one card from plain data (no collection): what cardsInfo and the reviewer
 * need, and what the offload worker runs on its slice of a large cardsInfo.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CardRow, Notetype } from '../model/types';
import { renderCard } from '../template';

/**
 * What rendering one card needs, as plain data (it may travel to a worker thread):
 * the card row, its note's fields and tags, and its deck names.
 */
export interface CardSource {
  card: CardRow;
  notetypeId: number;
  fields: string[];
  tags: string[];
  /** The deck the card is in now (a filtered deck if it is in one). */
  deckName: string;
  /** The deck templates see: the card's home deck. */
  homeDeckName: string;
}

/** Whether a media file exists, for the LaTeX check (only cards with LaTeX ask). */
export function mediaChecker(mediaDir: string): (name: string) => boolean {
  return (name) => existsSync(join(mediaDir, name));
}

/** Question and answer as Anki's card.question()/answer() return them; a broken template still renders a message. */
export function renderSource(source: CardSource, notetype: Notetype, hasMedia: (name: string) => boolean): { question: string; answer: string } {
  const { card } = source;
  try {
    return renderCard({
      notetype,
      fields: source.fields,
      cardOrd: card.ord,
      tags: source.tags,
      deckName: source.homeDeckName,
      cardFlag: card.flags & 7,
      cardId: card.id,
      hasMedia,
    });
  } catch (error) {
    // A card whose template is gone (e.g. a hand-edited ord) still gets an answer, not a failed request.
    const message = error instanceof Error ? error.message : String(error);
    const html = `<style>${notetype.css}</style><div>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div>`;
    return { question: html, answer: html };
  }
}

