import { describe, expect, it } from 'vitest';
import { spec as atr } from '../src/indicators/atr.js';
import { spec as bbands } from '../src/indicators/bbands.js';
import { spec as ema } from '../src/indicators/ema.js';
import { spec as hma } from '../src/indicators/hma.js';
import { spec as ichimoku } from '../src/indicators/ichimoku.js';
import { spec as macd } from '../src/indicators/macd.js';
import { spec as rsi } from '../src/indicators/rsi.js';
import { spec as sma } from '../src/indicators/sma.js';
import { spec as vwma } from '../src/indicators/vwma.js';
import { spec as wma } from '../src/indicators/wma.js';
import { highestSeries, isqrt, lowestSeries } from '../src/reference/lib.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { lookbackOfOutput } from '../src/registry/types.js';
import { runReference, runWasmDirect } from './helpers/direct.js';

const column = (values: readonly number[]): Float64Array => Float64Array.from(values);

/** Runs one series through the reference and the wasm kernel; returns both output lists. */
function runBoth(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[]): Float64Array[][] {
  const [reference] = runReference(spec, params, [inputs]);
  const [wasm] = runWasmDirect(spec, params, [inputs]);
  return [reference, wasm];
}

/** Asserts `actual` equals `expected` exactly (NaN where NaN), or to `digits` decimals where given. */
function expectSeries(actual: Float64Array, expected: readonly number[], digits?: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    if (Number.isNaN(value) || digits === undefined) {
      expect(actual[i], `bar ${i}`).toBe(value);
    } else {
      expect(actual[i], `bar ${i}`).toBeCloseTo(value, digits);
    }
  });
}

/** Index of the first defined value, or the length when there is none. */
function firstDefined(values: Float64Array): number {
  const i = values.findIndex((v) => !Number.isNaN(v));
  return i < 0 ? values.length : i;
}

/** Deterministic uniform numbers in [0, 1): mulberry32. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Bars {
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/**
 * Generates a random walk of daily bars. With `quirks`, the walk also contains the cases the kernels must get
 * right bit for bit: a flat start, a flat stretch with high = low, prices rounded to cents,
 * and a run of zero volume.
 */
function randomWalk(length: number, seed: number, quirks: boolean): Bars {
  const next = random(seed);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);
  let price = 50 + 100 * next();
  for (let i = 0; i < length; i++) {
    const flat = quirks && (i < 20 || (i >= 500 && i < 560));
    if (!flat) price *= 1 + 0.04 * (next() - 0.5);
    const c = quirks && i % 3 === 0 ? Math.round(price * 100) / 100 : price;
    close[i] = c;
    high[i] = flat ? c : c + 2 * next();
    low[i] = flat ? c : c - 2 * next();
    volume[i] = quirks && i >= 700 && i < 760 ? 0 : Math.floor(1e6 * next()) + 1;
  }
  return { high, low, close, volume };
}

function inputsOf(spec: IndicatorSpec, bars: Bars): Float64Array[] {
  return spec.inputs.map((field) => {
    if (field === 'open') throw new Error(`${spec.id} reads open, which the test bars do not have`);
    return bars[field];
  });
}

const PARAMETER_SETS: readonly (readonly [IndicatorSpec, readonly (readonly number[])[]])[] = [
  [ema, [[1], [2], [20], [200]]],
  [wma, [[1], [2], [20], [100]]],
  [hma, [[2], [3], [9], [16], [50]]],
  [vwma, [[1], [20], [50]]],
  [rsi, [[1], [2], [14], [100]]],
  [macd, [[12, 26, 9], [1, 2, 1], [3, 7, 3], [5, 35, 5]]],
  [bbands, [[1, 2], [20, 2], [5, 0.5], [50, 3.3], [20, 0]]],
  [atr, [[1], [14], [100]]],
  [ichimoku, [[9, 26, 52], [1, 1, 1], [30, 5, 10]]],
];

