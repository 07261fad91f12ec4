import { copyFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/packages');
const haveFixtures = existsSync(fixtures);
if (!haveFixtures) console.log(`NOTE: ${fixtures} is absent; the fixture-based importPackage test is skipped`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('exportPackage and importPackage', () => {
  it('exports a deck to an .apkg and answers false for an unknown deck', async () => {
    await server.call('createDeck', { deck: 'Export Me' });
    await server.call('addNote', { note: { deckName: 'Export Me', modelName: 'Basic', fields: { Front: 'ex-front', Back: 'ex-back' } } });
    const out = join(mkdtempSync(join(tmpdir(), 'engram-export-')), 'deck.apkg');
    expect(await server.call('exportPackage', { deck: 'Export Me', path: out })).toBe(true);
    expect(statSync(out).size).toBeGreaterThan(0);
    expect(await server.call('exportPackage', { deck: 'No such deck', path: out })).toBe(false);

    const other = await startTestServer();
    try {
      expect(await other.call('importPackage', { path: out })).toBe(true);
      const ids = await other.call<number[]>('findNotes', { query: 'ex-front' });
      expect(ids).toHaveLength(1);
      expect(await other.call<string[]>('deckNames')).toContain('Export Me');
    } finally {
      await other.close();
    }
  });

  it.skipIf(!haveFixtures)('imports a path relative to the media folder', async () => {
    const mediaDir = await server.call<string>('getMediaDirPath');
    copyFileSync(join(fixtures, 'anki-tests-update1.apkg'), join(mediaDir, 'update1.apkg'));
    expect(await server.call('importPackage', { path: 'update1.apkg' })).toBe(true);
    expect((await server.call<number[]>('findNotes', { query: '' })).length).toBeGreaterThan(1);
  });

  it('refuses a file that is not a package with a clear error', async () => {
    const mediaDir = await server.call<string>('getMediaDirPath');
    const reply = await server.envelope('importPackage', { path: join(mediaDir, 'missing.apkg') });
    expect(reply.error).toBeTruthy();
    expect(reply.result).toBeNull();
  });
});
