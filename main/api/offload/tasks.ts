/**
 * The work the offload worker can take: pure functions from plain (structured-clone)
 * data to a string. The worker imports only this, so its bundle holds no database code.
 */
import { formatCardsInfo, type CardsInfoSlice } from '../actions/cards/info-format';

export const offloadTasks = {
  cardsInfo: (input: CardsInfoSlice): string => formatCardsInfo(input),
};

export type OffloadTask = keyof typeof offloadTasks;
export type OffloadInput<T extends OffloadTask> = Parameters<(typeof offloadTasks)[T]>[0];

export interface OffloadRequest {
  id: number;
  task: OffloadTask;
  input: unknown;
}

export type OffloadReply = { id: number; value: string } | { id: number; error: string };

/** The worker's first message, once its tasks are loaded. */
export interface OffloadReady {
  ready: true;
}
