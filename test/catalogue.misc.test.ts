import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec as dema } from '../src/indicators/dema.js';
import { spec as donchian } from '../src/indicators/donchian.js';
import { spec as kama } from '../src/indicators/kama.js';
import { spec as keltner } from '../src/indicators/keltner.js';
import { spec as linearreg } from '../src/indicators/linearreg.js';
import { spec as logret } from '../src/indicators/logret.js';
import { spec as midpoint } from '../src/indicators/midpoint.js';
import { spec as midprice } from '../src/indicators/midprice.js';
import { spec as natr } from '../src/indicators/natr.js';
import { spec as ret } from '../src/indicators/ret.js';
import { spec as rma } from '../src/indicators/rma.js';
import { spec as sar } from '../src/indicators/sar.js';
import { spec as stddev } from '../src/indicators/stddev.js';
import { spec as tema } from '../src/indicators/tema.js';
import { spec as trange } from '../src/indicators/trange.js';
import { spec as trima } from '../src/indicators/trima.js';
import { spec as variance } from '../src/indicators/var.js';
import type { Field } from '../src/io/types.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { kernelParams, lookbackOfOutput } from '../src/registry/types.js';
import { runReference, runWasmDirect } from './helpers/direct.js';
import {
  expectAgreement,
  ExactOracle,
  reportAgreements,
  runTalib,
  runTalibOn,
  TalibComparison,
  toScaledIntegers,
  type Agreement,
  type BarContext,
  type TalibCase,
  type TalibResult,
} from './helpers/talib.js';
import { countBitDifferences } from './helpers/universe.js';

const column = (values: readonly number[]): Float64Array => Float64Array.from(values);

/** Runs one series through the reference and the wasm kernel; returns both output lists. */
function runBoth(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[]): Float64Array[][] {
  const [reference] = runReference(spec, params, [inputs]);
  const [wasm] = runWasmDirect(spec, params, [inputs]);
  return [reference, wasm];
}

/** Asserts `actual` matches `expected`: NaN where NaN, else within 1e-14 relative (exactly where `exact`). */
function expectSeries(actual: Float64Array, expected: readonly number[], exact = false): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    if (Number.isNaN(value) || exact) {
      expect(actual[i], `bar ${i}`).toBe(value);
    } else {
      expect(Math.abs(actual[i] - value), `bar ${i}: ${actual[i]} vs ${value}`).toBeLessThanOrEqual(1e-14 * Math.abs(value));
    }
  });
}

/** Checks every output of `spec` on both backends against `expected`, and where the first value lands. */
function vector(spec: IndicatorSpec, params: number[], inputs: number[][], expected: number[][], exact = false): void {
  const columns = inputs.map(column);
  for (const outputs of runBoth(spec, params, columns)) {
    expected.forEach((values, k) => {
      expectSeries(outputs[k], values, exact);
      const first = outputs[k].findIndex((v) => !Number.isNaN(v));
      expect(first, `${spec.id} output ${k}: first value`).toBe(lookbackOfOutput(spec, params, k));
    });
  }
}

