/**
 * Differential test: names given to storeMediaFile come out as anki 26.9.3's media
 * manager stores them (normalisation, and the sha1 suffix when content differs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureOracle } from '../../testing/oracle';
import { Collection } from '../../engine/collection';
import { storeMediaFile } from '../../engine/media';

const SCRIPT = String.raw`
import json, sys, tempfile, os
from anki.collection import Collection
col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
out = []
for name, content in json.load(sys.stdin):
    try:
        out.append(col.media.write_data(name, content.encode("utf-8")))
    except Exception as e:
        out.append("error")
col.close()
print(json.dumps(out))
`;

const CASES: [string, string][] = [
  ['plain.jpg', 'a'],
  ['con.jpg[]><:"/?*^\\|\r\n', 'b'],
  ['AUX', 'c'],
  ['lpt1.txt', 'd'],
  ['trailing.', 'e'],
  ['trailing ', 'f'],
  ['cafe\u0301.mp3', 'g'],
  ['nbsp\u00a0name.mp3', 'h'],
  ['../up/../escape.txt', 'i'],
  ['/abs/path/file.mp3', 'j'],
  ['C:\\Users\\me\\pic.png', 'k'],
  [`${'x'.repeat(200)}.jpg`, 'l'],
  [`${'\u00e9'.repeat(90)}.mp3`, 'm'],
  [`${'y'.repeat(200)}`, 'n'],
  ['plain.jpg', 'a'],
  ['plain.jpg', 'different'],
  [`${'z'.repeat(119)}.jpeg`, 'o'],
  [`${'z'.repeat(119)}.jpeg`, 'other'],
  ['noext', 'p'],
  ['noext', 'q'],
  ['_underscore.js', 'r'],
];

const runOracle = process.env.ENGRAM_SKIP_ORACLE ? describe.skip : describe;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

runOracle('media names match anki (oracle)', () => {
  it('stores every name as anki does, deleteExisting false', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engram-oracle-media-'));
    dirs.push(dir);
    const script = join(dir, 'media.py');
    writeFileSync(script, SCRIPT);
    const result = spawnSync(ensureOracle(), [script], { input: JSON.stringify(CASES), encoding: 'utf8', timeout: 600_000 });
    if (result.status !== 0) throw new Error(`oracle failed: ${result.stderr}`);
    const expected = JSON.parse(result.stdout) as string[];

    const col = Collection.open(join(dir, 'engram', 'collection.sqlite'));
    const actual: string[] = [];
    for (const [filename, content] of CASES) {
      try {
        const data = Buffer.from(content).toString('base64');
        actual.push((await storeMediaFile(col, { filename, data, deleteExisting: false })) ?? 'null');
      } catch {
        actual.push('error');
      }
    }
    col.close();
    expect(actual).toEqual(expected);
  });
});