describe('ema vectors', () => {
  it('seeds with the mean, then halves the gap', () => {
    // n = 3: alpha = 1/2. Seed at bar 2: (2 + 4 + 6)/3 = 4; then 4 + (8 - 4)/2 = 6; 6 + (4 - 6)/2 = 5.
    for (const [out] of runBoth(ema, [3], [column([2, 4, 6, 8, 4])])) expectSeries(out, [NaN, NaN, 4, 6, 5]);
  });

  it('inexact alpha', () => {
    // n = 4: alpha = 2/5. Seed at bar 3: (1 + 2 + 3 + 4)/4 = 2.5; 2.5 + 0.4 * (10 - 2.5) = 5.5;
    // 5.5 + 0.4 * (0 - 5.5) = 3.3.
    for (const [out] of runBoth(ema, [4], [column([1, 2, 3, 4, 10, 0])])) expectSeries(out, [NaN, NaN, NaN, 2.5, 5.5, 3.3], 14);
  });

  it('period 1 follows the close', () => {
    // prev + 1 * (x - prev) is x exactly for these values and within one rounding in general.
    for (const [out] of runBoth(ema, [1], [column([3, 1.5, 7, 2])])) expectSeries(out, [3, 1.5, 7, 2]);
    for (const [out] of runBoth(ema, [1], [column([0.3, 0.1])])) expectSeries(out, [0.3, 0.1], 15);
  });
});

describe('wma vectors', () => {
  it('weights 1 to n, newest heaviest', () => {
    // n = 2: (6 * 1 + 3 * 2)/3 = 4; (3 * 1 + 9 * 2)/3 = 7.
    for (const [out] of runBoth(wma, [2], [column([6, 3, 9])])) expectSeries(out, [NaN, 4, 7]);
    // n = 3: (1 + 4 + 9)/6 = 7/3, (2 + 6 + 12)/6 = 10/3, (3 + 8 + 15)/6 = 13/3: each sum is an
    // exact integer, so the quotient is the correctly rounded fraction.
    for (const [out] of runBoth(wma, [3], [column([1, 2, 3, 4, 5])])) expectSeries(out, [NaN, NaN, 7 / 3, 10 / 3, 13 / 3]);
  });
});

describe('hma vectors', () => {
  it('no lag on a line', () => {
    // On x = 3i, wma(x, m) = 3i - (m - 1) exactly. For n = 9: 2 * (3i - 3) - (3i - 8) = 3i + 2,
    // and the outer wma(., 3) gives 3i + 2 - 2 = 3i, from bar 8 + 2 = 10.
    const line = Float64Array.from(Array.from({ length: 16 }, (_, i) => 3 * i));
    const expected = Array.from({ length: 16 }, (_, i) => (i < 10 ? NaN : 3 * i));
    for (const [out] of runBoth(hma, [9], [line])) expectSeries(out, expected);
  });

  it('doubling series, n = 4', () => {
    // wma2 = (x[1] + 2x)/3: 5/3, 10/3, 20/3, 40/3, 80/3 from bar 1; wma4 = weights 1..4 over 10:
    // 49/10, 98/10, 196/10 from bar 3; diff = 2 * wma2 - wma4 = 253/30, 506/30, 1012/30;
    // hma = wma(diff, 2): (253 + 2 * 506)/90 = 253/18 at bar 4, (506 + 2 * 1012)/90 = 253/9 at bar 5.
    for (const [out] of runBoth(hma, [4], [column([1, 2, 4, 8, 16, 32])])) {
      expectSeries(out, [NaN, NaN, NaN, NaN, 253 / 18, 253 / 9], 12);
    }
  });

  it('lookback uses the exact integer square root', () => {
    expect(hma.lookback([2])).toBe(1);
    expect(hma.lookback([9])).toBe(10);
    expect(hma.lookback([15])).toBe(14 + 2);
    expect(hma.lookback([16])).toBe(15 + 3);
    for (const n of [0, 1, 2, 3, 4, 8, 9, 10, 99_855, 99_856, 99_857, 100_000]) {
      const r = isqrt(n);
      expect(r * r, `isqrt(${n}) = ${r}`).toBeLessThanOrEqual(n);
      expect((r + 1) * (r + 1), `isqrt(${n}) = ${r}`).toBeGreaterThan(n);
    }
  });
});

