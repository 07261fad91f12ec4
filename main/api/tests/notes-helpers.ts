import { afterEach, beforeEach } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';
import type { Collection } from '../../engine/collection';

/** A fresh Engram per test, with its collection for direct checks. */
export function useServer(): { server: () => TestServer; col: () => Collection } {
  let server: TestServer | undefined;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    server: () => server!,
    col: () => server!.engram.host.collection(),
  };
}

export interface NoteObject {
  deckName: string;
  modelName: string;
  fields: Record<string, unknown>;
  tags?: unknown;
  options?: Record<string, unknown>;
  [media: string]: unknown;
}

export function basicNote(front: string, back = 'back', extra: Partial<NoteObject> = {}): NoteObject {
  return { deckName: 'Default', modelName: 'Basic', fields: { Front: front, Back: back }, ...extra };
}

export function scalar<T = number>(col: Collection, sql: string, ...args: unknown[]): T {
  return col.prepare(sql).pluck().get(...args) as T;
}
