import { describe, expect, it } from 'vitest';
import { pythonJson } from './json';

describe('pythonJson', () => {
  it('writes Python json.dumps defaults: spaced separators, ASCII escapes, insertion order', () => {
    expect(pythonJson({ result: ['Default', 'é'], error: null })).toBe('{"result": ["Default", "\\u00e9"], "error": null}');
    expect(pythonJson({ 'a:b': 'x, y: z', n: 1.5 })).toBe('{"a:b": "x, y: z", "n": 1.5}');
  });

  it('writes bigint values as exact integers', () => {
    expect(pythonJson({ id: -4853200230425436781n, ok: true })).toBe('{"id": -4853200230425436781, "ok": true}');
  });

  it('keeps escaped quotes and backslashes intact', () => {
    const value = { 'q"k': 'a\\"b', list: ['\\\\', '"'] };
    expect(JSON.parse(pythonJson(value))).toEqual(value);
  });

  it('writes large payloads compactly with the same values, ASCII escapes and exact bigints', () => {
    const big = { result: Array.from({ length: 30_000 }, (_, i) => ({ id: BigInt(i) * 10_000_000_000_000n, text: `読む ${i}, x: y` })), error: null };
    const text = pythonJson(big);
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(text.startsWith('{"result":[{"id":0,"text":"\\u8aad\\u3080 0, x: y"}')).toBe(true);
    expect(text).toContain('"id":299990000000000000');
    const parsed = JSON.parse(text) as { result: { text: string }[] };
    expect(parsed.result[29_999]!.text).toBe('読む 29999, x: y');
  });
});

describe('OrderedObject', () => {
  it('keeps integer-like keys in the given order, as Python dicts do, nested too', async () => {
    const { OrderedObject } = await import('./json');
    const value = { result: new OrderedObject([['20', 1], ['3', new OrderedObject([['b', 1], ['1', 'é']])]]), error: null };
    expect(pythonJson(value)).toBe('{"result": {"20": 1, "3": {"b": 1, "1": "\\u00e9"}}, "error": null}');
    expect(pythonJson(new OrderedObject([['9', 9n], ['1', [1]]]))).toBe('{"9": 9, "1": [1]}');
  });
});
