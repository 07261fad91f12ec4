import { describe, expect, it } from 'vitest';
import { answerButtonLabel, answerButtonTime } from './labels';

const DAY = 86_400;
const MONTH = (365 * DAY) / 12;

describe('answer button labels', () => {
  it('matches Anki’s units and rounding', () => {
    expect(answerButtonTime(30)).toBe('30s');
    expect(answerButtonTime(70)).toBe('1m');
    expect(answerButtonTime(330)).toBe('6m');
    expect(answerButtonTime(5400)).toBe('1.5h');
    expect(answerButtonTime(DAY)).toBe('1d');
    expect(answerButtonTime(23 * DAY)).toBe('23d');
    expect(answerButtonTime(1.1 * MONTH)).toBe('1.1mo');
    expect(answerButtonTime(3.5 * MONTH)).toBe('3.5mo');
    expect(answerButtonTime(365 * DAY)).toBe('1y');
    expect(answerButtonTime(2.54 * 365 * DAY)).toBe('2.5y');
  });

  it('marks times within the learn-ahead limit with "<" and 0 as the end', () => {
    expect(answerButtonLabel(60, 1200)).toBe('<1m');
    expect(answerButtonLabel(600, 1200)).toBe('<10m');
    expect(answerButtonLabel(1200, 1200)).toBe('20m');
    expect(answerButtonLabel(0, 1200)).toBe('(end)');
    expect(answerButtonLabel(4 * DAY, 1200)).toBe('4d');
  });
});
