import { describe, expect, it } from 'vitest';
import { FSRSVersion, default_w, fsrs as tsFsrs, generatorParameters } from 'ts-fsrs';
import { DEFAULT_PARAMETERS, Fsrs, allowsShortTerm, decayFromParams } from './fsrs';

const FSRS_RS_DEFAULTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];

describe('FSRS-6 (fsrs-rs 6.6.1 in f32)', () => {
  it('uses ts-fsrs’s FSRS-6 defaults, which are Anki’s', () => {
    expect(FSRSVersion).toMatch(/FSRS-6/);
    expect([...default_w]).toEqual(FSRS_RS_DEFAULTS);
    expect(DEFAULT_PARAMETERS).toEqual(FSRS_RS_DEFAULTS.map((w) => Math.fround(w)));
  });

  it('starts a new card from w0–w3 and D0(G) = w4 − e^(w5(G−1)) + 1', () => {
    const f = new Fsrs([]);
    const next = f.nextStates(undefined, 0.9, 0);
    expect(next.again.memory.stability).toBe(Math.fround(0.212));
    expect(next.easy.memory.stability).toBe(Math.fround(8.2956));
    expect(next.again.memory.difficulty).toBeCloseTo(6.4133, 4);
    expect(next.good.memory.difficulty).toBeCloseTo(6.4133 - Math.exp(0.8334 * 2) + 1, 4);
  });

  it('gives an interval equal to the stability at 90% desired retention', () => {
    const f = new Fsrs([]);
    expect(f.nextInterval(10, Math.fround(0.9))).toBeCloseTo(10, 4);
    expect(f.nextInterval(10, Math.fround(0.8))).toBeGreaterThan(10);
    // R(t=S) = 0.9
    expect(f.powerForgettingCurve(10, 10)).toBeCloseTo(0.9, 5);
  });

  it('agrees with ts-fsrs’s f64 maths to about f32 precision', () => {
    const ours = new Fsrs([]);
    const theirs = tsFsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));
    for (const [s, d, t] of [[5, 5, 3], [30, 2.5, 40], [1.2, 8.8, 1], [200, 6, 10], [3, 4, 0]] as const) {
      for (const g of [1, 2, 3, 4]) {
        const a = ours.step(t, g, { stability: Math.fround(s), difficulty: Math.fround(d) }, 1);
        const b = theirs.next_state({ stability: s, difficulty: d }, t, g);
        expect(Math.abs(a.stability - b.stability) / b.stability).toBeLessThan(1e-4);
        expect(Math.abs(a.difficulty - b.difficulty)).toBeLessThan(1e-3);
      }
    }
  });

  it('upgrades FSRS-4.5 and FSRS-5 parameter sets like fsrs-rs', () => {
    const five = new Fsrs(FSRS_RS_DEFAULTS.slice(0, 19));
    expect(five.w[19]).toBe(0);
    expect(five.w[20]).toBe(0.5);
    const w45 = [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755];
    const four = new Fsrs(w45);
    expect(four.w[4]).toBeCloseTo(1.2298 * 2 + 5.1618, 5);
    expect(four.w[5]).toBeCloseTo(Math.log(1.2298 * 3 + 1) / 3, 5);
    expect(four.w[6]).toBeCloseTo(0.8975 + 0.5, 5);
    expect(four.w.slice(17)).toEqual([0, 0, 0, 0.5]);
    expect(() => new Fsrs([1, 2, 3])).toThrow(/17, 19 or 21/);
  });

  it('clips parameters into fsrs-rs’s ranges', () => {
    const wild = [...FSRS_RS_DEFAULTS];
    wild[0] = 500;
    wild[20] = 2;
    const f = new Fsrs(wild);
    expect(f.w[0]).toBe(100);
    expect(f.w[20]).toBe(Math.fround(0.8));
  });

  it('stores the raw decay and allows short-term steps like Anki', () => {
    expect(decayFromParams([])).toBe(Math.fround(0.1542));
    expect(decayFromParams(FSRS_RS_DEFAULTS.slice(0, 19))).toBe(0.5);
    expect(allowsShortTerm([])).toBe(true);
    expect(allowsShortTerm(FSRS_RS_DEFAULTS)).toBe(true);
    expect(allowsShortTerm([...FSRS_RS_DEFAULTS.slice(0, 17), 0, 0.1])).toBe(false);
  });

  it('derives a memory state from SM-2 ease and interval', () => {
    const f = new Fsrs([]);
    const state = f.memoryStateFromSm2(2.5, 100, Math.fround(0.9));
    // at 90% historical retention the stability is the interval
    expect(state.stability).toBeCloseTo(100, 3);
    expect(state.difficulty).toBeGreaterThanOrEqual(1);
    expect(state.difficulty).toBeLessThanOrEqual(10);
  });
});
