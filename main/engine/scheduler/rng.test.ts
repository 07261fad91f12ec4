import { describe, expect, it } from 'vitest';
import { StdRng } from './rng';

/**
 * Outputs pinned from the implementation the scheduler oracle suites proved equal to Anki's
 * fuzz (rand 0.9 StdRng): words 0-2, the first of the second block (16) and word 39.
 */
const PINNED: Record<string, number[]> = {
  '0': [
    3442241407,
    3140108210,
    2384947579,
    2651684780,
    2402313916
  ],
  '1': [
    3543144545,
    4184349284,
    3423430986,
    481538982,
    184569069
  ],
  '1700000000123': [
    504639128,
    3922094755,
    3000365431,
    2771011048,
    924438460
  ],
  '-5': [
    1930037140,
    605843799,
    3012526110,
    3996382211,
    3427825222
  ],
  '18446744073709551615': [
    775774136,
    262641736,
    1091716766,
    2347140220,
    3387458894
  ],
  '123456789012345': [
    787167762,
    1901993168,
    2017048684,
    1147982662,
    3588954649
  ]
};

describe('StdRng', () => {
  it('gives the pinned ChaCha12 words for each seed, across block boundaries', () => {
    for (const [seed, words] of Object.entries(PINNED)) {
      const rng = new StdRng(BigInt(seed));
      const all = Array.from({ length: 40 }, () => rng.nextU32());
      expect([all[0], all[1], all[2], all[16], all[39]]).toEqual(words);
    }
  });
});
