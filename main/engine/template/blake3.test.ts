import { describe, expect, it } from 'vitest';
import { blake3Hex } from './blake3';

const sequence = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe('blake3', () => {
  it('matches the official test vectors across chunk boundaries', () => {
    expect(blake3Hex(sequence(0))).toBe('af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262');
    expect(blake3Hex(sequence(1))).toBe('2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213');
    expect(blake3Hex(sequence(1024))).toBe('42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7');
    expect(blake3Hex(sequence(1025))).toBe('d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444');
    expect(blake3Hex(sequence(2048))).toBe('e776b6028c7cd22a4d0ba182a8bf62205d2ef576467e838ed6f2529b85fba24a');
  });
});
