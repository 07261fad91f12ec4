import { useSyncExternalStore } from 'react';
import type { ReviewerView } from '../../../../shared/bridge/study';

/**
 * The renderer's copy of the reviewer state that main owns. Replies to the reviewer's
 * own calls and `study.review.sync` commands from main (gui* actions) both land here.
 */
let view: ReviewerView | null = null;
const listeners = new Set<() => void>();
const replayListeners = new Set<() => void>();
let seenSeq = 0;

export const reviewerStore = {
  get: (): ReviewerView | null => view,
  set(next: ReviewerView): void {
    if (view && next.revision < view.revision) return;
    view = next;
    for (const listener of listeners) listener();
  },
  clear(): void {
    view = null;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useReviewerView(): ReviewerView | null {
  return useSyncExternalStore(reviewerStore.subscribe, reviewerStore.get);
}

/** The sequence number of the last study command from main: calls that open/close the reviewer carry it. */
export function lastSeq(): number {
  return seenSeq;
}

export function noteSeq(seq: number): void {
  if (seq > seenSeq) seenSeq = seq;
}

export function requestReplay(): void {
  for (const listener of replayListeners) listener();
}

export function onReplay(listener: () => void): () => void {
  replayListeners.add(listener);
  return () => replayListeners.delete(listener);
}
