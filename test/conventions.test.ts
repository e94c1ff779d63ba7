import { describe, expect, it } from 'vitest';
import { spec as atr } from '../src/indicators/atr.js';
import { spec as bbands } from '../src/indicators/bbands.js';
import { spec as ema } from '../src/indicators/ema.js';
import { spec as hma } from '../src/indicators/hma.js';
import { spec as ichimoku } from '../src/indicators/ichimoku.js';
import { spec as macd } from '../src/indicators/macd.js';
import { spec as rsi } from '../src/indicators/rsi.js';
import { spec as sma } from '../src/indicators/sma.js';
import { spec as stoch } from '../src/indicators/stoch.js';
import { spec as stochf } from '../src/indicators/stochf.js';
import { spec as stochrsi } from '../src/indicators/stochrsi.js';
import { spec as vwma } from '../src/indicators/vwma.js';
import { spec as wma } from '../src/indicators/wma.js';
import { emaSeries, smaSeries, wmaSeries } from '../src/reference/lib.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { conventionsOf, kernelParams, lookbackOfOutput } from '../src/registry/types.js';
import { runWasmDirect } from './helpers/direct.js';

type Conventions = 0 | 1;

/** Runs the reference kernel on one series with the kernel parameters: params, ratings profile 0, conventions. */
function reference(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[], conventions: Conventions): Float64Array[] {
  const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
  spec.reference(inputs, kernelParams(params, { ratingsProfile: 0, conventions }), outputs);
  return outputs;
}

/** Runs the wasm kernel on several series with ratings profile 0 and `conventions`. */
function wasm(spec: IndicatorSpec, params: readonly number[], series: Float64Array[][], conventions: Conventions): Float64Array[][] {
  return runWasmDirect(spec, params, series, { conventions });
}

/** Reference and wasm outputs of one series. */
function both(spec: IndicatorSpec, params: readonly number[], inputs: number[][], conventions: Conventions): Float64Array[][] {
  const columns = inputs.map((values) => Float64Array.from(values));
  return [reference(spec, params, columns, conventions), wasm(spec, params, [columns], conventions)[0]];
}

/** Asserts both backends give exactly `expected` (NaN where NaN) for every output. */
function expectBoth(spec: IndicatorSpec, params: number[], inputs: number[][], conventions: Conventions, expected: number[][]): void {
  for (const outputs of both(spec, params, inputs, conventions)) {
    expected.forEach((values, k) => {
      expect(outputs[k].length).toBe(values.length);
      values.forEach((value, i) => expect(outputs[k][i], `${spec.id} output ${k} bar ${i} conventions ${conventions}`).toBe(value));
    });
  }
}

const N = NaN;

/** Index of the first defined value, or the length when there is none. */
function firstDefined(values: Float64Array): number {
  const i = values.findIndex((v) => v === v);
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

/** A random walk of daily bars with a flat start, a flat stretch (high = low), cent-rounded closes and zero volume. */
function randomWalk(length: number, seed: number): Bars {
  const next = random(seed);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);
  let price = 50 + 100 * next();
  for (let i = 0; i < length; i++) {
    const flat = i < 20 || (i >= 300 && i < 360);
    if (!flat) price *= 1 + 0.04 * (next() - 0.5);
    const c = i % 3 === 0 ? Math.round(price * 100) / 100 : price;
    close[i] = c;
    high[i] = flat ? c : c + 2 * next();
    low[i] = flat ? c : c - 2 * next();
    volume[i] = i >= 400 && i < 440 ? 0 : Math.floor(1e6 * next()) + 1;
  }
  return { high, low, close, volume };
}

function inputsOf(spec: IndicatorSpec, bars: Bars): Float64Array[] {
  return [...spec.inputs, ...(spec.optionalInputs ?? [])].map((field) => {
    if (field === 'open') throw new Error(`${spec.id} reads open, which the test bars do not have`);
    return bars[field];
  });
}

