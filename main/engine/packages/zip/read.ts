/**
 * A defensive ZIP reader over a file descriptor: entries are read on demand, sizes
 * are checked against limits before anything is inflated, CRCs are verified, and
 * names that could escape a folder are refused.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import type { PackageLimits } from '../limits';
import { corruptPackage } from '../errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Package entries are flat names ("meta", "0", "collection.anki21b"); anything path-like is hostile. */
export function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\0]/.test(name) &&
    !/^[A-Za-z]:/.test(name)
  );
}

function u64(buf: Buffer, offset: number): number {
  const value = buf.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corruptPackage('ZIP size field out of range');
  return Number(value);
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly fd: number;
  private readonly fileSize: number;

  private constructor(path: string, private readonly limits: PackageLimits) {
    try {
      this.fd = openSync(path, 'r');
    } catch (error) {
      throw corruptPackage(`cannot open file: ${(error as Error).message}`);
    }
    try {
      this.fileSize = fstatSync(this.fd).size;
      this.readDirectory();
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  static open(path: string, limits: PackageLimits): ZipReader {
    return new ZipReader(path, limits);
  }

  close(): void {
    closeSync(this.fd);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The whole entry, inflated and CRC-checked. */
  read(name: string): Buffer {
    const entry = this.entries.get(name);
    if (!entry) throw corruptPackage(`missing entry "${name}"`);
    const raw = this.readRaw(entry);
    let data: Buffer;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw corruptPackage(`stored entry "${name}" has inconsistent sizes`);
      data = raw;
    } else if (entry.method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        throw corruptPackage(tooBig ? `entry "${name}" inflates beyond its declared size` : `entry "${name}" cannot be inflated`);
      }
      if (data.length !== entry.size) throw corruptPackage(`entry "${name}" has the wrong size`);
    } else {
      throw corruptPackage(`entry "${name}" uses unsupported compression method ${entry.method}`);
    }
    if (crc32(data) !== entry.crc) throw corruptPackage(`entry "${name}" fails its checksum`);
    return data;
  }

  private readAt(offset: number, length: number): Buffer {
    if (offset < 0 || length < 0 || offset + length > this.fileSize) throw corruptPackage('ZIP structure points outside the file');
    const buf = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buf, done, length - done, offset + done);
      if (n <= 0) throw corruptPackage('unexpected end of file');
      done += n;
    }
    return buf;
  }

  private readRaw(entry: ZipEntry): Buffer {
    const header = this.readAt(entry.localOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_SIG) throw corruptPackage(`bad local header for "${entry.name}"`);
    const dataStart = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    return this.readAt(dataStart, entry.compressedSize);
  }

  private findEndRecord(): { offset: number; record: Buffer } {
    if (this.fileSize < 22) throw corruptPackage('too small to be a ZIP file');
    const tailLength = Math.min(this.fileSize, MAX_COMMENT + 22);
    const tailStart = this.fileSize - tailLength;
    const tail = this.readAt(tailStart, tailLength);
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tailLength) {
        return { offset: tailStart + i, record: tail.subarray(i, i + 22) };
      }
    }
    throw corruptPackage('not a ZIP file');
  }

  private readDirectory(): void {
    const { offset: eocdOffset, record } = this.findEndRecord();
    if (record.readUInt16LE(4) !== 0 || record.readUInt16LE(6) !== 0) throw corruptPackage('multi-part ZIP files are not supported');
    let count = record.readUInt16LE(10);
    let cdSize = record.readUInt32LE(12);
    let cdOffset = record.readUInt32LE(16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      ({ count, cdSize, cdOffset } = this.readZip64End(eocdOffset));
    }
    if (count > this.limits.maxEntries) throw corruptPackage(`too many entries (${count})`);
    const directory = this.readAt(cdOffset, cdSize);
    let pos = 0;
    let total = 0;
    for (let i = 0; i < count; i++) {
      const { value: entry, next } = this.parseCentralHeader(directory, pos);
      pos = next;
      if (!isSafeEntryName(entry.name)) throw corruptPackage(`unsafe entry name "${entry.name}"`);
      if (this.entries.has(entry.name)) throw corruptPackage(`duplicate entry "${entry.name}"`);
      if (entry.size > this.limits.maxEntryBytes) throw corruptPackage(`entry "${entry.name}" is too large (${entry.size} bytes)`);
      total += entry.size;
      if (total > this.limits.maxTotalBytes) throw corruptPackage('the contents are too large');
      this.entries.set(entry.name, entry);
    }
  }

  private readZip64End(eocdOffset: number): { count: number; cdSize: number; cdOffset: number } {
    const locator = this.readAt(eocdOffset - 20, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) throw corruptPackage('missing ZIP64 locator');
    const end = this.readAt(u64(locator, 8), 56);
    if (end.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw corruptPackage('bad ZIP64 end record');
    return { count: u64(end, 32), cdSize: u64(end, 40), cdOffset: u64(end, 48) };
  }

  private parseCentralHeader(dir: Buffer, pos: number): { value: ZipEntry; next: number } {
    if (pos + 46 > dir.length || dir.readUInt32LE(pos) !== CENTRAL_SIG) throw corruptPackage('bad central directory');
    const flags = dir.readUInt16LE(pos + 8);
    if (flags & 1) throw corruptPackage('encrypted entries are not supported');
    const nameLength = dir.readUInt16LE(pos + 28);
    const extraLength = dir.readUInt16LE(pos + 30);
    const commentLength = dir.readUInt16LE(pos + 32);
    const next = pos + 46 + nameLength + extraLength + commentLength;
    if (next > dir.length) throw corruptPackage('bad central directory');
    const nameBytes = dir.subarray(pos + 46, pos + 46 + nameLength);
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      name = latin1.decode(nameBytes);
    }
    let compressedSize = dir.readUInt32LE(pos + 20);
    let size = dir.readUInt32LE(pos + 24);
    let localOffset = dir.readUInt32LE(pos + 42);
    const extra = dir.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let z = e + 4;
        const take = (): number => {
          if (z + 8 > e + 4 + length) throw corruptPackage('bad ZIP64 extra field');
          const value = u64(extra, z);
          z += 8;
          return value;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      e += 4 + length;
    }
    const value: ZipEntry = {
      name,
      method: dir.readUInt16LE(pos + 10),
      compressedSize,
      size,
      crc: dir.readUInt32LE(pos + 16),
      localOffset,
    };
    return { value, next };
  }
}
