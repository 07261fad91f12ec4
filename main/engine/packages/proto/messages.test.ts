import { describe, expect, it } from 'vitest';
import {
  decodeDeckCommon,
  decodeTemplateConfig,
  encodeDeckCommon,
  encodeTemplateConfig,
  decodeDeckConfig,
  decodeDeckKind,
  decodeFieldConfig,
  decodeMediaEntries,
  decodeNotetypeConfig,
  decodePackageVersion,
  encodeDeckConfig,
  encodeDeckKind,
  encodeFieldConfig,
  encodeMediaEntries,
  encodeNotetypeConfig,
  encodePackageVersion,
} from './messages';
import { ProtoDecodeError, ProtoReader, ProtoWriter } from './wire';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Blobs from a collection Anki made in 2024 (fixtures/packages/schema18-empty-collection.anki2). */
const REAL = {
  deckConfig:
    '0A080000803F00002041120400002041481450C8015D00002040656666A63F6D9A99993F7D0000803F8001949D02880101900101980104A80101B00108C0013CAD026666663FC5026666663FE00201',
  notetype:
    '1A7E2E63617264207B0A20202020666F6E742D66616D696C793A20617269616C3B0A20202020666F6E742D73697A653A20323070783B0A20202020746578742D616C69676E3A2063656E7465723B0A20202020636F6C6F723A20626C61636B3B0A202020206261636B67726F756E642D636F6C6F723A2077686974653B0A7D0A2AB2015C646F63756D656E74636C6173735B313270745D7B61727469636C657D0A5C7370656369616C7B706170657273697A653D33696E2C35696E7D0A5C7573657061636B6167655B757466385D7B696E707574656E637D0A5C7573657061636B6167657B616D7373796D622C616D736D6174687D0A5C706167657374796C657B656D7074797D0A5C7365746C656E6774687B5C706172696E64656E747D7B30696E7D0A5C626567696E7B646F63756D656E747D0A320E5C656E647B646F63756D656E747D420510011A01004801',
  field: '1A05417269616C201448F5C39E8B85DB83AEAF01',
  template:
    '0A097B7B46726F6E747D7D12277B7B46726F6E74536964657D7D0A0A3C68722069643D616E737765723E0A0A7B7B4261636B7D7D40E6CEDB95C3F3C5921D',
  deckCommon: '08011001',
};

describe('protobuf messages', () => {
  it('reads and writes the default deck kind Anki stores (0A 02 08 01)', () => {
    const kind = decodeDeckKind(Buffer.from('0a020801', 'hex'));
    expect(kind).toMatchObject({ normal: { configId: 1n, reviewLimit: null, description: '' } });
    expect(hex(encodeDeckKind(kind))).toBe('0a020801');
  });

  it('encodes package metadata as Anki does and reads unknown versions as such', () => {
    expect(hex(encodePackageVersion(3))).toBe('0803');
    expect(decodePackageVersion(Buffer.from('0802', 'hex'))).toBe(2);
    expect(decodePackageVersion(Buffer.from('0809', 'hex'))).toBe(9);
    expect(decodePackageVersion(new Uint8Array(0))).toBe(0);
  });

  it('keeps negative i64 field ids exact (10-byte varints)', () => {
    const id = BigInt.asIntN(64, 12635990976736240117n);
    const config = { ...decodeFieldConfig(new Uint8Array(0)), fontName: 'Arial', fontSize: 20, id, tag: 0, preventDeletion: true };
    const bytes = encodeFieldConfig(config);
    expect(decodeFieldConfig(bytes)).toEqual(config);
    expect(decodeFieldConfig(bytes).id).toBe(-5810753096973311499n);
  });

  it('round-trips a notetype config with requirements, original id and unknown legacy keys', () => {
    const config = {
      kind: 1, sortFieldIdx: 1, css: '.card {}', targetDeckIdUnused: 1484324595221n, latexPre: 'pre', latexPost: 'post',
      latexSvg: true, reqs: [{ cardOrd: 0, kind: 2, fieldOrds: [0, 2] }], originalStockKind: 5, originalId: 1483568031035n,
      other: new TextEncoder().encode('{"vers":[]}'),
    };
    expect(decodeNotetypeConfig(encodeNotetypeConfig(config))).toEqual(config);
  });

  it.each([
    ['deck options', REAL.deckConfig, decodeDeckConfig, encodeDeckConfig],
    ['notetype', REAL.notetype, decodeNotetypeConfig, encodeNotetypeConfig],
    ['field', REAL.field, decodeFieldConfig, encodeFieldConfig],
    ['template', REAL.template, decodeTemplateConfig, encodeTemplateConfig],
    ['deck common', REAL.deckCommon, decodeDeckCommon, encodeDeckCommon],
  ] as const)('re-encodes a real %s blob from an Anki collection byte for byte', (_name, blob, decode, encode) => {
    const bytes = Buffer.from(blob, 'hex');
    expect(hex((encode as (m: unknown) => Uint8Array)((decode as (b: Uint8Array) => unknown)(bytes)))).toBe(blob.toLowerCase());
  });

  it('reads the real default preset as Anki defines it', () => {
    const config = decodeDeckConfig(Buffer.from(REAL.deckConfig, 'hex'));
    expect(config).toMatchObject({ learnSteps: [1, 10], relearnSteps: [10], newPerDay: 20, reviewsPerDay: 200, initialEase: 2.5, maximumReviewInterval: 36500, leechAction: 1, waitForAudio: true });
  });

  it('accepts unpacked repeated floats, as older writers produced', () => {
    const w = new ProtoWriter().floatValue(1, 1).floatValue(1, 10);
    expect(decodeDeckConfig(w.finish()).learnSteps).toEqual([1, 10]);
  });

  it('round-trips the media list', () => {
    const entries = [{ name: 'a.png', size: 3, sha1: new Uint8Array(20).fill(7), legacyZipFilename: null }];
    expect(decodeMediaEntries(encodeMediaEntries(entries))).toEqual(entries);
  });

  it('refuses truncated or malformed input', () => {
    expect(() => decodeNotetypeConfig(Buffer.from('1a05616263', 'hex'))).toThrow(ProtoDecodeError);
    expect(() => new ProtoReader(Buffer.from('ffffffffffffffffffff01', 'hex')).varint()).toThrow(ProtoDecodeError);
    expect(() => decodeDeckCommonGroup()).toThrow(ProtoDecodeError);
  });
});

function decodeDeckCommonGroup(): unknown {
  // wire type 3 (start group) is not part of proto3
  return decodeNotetypeConfig(Buffer.from('0b', 'hex'));
}
