import { describe, expect, it } from 'vitest';
import { parseJson } from '../json';
import { deckFromLegacy, deckToEngram, humanToNative, nativeToHuman, normalizeDeck } from './deck';
import { deckConfigFromLegacy, deckConfigToEngram } from './deckconfig';
import { notetypeFromLegacy, notetypeToEngram, notetypeToLegacyJson } from './notetype';
import { f32 } from './values';

/** An Anki 2.0 Basic model as stored in pylib/tests/support/update1.apkg (abridged). */
const MODEL_2_0 =
  '{"vers":[],"name":"Basic","tags":[],"did":1,"usn":-1,"req":[[0,"all",[0]]],"sortf":0,"latexPost":"\\\\end{document}",' +
  '"type":0,"id":"1375933525504","mod":1375933525,"css":".card {}","latexPre":"pre","flds":[{"size":20,"name":"Front",' +
  '"media":[],"rtl":false,"ord":0,"font":"Arial","sticky":false},{"size":20,"name":"Back","media":[],"rtl":false,"ord":1,' +
  '"font":"Arial","sticky":false}],"tmpls":[{"afmt":"{{FrontSide}}","name":"Card 1","qfmt":"{{Front}}","did":null,"ord":0,' +
  '"bafmt":"","bqfmt":""}]}';

describe('notetype conversion', () => {
  it('reads a 2.0 model: string id, unknown keys kept, missing field ids as 0n', () => {
    const nt = notetypeToEngram(notetypeFromLegacy(parseJson(MODEL_2_0)));
    expect(nt).toMatchObject({ id: 1375933525504, name: 'Basic', did: 1, req: [[0, 'all', [0]]], other: { vers: [], tags: [] } });
    expect(nt.flds[0]).toMatchObject({ name: 'Front', id: 0n, tag: null, other: { media: [] } });
    expect(nt.tmpls[0]).toMatchObject({ qfmt: '{{Front}}', did: null, id: 0n });
  });

  it('writes legacy JSON with unknown keys flattened back and absent ids as null', () => {
    const json = notetypeToLegacyJson(notetypeToEngram(notetypeFromLegacy(parseJson(MODEL_2_0))));
    expect(json).toMatchObject({ vers: [], tags: [], did: 1 });
    expect(json).not.toHaveProperty('other');
    expect(json).not.toHaveProperty('originalStockKind');
    expect((json.flds as Record<string, unknown>[])[0]).toMatchObject({ id: null, media: [] });
  });

  it('keeps 64-bit field and template ids exact', () => {
    const nt = notetypeToEngram(notetypeFromLegacy(parseJson(MODEL_2_0.replace('"sticky":false}', '"sticky":false,"id":-5810753096973311499}'))));
    expect(nt.flds[0]!.id).toBe(-5810753096973311499n);
  });
});

describe('deck conversion', () => {
  it('joins native names with \\x1f and normalises components', () => {
    expect(humanToNative(' a ::b::::c')).toBe('a\x1fb\x1fblank\x1fc');
    expect(nativeToHuman('a\x1fb')).toBe('a::b');
  });

  it('takes the newest day of the study counters, as Anki does', () => {
    const deck = normalizeDeck({
      id: 5, name: 'X', usn: 0, mod: 1, collapsed: false, dyn: 0, conf: 3, desc: 'd',
      lrnToday: [18, 4], revToday: [19, 1], newToday: [17, 2], timeToday: [19, 6778], desiredRetention: 85, md: true, extra: 'kept',
    });
    expect(deck).toMatchObject({
      lrnToday: [19, 0], revToday: [19, 1], newToday: [19, 0], timeToday: [19, 6778], conf: 3, desc: 'd', md: true,
      desiredRetention: 85, extra: 'kept', reviewLimit: null,
    });
  });

  it('reads filtered decks, with "dyn" as a boolean and the obsolete "return" dropped', () => {
    const rec = deckFromLegacy({ id: 9, name: 'F', dyn: true, resched: true, terms: [['deck:x', 100, 0]], return: true, collapsed: false, usn: 0 });
    expect('filtered' in rec.kind).toBe(true);
    const deck = deckToEngram(rec);
    expect(deck).toMatchObject({ dyn: 1, resched: true, terms: [['deck:x', 100, 0]], separate: true, delays: null });
    expect(deck).not.toHaveProperty('return');
    expect(deck).not.toHaveProperty('conf');
  });
});

describe('deck options conversion', () => {
  const legacy = {
    id: 1, mod: 0, name: 'Default', usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 100, fuzz: 0.05, minSpace: 1 },
    lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
  };

  it('round-trips through the protobuf with f32 values printed as Anki prints them', () => {
    const conf = deckConfigToEngram(deckConfigFromLegacy(legacy));
    expect(conf.rev.ease4).toBe(1.3);
    expect(conf.rev.hardFactor).toBe(1.2);
    expect(conf.new.ints).toEqual([1, 4, 0]);
    expect(conf.new.order).toBe(1);
    expect(conf.lapse.leechAction).toBe(0);
  });

  it('keeps unknown keys of the new/rev/lapse groups', () => {
    const conf = deckConfigToEngram(deckConfigFromLegacy(legacy));
    expect(conf.new.separate).toBe(true);
    expect(conf.rev).toMatchObject({ fuzz: 0.05, minSpace: 1 });
  });

  it('replaces out-of-range values with defaults, as Anki does when reading', () => {
    const conf = deckConfigToEngram(deckConfigFromLegacy({ ...legacy, desiredRetention: 0, sm2Retention: 2 }));
    expect(conf.desiredRetention).toBe(0.9);
    expect(conf.sm2Retention).toBe(0.9);
  });

  it('inverts the legacy new-card order (1 = in order added)', () => {
    const random = deckConfigFromLegacy({ ...legacy, new: { ...legacy.new, order: 0 } });
    expect(random.config.newCardInsertOrder).toBe(1);
    expect(deckConfigToEngram(random).new.order).toBe(0);
  });
});

describe('f32 printing', () => {
  it('prints the shortest decimal of the single-precision value', () => {
    expect(f32(Math.fround(1.3))).toBe(1.3);
    expect(f32(Math.fround(0.85))).toBe(0.85);
    expect(f32(8.2956)).toBe(8.2956);
    expect(f32(2500)).toBe(2500);
  });
});