describe('vwma vectors', () => {
  it('weights by volume; zero volume is undefined', () => {
    // n = 2: price * volume = 10, 60, 0, 0; volume averages 2, 1.5, 0:
    // 35/2 = 17.5, 30/1.5 = 20, then 0/0 is undefined.
    const close = column([10, 20, 30, 40]);
    const volume = column([1, 3, 0, 0]);
    for (const [out] of runBoth(vwma, [2], [close, volume])) expectSeries(out, [NaN, 17.5, 20, NaN]);
  });
});

describe('rsi vectors', () => {
  it('wilder averages, n = 2', () => {
    // changes +1, -1, +2, 0, -1. Seed at bar 2: gain 1/2, loss 1/2 -> 50.
    // bar 3: gain (1/2 + 2)/2 = 5/4, loss 1/4 -> 100 * (5/4)/(3/2) = 250/3.
    // bar 4: gain 5/8, loss 1/8 -> 250/3. bar 5: gain 5/16, loss (1/8 + 1)/2 = 9/16 -> 100 * 5/14.
    for (const [out] of runBoth(rsi, [2], [column([10, 11, 10, 12, 12, 11])])) {
      expectSeries(out, [NaN, NaN, 50, 250 / 3, 250 / 3, 500 / 14], 12);
    }
  });

  it('no change is undefined, not 0', () => {
    // TA-Lib returns 0 on a window without change; 0/0 is undefined here. One rise then gives
    // gain 1/2, loss 0 -> 100, and a fall of 1/2 after that gives gain 1/4, loss 1/4 -> 50.
    for (const [out] of runBoth(rsi, [2], [column([5, 5, 5, 6, 5.5])])) expectSeries(out, [NaN, NaN, NaN, 100, 50]);
    for (const [out] of runBoth(rsi, [3], [column([7, 7, 7, 7, 7, 7])])) expectSeries(out, [NaN, NaN, NaN, NaN, NaN, NaN]);
  });

  it('only losses give 0', () => {
    for (const [out] of runBoth(rsi, [2], [column([9, 8, 6, 5])])) expectSeries(out, [NaN, NaN, 0, 0]);
  });
});

describe('macd vectors', () => {
  // macd(3, 7, 3) on these closes keeps every value a short binary fraction, so all is exact.
  // Slow EMA (alpha 1/4): seed (20 + 8 + 8 + 8 + 13 + 13 + 7)/7 = 11 at bar 6, then 53/4,
  // 179/16, 697/64, 2859/256, 8833/1024. Fast EMA (alpha 1/2), seeded late as TA-Lib does with
  // the closes of bars 4 to 6: (13 + 13 + 7)/3 = 11 at bar 6, then 31/2, 41/4, 81/8, 177/16,
  // 193/32 (seeded from bar 0 as in Pine, it would read 77/8 at bar 6). MACD from bar 6:
  // 0, 9/4, -15/16, -49/64, -27/256, -2657/1024. Signal (alpha 1/2): seed (0 + 9/4 - 15/16)/3
  // = 7/16 at bar 8, then -21/128, -69/512, -2795/2048.
  const close = column([20, 8, 8, 8, 13, 13, 7, 20, 5, 10, 12, 1]);
  const warmUp = [NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN];

  it('TA-Lib seeding, every output from bar 8', () => {
    for (const [line, signal, hist] of runBoth(macd, [3, 7, 3], [close])) {
      expectSeries(line, [...warmUp, -15 / 16, -49 / 64, -27 / 256, -2657 / 1024]);
      expectSeries(signal, [...warmUp, 7 / 16, -21 / 128, -69 / 512, -2795 / 2048]);
      expectSeries(hist, [...warmUp, -11 / 8, -77 / 128, 15 / 512, -2519 / 2048]);
    }
    expect(macd.lookback([3, 7, 3])).toBe(8);
  });

  it('rejects fast not below slow', () => {
    expect(macd.check?.([12, 26, 9])).toBeUndefined();
    expect(macd.check?.([26, 12, 9])?.parameter).toBe('fast');
    expect(macd.check?.([26, 12, 9])?.message).toContain('less than slow');
    expect(macd.check?.([12, 12, 9])?.parameter).toBe('fast');
  });
});

