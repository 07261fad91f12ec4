import { describe, expect, it } from 'vitest';
import { asciiJson, pythonJson, pythonJsonBytes, RawJson } from './json';

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

describe('pythonJson escaping', () => {
  it('escapes every non-ASCII width like ensure_ascii, small and large replies alike', () => {
    const text = 'é \u0100 \u0fff \u1000 水 😀';
    const escaped = '\\u00e9 \\u0100 \\u0fff \\u1000 \\u6c34 \\ud83d\\ude00';
    expect(pythonJson([text])).toBe(`["${escaped}"]`);
    const large = pythonJson(Array.from({ length: 100_000 }, () => text));
    expect(large.startsWith(`["${escaped}","${escaped}"`)).toBe(true);
    expect(large).not.toMatch(/[^\x00-\x7f]/);
  });

  it('takes the exact path for an OrderedObject nested in arrays and plain objects', async () => {
    const { OrderedObject } = await import('./json');
    const inner = new OrderedObject([['2', 1n], ['1', { x: new OrderedObject([['9', 'é']]) }]]);
    expect(pythonJson({ list: [inner] })).toBe('{"list": [{"2": 1, "1": {"x": {"9": "\\u00e9"}}}]}');
    // The flag that lets OrderedObject serialise is reset afterwards: plain values still take the fast path.
    expect(pythonJson({ a: [1, 'é'] })).toBe('{"a": [1, "\\u00e9"]}');
  });
});

describe('pythonJsonBytes', () => {
  it('sends exactly the bytes of pythonJson, small, large, with bigints and every UTF-8 width', () => {
    const text = 'a é ߿ ࠀ 水 ￿ 😀 \u{10ffff} "\\';
    const values: unknown[] = [
      { result: [text], error: null },
      { result: Array.from({ length: 50_000 }, (_, i) => ({ i, text })), error: null },
      { result: Array.from({ length: 50_000 }, (_, i) => ({ id: BigInt(i) << 40n, text })), error: null },
      { result: 'plain ASCII '.repeat(200_000), error: null },
    ];
    for (const value of values) expect(pythonJsonBytes(value).equals(Buffer.from(pythonJson(value)))).toBe(true);
  });
});

describe('RawJson', () => {
  it('is written exactly as the value it was made from, spacing and all', () => {
    const small = [{ a: 'é', b: [1, 2] }, {}];
    const large = Array.from({ length: 20_000 }, (_, i) => ({ i, text: '水 x: y, z' }));
    for (const value of [small, large]) {
      const raw = new RawJson(asciiJson(value));
      expect(pythonJson({ result: raw, error: null })).toBe(pythonJson({ result: value, error: null }));
      expect(pythonJson(raw)).toBe(pythonJson(value));
      expect(pythonJson([{ result: raw, error: null }, { result: 7n, error: null }])).toBe(
        pythonJson([{ result: value, error: null }, { result: 7, error: null }]),
      );
    }
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
