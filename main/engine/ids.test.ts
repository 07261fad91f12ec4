import { describe, expect, it } from 'vitest';
import { base91, IdAllocator, newGuid } from './ids';

describe('ids', () => {
  it('allocates strictly increasing millisecond ids even within one millisecond', () => {
    const ids = new IdAllocator(() => 1_700_000_000_000);
    expect([ids.next(), ids.next(), ids.next()]).toEqual([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002]);
  });

  it('never reuses an id below the largest one in use', () => {
    const ids = new IdAllocator(() => 1000);
    ids.observe(5000);
    expect(ids.next()).toBe(5001);
  });

  it('encodes base91 like Anki (most significant digit first)', () => {
    expect(base91(0n)).toBe('a');
    expect(base91(90n)).toBe('~');
    expect(base91(91n)).toBe('ba');
    expect(base91(18446744073709551615n)).toHaveLength(10);
  });

  it('makes 10-character-ish guids from the base91 alphabet that do not repeat', () => {
    const guids = new Set(Array.from({ length: 2000 }, newGuid));
    expect(guids.size).toBe(2000);
    for (const guid of guids) expect(guid).toMatch(/^[a-zA-Z0-9!#$%&()*+,\-./:;<=>?@[\]^_`{|}~]{1,10}$/);
  });
});