describe('bbands vectors', () => {
  it('population deviation, exact cases', () => {
    // n = 2, mult = 2: [1, 3] has mean 2 and deviation 1 -> 4, 2, 0; [3, 3] is flat -> 3, 3, 3;
    // [3, 7] has mean 5 and deviation 2 -> 9, 5, 1.
    for (const [upper, middle, lower] of runBoth(bbands, [2, 2], [column([1, 3, 3, 7])])) {
      expectSeries(upper, [NaN, 4, 3, 9]);
      expectSeries(middle, [NaN, 2, 3, 5]);
      expectSeries(lower, [NaN, 0, 3, 1]);
    }
  });

  it('inexact cases, n = 3', () => {
    // [1, 2, 3]: mean 2, variance 2/3. [2, 3, 3]: mean 8/3, variance 2/9. [3, 3, 6]: mean 4, variance 2.
    const sd = [Math.sqrt(2 / 3), Math.sqrt(2 / 9), Math.sqrt(2)];
    const mean = [2, 8 / 3, 4];
    for (const [upper, middle, lower] of runBoth(bbands, [3, 1.5], [column([1, 2, 3, 3, 6])])) {
      expectSeries(middle, [NaN, NaN, ...mean], 14);
      expectSeries(upper, [NaN, NaN, ...mean.map((m, k) => m + 1.5 * sd[k])], 14);
      expectSeries(lower, [NaN, NaN, ...mean.map((m, k) => m - 1.5 * sd[k])], 14);
    }
  });

  it('flat window gives zero width', () => {
    // 0.1 is not a binary fraction, so the mean of three of them is not exactly 0.1; the
    // deviation is still exactly 0.
    for (const [upper, middle, lower] of runBoth(bbands, [3, 2], [column([0.1, 0.1, 0.1, 0.1])])) {
      for (let i = 2; i < 4; i++) {
        expect(upper[i]).toBe(middle[i]);
        expect(lower[i]).toBe(middle[i]);
      }
    }
  });

  it('no cancellation at large offsets', () => {
    // 1e9 + [0, 1, 2]: variance 2/3 exactly. Mean of squares minus squared mean would subtract
    // squares near 1e18, where one unit in the last place is 128.
    for (const [upper, middle] of runBoth(bbands, [3, 1], [column([1e9, 1e9 + 1, 1e9 + 2])])) {
      expect(middle[2]).toBe(1e9 + 1);
      expect(upper[2] - middle[2]).toBeCloseTo(Math.sqrt(2 / 3), 6);
    }
  });
});

describe('atr vectors', () => {
  it('true range from bar 1, Wilder from bar n', () => {
    // TR from bar 1: max(2, |11 - 9|, |9 - 9|) = 2; max(1, |12 - 9|, |11 - 9|) = 3;
    // max(4, |11 - 11.5|, |7 - 11.5|) = 4.5; max(0.5, |9 - 8|, |8.5 - 8|) = 1.
    // n = 2: (2 + 3)/2 = 2.5 at bar 2; (2.5 + 4.5)/2 = 3.5; (3.5 + 1)/2 = 2.25.
    const high = column([10, 11, 12, 11, 9]);
    const low = column([8, 9, 11, 7, 8.5]);
    const close = column([9, 9, 11.5, 8, 9]);
    for (const [out] of runBoth(atr, [2], [high, low, close])) expectSeries(out, [NaN, NaN, 2.5, 3.5, 2.25]);
    // n = 1 is the true range itself.
    for (const [out] of runBoth(atr, [1], [high, low, close])) expectSeries(out, [NaN, 2, 3, 4.5, 1]);
  });
});

