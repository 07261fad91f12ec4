/** PackageMetadata and MediaEntries (proto/anki/import_export.proto). */
import { ProtoWriter, WireType } from './wire';
import { decode, EMPTY } from './decode';

export interface MediaEntryMsg {
  name: string;
  size: number;
  sha1: Uint8Array;
  legacyZipFilename: number | null;
}

export function decodeMediaEntries(buf: Uint8Array): MediaEntryMsg[] {
  const entries: MediaEntryMsg[] = [];
  decode(buf, null, (_m, r, f) => {
    if (f !== 1) return false;
    entries.push(
      decode(r.bytes(), { name: '', size: 0, sha1: EMPTY, legacyZipFilename: null as number | null }, (e, er, ef) => {
        if (ef === 1) e.name = er.string();
        else if (ef === 2) e.size = er.uint32();
        else if (ef === 3) e.sha1 = er.bytes();
        else if (ef === 255) e.legacyZipFilename = er.uint32();
        else return false;
        return true;
      }),
    );
    return true;
  });
  return entries;
}

export function encodeMediaEntries(entries: readonly MediaEntryMsg[]): Uint8Array {
  const w = new ProtoWriter();
  for (const e of entries) {
    const inner = new ProtoWriter().stringField(1, e.name).varintField(2, e.size).bytesField(3, e.sha1);
    if (e.legacyZipFilename !== null) inner.varint(255, e.legacyZipFilename);
    w.message(1, inner);
  }
  return w.finish();
}

/** PackageMetadata.version: 1 legacy-1, 2 legacy-2, 3 latest; anything else is unknown. */
export function decodePackageVersion(buf: Uint8Array): number {
  let version = 0;
  decode(buf, null, (_m, r, f, w) => {
    if (f !== 1 || w !== WireType.Varint) return false;
    version = r.int32();
    return true;
  });
  return version;
}

export function encodePackageVersion(version: number): Uint8Array {
  return new ProtoWriter().varintField(1, version).finish();
}