describe('hand-derived vectors', () => {
  it('rma: mean seed at bar n - 1, then Wilder', () => {
    vector(rma, [3], [[1, 2, 3, 4, 5]], [[NaN, NaN, 2, 8 / 3, (16 / 3 + 5) / 3]]);
  });

  it('dema and tema keep a line', () => {
    vector(dema, [2], [[1, 2, 3, 4, 5]], [[NaN, NaN, 3, 4, 5]], true);
    vector(tema, [2], [[1, 2, 3, 4, 5, 6]], [[NaN, NaN, NaN, 4, 5, 6]], true);
  });

  it('trima: weights 1, 2, 2, 1 and 1, 2, 1', () => {
    vector(trima, [4], [[1, 2, 3, 4, 5, 6]], [[NaN, NaN, NaN, 2.5, 3.5, 4.5]], true);
    vector(trima, [3], [[1, 4, 2, 8]], [[NaN, NaN, 2.75, 4]], true);
  });

  it('kama: efficiency 1 on a straight rise, 0 on a round trip', () => {
    const first = 2 + (3 - 2) * (4 / 9);
    const sc = (2 / 31) * (2 / 31);
    vector(kama, [2], [[1, 2, 3, 2]], [[NaN, NaN, first, first + (2 - first) * sc]]);
  });

  it('kama: a flat window has efficiency 1 and keeps the level', () => {
    vector(kama, [2], [[5, 5, 5, 5]], [[NaN, NaN, 5, 5]], true);
  });

  const high = [10, 12, 15, 13];
  const low = [8, 9, 14, 11];
  const close = [9, 11, 14.5, 12];

  it('trange: from bar 1, gaps count', () => {
    vector(trange, [], [high, low, close], [[NaN, 3, 4, 3.5]], true);
  });

  it('natr: atr over close in percent, from bar n', () => {
    vector(natr, [2], [high, low, close], [[NaN, NaN, (3.5 / 14.5) * 100, (3.5 / 12) * 100]], true);
  });

  it('natr: a zero close is undefined', () => {
    const [reference, wasm] = runBoth(natr, [1], [column([2, 2, 1]), column([1, 0, 0]), column([1, 0, 1])]);
    for (const [out] of [reference, wasm]) expectSeries(out, [NaN, NaN, 100], true);
  });

  it('stddev and var: population moments, flat windows exactly 0', () => {
    const values = [2, 4, 6, 6, 6, 6];
    vector(variance, [3], [values], [[NaN, NaN, 8 / 3, 8 / 9, 0, 0]]);
    vector(stddev, [3, 2], [values], [[NaN, NaN, Math.sqrt(8 / 3) * 2, Math.sqrt(8 / 9) * 2, 0, 0]]);
    vector(variance, [1], [values], [[0, 0, 0, 0, 0, 0]], true);
    // 0.1 three times sums to more than 0.3, so a mean-then-deviation variance would not be 0 here.
    vector(stddev, [3, 1], [[0.1, 0.1, 0.1, 0.1]], [[NaN, NaN, 0, 0]], true);
  });

  it('donchian: highest high, lowest low, their mean', () => {
    vector(donchian, [2], [[5, 7, 6, 4], [3, 4, 2, 3]], [
      [NaN, 7, 7, 6],
      [NaN, 5, 4.5, 4],
      [NaN, 3, 2, 2],
    ], true);
  });

  it('keltner: ema middle from bar n - 1, bands of rma(tr) with tr = high - low on bar 0', () => {
    vector(keltner, [2, 2, 3], [high, low, close], [
      [NaN, NaN, 19, 37 / 3 + 2 * (9.5 / 3)],
      [NaN, 10, 13, 37 / 3],
      [NaN, NaN, 7, 37 / 3 - 2 * (9.5 / 3)],
    ]);
    // A longer atr than ema: the bands start at bar atr_period - 1.
    expect(keltner.outputLookback!([2, 2, 3], 0)).toBe(2);
    expect(keltner.outputLookback!([5, 2, 3], 2)).toBe(4);
  });

  it('midprice and midpoint', () => {
    vector(midprice, [2], [[5, 7, 6, 4], [3, 4, 2, 3]], [[NaN, 5, 4.5, 4]], true);
    vector(midpoint, [3], [[1, 5, 3, 2, 4]], [[NaN, NaN, 3, 3.5, 3]], true);
  });

  it('linearreg: value, slope, intercept, tsf', () => {
    vector(linearreg, [3], [[1, 3, 2, 5]], [
      [NaN, NaN, 2.5, 13 / 3],
      [NaN, NaN, 0.5, 1],
      [NaN, NaN, 1.5, 7 / 3],
      [NaN, NaN, 3, 16 / 3],
    ]);
    vector(linearreg, [2], [[7.3, 7.3, 7.3]], [[NaN, 7.3, 7.3], [NaN, 0, 0], [NaN, 7.3, 7.3], [NaN, 7.3, 7.3]], true);
  });

  it('ret: over n bars; a zero base is undefined', () => {
    vector(ret, [2], [[100, 110, 121, 0, 5]], [[NaN, NaN, 21 / 100, -1, (5 - 121) / 121]], true);
    const [reference, wasm] = runBoth(ret, [1], [column([0, 1, 2])]);
    for (const [out] of [reference, wasm]) expectSeries(out, [NaN, NaN, 1], true);
  });
});

/** Runs the reference kernel under the given conventions (the last kernel param). */
function referenceUnder(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[], conventions: 0 | 1): Float64Array[] {
  const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
  spec.reference(inputs, kernelParams(params, { ratingsProfile: 0, conventions }), outputs);
  return outputs;
}

