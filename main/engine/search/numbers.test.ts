import { describe, expect, it } from 'vitest';
import { f32ToU32, formatF32, parseF32, parseI32, parseI64, parseU32 } from './numbers';

describe('Rust number parsing and printing', () => {
  it('parses like str::parse', () => {
    expect(parseU32('+5')).toBe(5);
    expect(parseU32('-0')).toBeUndefined();
    expect(parseU32('4294967296')).toBeUndefined();
    expect(parseI32('-5')).toBe(-5);
    expect(parseI64('9223372036854775807')).toBe('9223372036854775807');
    expect(parseF32('.5')).toBe(0.5);
    expect(parseF32('1.')).toBe(1);
    expect(parseF32('1e')).toBeUndefined();
    expect(parseF32('inf')).toBe(Infinity);
  });

  it('prints f32 as Rust Display does', () => {
    expect(formatF32(Math.fround(0.3 * 9 + 1))).toBe('3.7');
    expect(formatF32(Math.fround(3.3))).toBe('3.3');
    expect(formatF32(Math.fround(1e-7))).toBe('0.0000001');
    expect(formatF32(Math.fround(1e20))).toBe('100000000000000000000');
    expect(f32ToU32(Math.fround(Math.fround(1.3) * 1000))).toBe(1300);
    expect(f32ToU32(-5)).toBe(0);
  });
});
