/**
 * The study screens' only door into the scheduler (main/engine/scheduler), so the
 * GUI follows the scheduler's API in one place. No scheduling logic lives here.
 */
import type { Collection } from '../../engine/collection';
import type { CardId, CardRow, DeckId } from '../../engine/model/types';
import type { AnswerEase, StudyCounts } from '../../../shared/bridge/study';
import { buildQueue } from '../../engine/scheduler/queue';
import { unburyIfDayRolledOver, buryCards } from '../../engine/scheduler/bury';
import { suspendCards } from '../../engine/scheduler/suspend';
import { answerCard, prepareCardById } from '../../engine/scheduler/answer-card';
import { canUndoAnswer, undoLastAnswer } from '../../engine/scheduler/undo';
import { describeNextStates } from '../../engine/scheduler/next-intervals';
import { getCard, putCard } from '../../engine/scheduler/card-store';
import { deckTreeCounts, type DeckTreeNode as CountsNode } from '../../engine/scheduler/counts';

export type QueueName = 'new' | 'learn' | 'review';

export interface QueuedCard {
  cardId: CardId;
  queue: QueueName;
}

export interface QueueSnapshot {
  next: QueuedCard | null;
  counts: StudyCounts;
}

/** The next card and the counts, from one queue build. */
export function studyQueue(col: Collection, deckId: DeckId): QueueSnapshot {
  unburyIfDayRolledOver(col);
  const queue = buildQueue(col, deckId);
  const first = queue.entries[0];
  return {
    next: first ? { cardId: first.cardId, queue: first.kind === 'learning' ? 'learn' : first.kind } : null,
    counts: { newCount: queue.counts.new, learnCount: queue.counts.learn, reviewCount: queue.counts.review },
  };
}

/** Labels of the four answer buttons ("<1m", "10m", "4d"). */
export function nextIntervalLabels(col: Collection, cardId: CardId): [string, string, string, string] {
  const collapse = col.getConfig<number>('collapseTime', 1200);
  const [again, hard, good, easy] = describeNextStates(prepareCardById(col, cardId), collapse);
  return [again.label, hard.label, good.label, easy.label];
}

export function answer(col: Collection, cardId: CardId, ease: AnswerEase, timeTakenMs: number): void {
  answerCard(col, cardId, ease, { timeTakenMs });
}

export const undoAnswer = undoLastAnswer;
export const canUndo = canUndoAnswer;
export const bury = (col: Collection, ids: CardId[]): number => buryCards(col, ids);
export const suspend = (col: Collection, ids: CardId[]): number => suspendCards(col, ids);
export const cardById = (col: Collection, id: CardId): CardRow | undefined => getCard(col, id);
export const writeCard = (col: Collection, card: CardRow): void => putCard(col, card);

export interface DeckCountsNode {
  deckId: DeckId;
  name: string;
  counts: StudyCounts;
  totalIncludingChildren: number;
  children: DeckCountsNode[];
}

/** The deck browser's tree with the scheduler's limited counts (children rolled up). */
export function deckTree(col: Collection): DeckCountsNode[] {
  const convert = (node: CountsNode): DeckCountsNode => ({
    deckId: node.deckId,
    name: node.name,
    counts: { newCount: node.new, learnCount: node.learn, reviewCount: node.review },
    totalIncludingChildren: node.totalIncludingChildren,
    children: node.children.map(convert),
  });
  return deckTreeCounts(col).map(convert);
}