/** Series of several lengths, some shorter than the longest lookbacks, one empty. */
const SERIES: readonly Bars[] = [900, 0, 1, 7, 60, 251, 600].map((length, k) => randomWalk(length, 101 + k));

const PARAMETER_SETS: readonly (readonly [IndicatorSpec, readonly (readonly number[])[]])[] = [
  [sma, [[1], [2], [20], [200]]],
  [ema, [[1], [2], [20], [200]]],
  [wma, [[1], [2], [20], [100]]],
  [hma, [[2], [3], [9], [50]]],
  [vwma, [[1], [20], [50]]],
  [rsi, [[1], [2], [14], [100]]],
  [macd, [[12, 26, 9], [1, 2, 1], [3, 7, 3], [5, 35, 5]]],
  [bbands, [[1, 2], [20, 2], [5, 0.5], [50, 3.3], [20, 0]]],
  [atr, [[1], [2], [14], [100]]],
  [ichimoku, [[9, 26, 52], [1, 1, 1], [30, 5, 10]]],
];

/** Index of the first bar where `a` and `b` differ in bits (NaN equal to NaN), or -1. */
function mismatch(a: Float64Array, b: Float64Array): number {
  return a.findIndex((v, i) => !Object.is(v, b[i]) && !(v !== v && b[i] !== b[i]));
}

