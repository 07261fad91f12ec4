/** Anki's day arithmetic (rslib/src/scheduler/timing.rs), v3 with creationOffset. */

export interface TimingInputs {
  /** Collection creation time, seconds. */
  crt: number;
  /** Minutes west of UTC when the collection was created. */
  creationOffset: number;
  /** Minutes west of UTC now. */
  localOffset: number;
  /** Hour the day starts (0–23). */
  rollover: number;
  /** Now, milliseconds. */
  nowMs: number;
}

export interface SchedTimingToday {
  /** Days since the collection's first day: "today" for due numbers. */
  daysElapsed: number;
  /** Unix seconds when the next day starts. */
  nextDayAt: number;
  /** Now, Unix seconds. */
  now: number;
}

const DAY_MS = 86_400_000;

export function minutesWest(atMs: number): number {
  return new Date(atMs).getTimezoneOffset();
}

export function schedTimingToday(t: TimingInputs): SchedTimingToday {
  const rollover = Math.min(23, Math.max(0, Math.trunc(t.rollover)));
  const nowLocalMs = t.nowMs - t.localOffset * 60_000;
  const nowLocalDay = Math.floor(nowLocalMs / DAY_MS);
  const rolloverTodayLocalMs = nowLocalDay * DAY_MS + rollover * 3_600_000;
  const passed = rolloverTodayLocalMs <= nowLocalMs;
  const nextDayLocalMs = rolloverTodayLocalMs + (passed ? DAY_MS : 0);
  const nextDayAt = Math.round((nextDayLocalMs + t.localOffset * 60_000) / 1000);
  const crtLocalDay = Math.floor((t.crt * 1000 - t.creationOffset * 60_000) / DAY_MS);
  const daysElapsed = Math.max(0, nowLocalDay - crtLocalDay - (passed ? 0 : 1));
  return { daysElapsed, nextDayAt, now: Math.floor(t.nowMs / 1000) };
}

/** Anki's crt for a new collection: today's rollover hour (local), or yesterday's if it has not come yet. */
export function creationTime(nowMs: number, rollover = 4): number {
  const west = minutesWest(nowMs);
  const localMs = nowMs - west * 60_000;
  const day = Math.floor(localMs / DAY_MS);
  let startLocalMs = day * DAY_MS + rollover * 3_600_000;
  if (startLocalMs > localMs) startLocalMs -= DAY_MS;
  return Math.round((startLocalMs + west * 60_000) / 1000);
}
