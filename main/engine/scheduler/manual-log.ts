import type { Collection } from '../collection';
import type { CardRow } from '../model/types';
import { difficultyShifted } from './answer';
import { memoryStateOf, parseCardData } from './card-data';
import { insertRevlog } from './card-store';
import { toU32 } from './f32';

/**
 * The revlog row Anki writes for manual scheduling (forget, set due date):
 * ease 0, type 4 (rslib revlog/mod.rs log_manually_scheduled_review).
 * `card` is the card after the change.
 */
export function logManualReview(col: Collection, card: CardRow, originalInterval: number): number {
  const memory = memoryStateOf(parseCardData(card.data));
  // (difficulty_shifted × 1000) as u16: truncated, unlike answers' rounding.
  const factor = memory ? Math.min(65535, toU32(Math.fround(difficultyShifted(memory) * 1000))) : card.factor;
  return insertRevlog(col, {
    id: col.nowMs(),
    cid: card.id,
    usn: -1,
    ease: 0,
    ivl: Math.min(card.ivl, 2147483647),
    lastIvl: Math.min(originalInterval, 2147483647),
    factor,
    time: 0,
    type: 4,
  });
}