describe('ichimoku vectors', () => {
  it('undisplaced lines with their own lookbacks', () => {
    // conversion over 2 bars: (6 + 1)/2, (6 + 0)/2, (7 + 0)/2, (7 + 1)/2, (8 + 1)/2 from bar 1.
    // base over 3 bars: (6 + 0)/2, (7 + 0)/2, (7 + 0)/2, (8 + 1)/2 from bar 2.
    // lead1 = (conversion + base)/2 from bar 2. lead2 over 4 bars: 7/2, 7/2, 8/2 from bar 3.
    const high = column([5, 6, 4, 7, 3, 8]);
    const low = column([1, 2, 0, 3, 1, 2]);
    for (const [conversion, base, lead1, lead2] of runBoth(ichimoku, [2, 3, 4], [high, low])) {
      expectSeries(conversion, [NaN, 3.5, 3, 3.5, 4, 4.5]);
      expectSeries(base, [NaN, NaN, 3, 3.5, 3.5, 4.5]);
      expectSeries(lead1, [NaN, NaN, 3, 3.5, 3.75, 4.5]);
      expectSeries(lead2, [NaN, NaN, NaN, 3.5, 3.5, 4]);
    }
    expect(ichimoku.lookback([2, 3, 4])).toBe(1);
    expect([0, 1, 2, 3].map((k) => lookbackOfOutput(ichimoku, [9, 26, 52], k))).toEqual([8, 25, 25, 51]);
    expect([0, 1, 2, 3].map((k) => lookbackOfOutput(ichimoku, [30, 5, 10], k))).toEqual([29, 4, 29, 9]);
  });
});

describe('period 1', () => {
  const bars = randomWalk(300, 21, true);

  it('wma and bbands return the close', () => {
    for (const [out] of runBoth(wma, [1], [bars.close])) expectSeries(out, Array.from(bars.close));
    for (const [upper, middle, lower] of runBoth(bbands, [1, 2], [bars.close])) {
      for (const band of [upper, middle, lower]) expectSeries(band, Array.from(bars.close));
    }
  });

  it('atr is the true range', () => {
    const expected = Array.from(bars.close, (_, i) =>
      i === 0
        ? NaN
        : Math.max(bars.high[i] - bars.low[i], Math.abs(bars.high[i] - bars.close[i - 1]), Math.abs(bars.low[i] - bars.close[i - 1])),
    );
    for (const [out] of runBoth(atr, [1], [bars.high, bars.low, bars.close])) expectSeries(out, expected);
  });

  it('rsi is 100, 0 or undefined', () => {
    const expected = Array.from(bars.close, (c, i) => {
      if (i === 0 || c === bars.close[i - 1]) return NaN;
      return c > bars.close[i - 1] ? 100 : 0;
    });
    for (const [out] of runBoth(rsi, [1], [bars.close])) expectSeries(out, expected);
  });
});

describe('lookback', () => {
  for (const [spec, parameterSets] of PARAMETER_SETS) {
    for (const params of parameterSets) {
      it(`${spec.id}(${params.join(',')}) first value`, () => {
        const bars = randomWalk(600, 11, false);
        const full = inputsOf(spec, bars);
        const lookbacks = spec.outputs.map((_, k) => lookbackOfOutput(spec, params, k));
        expect(spec.lookback(params)).toBe(Math.min(...lookbacks));

        // Every length from 0 to the longest lookback + 1, all in one batch.
        const longest = Math.max(...lookbacks);
        const series: Float64Array[][] = Array.from({ length: longest + 2 }, (_, length) => full.map((column) => column.slice(0, length)));
        series.push(full);
        const backends = { reference: runReference(spec, params, series), wasm: runWasmDirect(spec, params, series) };
        for (const [backend, results] of Object.entries(backends)) {
          results.forEach((outputs, s) => {
            const length = series[s][0].length;
            outputs.forEach((values, k) => {
              const expected = lookbacks[k] < length ? lookbacks[k] : length;
              expect(firstDefined(values), `${backend}, ${spec.outputs[k].name}, ${length} bars`).toBe(expected);
            });
          });
        }
        // No undefined value after the lookback on this walk.
        for (const outputs of [backends.reference[series.length - 1], backends.wasm[series.length - 1]]) {
          outputs.forEach((values, k) => {
            expect(values.subarray(lookbacks[k]).every((v) => !Number.isNaN(v)), spec.outputs[k].name).toBe(true);
          });
        }
      });
    }
  }
});