/** Runs the wasm kernel of sar under the given conventions. */
function sarWasmUnder(params: readonly number[], batch: Float64Array[][], conventions: 0 | 1): Float64Array[][] {
  return runWasmDirect(sar, params, batch, { conventions });
}

describe('sar vectors', () => {
  const high = column([10, 11, 12, 11, 9]);
  const low = column([9, 10, 11, 9.5, 8]);
  const close = column([9.5, 10.5, 11.5, 10, 8.5]);

  it('talib: long start, touch reverses to the old ep', () => {
    const expected = [NaN, 9, 9.5, 12, 12];
    expectSeries(referenceUnder(sar, [0.25, 0.5], [high, low, close], 0)[0], expected, true);
    expectSeries(sarWasmUnder([0.25, 0.5], [[high, low, close]], 0)[0][0], expected, true);
  });

  it('tradingview: advance first, two-bar clamp', () => {
    const expected = [NaN, 9, 9, 12, 12];
    expectSeries(referenceUnder(sar, [0.25, 0.5], [high, low, close], 1)[0], expected, true);
    expectSeries(sarWasmUnder([0.25, 0.5], [[high, low, close]], 1)[0][0], expected, true);
  });

  it('starts short on a minus directional movement (talib) or a falling close (tradingview)', () => {
    const h = column([10, 9.5, 9]);
    const l = column([9, 8, 7.5]);
    const c = column([9.5, 8.5, 8]);
    // talib: up = -0.5, down = 1 -> short, ep = 8, sar = 10; bar 2: 10 + 0.25 * (8 - 10) = 9.5, clamped up to high[1] 9.5.
    expectSeries(referenceUnder(sar, [0.25, 0.5], [h, l, c], 0)[0], [NaN, 10, 9.5], true);
    // tradingview: bar 1: 10 + 0.25 * (8 - 10) = 9.5, max with high[0] 10 -> 10; bar 2: ep 7.5, af 0.5: 10 + 0.5 * (7.5 - 10) = 8.75, max with 9.5 and 10 -> 10.
    expectSeries(referenceUnder(sar, [0.25, 0.5], [h, l, c], 1)[0], [NaN, 10, 10], true);
  });
});

/** mulberry32, so the random walks are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random walk of high, low, close with flat stretches (every field unchanged for a while). */
function walk(length: number, seed: number): Float64Array[] {
  const random = generator(seed);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  let price = 50 + 100 * random();
  let flat = 0;
  for (let i = 0; i < length; i++) {
    if (flat > 0) {
      flat--;
      high[i] = i > 0 ? high[i - 1] : price;
      low[i] = i > 0 ? low[i - 1] : price;
      close[i] = price;
      continue;
    }
    if (random() < 0.03) flat = 5 + Math.floor(40 * random());
    price = Math.round(price * (1 + 0.04 * (random() - 0.5)) * 100) / 100;
    close[i] = price;
    high[i] = price * (1 + 0.01 * random());
    low[i] = price * (1 - 0.01 * random());
  }
  return [high, low, close];
}

const SERIES = [0, 1, 2, 3, 7, 40, 500, 3000].map((length, k) => walk(length, 11 + k));

/** The inputs of `spec` from a walk: close alone, or the fields it names. */
function inputsOf(spec: IndicatorSpec, [high, low, close]: Float64Array[]): Float64Array[] {
  const fields: Record<string, Float64Array> = { high, low, close };
  return spec.inputs.map((field) => fields[field]);
}

const PARAMETER_SETS: [IndicatorSpec, number[][]][] = [
  [rma, [[1], [2], [14], [100]]],
  [dema, [[2], [9], [30]]],
  [tema, [[2], [9], [30]]],
  [trima, [[2], [3], [4], [17], [30]]],
  [kama, [[2], [10], [30]]],
  [trange, [[]]],
  [natr, [[1], [14], [50]]],
  [stddev, [[2, 1], [5, 1], [20, 2.5]]],
  [variance, [[1], [5], [20]]],
  [donchian, [[1], [2], [20], [55]]],
  [keltner, [[1, 2, 1], [20, 2, 10], [5, 1.5, 30]]],
  [midprice, [[2], [14], [33]]],
  [midpoint, [[2], [14], [33]]],
  [linearreg, [[2], [14], [50]]],
  [ret, [[1], [5], [60]]],
];

