import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJson, stringifyJson } from './json';

describe('BigInt-safe JSON', () => {
  it('parses integers beyond 2^53 as bigint and the rest as numbers', () => {
    const value = parseJson('{"id": -5810753096973311499, "ord": 1, "f": 1.25, "e": 1e3, "s": "a\\"b\\u00e9", "n": null, "b": [true, false]}');
    expect(value).toEqual({ id: -5810753096973311499n, ord: 1, f: 1.25, e: 1000, s: 'a"bé', n: null, b: [true, false] });
  });

  it('writes bigint as digits and round-trips', () => {
    const text = '{"flds":[{"id":12635990976736240117,"name":"Front"}],"x":[1,2.5]}';
    expect(stringifyJson(parseJson(text))).toBe(text);
  });

  it('keeps a "__proto__" key as data', () => {
    const value = parseJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses malformed text', () => {
    for (const bad of ['{', '{"a":1,}', '[1 2]', '"open', 'nul', '{} x']) expect(() => parseJson(bad)).toThrow(JsonSyntaxError);
    expect(() => parseJson('['.repeat(1000) + ']'.repeat(1000))).toThrow(JsonSyntaxError);
  });
});
