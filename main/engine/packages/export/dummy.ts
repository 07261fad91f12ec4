/**
 * The placeholder `collection.anki2` every current package carries: a tiny schema-11
 * collection whose only note asks users of old Anki versions to update. Built with fixed
 * ids so packages are reproducible.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDeckConfig, newNormalDeck } from '../../decks/defaults';
import { stockNotetypes } from '../../notetypes/stock';
import { fieldChecksum } from '../../text/note-text';
import { writeAnkiDb } from '../ankidb/write';

const MESSAGE = 'Please update to the latest Anki version, then import the .colpkg/.apkg file again.';
const STAMP_MS = 1_600_000_000_000;
const STAMP_SECS = STAMP_MS / 1000;

let cached: Buffer | undefined;

export function dummyCollection(): Buffer {
  if (cached) return cached;
  const basic = stockNotetypes()[0]!;
  basic.id = STAMP_MS;
  basic.mod = STAMP_SECS;
  basic.flds.forEach((f, i) => (f.id = 1000n + BigInt(i)));
  basic.tmpls.forEach((t, i) => (t.id = 2000n + BigInt(i)));
  basic.req = [[0, 'any', [0]]];
  const dir = mkdtempSync(join(tmpdir(), 'engram-dummy-'));
  try {
    const path = join(dir, 'collection.anki2');
    writeAnkiDb(
      path,
      {
        meta: {
          col: { crt: STAMP_SECS, mod: STAMP_MS, scm: STAMP_MS, usn: 0, ls: 0 },
          config: [
            ['activeDecks', '[1]'], ['curDeck', '1'], ['newSpread', '0'], ['collapseTime', '1200'], ['timeLim', '0'],
            ['estTimes', 'true'], ['dueCounts', 'true'], ['curModel', String(STAMP_MS)], ['nextPos', '2'],
            ['sortType', '"noteFld"'], ['sortBackwards', 'false'], ['addToCur', 'true'], ['dayLearnFirst', 'false'],
            ['schedVer', '2'], ['creationOffset', '0'], ['sched2021', 'true'],
          ].map(([key, json]) => ({ key: key!, usn: 0, mtime: 0, json: json! })),
          notetypes: [basic],
          decks: [{ ...newNormalDeck(1, 'Default', 0), usn: 0, collapsed: true, browserCollapsed: true }],
          deckConfigs: [{ ...defaultDeckConfig(1, 'Default', 0), usn: 0 }],
          tags: [],
        },
        notes: [
          {
            id: STAMP_MS, guid: 'engramUpd', mid: STAMP_MS, mod: STAMP_SECS, usn: -1, tags: '', flds: `${MESSAGE}\x1f`,
            sfld: MESSAGE, csum: fieldChecksum(MESSAGE), flags: 0, data: '',
          },
        ],
        cards: [
          {
            id: STAMP_MS, nid: STAMP_MS, did: 1, ord: 0, mod: STAMP_SECS, usn: -1, type: 0, queue: 0, due: 1, ivl: 0,
            factor: 0, reps: 0, lapses: 0, left: 0, odue: 0, odid: 0, flags: 0, data: '{}',
          },
        ],
        revlog: [],
        graves: [],
      },
      { schema: 11, pageSize: 512 },
    );
    cached = readFileSync(path);
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
