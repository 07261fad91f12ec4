/**
 * "Today" of a package's collection, computed as Anki would on open
 * (rslib/src/scheduler/timing.rs): v1 days since crt, legacy v2 without a creation
 * offset, or the normal v2/v3 rule.
 */
import { schedTimingToday } from '../timing';
import type { AnkiCollectionMeta } from './ankidb/model';
import { configValue } from './ankidb/model';

const DAY_SECS = 86_400;

/** The timestamp of `atSecs`'s local calendar day (at `offsetWest`) at `hour`:00. */
function atRolloverHour(atSecs: number, offsetWest: number, hour: number): number {
  const localSecs = atSecs - offsetWest * 60;
  const dayStart = Math.floor(localSecs / DAY_SECS) * DAY_SECS;
  return dayStart + hour * 3600 + offsetWest * 60;
}

export function packageDaysElapsed(meta: AnkiCollectionMeta, nowMs: number, localOffsetWest: number): number {
  const crt = meta.col.crt;
  const nowSecs = Math.floor(nowMs / 1000);
  const schedVer = configValue<number>(meta, 'schedVer') ?? 1;
  if (schedVer === 1) return Math.max(0, Math.trunc((nowSecs - crt) / DAY_SECS));
  const rollover = (((configValue<number>(meta, 'rollover') ?? 4) % 24) + 24) % 24;
  const creationOffset = configValue<number>(meta, 'creationOffset');
  if (typeof creationOffset !== 'number') {
    const crtAtRollover = atRolloverHour(crt, localOffsetWest, rollover);
    return Math.max(0, Math.trunc((nowSecs - crtAtRollover) / DAY_SECS));
  }
  const clamp = (m: number): number => Math.min(23 * 60, Math.max(-23 * 60, m));
  return schedTimingToday({
    crt,
    creationOffset: clamp(creationOffset),
    localOffset: clamp(localOffsetWest),
    rollover,
    nowMs,
  }).daysElapsed;
}
