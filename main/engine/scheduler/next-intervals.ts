import { prepareCard, type AnswerInput, type PreparedCard } from './answer';
import { answerButtonLabel } from './labels';
import { asSeconds, intervalKind, maybeAsDays } from './states';

export interface ButtonInterval {
  /** Delay until the card is due again, in seconds (days × 86400 once it crosses the day boundary). */
  seconds: number;
  /** Anki's English label: "<1m", "10m", "1d", "3.5mo", "(end)". */
  label: string;
}

/** The four buttons (Again, Hard, Good, Easy), as Anki's describe_next_states shows them. */
export function describeNextStates(prepared: PreparedCard, collapseSecs = 1200): [ButtonInterval, ButtonInterval, ButtonInterval, ButtonInterval] {
  const { timing } = prepared.input;
  const rollover = Math.max(0, timing.nextDayAt - timing.now);
  const { again, hard, good, easy } = prepared.states;
  const describe = (state: typeof again): ButtonInterval => {
    const seconds = asSeconds(maybeAsDays(intervalKind(state), rollover));
    return { seconds, label: answerButtonLabel(seconds, collapseSecs) };
  };
  return [describe(again), describe(hard), describe(good), describe(easy)];
}

/** Pure: the next intervals of a card row. */
export function nextIntervals(input: AnswerInput, collapseSecs = 1200): [ButtonInterval, ButtonInterval, ButtonInterval, ButtonInterval] {
  return describeNextStates(prepareCard(input), collapseSecs);
}
