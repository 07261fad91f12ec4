import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';

const samplesPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/spec/samples.json');

/** Actions upstream AnkiConnect has beyond the spec (behaviour reference §1.1). */
const EXTRAS = [
  'canAddNote',
  'canAddNoteWithErrorDetail',
  'deckNameFromId',
  'guiAddNoteSetData',
  'guiPlayAudio',
  'guiReviewActive',
  'guiSelectCard',
  'modelNameFromId',
  'setDueDate',
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('apiReflect', () => {
  it('lists every action of the spec and the upstream extras, sorted', async () => {
    const fromSamples = existsSync(samplesPath)
      ? [...new Set((JSON.parse(readFileSync(samplesPath, 'utf8')) as { action: string }[]).map((s) => s.action))]
      : [];
    const reply = await server.call<{ scopes: string[]; actions: string[] }>('apiReflect', { scopes: ['actions'], actions: null });
    expect(reply.scopes).toEqual(['actions']);
    const missing = [...fromSamples, ...EXTRAS, 'addNote'].filter((name) => !reply.actions.includes(name));
    expect(missing).toEqual([]);
    expect(reply.actions).toEqual([...reply.actions].sort());
  });

  it('filters to the actions asked for, like the spec sample', async () => {
    expect(await server.call('apiReflect', { scopes: ['actions', 'invalidType'], actions: ['apiReflect', 'invalidMethod'] })).toEqual({
      scopes: ['actions'],
      actions: ['apiReflect'],
    });
  });
});
