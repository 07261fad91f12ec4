import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, resolveLimits } from '../limits';
import { isSafeEntryName, ZipReader } from './read';
import { ZipWriter } from './write';

const dir = mkdtempSync(join(tmpdir(), 'engram-zip-'));
let counter = 0;

function zipOf(entries: [string, Uint8Array, boolean?][]): string {
  const path = join(dir, `z${counter++}.zip`);
  const zip = new ZipWriter(path);
  for (const [name, data, deflate] of entries) zip.add(name, data, deflate ?? false);
  zip.finish();
  return path;
}

function open(path: string, limits = DEFAULT_LIMITS): ZipReader {
  return ZipReader.open(path, limits);
}

describe('ZIP writer and reader', () => {
  it('round-trips stored and deflated entries', () => {
    const text = Buffer.from('hello '.repeat(1000));
    const reader = open(zipOf([['meta', Buffer.from([8, 3])], ['collection.anki21', text, true], ['0', Buffer.alloc(0)]]));
    expect([...reader.entries.keys()]).toEqual(['meta', 'collection.anki21', '0']);
    expect(reader.entries.get('collection.anki21')!.method).toBe(8);
    expect(reader.read('collection.anki21').equals(text)).toBe(true);
    expect(reader.read('meta')).toEqual(Buffer.from([8, 3]));
    expect(reader.read('0').length).toBe(0);
    reader.close();
  });

  it('writes the same bytes for the same input', () => {
    const entries: [string, Uint8Array, boolean][] = [['a', Buffer.from('x'), false], ['b', Buffer.from('y'.repeat(99)), true]];
    expect(readFileSync(zipOf(entries)).equals(readFileSync(zipOf(entries)))).toBe(true);
  });

  it('uses ZIP64 directory records past 65535 entries', () => {
    const entries: [string, Uint8Array][] = Array.from({ length: 65_600 }, (_, i) => [String(i), Buffer.from([i & 0xff])]);
    const reader = open(zipOf(entries), resolveLimits({ maxEntries: 100_000 }));
    expect(reader.entries.size).toBe(65_600);
    expect(reader.read('65599')).toEqual(Buffer.from([65_599 & 0xff]));
    reader.close();
  });
});

describe('hostile ZIP files are refused', () => {
  it('names that could leave a folder', () => {
    for (const name of ['../evil', 'a/b', 'a\\b', '/abs', 'C:evil', '..', '.', '', 'nul\0byte']) expect(isSafeEntryName(name)).toBe(false);
    for (const name of ['meta', '0', 'collection.anki21b', 'media']) expect(isSafeEntryName(name)).toBe(true);
    expect(() => open(zipOf([['../../etc/passwd', Buffer.from('x')]]))).toThrow(/unsafe entry name/);
  });

  it('garbage, truncation and duplicates', () => {
    const garbage = join(dir, 'garbage.zip');
    writeFileSync(garbage, Buffer.from('this is not a zip file at all, not even close'));
    expect(() => open(garbage)).toThrow(/not a ZIP file/);
    const good = readFileSync(zipOf([['a', Buffer.from('abc'.repeat(100)), true]]));
    const truncated = join(dir, 'truncated.zip');
    writeFileSync(truncated, good.subarray(0, good.length - 30));
    expect(() => open(truncated)).toThrow(/not a valid Anki package/);
    expect(() => open(zipOf([['a', Buffer.from('1')], ['a', Buffer.from('2')]]))).toThrow(/duplicate entry/);
  });

  it('too many entries or declared sizes over the limits', () => {
    const many = zipOf(Array.from({ length: 20 }, (_, i): [string, Uint8Array] => [String(i), Buffer.from('x')]));
    expect(() => open(many, resolveLimits({ maxEntries: 10 }))).toThrow(/too many entries/);
    const big = zipOf([['a', Buffer.alloc(5000)]]);
    expect(() => open(big, resolveLimits({ maxEntryBytes: 4096 }))).toThrow(/too large/);
    expect(() => open(zipOf([['a', Buffer.alloc(3000)], ['b', Buffer.alloc(3000)]]), resolveLimits({ maxTotalBytes: 5000 }))).toThrow(/too large/);
  });

  it('an entry that inflates beyond the size it declares (decompression bomb)', () => {
    const path = zipOf([['collection.anki2', Buffer.alloc(8 * 1024 * 1024), true]]);
    const bytes = readFileSync(path);
    // Declare 1000 bytes in the central directory while the data inflates to 8 MB.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(1000, central + 24);
    writeFileSync(path, bytes);
    const reader = open(path);
    expect(() => reader.read('collection.anki2')).toThrow(/inflates beyond its declared size/);
    reader.close();
  });

  it('data that fails its checksum, and encrypted entries', () => {
    const path = zipOf([['a', Buffer.from('hello world')]]);
    const bytes = readFileSync(path);
    bytes[30 + 1] = 'X'.charCodeAt(0);
    writeFileSync(path, bytes);
    const reader = open(path);
    expect(() => reader.read('a')).toThrow(/checksum/);
    reader.close();
    const enc = zipOf([['a', Buffer.from('secret')]]);
    const encBytes = readFileSync(enc);
    encBytes.writeUInt16LE(1, encBytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    writeFileSync(enc, encBytes);
    expect(() => open(enc)).toThrow(/encrypted/);
  });

  it('an unknown compression method', () => {
    const path = zipOf([['a', deflateRawSync(Buffer.from('x'))]]);
    const bytes = readFileSync(path);
    bytes.writeUInt16LE(12, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    writeFileSync(path, bytes);
    const reader = open(path);
    expect(() => reader.read('a')).toThrow(/unsupported compression method 12/);
    reader.close();
  });
});
