/** audio / video / picture objects on notes: storing, field markup, skipHash, failures written into fields. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicNote, scalar, useServer } from './notes-helpers';

const { server, col } = useServer();
const b64 = (text: string) => Buffer.from(text).toString('base64');
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

let web: Server;
let base: string;
beforeAll(async () => {
  web = createServer((req, res) => {
    if (req.url?.startsWith('/audio')) return res.end('mp3 bytes');
    res.statusCode = 404;
    res.end('nope');
  });
  await new Promise<void>((done) => web.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((done) => web.close(() => done()));
});

const mediaDir = () => server().engram.host.collection().mediaDir;
const frontBack = async (id: number) => {
  const [info] = await server().call<{ fields: Record<string, { value: string }> }[]>('notesInfo', { notes: [id] });
  return [info!.fields.Front!.value, info!.fields.Back!.value];
};

describe('media on addNote', () => {
  it('the spec sample shape: url objects in lists, each appended to its fields', async () => {
    const id = await server().call<number>('addNote', {
      note: {
        ...basicNote('front content', 'back content', { tags: ['yomichan'] }),
        audio: [{ url: `${base}/audio?kanji=猫`, filename: 'yomichan_ねこ_猫.mp3', skipHash: '7e2c2f954ef6051373ba916f000168dc', fields: ['Front'] }],
        video: [{ data: b64('video'), filename: 'countdown.mp4', fields: ['Back'] }],
        picture: [{ data: b64('jpeg'), filename: 'black_cat.jpg', fields: ['Back'] }],
      },
    });
    expect(await frontBack(id)).toEqual([
      'front content[sound:yomichan_ねこ_猫.mp3]',
      'back content[sound:countdown.mp4]<img src="black_cat.jpg">',
    ]);
    expect(readFileSync(join(mediaDir(), 'yomichan_ねこ_猫.mp3'), 'utf8')).toBe('mp3 bytes');
    expect(readFileSync(join(mediaDir(), 'black_cat.jpg'), 'utf8')).toBe('jpeg');
  });

  it('accepts a single object (asbplayer) and skips a file whose md5 equals skipHash', async () => {
    const id = await server().call<number>('addNote', {
      note: {
        ...basicNote('f', 'b'),
        audio: { data: b64('clip'), filename: 'asbp_clip.mp3', fields: ['Back'] },
        picture: { data: b64('stub'), filename: 'stub.jpg', skipHash: md5('stub'), fields: ['Back'] },
      },
    });
    expect(await frontBack(id)).toEqual(['f', 'b[sound:asbp_clip.mp3]']);
    expect(existsSync(join(mediaDir(), 'stub.jpg'))).toBe(false);
  });

  it('a failing media object does not fail the note: its error text goes into the fields, HTML-escaped', async () => {
    const id = await server().call<number>('addNote', {
      note: { ...basicNote('f', 'b'), picture: [{ filename: 'x.jpg', fields: ['Back', 'Nope'] }], audio: [] },
    });
    expect(await frontBack(id)).toEqual(['f', 'bYou must provide a "data", "path", or "url" field.']);
    const failed = await server().call<number>('addNote', {
      note: { ...basicNote('g', 'b'), audio: { url: `${base}/missing`, filename: 'a<b>.mp3', fields: ['Back'] } },
    });
    const [, back] = await frontBack(failed);
    expect(back).toMatch(/^b.*404/);
    expect(back).not.toContain('<');
  });

  it('a failing object without "fields" fails the request with the KeyError text', async () => {
    const reply = await server().envelope('addNote', { note: { ...basicNote('f'), audio: { filename: 'x.mp3' } } });
    expect(reply.error).toBe("'fields'");
    expect(scalar(col(), 'SELECT count(*) FROM notes')).toBe(0);
  });

  it('media goes in before the duplicate check, so it counts toward the first field', async () => {
    await server().call('addNote', { note: basicNote('word') });
    const withAudio = { ...basicNote('word'), audio: { data: b64('a'), filename: 'a.mp3', fields: ['Front'] } };
    expect(await server().call('canAddNote', { note: withAudio })).toBe(true);
  });

  it('canAddNotes stores media too (the add-on builds the whole note)', async () => {
    await server().call('canAddNotes', { notes: [{ ...basicNote('x'), picture: { data: b64('p'), filename: 'probe.png', fields: ['Back'] } }] });
    expect(readdirSync(mediaDir())).toContain('probe.png');
    expect(scalar(col(), 'SELECT count(*) FROM notes')).toBe(0);
  });

  it('deleteExisting is off for note media: a clashing name gets a hash suffix', async () => {
    await server().call('storeMediaFile', { filename: 'same.mp3', data: b64('one') });
    const id = await server().call<number>('addNote', {
      note: { ...basicNote('f'), audio: { data: b64('two'), filename: 'same.mp3', fields: ['Front'] } },
    });
    const [front] = await frontBack(id);
    expect(front).toMatch(/^f\[sound:same-[0-9a-f]{40}\.mp3\]$/);
    expect(readFileSync(join(mediaDir(), 'same.mp3'), 'utf8')).toBe('one');
  });
});

describe('media on updateNoteFields', () => {
  it('appends markup after the field update (spec sample shape)', async () => {
    const id = await server().call<number>('addNote', { note: basicNote('old') });
    await server().call('updateNoteFields', {
      note: {
        id,
        fields: { Front: 'new front content', Back: 'new back content' },
        audio: [{ url: `${base}/audio`, filename: 'yomichan_ねこ_猫.mp3', fields: ['Front'] }],
      },
    });
    expect(await frontBack(id)).toEqual(['new front content[sound:yomichan_ねこ_猫.mp3]', 'new back content']);
  });
});
