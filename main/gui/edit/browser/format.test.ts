import { describe, expect, it } from 'vitest';
import { dueText, easeText, intervalText, textLine, timeSpan } from './format';

const timing = { daysElapsed: 100, now: Date.UTC(2026, 0, 10, 12) / 1000 };

describe('browser cell formats', () => {
  it('writes time spans as Anki does', () => {
    expect(timeSpan(30)).toBe('30 seconds');
    expect(timeSpan(86_400)).toBe('1 day');
    expect(timeSpan(3 * 86_400)).toBe('3 days');
    expect(timeSpan(45 * 86_400)).toBe('1.5 months');
    expect(timeSpan(730 * 86_400)).toBe('2 years');
  });

  it('shows new cards by position, studied cards by date, set-aside cards in parentheses', () => {
    expect(dueText({ type: 0, queue: 0, due: 12, odid: 0 }, timing)).toBe('New #12');
    expect(dueText({ type: 2, queue: 2, due: 101, odid: 0 }, timing)).toMatch(/^2026-01-1[01]$/);
    expect(dueText({ type: 2, queue: -1, due: 100, odid: 0 }, timing)).toMatch(/^\(2026-01-(09|10)\)$/);
    expect(dueText({ type: 1, queue: 1, due: timing.now + 600, odid: 0 }, timing)).toMatch(/^2026-01-1[01]$/);
    expect(dueText({ type: 2, queue: 2, due: 5, odid: 7 }, timing)).toBe('(filtered)');
  });

  it('marks new and learning intervals and eases', () => {
    expect(intervalText(0, 0)).toBe('(new)');
    expect(intervalText(1, 0)).toBe('(learning)');
    expect(intervalText(2, 10)).toBe('10 days');
    expect(easeText(0, 0)).toBe('(new)');
    expect(easeText(2, 2500)).toBe('250%');
  });

  it('turns rendered HTML into one line without styles or tags', () => {
    expect(textLine('<style>.x{}</style><b>one</b><br>two&nbsp;&amp; three')).toBe('one two & three');
    expect(textLine('x'.repeat(400)).length).toBe(301);
  });
});