describe('tradingview convention: hand-derived vectors', () => {
  it('sma: rolling sum over n', () => {
    // (1 + 2 + 3)/3, (2 + 3 + 4)/3, (3 + 4 + 8)/3: exact integer sums under both conventions.
    for (const conventions of [0, 1] as const) expectBoth(sma, [3], [[1, 2, 3, 4, 8]], conventions, [[N, N, 2, 3, 5]]);
    // Inexact sums: the tradingview values are those of smaSeries, Pine's machine, on the same closes.
    const close = Float64Array.from([0.1, 0.2, 0.3, 0.7, 0.1, 0.4]);
    const expected = new Float64Array(close.length);
    smaSeries(close, expected, 3, new Float64Array(3));
    expectBoth(sma, [3], [[...close]], 1, [[...expected]]);
  });

  it('wma: window summed oldest first', () => {
    // n = 3: (1 * 1 + 2 * 2 + 3 * 3)/6 = 14/6, (2 + 6 + 12)/6 = 20/6, (3 + 8 + 15)/6 = 26/6.
    for (const conventions of [0, 1] as const) expectBoth(wma, [3], [[1, 2, 3, 4, 5]], conventions, [[N, N, 14 / 6, 20 / 6, 26 / 6]]);
  });

  it('rsi: Pine form and zero averages', () => {
    // n = 2: changes +1, -0.5. At bar 2 the gain average is 0.5, the loss average 0.25.
    expectBoth(rsi, [2], [[1, 2, 1.5]], 0, [[N, N, 100 * (0.5 / 0.75)]]);
    expectBoth(rsi, [2], [[1, 2, 1.5]], 1, [[N, N, 100 - 100 / (1 + 0.5 / 0.25)]]);
    // Rising: loss average 0 gives 100; falling: gain average 0 gives 0; flat: undefined. Both conventions.
    for (const conventions of [0, 1] as const) {
      expectBoth(rsi, [2], [[1, 2, 3, 4]], conventions, [[N, N, 100, 100]]);
      expectBoth(rsi, [2], [[4, 3, 2, 1]], conventions, [[N, N, 0, 0]]);
      expectBoth(rsi, [2], [[5, 5, 5, 5]], conventions, [[N, N, N, N]]);
    }
    // Changes +2, +4, -1 (n = 2): gain seed 3, loss seed 0 at bar 2; bar 3: gain (3 + 0)/2 = 1.5, loss (0 + 1)/2 = 0.5.
    expectBoth(rsi, [2], [[1, 3, 7, 6]], 0, [[N, N, 100, 100 * (1.5 / 2)]]);
    expectBoth(rsi, [2], [[1, 3, 7, 6]], 1, [[N, N, 100, 100 - 100 / (1 + 1.5 / 0.5)]]);
  });

  it('atr: bar 0 true range', () => {
    // True ranges: bar 0 high - low = 4 (tradingview only), then 2, 2.5, 3.
    const high = [5, 4, 6, 5];
    const low = [1, 3, 4, 2];
    const close = [2, 3.5, 5, 3];
    // talib, n = 2: seed (2 + 2.5)/2 = 2.25 at bar 2, then (2.25 * 1 + 3)/2 = 2.625.
    expectBoth(atr, [2], [high, low, close], 0, [[N, N, 2.25, 2.625]]);
    // tradingview: seed (4 + 2)/2 = 3 at bar 1, then (3 + 2.5)/2 = 2.75, (2.75 + 3)/2 = 2.875.
    expectBoth(atr, [2], [high, low, close], 1, [[N, 3, 2.75, 2.875]]);
    // n = 1: tradingview starts at bar 0 with high - low.
    expectBoth(atr, [1], [high, low, close], 1, [[4, 2, 2.5, 3]]);
    expectBoth(atr, [1], [high, low, close], 0, [[N, 2, 2.5, 3]]);
  });

  it('macd: fast EMA from bar 0', () => {
    // fast 2 (alpha 2/3), slow 3 (alpha 1/2), signal 2 (alpha 2/3); each step is e + alpha * (x - e).
    const close = [1, 3, 2, 5, 4, 6];
    const a2 = 2 / 3;
    const step = (e: number, x: number, alpha: number): number => e + alpha * (x - e);
    // Slow EMA: seed (1 + 3 + 2)/3 = 2 at bar 2, then 3.5, 3.75, 4.875.
    const slow = [N, N, 2, 3.5, 3.75, 4.875];
    // tradingview fast EMA: seed (1 + 3)/2 = 2 at bar 1.
    const fastTv = [N, 2];
    for (let i = 2; i < 6; i++) fastTv.push(step(fastTv[i - 1], close[i], a2));
    const lineTv = fastTv.map((f, i) => f - slow[i]);
    // Signal: seed (line[2] + line[3])/2 at bar 3, then steps.
    const signalTv = [N, N, N, (lineTv[2] + lineTv[3]) / 2];
    for (let i = 4; i < 6; i++) signalTv.push(step(signalTv[i - 1], lineTv[i], a2));
    const histTv = lineTv.map((l, i) => l - signalTv[i]);
    expectBoth(macd, [2, 3, 2], [close], 1, [lineTv, signalTv, histTv]);
    expect(lineTv.slice(2, 4)).toEqual([0, 0.5]);

    // talib: the fast EMA starts at bar slow - fast = 1: seed (3 + 2)/2 = 2.5 at bar 2.
    const fastTa = [N, N, 2.5];
    for (let i = 3; i < 6; i++) fastTa.push(step(fastTa[i - 1], close[i], a2));
    const lineFull = fastTa.map((f, i) => f - slow[i]);
    const signalTa = [N, N, N, (lineFull[2] + lineFull[3]) / 2];
    for (let i = 4; i < 6; i++) signalTa.push(step(signalTa[i - 1], lineFull[i], a2));
    const histTa = lineFull.map((l, i) => l - signalTa[i]);
    // Every talib output starts at the signal's first bar, (slow - 1) + (signal - 1) = 3.
    const lineTa = lineFull.map((l, i) => (i < 3 ? N : l));
    expectBoth(macd, [2, 3, 2], [close], 0, [lineTa, signalTa, histTa]);
    expect(lineTa[3]).not.toBe(lineTv[3]);
  });

  it('bbands: Pine sum of squares', () => {
    // n = 3, mult 2 on 1, 2, 3: mean 2. tradingview: variance 14/3 - 2 * 2; talib: deviations
    // from the anchor 1 are 0, 1, 2, so sd = sqrt(3 * 5 - 3 * 3)/3.
    const tv = 2 * Math.sqrt(14 / 3 - 2 * 2);
    const ta = 2 * (Math.sqrt(6) / 3);
    expect(tv).not.toBe(ta);
    expectBoth(bbands, [3, 2], [[1, 2, 3]], 1, [[N, N, 2 + tv], [N, N, 2], [N, N, 2 - tv]]);
    expectBoth(bbands, [3, 2], [[1, 2, 3]], 0, [[N, N, 2 + ta], [N, N, 2], [N, N, 2 - ta]]);

    // A flat window of 100.1: talib's width is exactly 0 (its mean is the plain sum over 3); tradingview's is what Pine's formula
    // leaves of sum(x^2)/n - mean^2 (the compensated sums of 100.1 and of 100.1^2, each three times).
    const x = 100.1;
    const compensated = (v: number): number => {
      let s = 0;
      let c = 0;
      for (let k = 0; k < 3; k++) {
        const y = v - c;
        const t = s + y;
        c = t - s - y;
        s = t;
      }
      return s;
    };
    const mean = compensated(x) / 3;
    const variance = compensated(x * x) / 3 - mean * mean;
    const width = 1 * Math.sqrt(variance < 0 ? 0 : variance);
    expect(width).toBeGreaterThan(0);
    expectBoth(bbands, [3, 1], [[x, x, x]], 1, [[N, N, mean + width], [N, N, mean], [N, N, mean - width]]);
    const talibMean = (x + x + x) / 3;
    expectBoth(bbands, [3, 1], [[x, x, x]], 0, [[N, N, talibMean], [N, N, talibMean], [N, N, talibMean]]);
  });

  it('ema, hma, vwma, ichimoku: same vectors', () => {
    for (const conventions of [0, 1] as const) {
      // ema n = 3: seed 4, then 4 + (8 - 4)/2 = 6, 6 + (4 - 6)/2 = 5.
      expectBoth(ema, [3], [[2, 4, 6, 8, 4]], conventions, [[N, N, 4, 6, 5]]);
      // vwma n = 2: (1 * 1 + 3 * 3)/2 / ((1 + 3)/2) = 2.5, (3 * 3 + 5 * 1)/2 / 2 = 3.5.
      expectBoth(vwma, [2], [[1, 3, 5], [1, 3, 1]], conventions, [[N, 2.5, 3.5]]);
      // ichimoku 1, 2, 2 on highs 4, 6 and lows 2, 1: conversion (4 + 2)/2, (6 + 1)/2; base from bar 1 (6 + 1)/2.
      expectBoth(ichimoku, [1, 2, 2], [[4, 6], [2, 1]], conventions, [[3, 3.5], [N, 3.5], [N, 3.5], [N, 3.5]]);
    }
  });
});

