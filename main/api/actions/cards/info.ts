import type { Collection } from '../../../engine/collection';
import type { CardId } from '../../../engine/model/types';
import { readCardSources } from '../../../engine/cards/info';
import { RawJson } from '../../json';
import type { Offload } from '../../offload/pool';
import { formatCardsInfo, joinJsonArrays, type CardsInfoSlice } from './info-format';
import { readLabelInputs } from './label-inputs';
import type { LabelInputs } from './next-reviews';

/** Below this many cards a worker round trip costs more than it saves. */
export const OFFLOAD_MIN_CARDS = 2000;

/** The slice's labels only carry the revlogs of its own cards (FSRS history can be large). */
function sliceOf(slice: CardsInfoSlice, from: number, to?: number): CardsInfoSlice {
  const sources = slice.sources.slice(from, to);
  const revlogs: LabelInputs['revlogs'] = new Map();
  for (const source of sources) {
    const rows = source && slice.labels.revlogs.get(source.card.id);
    if (rows) revlogs.set(source!.card.id, rows);
  }
  return { ...slice, sources, labels: { ...slice.labels, revlogs } };
}

/**
 * cardsInfo: one object per id, `{}` for a card that does not exist. The collection is read
 * at once (one consistent snapshot); rendering and JSON are the costly part, so a large
 * reply has its second half formatted on the offload worker while this thread does the first.
 */
export async function cardsInfo(col: Collection, ids: readonly CardId[], offload?: Offload): Promise<RawJson> {
  const { sources, notetypes, mediaDir } = readCardSources(col, ids);
  const labels = readLabelInputs(col, sources.flatMap((source) => (source ? [source.card] : [])));
  const slice: CardsInfoSlice = { sources, notetypes, mediaDir, labels };
  if (!offload || ids.length < OFFLOAD_MIN_CARDS) return new RawJson(formatCardsInfo(slice));
  const middle = Math.ceil(ids.length / 2);
  const second = sliceOf(slice, middle);
  const theirs = offload.run('cardsInfo', second);
  // Settled either way before anything awaits it, so a failure is never unhandled.
  theirs.catch(() => undefined);
  const mine = formatCardsInfo(sliceOf(slice, 0, middle));
  const other = await theirs.catch(() => formatCardsInfo(second));
  return new RawJson(joinJsonArrays(mine, other));
}
