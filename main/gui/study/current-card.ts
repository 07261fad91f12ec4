import type { Collection } from '../../engine/collection';
import type { CardRow } from '../../engine/model/types';
import type { AnswerButton } from '../../../shared/bridge/study';
import { EngineError } from '../../engine/errors';
import { cardDetails } from '../../engine/cards/info';
import { NotetypeKind } from '../../engine/model/types';

/** `guiCurrentCard`'s result, key for key as the add-on builds it. */
export interface CurrentCardInfo {
  cardId: number;
  fields: Record<string, { value: string; order: number }>;
  fieldOrder: number;
  question: string;
  answer: string;
  buttons: number[];
  nextReviews: string[];
  modelName: string;
  deckName: string;
  css: string;
  template: string;
}

export function currentCardInfo(col: Collection, card: CardRow, buttons: readonly AnswerButton[]): CurrentCardInfo {
  const details = cardDetails(col, [card.id])[0];
  if (!details) throw new EngineError('not-found', `Card was not found: ${card.id}`);
  const { notetype } = details;
  const fields: CurrentCardInfo['fields'] = {};
  for (const field of notetype.flds) fields[field.name] = { value: details.fields[field.ord] ?? '', order: field.ord };
  const template = notetype.type === NotetypeKind.Cloze ? notetype.tmpls[0] : notetype.tmpls[card.ord];
  return {
    cardId: card.id,
    fields,
    fieldOrder: card.ord,
    question: details.question,
    answer: details.answer,
    buttons: buttons.map((b) => b.ease),
    nextReviews: buttons.map((b) => b.interval),
    modelName: notetype.name,
    deckName: details.deckName,
    css: notetype.css,
    template: template?.name ?? '',
  };
}