describe('tradingview convention: reference and wasm bit for bit', () => {
  for (const [spec, parameterSets] of PARAMETER_SETS) {
    it(`${spec.id} under conventions=1`, () => {
      for (const params of parameterSets) {
        const series = SERIES.map((bars) => inputsOf(spec, bars));
        const wasmOutputs = wasm(spec, params, series, 1);
        series.forEach((inputs, s) => {
          const referenceOutputs = reference(spec, params, inputs, 1);
          referenceOutputs.forEach((values, k) => {
            const bad = mismatch(values, wasmOutputs[s][k]);
            expect(bad, `${spec.id}(${params.join(', ')}) series ${s} output ${k} bar ${bad}`).toBe(-1);
          });
        });
      }
    });
  }
});

describe('tradingview convention: where the values start and how they differ', () => {
  const bars = SERIES[0];

  it('ema, hma, vwma, ichimoku: same bits', () => {
    for (const [spec, parameterSets] of PARAMETER_SETS) {
      if (![ema, hma, vwma, ichimoku].includes(spec)) continue;
      for (const params of parameterSets) {
        const inputs = inputsOf(spec, bars);
        const talib = reference(spec, params, inputs, 0);
        const tradingview = reference(spec, params, inputs, 1);
        const wasmTv = wasm(spec, params, [inputs], 1)[0];
        talib.forEach((values, k) => {
          expect(mismatch(values, tradingview[k]), `${spec.id}(${params.join(', ')}) output ${k}`).toBe(-1);
          expect(mismatch(values, wasmTv[k]), `${spec.id}(${params.join(', ')}) output ${k} wasm`).toBe(-1);
        });
      }
    }
  });

  it('sma, wma, ema: ratings blocks', () => {
    for (const n of [1, 2, 10, 20, 200]) {
      const expected = new Float64Array(bars.close.length);
      smaSeries(bars.close, expected, n, new Float64Array(n));
      expect(mismatch(reference(sma, [n], [bars.close], 1)[0], expected), `sma ${n}`).toBe(-1);
      wmaSeries(bars.close, expected, n, new Float64Array(n));
      expect(mismatch(reference(wma, [n], [bars.close], 1)[0], expected), `wma ${n}`).toBe(-1);
      emaSeries(bars.close, expected, n);
      expect(mismatch(reference(ema, [n], [bars.close], 1)[0], expected), `ema ${n}`).toBe(-1);
    }
  });

  it('sma, wma, rsi, bbands middle: last bits', () => {
    const cases: [IndicatorSpec, number[], number][] = [
      [sma, [20], 0],
      [wma, [20], 0],
      [rsi, [14], 0],
      [bbands, [20, 2], 1],
    ];
    for (const [spec, params, output] of cases) {
      const inputs = inputsOf(spec, bars);
      const talib = reference(spec, params, inputs, 0)[output];
      const tradingview = reference(spec, params, inputs, 1)[output];
      expect(firstDefined(tradingview), spec.id).toBe(spec.lookback(params));
      expect(firstDefined(talib), spec.id).toBe(spec.lookback(params));
      let differing = 0;
      for (let i = spec.lookback(params); i < talib.length; i++) {
        if (talib[i] !== tradingview[i]) differing++;
        expect(Math.abs(talib[i] - tradingview[i]), `${spec.id} bar ${i}`).toBeLessThanOrEqual(1e-12 * Math.abs(talib[i]));
      }
      expect(differing, `${spec.id}: some bars differ in bits`).toBeGreaterThan(0);
    }
  });

  it('bbands: bands near talib', () => {
    const talib = reference(bbands, [20, 2], [bars.close], 0);
    const tradingview = reference(bbands, [20, 2], [bars.close], 1);
    for (let i = 19; i < bars.close.length; i++) {
      for (const k of [0, 2]) expect(Math.abs(talib[k][i] - tradingview[k][i]), `bar ${i}`).toBeLessThanOrEqual(1e-7 * bars.close[i]);
    }
  });

  it('atr: first value at n - 1', () => {
    for (const n of [1, 2, 14, 100]) {
      const inputs = inputsOf(atr, bars);
      const tradingview = [reference(atr, [n], inputs, 1)[0], wasm(atr, [n], [inputs], 1)[0][0]];
      for (const values of tradingview) expect(firstDefined(values), `atr ${n}`).toBe(n - 1);
      expect(atr.lookback([n], 'tradingview'), `atr ${n}`).toBe(n - 1);
      expect(firstDefined(reference(atr, [n], inputs, 0)[0])).toBe(atr.lookback([n]));
    }
  });

  it('macd: first bars per output', () => {
    for (const params of [[12, 26, 9], [1, 2, 1], [3, 7, 3], [5, 35, 5]]) {
      const [, slow] = params;
      const runs = [reference(macd, params, [bars.close], 1), wasm(macd, params, [[bars.close]], 1)[0]];
      for (const [line, signal, hist] of runs) {
        expect(firstDefined(line), `macd(${params.join(', ')}) line`).toBe(slow - 1);
        expect(firstDefined(signal)).toBe(lookbackOfOutput(macd, params, 1, 'tradingview'));
        expect(firstDefined(hist)).toBe(lookbackOfOutput(macd, params, 2, 'tradingview'));
      }
      expect(lookbackOfOutput(macd, params, 0, 'tradingview'), `macd(${params.join(', ')}) line`).toBe(slow - 1);
      // Under talib every output starts at lookback.
      for (const values of reference(macd, params, [bars.close], 0)) expect(firstDefined(values)).toBe(macd.lookback(params));
    }
  });

  it('macd: lines converge', () => {
    const [talibLine] = reference(macd, [12, 26, 9], [bars.close], 0);
    const [tvLine] = reference(macd, [12, 26, 9], [bars.close], 1);
    expect(tvLine[33]).not.toBe(talibLine[33]);
    // The seeds differ by about the price move of 14 bars; (11/13)^n shrinks it below 1e-9 of the price.
    for (let i = 600; i < bars.close.length; i++) expect(Math.abs(tvLine[i] - talibLine[i])).toBeLessThan(1e-9 * bars.close[i]);
  });
});