describe('reference and wasm bit for bit', () => {
  for (const [spec, parameterSets] of PARAMETER_SETS) {
    for (const params of parameterSets) {
      it(`${spec.id}(${params.join(',')})`, () => {
        // Several series in one batch, of different lengths, so the scratch is reused.
        const series = [
          randomWalk(3000, 1, true),
          randomWalk(2500, 2, true),
          randomWalk(0, 3, false),
          randomWalk(1, 4, false),
          randomWalk(37, 5, false),
          randomWalk(2000, 6, false),
        ].map((bars) => inputsOf(spec, bars));
        const reference = runReference(spec, params, series);
        const wasm = runWasmDirect(spec, params, series);
        reference.forEach((outputs, s) => {
          outputs.forEach((values, k) => {
            const other = wasm[s][k];
            expect(other.length).toBe(values.length);
            const mismatch = values.findIndex((v, i) => !Object.is(v, other[i]));
            expect(mismatch, `series ${s}, ${spec.outputs[k].name}: ${values[mismatch]} vs ${other[mismatch]}`).toBe(-1);
          });
        });
      });
    }
  }
});

/** Returns the first maximum (or minimum) of the defined values among the last n bars, scanning from the oldest. */
function scanExtreme(src: Float64Array, n: number, highest: boolean): Float64Array {
  return src.map((_, i) => {
    let m = NaN;
    if (i < n - 1) return m;
    for (let j = i - n + 1; j <= i; j++) {
      const v = src[j];
      const better = highest ? v > m : v < m;
      if (better || (m !== m && v === v)) m = v;
    }
    return m;
  });
}

/**
 * Random values with NaN gaps (and a run of 150 NaN), repeated values and zeros of both signs,
 * so windows have ties, signed zeros and no defined value.
 */
function gappyValues(length: number, seed: number): Float64Array {
  const next = random(seed);
  return Float64Array.from({ length }, (_, i) => {
    if (i >= 400 && i < 550) return NaN;
    const u = next();
    if (u < 0.1) return NaN;
    if (u < 0.15) return 0;
    if (u < 0.2) return -0;
    if (u < 0.3) return 5;
    return Math.round((next() - 0.5) * 2000) / 100;
  });
}

describe('highest and lowest', () => {
  for (const n of [1, 2, 3, 9, 26, 52, 100]) {
    it(`window ${n} against a scan`, () => {
      for (const seed of [1, 2, 3]) {
        const src = gappyValues(1200, seed);
        const highest = new Float64Array(src.length);
        const lowest = new Float64Array(src.length);
        highestSeries(src, highest, n);
        lowestSeries(src, lowest, n);
        const expectedHighest = scanExtreme(src, n, true);
        const expectedLowest = scanExtreme(src, n, false);
        const badHighest = expectedHighest.findIndex((v, i) => !Object.is(v, highest[i]));
        const badLowest = expectedLowest.findIndex((v, i) => !Object.is(v, lowest[i]));
        expect(badHighest, `highest, seed ${seed}, bar ${badHighest}`).toBe(-1);
        expect(badLowest, `lowest, seed ${seed}, bar ${badLowest}`).toBe(-1);
      }
    });
  }
});

/**
 * Copies the bars with NaN in some fields: a leading run, isolated gaps in each field alone,
 * and gaps in all fields at once. The engine drops such bars before calling a kernel, but a
 * direct call must still give the same bits on both backends.
 */
function withGaps(bars: Bars, seed: number): Bars {
  const next = random(seed);
  const copy = { high: bars.high.slice(), low: bars.low.slice(), close: bars.close.slice(), volume: bars.volume.slice() };
  const fields = [copy.high, copy.low, copy.close, copy.volume];
  for (let i = 0; i < copy.close.length; i++) {
    if (i < 7) {
      for (const field of fields) field[i] = NaN;
      continue;
    }
    const u = next();
    if (u < 0.02) for (const field of fields) field[i] = NaN;
    else if (u < 0.06) fields[Math.floor(next() * 4)][i] = NaN;
  }
  return copy;
}

