import { describe, expect, it } from 'vitest';
import { parseCardData, serializeCardData } from './card-data';
import { formatF32 } from './f32';

describe('cards.data', () => {
  it('rounds and orders like Anki (its compact_floats test)', () => {
    expect(serializeCardData({ s: 123.45678, d: 1.234567, dr: 0.987654, decay: 0.123456 })).toBe('{"s":123.4568,"d":1.235,"dr":0.99,"decay":0.123}');
    expect(serializeCardData({ lrt: 1700000000, pos: 5, cd: '{"a":1}' })).toBe('{"pos":5,"lrt":1700000000,"cd":"{\\"a\\":1}"}');
    expect(serializeCardData({})).toBe('{}');
    expect(serializeCardData({ cd: '{}' })).toBe('{}');
  });

  it('prints f32 values the way serde_json does', () => {
    expect(formatF32(0.9)).toBe('0.9');
    expect(formatF32(36500)).toBe('36500.0');
    expect(formatF32(0.001)).toBe('0.001');
    expect(formatF32(1e-7)).toBe('1e-7');
    expect(formatF32(1.5e20)).toBe('1.5e20');
  });

  it('reads leniently: invalid values are dropped, invalid JSON gives nothing', () => {
    expect(parseCardData('')).toEqual({});
    expect(parseCardData('not json')).toEqual({});
    expect(parseCardData('{"s":"x","d":5,"pos":-1,"lrt":12,"other":1}')).toEqual({ d: 5, lrt: 12 });
    expect(parseCardData('{"s":1,"cd":5}')).toEqual({});
    expect(parseCardData('{"dr":0.9}').dr).toBe(Math.fround(0.9));
  });
});