describe('lookback under both conventions', () => {
  // Bars 20 to 299 of the longest series: no flat stretch or zero range, which would delay a
  // first value past the lookback.
  const moving: Bars = {
    high: SERIES[0].high.slice(20, 300),
    low: SERIES[0].low.slice(20, 300),
    close: SERIES[0].close.slice(20, 300),
    volume: SERIES[0].volume.slice(20, 300),
  };
  const cases: (readonly [IndicatorSpec, readonly (readonly number[])[]])[] = [
    ...PARAMETER_SETS,
    [stoch, [[14, 3, 3], [1, 1, 1], [5, 1, 4], [20, 5, 2]]],
    [stochf, [[5, 3], [1, 1], [1, 4], [14, 3]]],
    [stochrsi, [[14, 14, 3, 3], [1, 14, 3, 3], [2, 2, 1, 1], [14, 5, 1, 4], [20, 30, 2, 2]]],
  ];

  for (const conventions of [0, 1] as const) {
    const name = conventionsOf({ conventions });
    for (const [spec, parameterSets] of cases) {
      it(`${spec.id}: first values (${name})`, () => {
        for (const params of parameterSets) {
          const inputs = inputsOf(spec, moving);
          const runs: [string, Float64Array[]][] = [
            ['reference', reference(spec, params, inputs, conventions)],
            ['wasm', wasm(spec, params, [inputs], conventions)[0]],
          ];
          for (const [backend, outputs] of runs) {
            outputs.forEach((values, k) => {
              const where = `${spec.id}(${params.join(', ')}).${spec.outputs[k].name} ${backend}`;
              expect(firstDefined(values), where).toBe(lookbackOfOutput(spec, params, k, name));
            });
          }
        }
      });
    }
  }

  it('stoch, stochf, stochrsi: k earlier under tradingview', () => {
    expect(lookbackOfOutput(stoch, [14, 3, 3], 0, 'tradingview')).toBe(15);
    expect(lookbackOfOutput(stoch, [14, 3, 3], 0, 'talib')).toBe(17);
    expect(lookbackOfOutput(stochf, [5, 3], 0, 'tradingview')).toBe(4);
    expect(lookbackOfOutput(stochf, [5, 3], 0, 'talib')).toBe(6);
    expect(lookbackOfOutput(stochrsi, [14, 14, 3, 3], 0, 'tradingview')).toBe(17);
    expect(lookbackOfOutput(stochrsi, [14, 14, 3, 3], 1, 'tradingview')).toBe(19);
    expect(lookbackOfOutput(stochrsi, [14, 14, 3, 3], 1, 'talib')).toBe(31);
  });
});