describe('reference and wasm bit for bit with missing values', () => {
  const sets: (readonly [IndicatorSpec, readonly (readonly number[])[]])[] = [[sma, [[1], [3], [20], [200]]], ...PARAMETER_SETS];
  for (const [spec, parameterSets] of sets) {
    for (const params of parameterSets) {
      it(`${spec.id}(${params.join(',')})`, () => {
        const series = [withGaps(randomWalk(3000, 1, true), 11), withGaps(randomWalk(500, 2, false), 12), withGaps(randomWalk(5, 3, false), 13)].map(
          (bars) => inputsOf(spec, bars),
        );
        const reference = runReference(spec, params, series);
        const wasm = runWasmDirect(spec, params, series);
        reference.forEach((outputs, s) => {
          outputs.forEach((values, k) => {
            const other = wasm[s][k];
            const mismatch = values.findIndex((v, i) => !Object.is(v, other[i]) && !(v !== v && other[i] !== other[i]));
            expect(mismatch, `series ${s}, ${spec.outputs[k].name}: ${values[mismatch]} vs ${other[mismatch]}`).toBe(-1);
          });
        });
      });
    }
  }

  it('sma skips missing closes', () => {
    // The window contains the last n defined closes: [1, NaN, 2, 3] with n = 2 gives 1.5 at bar 2.
    for (const [out] of runBoth(sma, [2], [column([1, NaN, 2, 3])])) expectSeries(out, [NaN, NaN, 1.5, 2.5]);
  });
});

/**
 * Daily bars of a random walk of the log price without drift, so the price stays within a
 * factor of about 20 of 100 over a million bars (randomWalk's multiplicative steps drift
 * down by orders of magnitude over that length).
 */
function logWalk(length: number, seed: number): Bars {
  const next = random(seed);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);
  let logPrice = 0;
  for (let i = 0; i < length; i++) {
    logPrice += 0.01 * (next() - 0.5);
    const c = 100 * Math.exp(logPrice);
    close[i] = c;
    high[i] = c * (1 + 0.01 * next());
    low[i] = c * (1 - 0.01 * next());
    volume[i] = Math.floor(1e6 * next()) + 1;
  }
  return { high, low, close, volume };
}

describe('no drift over a long series', () => {
  // A random walk of 1,000,000 bars with two spikes of 1000 times the price, one in the middle
  // and one that left every window a few bars before the end. Running sums would carry the
  // spikes' rounding errors; the last value must be that of the last window computed alone.
  const length = 1_000_000;
  const bars = logWalk(length, 77);
  for (const spike of [length / 2, length - 60]) {
    bars.close[spike] *= 1000;
    bars.high[spike] = bars.close[spike] + 1;
    bars.low[spike] = bars.close[spike] - 1;
  }
  const cases: [IndicatorSpec, number[]][] = [
    [sma, [20]],
    [sma, [50]],
    [wma, [20]],
    [wma, [50]],
    [bbands, [20, 2]],
    [bbands, [50, 2]],
    [hma, [9]],
    [ichimoku, [9, 26, 52]],
  ];
  // NOTE: vwma is left out: its SMAs are Pine's compensated rolling sums, which on this walk
  // end about 1.6e-12 of the value away from the window computed alone.
  for (const [spec, params] of cases) {
    it(`${spec.id}(${params.join(',')})`, () => {
      const inputs = inputsOf(spec, bars);
      const span = Math.max(...spec.outputs.map((_, k) => lookbackOfOutput(spec, params, k))) + 1;
      const window = inputs.map((values) => values.slice(length - span));
      const [[alone]] = [runReference(spec, params, [window])];
      const [full] = runReference(spec, params, [inputs]);
      const [wasm] = runWasmDirect(spec, params, [inputs]);
      spec.outputs.forEach((output, k) => {
        const expected = alone[k][span - 1];
        for (const [backend, values] of [['reference', full[k]], ['wasm', wasm[k]]] as const) {
          const actual = values[length - 1];
          expect(Math.abs(actual - expected), `${backend} ${output.name}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
        }
      });
    });
  }
});

describe('bbands on flat stretches', () => {
  it('zero width wherever the window is flat', () => {
    // The walk is flat over bars 0 to 19 and 500 to 559 (the close is rounded to cents on every third bar there too).
    const bars = randomWalk(3000, 31, true);
    for (const [upper, middle, lower] of runBoth(bbands, [20, 2], [bars.close])) {
      for (let i = 19; i < 3000; i++) {
        const window = bars.close.subarray(i - 19, i + 1);
        if (!window.every((v) => v === window[0])) continue;
        expect(upper[i], `bar ${i}`).toBe(middle[i]);
        expect(lower[i], `bar ${i}`).toBe(middle[i]);
      }
    }
  });
});
