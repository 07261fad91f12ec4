/**
 * A minimal protobuf wire-format reader and writer (proto3), enough for the few
 * Anki messages stored in collections and packages. int64 values are bigint.
 */

export const WireType = { Varint: 0, Fixed64: 1, Bytes: 2, Fixed32: 5 } as const;

export class ProtoDecodeError extends Error {}

const textDecoder = new TextDecoder('utf-8', { fatal: false });
const textEncoder = new TextEncoder();

export class ProtoReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** The next field key, or undefined at the end. */
  key(): { field: number; wire: number } | undefined {
    if (this.done()) return undefined;
    const key = this.varint();
    const field = Number(key >> 3n);
    if (field === 0) throw new ProtoDecodeError('field number 0');
    return { field, wire: Number(key & 7n) };
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new ProtoDecodeError('truncated varint');
      const byte = this.buf[this.pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw new ProtoDecodeError('varint too long');
  }

  uint32(): number {
    return Number(BigInt.asUintN(32, this.varint()));
  }

  int32(): number {
    return Number(BigInt.asIntN(32, this.varint()));
  }

  int64(): bigint {
    return BigInt.asIntN(64, this.varint());
  }

  bool(): boolean {
    return this.varint() !== 0n;
  }

  float(): number {
    this.need(4);
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }

  bytes(): Uint8Array {
    const length = Number(this.varint());
    this.need(length);
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(): string {
    return textDecoder.decode(this.bytes());
  }

  /** A repeated float field: packed (wire 2) or a single unpacked value (wire 5). */
  floats(wire: number, into: number[]): void {
    if (wire === WireType.Fixed32) {
      into.push(this.float());
      return;
    }
    const inner = new ProtoReader(this.bytes());
    while (!inner.done()) into.push(inner.float());
  }

  /** A repeated uint32 field: packed (wire 2) or a single unpacked value (wire 0). */
  uint32s(wire: number, into: number[]): void {
    if (wire === WireType.Varint) {
      into.push(this.uint32());
      return;
    }
    const inner = new ProtoReader(this.bytes());
    while (!inner.done()) into.push(inner.uint32());
  }

  skip(wire: number): void {
    switch (wire) {
      case WireType.Varint:
        this.varint();
        return;
      case WireType.Fixed64:
        this.need(8);
        this.pos += 8;
        return;
      case WireType.Bytes:
        this.bytes();
        return;
      case WireType.Fixed32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw new ProtoDecodeError(`unsupported wire type ${wire}`);
    }
  }

  private need(length: number): void {
    if (length < 0 || this.pos + length > this.buf.length) throw new ProtoDecodeError('truncated message');
  }
}

/** Writes fields in the order called; proto3 defaults (0, false, "") are omitted by the `*Field` helpers. */
export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private length = 0;

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  private rawVarint(value: bigint): void {
    let rest = BigInt.asUintN(64, value);
    const bytes: number[] = [];
    do {
      let byte = Number(rest & 0x7fn);
      rest >>= 7n;
      if (rest) byte |= 0x80;
      bytes.push(byte);
    } while (rest);
    this.push(Uint8Array.from(bytes));
  }

  private key(field: number, wire: number): void {
    this.rawVarint(BigInt(field) * 8n + BigInt(wire));
  }

  /** Any varint-encoded scalar (int32/int64/uint32/bool/enum); negative ints use 10 bytes. */
  varint(field: number, value: bigint | number | boolean): this {
    const big = typeof value === 'bigint' ? value : BigInt(typeof value === 'boolean' ? Number(value) : Math.trunc(value));
    this.key(field, WireType.Varint);
    this.rawVarint(big);
    return this;
  }

  varintField(field: number, value: bigint | number | boolean): this {
    if (value === 0 || value === 0n || value === false) return this;
    return this.varint(field, value);
  }

  floatValue(field: number, value: number): this {
    this.key(field, WireType.Fixed32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
    return this;
  }

  floatField(field: number, value: number): this {
    if (value === 0 && !Object.is(value, -0)) return this;
    return this.floatValue(field, value);
  }

  bytesValue(field: number, value: Uint8Array): this {
    this.key(field, WireType.Bytes);
    this.rawVarint(BigInt(value.length));
    this.push(value);
    return this;
  }

  bytesField(field: number, value: Uint8Array): this {
    return value.length ? this.bytesValue(field, value) : this;
  }

  stringField(field: number, value: string): this {
    return value.length ? this.bytesValue(field, textEncoder.encode(value)) : this;
  }

  /** An embedded message, written even when empty (message presence). */
  message(field: number, inner: ProtoWriter): this {
    return this.bytesValue(field, inner.finish());
  }

  packedFloats(field: number, values: readonly number[]): this {
    if (!values.length) return this;
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return this.bytesValue(field, bytes);
  }

  packedUint32s(field: number, values: readonly number[]): this {
    if (!values.length) return this;
    const inner = new ProtoWriter();
    for (const v of values) inner.rawVarint(BigInt(v >>> 0));
    return this.bytesValue(field, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
