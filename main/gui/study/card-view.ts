import type { Collection } from '../../engine/collection';
import type { CardRow } from '../../engine/model/types';
import { NotetypeKind } from '../../engine/model/types';
import type { ReviewCard } from '../../../shared/bridge/study';
import { requireNote, noteFields, noteTags } from '../../engine/notes/query';
import { requireNotetype } from '../../engine/notetypes/store';
import { deckById } from '../../engine/decks/store';
import { renderCardSides, extractClozeForTyping, type AvTag, type RenderCardInput, type RenderedSides } from '../../engine/template';
import { escapeHtml } from '../../engine/text/html';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compareAnswer, expectedAnswerText, findTypeMarker, replaceTypeMarkers } from './type-answer';

const PLAY_MARKER = /\[anki:play:[qa]:\d+\]/g;

function soundFiles(tags: readonly AvTag[]): string[] {
  return tags.flatMap((tag) => (tag.kind === 'sound' ? [tag.filename] : []));
}

/** A card whose template is gone still shows, with the problem as its text. */
function renderSafely(input: RenderCardInput): RenderedSides {
  try {
    return renderCardSides(input);
  } catch (error) {
    const html = `<div class="render-error">${escapeHtml(error instanceof Error ? error.message : String(error))}</div>`;
    return { questionText: html, answerText: html, questionAvTags: [], answerAvTags: [], css: input.notetype.css, isEmpty: false };
  }
}

/** What the reviewer needs to render one card, before the typed-answer comparison. */
export interface RenderedCard {
  card: CardRow;
  questionHtml: string;
  /** Answer HTML still holding `[[type:…]]` until the answer is shown. */
  answerTemplateHtml: string;
  view: Omit<ReviewCard, 'answerHtml' | 'buttons' | 'queue'>;
  /** Expected text for the type-in box, or null. */
  expectedTyped: string | null;
  ignoreCombining: boolean;
}

export function renderForReview(col: Collection, card: CardRow): RenderedCard {
  const note = requireNote(col, card.nid);
  const notetype = requireNotetype(col, note.mid);
  const fields = noteFields(note);
  const tags = noteTags(note);
  const home = deckById(col, card.odid || card.did);
  const sides = renderSafely({
    notetype,
    fields,
    cardOrd: card.ord,
    tags,
    deckName: home?.name ?? 'Default',
    cardFlag: card.flags & 7,
    cardId: card.id,
    hasMedia: (name) => existsSync(join(col.mediaDir, name)),
  });
  const spec = findTypeMarker(sides.questionText) ?? findTypeMarker(sides.answerText);
  let expectedTyped: string | null = null;
  if (spec) {
    const index = notetype.flds.findIndex((f) => f.name === spec.field);
    const raw = index >= 0 ? (fields[index] ?? '') : '';
    const value = spec.cloze || notetype.type === NotetypeKind.Cloze ? extractClozeForTyping(raw, card.ord) : raw;
    expectedTyped = index >= 0 ? expectedAnswerText(value, spec.ignoreCombining) : null;
  }
  const template = notetype.type === NotetypeKind.Cloze ? notetype.tmpls[0] : notetype.tmpls[card.ord];
  const questionHtml = replaceTypeMarkers(sides.questionText, '').replace(PLAY_MARKER, '');
  return {
    card,
    questionHtml,
    answerTemplateHtml: sides.answerText.replace(PLAY_MARKER, ''),
    expectedTyped,
    ignoreCombining: spec?.ignoreCombining ?? false,
    view: {
      cardId: card.id,
      noteId: note.id,
      ord: card.ord,
      deckName: home?.name ?? '',
      notetypeName: notetype.name,
      templateName: template?.name ?? '',
      questionHtml,
      css: sides.css,
      cardClass: `card card${card.ord + 1}`,
      questionAudio: soundFiles(sides.questionAvTags),
      answerAudio: soundFiles(sides.answerAvTags),
      typeAnswerField: spec && expectedTyped !== null && findTypeMarker(sides.questionText) ? spec.field : null,
      flag: card.flags & 7,
      marked: tags.some((t) => t.toLowerCase() === 'marked'),
    },
  };
}

/** The answer side: `[[type:…]]` becomes the comparison of what was typed (Anki's reviewer). */
export function answerHtmlFor(rendered: RenderedCard, typed: string | null): string {
  if (rendered.expectedTyped === null) return replaceTypeMarkers(rendered.answerTemplateHtml, '');
  const comparison = compareAnswer(rendered.expectedTyped, typed ?? '', rendered.ignoreCombining);
  return replaceTypeMarkers(rendered.answerTemplateHtml, comparison);
}
