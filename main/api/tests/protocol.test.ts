import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function raw(init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
  return fetch(server.url, init);
}

describe('AnkiConnect protocol', () => {
  it('answers version 6 with the v6 envelope and the bare result at version 4 or without version', async () => {
    expect(await server.post({ action: 'version', version: 6 })).toEqual({ result: 6, error: null });
    expect(await server.post({ action: 'version', version: 4 })).toBe(6);
    expect(await server.post({ action: 'version' })).toBe(6);
  });

  it('writes Python-style JSON exactly', async () => {
    const response = await raw({ method: 'POST', body: '{"action":"version","version":6}' });
    expect(await response.text()).toBe('{"result": 6, "error": null}');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost');
    expect(response.headers.get('access-control-allow-headers')).toBe('*');
  });

  it('accepts JSON whatever the content type, on any path', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=UTF-8']) {
      const response = await fetch(`${server.url}some/path?key=x`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: '{"action":"version","version":6}',
      });
      expect(await response.json()).toEqual({ result: 6, error: null });
    }
  });

  it('returns the banner for an empty body', async () => {
    const response = await raw({ method: 'GET' });
    expect(await response.text()).toBe('{"apiVersion": "AnkiConnect v.6"}');
  });

  it('reports unsupported actions and bad requests as error envelopes at every version', async () => {
    expect(await server.post({ action: 'nope' })).toEqual({ result: null, error: 'unsupported action' });
    expect(await server.post('{1: 2}')).toEqual({
      result: null,
      error: 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
    });
    expect(await server.post('1.2')).toEqual({ result: null, error: "1.2 is not of type 'object'" });
    expect(await server.post('{}')).toEqual({ result: null, error: "'action' is a required property" });
    expect(await server.post('{"action": 1}')).toEqual({ result: null, error: "1 is not of type 'string'" });
    const badUtf8 = await fetch(server.url, { method: 'POST', body: new Uint8Array([0xe7, 0x8c]) });
    expect(((await badUtf8.json()) as { error: string }).error).toContain("can't decode");
  });

  it('parses duplicate keys last-wins', async () => {
    expect(await server.post('{"action": "nope", "action": "version", "version": 6}')).toEqual({ result: 6, error: null });
  });

  it('reports unknown and missing params with Python TypeError texts', async () => {
    expect(await server.post({ action: 'version', version: 6, params: { foobar: 1 } })).toEqual({
      result: null,
      error: "AnkiConnect.version() got an unexpected keyword argument 'foobar'",
    });
    expect(await server.post({ action: 'multi', version: 6 })).toEqual({
      result: null,
      error: "AnkiConnect.multi() missing 1 required positional argument: 'actions'",
    });
  });

  it('runs multi with per-element versions, inline errors and nesting', async () => {
    const reply = await server.post({
      action: 'multi',
      version: 6,
      params: {
        actions: [
          { action: 'version' },
          { action: 'version', version: 6 },
          { action: 'nope', version: 6 },
          { action: 'multi', params: { actions: [{ action: 'version', version: 5 }] } },
        ],
      },
    });
    expect(reply).toEqual({
      result: [6, { result: 6, error: null }, { result: null, error: 'unsupported action' }, [{ result: 6, error: null }]],
      error: null,
    });
  });

  it('fails the whole multi when an element is not an object', async () => {
    expect(await server.post({ action: 'multi', version: 6, params: { actions: ['x'] } })).toEqual({
      result: null,
      error: "'str' object has no attribute 'get'",
    });
  });

  it('answers OPTIONS preflights, with private-network consent when asked', async () => {
    const response = await raw({
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Private-Network': 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
  });

  it('refuses untrusted origins with an empty 403 and does not run the action', async () => {
    const response = await raw({
      method: 'POST',
      headers: { Origin: 'http://evil.example' },
      body: JSON.stringify({ action: 'createDeck', version: 6, params: { deck: 'Evil' } }),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
  });

  it('trusts 127.0.0.1 and browser-extension origins implied by http://localhost', async () => {
    for (const origin of ['http://127.0.0.1:3000', 'moz-extension://x', 'safari-web-extension://y', 'https://127.0.0.1']) {
      const response = await raw({ method: 'POST', headers: { Origin: origin }, body: '{"action":"version"}' });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const localhostPort = await raw({ method: 'POST', headers: { Origin: 'http://localhost:3000' }, body: '{"action":"version"}' });
    expect(localhostPort.status).toBe(403);
  });

  it('grants requestPermission to trusted origins and denies untrusted ones without a window', async () => {
    const trusted = await raw({
      method: 'POST',
      headers: { Origin: 'chrome-extension://abc' },
      body: JSON.stringify({ action: 'requestPermission', version: 6 }),
    });
    expect(await trusted.json()).toEqual({
      result: { permission: 'granted', requireApikey: false, version: 6 },
      error: null,
    });
    const untrusted = await raw({
      method: 'POST',
      headers: { Origin: 'http://site.example' },
      body: JSON.stringify({ action: 'requestPermission', version: 6 }),
    });
    expect(untrusted.status).toBe(200);
    expect(untrusted.headers.get('access-control-allow-origin')).toBe('http://site.example');
    expect(await untrusted.json()).toEqual({ result: { permission: 'denied' }, error: null });
  });

  it('survives 200 concurrent keep-alive clients', async () => {
    const replies = await Promise.all(
      Array.from({ length: 200 }, () => server.post({ action: 'version', version: 6 })),
    );
    expect(replies.every((r) => (r as { result: number }).result === 6)).toBe(true);
  });
});

describe('API key', () => {
  it('requires the key on every action and every multi element, except requestPermission', async () => {
    const keyed = await startTestServer({ apiKey: 'secret' });
    try {
      expect(await keyed.post({ action: 'version', version: 6 })).toEqual({
        result: null,
        error: 'valid api key must be provided',
      });
      expect(await keyed.post({ action: 'version', version: 6, key: 'secret' })).toEqual({ result: 6, error: null });
      expect(
        await keyed.post({
          action: 'multi',
          version: 6,
          key: 'secret',
          params: { actions: [{ action: 'version', version: 6 }, { action: 'version', version: 6, key: 'secret' }] },
        }),
      ).toEqual({
        result: [{ result: null, error: 'valid api key must be provided' }, { result: 6, error: null }],
        error: null,
      });
      expect(await keyed.post({ action: 'requestPermission', version: 6 })).toEqual({
        result: { permission: 'granted', requireApikey: true, version: 6 },
        error: null,
      });
    } finally {
      await keyed.close();
    }
  });

  it('rejects a key when none is configured, and treats a null key as no key', async () => {
    const open = await startTestServer();
    try {
      expect(await open.post({ action: 'version', version: 6, key: 'x' })).toEqual({
        result: null,
        error: 'valid api key must be provided',
      });
      expect(await open.post({ action: 'version', version: 6, key: null })).toEqual({ result: 6, error: null });
    } finally {
      await open.close();
    }
  });
});

describe('limits and logging', () => {
  it('refuses an oversized body with a clear error and keeps serving', async () => {
    const small = await startTestServer({ maxRequestBytes: 1024 });
    try {
      const response = await fetch(small.url, { method: 'POST', body: JSON.stringify({ action: 'version', pad: 'x'.repeat(5000) }) });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ result: null, error: 'request body too large (limit 1024 bytes)' });
      expect(await small.post({ action: 'version', version: 6 })).toEqual({ result: 6, error: null });
    } finally {
      await small.close();
    }
  });

  it('writes the request log like the add-on when apiLogPath is set', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'engram-log-')), 'api.log');
    const logged = await startTestServer({ apiLogPath: path });
    try {
      await logged.post({ version: 6, action: 'version' });
      expect(readFileSync(path, 'utf8')).toBe('[request]\n{\n    "action": "version",\n    "version": 6\n}\n[reply]\n{\n    "error": null,\n    "result": 6\n}\n');
      // A reply formatted ahead of time (cardsInfo) is logged as its value.
      await logged.post({ version: 6, action: 'cardsInfo', params: { cards: [1] } });
      expect(readFileSync(path, 'utf8')).toContain('[reply]\n{\n    "error": null,\n    "result": [\n        {}\n    ]\n}\n');
    } finally {
      await logged.close();
    }
  });
});
