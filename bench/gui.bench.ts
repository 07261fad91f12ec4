import { Collection } from '../main/engine/collection';
import { deckByName } from '../main/engine/decks/store';
import { ReviewSession } from '../main/gui/study/session';
import { nextIntervalLabels } from '../main/gui/study/scheduler-port';
import { browserConfig } from '../main/gui/edit/browser-config';
import { BrowserSessions } from '../main/gui/edit/browser/sessions';
import { median, type BenchSuite, type Figure } from './harness';

/**
 * GUI figures on the 100k-note profile, through the functions the bridge
 * handlers call: the reviewer's answer → next card (ReviewSession, which asks the
 * scheduler through scheduler-port) and the card browser's first page.
 */

const WARM_UP_ANSWERS = 5;
const ANSWERS = 40;

/** Answer (Good) → next card rendered with its answer buttons, as the reviewer screen gets it. */
function reviewerFigure(col: Collection): Figure {
  const deck = deckByName(col, 'Japanese');
  if (!deck) throw new Error('the profile has no Japanese deck');
  const session = new ReviewSession(col, deck.id);
  session.advance();
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP_ANSWERS + ANSWERS; i++) {
    if (!session.current) throw new Error(`the Japanese deck ran out of cards after ${i} answers`);
    session.showAnswer();
    const start = performance.now();
    session.answer(3);
    if (session.current) nextIntervalLabels(col, session.current.rendered.card.id);
    if (i >= WARM_UP_ANSWERS) samples.push(performance.now() - start);
  }
  const counts = session.counts;
  return {
    name: `reviewer on "Japanese": answer → next card with its buttons, median of ${ANSWERS}`,
    value: median(samples),
    unit: 'ms',
    target: { value: 50, higherIsBetter: false },
    note: `slowest ${Math.max(...samples).toFixed(1)} ms; counts after: ${counts.newCount}/${counts.learnCount}/${counts.reviewCount}`,
  };
}

const BROWSER_QUERIES = ['deck:Japanese', 'tag:verb', 'is:due', 'fire', ''];
const FIRST_PAGE = 100;

/** The browser's `browser.search`: ordered first page, total and its rows. */
function browserFigures(col: Collection): Figure[] {
  const config = browserConfig(col);
  // No deferred full list: only the first page is timed.
  const sessions = new BrowserSessions(() => {});
  const search = (query: string) => sessions.search(col, { query, mode: config.mode, sort: config.sort[config.mode] }, config.columns[config.mode], FIRST_PAGE);
  return BROWSER_QUERIES.map((query) => {
    search(query);
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      total = search(query).total;
      samples.push(performance.now() - start);
    }
    return {
      name: `browser first page (${FIRST_PAGE} ${config.mode} rows) for ${query ? `"${query}"` : 'the whole collection'}, median of 5`,
      value: median(samples),
      unit: 'ms',
      target: { value: 150, higherIsBetter: false },
      note: `${total} matches, sorted by ${config.sort[config.mode].column}`,
    };
  });
}

/** One part's figures, or a note saying why it could not be measured (the other part still reports). */
function attempt(part: string, measure: () => Figure[]): Figure[] {
  try {
    return measure();
  } catch (error) {
    return [{ name: `${part}: not measured`, value: 0, unit: '', note: error instanceof Error ? error.message : String(error) }];
  }
}

export const guiSuite: BenchSuite = {
  name: 'gui',
  async run(ctx) {
    const col = Collection.open(ctx.collectionPath);
    try {
      return [...attempt('reviewer', () => [reviewerFigure(col)]), ...attempt('browser', () => browserFigures(col))];
    } finally {
      col.close();
    }
  },
};
