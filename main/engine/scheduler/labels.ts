import { div, f32, formatF32, mul, roundHalfAway } from './f32';

/** Answer-button labels like "<1m", "10m", "1d", "3.5mo" (rslib scheduler/timespan.rs, English). */

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const YEAR = 365 * DAY;
const MONTH = f32(YEAR / 12);

function unitFor(secs: number): [divisor: number, suffix: string, wholeNumber: boolean] {
  const abs = Math.abs(secs);
  if (abs < MINUTE) return [1, 's', true];
  if (abs < HOUR) return [MINUTE, 'm', true];
  if (abs < DAY) return [HOUR, 'h', false];
  if (abs < MONTH) return [DAY, 'd', true];
  if (abs < YEAR) return [MONTH, 'mo', false];
  return [YEAR, 'y', false];
}

/** Rounds like Fluent's number argument: at most two decimals (anki_i18n `Number::round`). */
function formatAmount(amount: number): string {
  const rounded = div(roundHalfAway(mul(amount, 100)), 100);
  const text = formatF32(rounded);
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** "4d", "1.5mo": the time on an answer button. */
export function answerButtonTime(seconds: number): string {
  const secs = f32(seconds);
  const [divisor, suffix, whole] = unitFor(secs);
  const value = div(secs, f32(divisor));
  const amount = whole ? roundHalfAway(value) : div(roundHalfAway(mul(value, 10)), 10);
  return `${formatAmount(amount)}${suffix}`;
}

/** Like `answerButtonTime`, but "(end)" for 0 and "<10m" within the learn-ahead limit. */
export function answerButtonLabel(seconds: number, collapseSecs: number): string {
  const label = answerButtonTime(seconds);
  if (seconds === 0) return '(end)';
  if (seconds < collapseSecs) return `<${label}`;
  return label;
}