describe('wasm is bit for bit the reference on random walks with flat stretches', () => {
  for (const [spec, sets] of PARAMETER_SETS) {
    it(`${spec.id} (${sets.map((p) => `(${p.join(',')})`).join(' ')})`, () => {
      for (const params of sets) {
        const batch = SERIES.map((series) => inputsOf(spec, series));
        const reference = runReference(spec, params, batch);
        const wasm = runWasmDirect(spec, params, batch);
        batch.forEach((inputs, s) => {
          spec.outputs.forEach((output, k) => {
            const label = `${spec.id}(${params.join(',')}).${output.name}, series ${s}`;
            const { count, first } = countBitDifferences(reference[s][k], wasm[s][k]);
            expect(count, `${label}: first at bar ${first}`).toBe(0);
            const lookback = lookbackOfOutput(spec, params, k);
            const defined = reference[s][k].findIndex((v) => !Number.isNaN(v));
            expect(defined, label).toBe(inputs[0].length > lookback ? lookback : -1);
          });
        });
      }
    });
  }

  it('sar, both conventions', () => {
    const batch = SERIES.map((series) => inputsOf(sar, series));
    for (const params of [[0.02, 0.2], [0.05, 0.3], [0.3, 0.2]]) {
      for (const conventions of [0, 1] as const) {
        const wasm = sarWasmUnder(params, batch, conventions);
        batch.forEach((inputs, s) => {
          const reference = referenceUnder(sar, params, inputs, conventions)[0];
          const label = `sar(${params.join(',')}), conventions ${conventions}, series ${s}`;
          const { count, first } = countBitDifferences(reference, wasm[s][0]);
          expect(count, `${label}: first at bar ${first}`).toBe(0);
          expect(reference.findIndex((v) => !Number.isNaN(v)), label).toBe(inputs[0].length > 1 ? 1 : -1);
        });
      }
    }
  });

  it('tradingview conventions change only sar', () => {
    for (const [spec, sets] of PARAMETER_SETS) {
      const inputs = inputsOf(spec, SERIES[6]);
      const params = sets[sets.length - 1];
      const talibOutputs = referenceUnder(spec, params, inputs, 0);
      referenceUnder(spec, params, inputs, 1).forEach((values, k) => expect(countBitDifferences(values, talibOutputs[k]).count, spec.id).toBe(0));
    }
    const inputs = inputsOf(sar, SERIES[6]);
    const talibSar = referenceUnder(sar, [0.02, 0.2], inputs, 0)[0];
    expect(countBitDifferences(referenceUnder(sar, [0.02, 0.2], inputs, 1)[0], talibSar).count).toBeGreaterThan(0);
  });
});

interface Check {
  /** Our output index, and TA-Lib's function, options, input fields and output name for it. */
  output: number;
  name: string;
  options: Record<string, number>;
  inputs: Field[];
  result: string;
}

/** Builds one case per check, because the checks of one instance may call different TA-Lib functions on different fields. */
function casesOf(spec: IndicatorSpec, params: number[], checks: Check[]): TalibCase[] {
  return checks.map(({ output, name, options, inputs, result }) => ({
    spec,
    params,
    name,
    options,
    fields: inputs,
    pairs: [{ output, talibOutput: result }],
    unit: spec === linearreg && output === 1 ? slopeUnit : undefined,
    accept: (context: BarContext) => closerToExact(spec, output, params, context),
  }));
}

/**
 * The regression slope is a difference of prices per bar, so its rounding error scales with
 * the prices, not with the slope. On a window with no trend the exact slope is 0 and ours is
 * 1.4e-17 (HBI bar 2525 of linearreg(50)), so the slope is measured against the close.
 */
const slopeUnit = ({ inputs, bar }: BarContext): number => Math.abs(inputs[0][bar]);

const single = (spec: IndicatorSpec, name: string, periods: number[], inputs: Field[] = ['close']): TalibCase[] =>
  periods.flatMap((n) => casesOf(spec, [n], [{ output: 0, name, options: { optInTimePeriod: n }, inputs, result: 'outReal' }]));

