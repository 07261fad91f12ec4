import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/api-server';

const HELLO = 'SGVsbG8sIHdvcmxkIQ=='; // "Hello, world!"
const b64 = (text: string) => Buffer.from(text).toString('base64');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

let server: TestServer;
let mediaDir: string;
let scratch: string;
let web: Server;
let webBase: string;

/** A local web server: /hello, /big (declared length), /stream (no length), /missing, /hang. */
function startWebServer(): Promise<Server> {
  const s = createServer((req, res) => {
    if (req.url === '/hello') return res.end('Hello from the web');
    if (req.url === '/big') {
      res.setHeader('content-length', String(4096));
      return res.end('x'.repeat(4096));
    }
    if (req.url === '/stream') {
      res.write('y'.repeat(3000));
      return res.end('y'.repeat(3000));
    }
    if (req.url === '/redirect') {
      res.statusCode = 302;
      res.setHeader('location', '/hello');
      return res.end();
    }
    if (req.url === '/hang') return; // never answers
    res.statusCode = 404;
    res.end('nope');
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  server = await startTestServer({ maxMediaSourceBytes: 2048, webTimeout: 300 });
  mediaDir = (await server.call<string>('getMediaDirPath'));
  scratch = mkdtempSync(join(tmpdir(), 'engram-media-src-'));
  web = await startWebServer();
  webBase = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(async () => {
  web.closeAllConnections();
  await new Promise((resolve) => web.close(resolve));
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

const store = (params: Record<string, unknown>) => server.envelope('storeMediaFile', params);
const fileText = (name: string) => readFileSync(join(mediaDir, name), 'utf8');

describe('media actions: spec samples', () => {
  it('stores, retrieves, lists and deletes _hello.txt', async () => {
    expect(await store({ filename: '_hello.txt', data: HELLO })).toEqual({ result: '_hello.txt', error: null });
    expect(fileText('_hello.txt')).toBe('Hello, world!');
    expect(await server.envelope('retrieveMediaFile', { filename: '_hello.txt' })).toEqual({ result: HELLO, error: null });
    expect(await server.envelope('getMediaFilesNames', { pattern: '_hell*.txt' })).toEqual({ result: ['_hello.txt'], error: null });
    expect(await server.envelope('deleteMediaFile', { filename: '_hello.txt' })).toEqual({ result: null, error: null });
    expect(existsSync(join(mediaDir, '_hello.txt'))).toBe(false);
    expect(await server.envelope('retrieveMediaFile', { filename: '_hello.txt' })).toEqual({ result: false, error: null });
  });

  it('getMediaDirPath is an existing, writable collection.media folder', async () => {
    expect(mediaDir.endsWith('collection.media')).toBe(true);
    expect(statSync(mediaDir).isDirectory()).toBe(true);
    expect(() => accessSync(mediaDir, constants.W_OK)).not.toThrow();
  });

  it('stores from an absolute path (sample 2)', async () => {
    const source = join(scratch, 'hello-source.txt');
    writeFileSync(source, 'from a path');
    expect(await store({ filename: '_path.txt', path: source })).toEqual({ result: '_path.txt', error: null });
    expect(fileText('_path.txt')).toBe('from a path');
  });

  it('stores from a url (sample 3), following redirects', async () => {
    expect(await store({ filename: '_url.txt', url: `${webBase}/hello` })).toEqual({ result: '_url.txt', error: null });
    expect(fileText('_url.txt')).toBe('Hello from the web');
    expect((await store({ filename: '_redirected.txt', url: `${webBase}/redirect` })).result).toBe('_redirected.txt');
    expect(fileText('_redirected.txt')).toBe('Hello from the web');
  });
});

describe('storeMediaFile semantics', () => {
  it('replaces an existing file by default and renames on conflict with deleteExisting: false', async () => {
    await store({ filename: 'clash.txt', data: b64('one') });
    expect((await store({ filename: 'clash.txt', data: b64('two') })).result).toBe('clash.txt');
    expect(fileText('clash.txt')).toBe('two');
    const trash = join(dirname(mediaDir), 'media.trash');
    expect(readFileSync(join(trash, 'clash.txt'), 'utf8')).toBe('one');

    expect((await store({ filename: 'clash.txt', data: b64('two'), deleteExisting: false })).result).toBe('clash.txt');
    const renamed = (await store({ filename: 'clash.txt', data: b64('three'), deleteExisting: false })).result;
    expect(renamed).toBe(`clash-${sha1('three')}.txt`);
    expect(fileText('clash.txt')).toBe('two');
    expect(fileText(renamed as string)).toBe('three');
  });

  it('lower-cases names and, like the add-on, deletes only the name exactly as given', async () => {
    expect((await store({ filename: 'Upper.TXT', data: b64('one') })).result).toBe('upper.txt');
    // "Upper.TXT" itself does not exist, so nothing is deleted and the new content gets a hashed name.
    expect((await store({ filename: 'Upper.TXT', data: b64('two') })).result).toBe(`upper-${sha1('two')}.txt`);
    expect((await store({ filename: 'upper.txt', data: b64('three') })).result).toBe('upper.txt');
    expect(fileText('upper.txt')).toBe('three');
    expect(await server.call('retrieveMediaFile', { filename: 'Upper.TXT' })).toBe(false);
  });

  it('returns null without storing when skipHash is the md5 of the content', async () => {
    expect(await store({ filename: 'skipped.txt', data: b64('same'), skipHash: md5('same') })).toEqual({ result: null, error: null });
    expect(existsSync(join(mediaDir, 'skipped.txt'))).toBe(false);
    expect((await store({ filename: 'kept.txt', data: b64('same'), skipHash: md5('other') })).result).toBe('kept.txt');
  });

  it('uses data first, then path, then url; empty strings count as missing', async () => {
    const source = join(scratch, 'prec.txt');
    writeFileSync(source, 'path wins');
    await store({ filename: 'prec1.txt', data: b64('data wins'), path: source, url: `${webBase}/hello` });
    expect(fileText('prec1.txt')).toBe('data wins');
    await store({ filename: 'prec2.txt', data: '', path: source, url: `${webBase}/hello` });
    expect(fileText('prec2.txt')).toBe('path wins');
    await store({ filename: 'prec3.txt', data: null, path: '', url: `${webBase}/hello` });
    expect(fileText('prec3.txt')).toBe('Hello from the web');
    expect(await store({ filename: 'none.txt', data: '' })).toEqual({
      result: null,
      error: 'You must provide a "data", "path", or "url" field.',
    });
  });

  it('normalises names like Anki', async () => {
    expect((await store({ filename: 'con.jpg', data: HELLO })).result).toBe('con_.jpg');
    expect((await store({ filename: 'a:b?<c>|d.txt', data: HELLO })).result).toBe('abcd.txt');
    expect((await store({ filename: 'trailing.', data: HELLO })).result).toBe('trailing._');
    const nfd = 'cafe\u0301.txt';
    expect((await store({ filename: nfd, data: HELLO })).result).toBe('caf\u00e9.txt');
  });

  it('keeps underscore-prefixed files and lists hidden files only for dot patterns', async () => {
    await store({ filename: '_config.json', data: b64('{}') });
    await store({ filename: '.hidden.txt', data: b64('h') });
    const all = (await server.call<string[]>('getMediaFilesNames', {}));
    expect(all).toContain('_config.json');
    expect(all).not.toContain('.hidden.txt');
    expect(await server.call('getMediaFilesNames', { pattern: '.hid*' })).toEqual(['.hidden.txt']);
    expect(await server.call('getMediaFilesNames', { pattern: '_config.json' })).toEqual(['_config.json']);
    expect(await server.call('getMediaFilesNames', { pattern: 'no-such-*' })).toEqual([]);
  });

  it('reports bad base64 and wrong types with a clear error', async () => {
    expect((await store({ filename: 'bad.txt', data: 'SGVsbG8' })).error).toBe('Incorrect padding');
    expect((await store({ filename: 'bad.txt', data: 42 })).error).toContain("'data'");
    expect((await store({ filename: 7, data: HELLO })).error).toContain("'filename'");
    expect((await store({ data: HELLO })).error).toBe(
      "AnkiConnect.storeMediaFile() missing 1 required positional argument: 'filename'",
    );
    expect((await server.envelope('retrieveMediaFile', { filename: ['x'] })).error).toContain("'filename'");
    expect(existsSync(join(mediaDir, 'bad.txt'))).toBe(false);
  });
});

describe('media never escapes the media folder', () => {
  it('flattens separators in stored names instead of writing elsewhere', async () => {
    const before = readdirSync(dirname(mediaDir)).sort();
    expect((await store({ filename: '../escaped.txt', data: HELLO })).result).toBe('..escaped.txt');
    expect((await store({ filename: '/tmp/engram-abs.txt', data: HELLO })).result).toBe('tmpengram-abs.txt');
    expect((await store({ filename: '..\\..\\win.txt', data: HELLO })).result).toBe('....win.txt');
    expect((await store({ filename: 'nul\u0000byte.txt', data: HELLO })).result).toBe('nulbyte.txt');
    expect((await store({ filename: '..', data: HELLO })).result).toBe('.._');
    expect(readdirSync(dirname(mediaDir)).sort()).toEqual(before);
    expect(existsSync('/tmp/engram-abs.txt')).toBe(false);
    expect((await store({ filename: '', data: HELLO })).error).toBe('invalid media filename: ""');
  });

  it('refuses to delete anything but a plain name', async () => {
    const collectionFile = join(dirname(mediaDir), 'collection.sqlite');
    expect(existsSync(collectionFile)).toBe(true);
    for (const filename of ['../collection.sqlite', collectionFile, '..', 'a/b', 'nul\u0000', '']) {
      const reply = await server.envelope('deleteMediaFile', { filename });
      expect(reply.error).toBe(`invalid media filename: ${JSON.stringify(filename)}`);
    }
    expect(existsSync(collectionFile)).toBe(true);
    expect(await server.envelope('deleteMediaFile', { filename: 'never-stored.txt' })).toEqual({ result: null, error: null });
  });

  it('retrieves only by basename inside the folder', async () => {
    await store({ filename: 'inside.txt', data: b64('inside') });
    expect(await server.call('retrieveMediaFile', { filename: '../../etc/inside.txt' })).toBe(b64('inside'));
    expect(await server.call('retrieveMediaFile', { filename: '../collection.anki2' })).toBe(false);
    expect(await server.call('retrieveMediaFile', { filename: '..' })).toBe(false);
    expect(await server.call('retrieveMediaFile', { filename: '/etc/passwd' })).toBe(false);
  });

  it('refuses glob patterns that leave the folder', async () => {
    expect((await server.envelope('getMediaFilesNames', { pattern: '../*' })).error).toContain('path separators');
    expect((await server.envelope('getMediaFilesNames', { pattern: '/etc/*' })).error).toContain('path separators');
  });
});

describe('size limits, URL schemes and timeouts', () => {
  it('refuses an oversized path source and writes nothing', async () => {
    const big = join(scratch, 'big.bin');
    writeFileSync(big, Buffer.alloc(4096, 1));
    const reply = await store({ filename: 'big.bin', path: big });
    expect(reply.result).toBeNull();
    expect(reply.error).toMatch(/too large \(4096 bytes; the limit is 2048 bytes\)/);
    expect(existsSync(join(mediaDir, 'big.bin'))).toBe(false);
  });

  it('refuses paths that are not regular files without blocking', async () => {
    expect((await store({ filename: 'dev.bin', path: '/dev/zero' })).error).toBe("not a regular file: '/dev/zero'");
    expect((await store({ filename: 'dir.bin', path: scratch })).error).toBe(`[Errno 21] Is a directory: '${scratch}'`);
    const fifo = join(scratch, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect((await store({ filename: 'fifo.bin', path: fifo })).error).toBe(`not a regular file: '${fifo}'`);
  });

  it('reports a missing path like Python', async () => {
    const missing = join(scratch, 'missing.txt');
    expect((await store({ filename: 'm.txt', path: missing })).error).toBe(`[Errno 2] No such file or directory: '${missing}'`);
  });

  it('refuses oversized downloads, declared or streamed', async () => {
    expect((await store({ filename: 'big1.bin', url: `${webBase}/big` })).error).toMatch(/too large \(4096 bytes/);
    expect((await store({ filename: 'big2.bin', url: `${webBase}/stream` })).error).toMatch(/too large/);
    expect(existsSync(join(mediaDir, 'big1.bin')) || existsSync(join(mediaDir, 'big2.bin'))).toBe(false);
  });

  it('reports HTTP failures with the add-on text', async () => {
    const url = `${webBase}/missing`;
    expect((await store({ filename: 'x.txt', url })).error).toBe(`${url} download failed with return code 404`);
  });

  it('accepts only http and https URLs', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'not a url']) {
      expect((await store({ filename: 'x.txt', url })).error).toMatch(/only http and https URLs can be downloaded/);
    }
  });

  it('times out a download that never answers (webTimeout)', async () => {
    const url = `${webBase}/hang`;
    expect((await store({ filename: 'hang.txt', url })).error).toBe(`${url} download timed out after 300 ms`);
  });
});
