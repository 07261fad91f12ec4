/** The generic decoding loop shared by the message codecs. */
import { ProtoReader } from './wire';

export const EMPTY: Uint8Array = new Uint8Array(0);

/** Reads every field of `buf` into `init` via `onField`; unknown fields are skipped. */
export function decode<T>(buf: Uint8Array, init: T, onField: (msg: T, r: ProtoReader, field: number, wire: number) => boolean): T {
  const r = new ProtoReader(buf);
  for (let key = r.key(); key; key = r.key()) {
    if (!onField(init, r, key.field, key.wire)) r.skip(key.wire);
  }
  return init;
}