/** TA-Lib has no log return; LN of ROCR is the same definition, the ratio rounded once and then its logarithm. */
function logReturnCase(n: number): TalibCase {
  return {
    spec: logret,
    params: [n],
    name: 'LN of ROCR',
    pairs: [{ output: 0, talibOutput: 'outReal' }],
    run: ({ close }): TalibResult => {
      const ratio = runTalib('ROCR', { optInTimePeriod: n }, { close });
      const log = runTalib('LN', {}, { close: ratio.result.outReal ?? [] });
      return { begIndex: ratio.begIndex + log.begIndex, nbElement: log.nbElement, result: log.result };
    },
  };
}

const CASES: TalibCase[] = [
  ...single(dema, 'DEMA', [2, 30]),
  ...single(tema, 'TEMA', [2, 30]),
  ...single(trima, 'TRIMA', [2, 3, 30, 31]),
  ...single(kama, 'KAMA', [2, 30]),
  ...casesOf(trange, [], [{ output: 0, name: 'TRANGE', options: {}, inputs: ['high', 'low', 'close'], result: 'outReal' }]),
  ...single(natr, 'NATR', [2, 14], ['high', 'low', 'close']),
  ...[[2, 1], [5, 1], [20, 2]].flatMap(([n, k]) =>
    casesOf(stddev, [n, k], [{ output: 0, name: 'STDDEV', options: { optInTimePeriod: n, optInNbDev: k }, inputs: ['close'], result: 'outReal' }]),
  ),
  ...[1, 5, 20].flatMap((n) =>
    casesOf(variance, [n], [{ output: 0, name: 'VAR', options: { optInTimePeriod: n, optInNbDev: 1 }, inputs: ['close'], result: 'outReal' }]),
  ),
  ...[2, 20].flatMap((n) =>
    casesOf(donchian, [n], [
      { output: 0, name: 'MAX', options: { optInTimePeriod: n }, inputs: ['high'], result: 'outReal' },
      { output: 1, name: 'MIDPRICE', options: { optInTimePeriod: n }, inputs: ['high', 'low'], result: 'outReal' },
      { output: 2, name: 'MIN', options: { optInTimePeriod: n }, inputs: ['low'], result: 'outReal' },
    ]),
  ),
  ...[2, 20].flatMap((n) =>
    casesOf(keltner, [n, 2, 10], [{ output: 1, name: 'EMA', options: { optInTimePeriod: n }, inputs: ['close'], result: 'outReal' }]),
  ),
  ...single(midprice, 'MIDPRICE', [2, 14], ['high', 'low']),
  ...single(midpoint, 'MIDPOINT', [2, 14]),
  ...[2, 14, 50].flatMap((n) =>
    casesOf(
      linearreg,
      [n],
      ['LINEARREG', 'LINEARREG_SLOPE', 'LINEARREG_INTERCEPT', 'TSF'].map((name, output) => ({
        output,
        name,
        options: { optInTimePeriod: n },
        inputs: ['close'],
        result: 'outReal',
      })),
    ),
  ),
  ...single(ret, 'ROCP', [1, 10]),
  ...[1, 20].map(logReturnCase),
  ...[[0.02, 0.2], [0.05, 0.3], [0.3, 0.2]].flatMap(([a, m]) =>
    casesOf(sar, [a, m], [{ output: 0, name: 'SAR', options: { optInAcceleration: a, optInMaximum: m }, inputs: ['high', 'low'], result: 'outReal' }]),
  ),
];

/**
 * The value of output `output` of var, stddev or linearreg on `window` from exact integer
 * arithmetic, rounded a few times to a double (a few ulps), and the price scale of the
 * window that errors are measured against: the oracle where TA-Lib and this package disagree.
 */
