/**
 * A small streaming ZIP writer (stored or deflated entries; ZIP64 directory records
 * when an archive passes 65535 entries or 4 GB, but no single entry over 4 GB). Timestamps
 * are fixed at 1980-01-01 so the same input always gives the same bytes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { EngineError } from '../../errors';

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const LIMIT_32 = 0xffffffff;

function zip64OffsetExtra(offset: number): Buffer {
  const extra = Buffer.alloc(12);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8, 2);
  extra.writeBigUInt64LE(BigInt(offset), 4);
  return extra;
}

interface WrittenEntry {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly written: WrittenEntry[] = [];

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Adds an entry; `deflate` compresses it (Anki deflates only the legacy collection). */
  add(name: string, data: Uint8Array, deflate = false): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const body = deflate ? deflateRawSync(data) : data;
    const entry: WrittenEntry = {
      name: nameBytes,
      method: deflate ? 8 : 0,
      crc: crc32(data),
      compressedSize: body.length,
      size: data.length,
      offset: this.offset,
    };
    if (entry.size >= LIMIT_32 || entry.compressedSize >= LIMIT_32) {
      throw new EngineError('unsupported', `"${name}" is larger than 4 GB, which Engram cannot package yet.`);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(this.flags(name), 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.write(header);
    this.write(nameBytes);
    this.write(body);
    this.written.push(entry);
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    try {
      const start = this.offset;
      for (const e of this.written) {
        const header = Buffer.alloc(46);
        header.writeUInt32LE(0x02014b50, 0);
        header.writeUInt16LE(20, 4);
        header.writeUInt16LE(20, 6);
        header.writeUInt16LE(this.flags(e.name.toString('utf8')), 8);
        header.writeUInt16LE(e.method, 10);
        header.writeUInt16LE(0, 12);
        header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
        header.writeUInt32LE(e.crc, 16);
        header.writeUInt32LE(e.compressedSize, 20);
        header.writeUInt32LE(e.size, 24);
        header.writeUInt16LE(e.name.length, 28);
        const extra = e.offset >= LIMIT_32 ? zip64OffsetExtra(e.offset) : Buffer.alloc(0);
        header.writeUInt16LE(extra.length, 30);
        header.writeUInt32LE(Math.min(e.offset, LIMIT_32), 42);
        this.write(header);
        this.write(e.name);
        this.write(extra);
      }
      const count = this.written.length;
      const size = this.offset - start;
      if (count >= 0xffff || start >= LIMIT_32 || size >= LIMIT_32) this.writeZip64End(count, size, start);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(Math.min(count, 0xffff), 8);
      end.writeUInt16LE(Math.min(count, 0xffff), 10);
      end.writeUInt32LE(Math.min(size, LIMIT_32), 12);
      end.writeUInt32LE(Math.min(start, LIMIT_32), 16);
      this.write(end);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes without finishing (the caller deletes the partial file). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  private writeZip64End(count: number, size: number, start: number): void {
    const recordOffset = this.offset;
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    this.write(record);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(recordOffset), 8);
    locator.writeUInt32LE(1, 16);
    this.write(locator);
  }

  private flags(name: string): number {
    return /^[\x20-\x7e]*$/.test(name) ? 0 : 1 << 11;
  }

  private write(data: Uint8Array): void {
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done);
    this.offset += data.length;
  }
}