function exactValue(id: string, output: number, params: number[], window: readonly number[]): { exact: number; scale: number } {
  const { ints, shift } = toScaledIntegers(window);
  const n = BigInt(ints.length);
  const sum = ints.reduce((a, b) => a + b, 0n);
  const mean = (Number(sum) / ints.length) * 2 ** -shift;
  if (id === 'var' || id === 'stddev') {
    const squares = ints.reduce((a, b) => a + b * b, 0n);
    const v = (Number(n * squares - sum * sum) / Number(n * n)) * 2 ** (-2 * shift);
    return id === 'var' ? { exact: v, scale: mean * mean } : { exact: Math.sqrt(v) * params[1], scale: Math.abs(mean) * params[1] };
  }
  // linearreg: x = 0 (oldest) to n - 1.
  const sumX = (n * (n - 1n)) / 2n;
  const sumXX = (n * (n - 1n) * (2n * n - 1n)) / 6n;
  const sumXY = ints.reduce((a, y, k) => a + BigInt(k) * y, 0n);
  const slope = n * sumXY - sumX * sum;
  const divisor = n * sumXX - sumX * sumX;
  const scale = Math.abs(mean);
  if (output === 1) return { exact: (Number(slope) / Number(divisor)) * 2 ** -shift, scale };
  const at = [n - 1n, 0n, 0n, n][output];
  const numerator = sum * divisor - slope * sumX + n * slope * at;
  return { exact: (Number(numerator) / Number(n * divisor)) * 2 ** -shift, scale };
}

/** Exact-value checks by output, such as `var.value`. */
const oracles = new Map<string, ExactOracle>();

/**
 * TA-Lib's variance (running sums of x and x * x) and its regression sums over raw prices lose
 * digits to cancellation on flat or nearly flat windows. Where TA-Lib disagrees with us by more
 * than the tolerance, our value must be within 1e-12 of the exact value at the window's price
 * scale, and closer to it than TA-Lib's.
 */
function closerToExact(spec: IndicatorSpec, output: number, params: number[], { inputs, bar, ours, theirs }: BarContext): boolean {
  if (spec.id !== 'var' && spec.id !== 'stddev' && spec.id !== 'linearreg') return false;
  const label = `${spec.id}.${spec.outputs[output].name}`;
  let oracle = oracles.get(label);
  if (!oracle) {
    oracle = new ExactOracle(label);
    oracles.set(label, oracle);
  }
  const window = inputs[0].slice(bar - params[0] + 1, bar + 1);
  const { exact, scale } = exactValue(spec.id, output, params, window);
  return oracle.accept(exact, scale, ours, theirs);
}

describe('agreement with TA-Lib on S&P 500 daily bars', () => {
  let comparison: TalibComparison;
  const results: Agreement[] = [];

  beforeAll(async () => {
    comparison = await TalibComparison.open();
  });

  afterAll(async () => {
    await comparison?.close();
    // TALIB_REPORT=1 writes the worst relative difference per output to stderr, for the docs.
    if (!process.env.TALIB_REPORT) return;
    reportAgreements(results);
    for (const oracle of oracles.values()) oracle.report();
  });

  for (const talibCase of CASES) {
    const output = talibCase.spec.outputs[talibCase.pairs[0].output].name;
    it(`${talibCase.spec.id}(${talibCase.params.join(',')}).${output} vs ${talibCase.name}`, async () => {
      for (const result of await comparison.compare(talibCase)) {
        results.push(result);
        expectAgreement(result);
      }
    });
  }
});

describe('documented differences from TA-Lib', () => {
  it('natr(1) is normalized; TA-Lib NATR(1) returns the plain true range', () => {
    const inputs = [column([10, 12, 15, 13]), column([8, 9, 14, 11]), column([9, 11, 14.5, 12])];
    const [[ours]] = runReference(natr, [1], [inputs]);
    const theirs = runTalibOn('NATR', { optInTimePeriod: 1 }, ['high', 'low', 'close'], inputs);
    expect(theirs.result.outReal).toEqual([3, 4, 3.5]);
    expectSeries(ours, [NaN, (3 / 11) * 100, (4 / 14.5) * 100, (3.5 / 12) * 100], true);
  });

  it('ret on a zero base is undefined; TA-Lib ROCP gives 0', () => {
    const close = column([0, 1, 2]);
    const [[ours]] = runReference(ret, [1], [[close]]);
    const theirs = runTalibOn('ROCP', { optInTimePeriod: 1 }, ['close'], [close]);
    expect(theirs.result.outReal).toEqual([0, 1]);
    expectSeries(ours, [NaN, NaN, 1], true);
  });

  it('stddev of a flat window after a move is exactly 0', () => {
    const close = column([10.01, 10.37, 10.37, 10.37, 10.37, 10.37, 10.37]);
    const [[ours]] = runReference(stddev, [5, 1], [[close]]);
    expect(ours[6]).toBe(0);
  });
});
