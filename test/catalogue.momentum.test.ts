import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec as apo } from '../src/indicators/apo.js';
import { spec as bop } from '../src/indicators/bop.js';
import { spec as cci } from '../src/indicators/cci.js';
import { spec as cmo } from '../src/indicators/cmo.js';
import { spec as mom } from '../src/indicators/mom.js';
import { spec as ppo } from '../src/indicators/ppo.js';
import { spec as roc } from '../src/indicators/roc.js';
import { spec as stoch } from '../src/indicators/stoch.js';
import { spec as stochf } from '../src/indicators/stochf.js';
import { spec as stochrsi } from '../src/indicators/stochrsi.js';
import { spec as trix } from '../src/indicators/trix.js';
import { spec as willr } from '../src/indicators/willr.js';
import type { Field, Universe } from '../src/io/types.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { kernelParams, lookbackOfOutput } from '../src/registry/types.js';
import { runWasmDirect } from './helpers/direct.js';
import {
  expectAgreement,
  loadSp500,
  reportAgreements,
  runTalib,
  seriesOf,
  TalibComparison,
  type Agreement,
  type BarContext,
  type TalibCase,
  type TalibResult,
} from './helpers/talib.js';
import { countBitDifferences } from './helpers/universe.js';

type Conventions = 0 | 1;

/** Runs the reference kernel with the kernel parameters: params, ratings profile 0, conventions. */
function reference(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[], conventions: Conventions): Float64Array[] {
  const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
  spec.reference(inputs, kernelParams(params, { ratingsProfile: 0, conventions }), outputs);
  return outputs;
}

/** Runs the wasm kernel on several series under the given conventions. */
function wasm(spec: IndicatorSpec, params: readonly number[], series: Float64Array[][], conventions: Conventions): Float64Array[][] {
  return runWasmDirect(spec, params, series, { conventions });
}

const f = (values: number[]) => Float64Array.from(values);

/** Checks both backends against `expected` (NaN = undefined) for every output. */
function expectBoth(spec: IndicatorSpec, params: number[], inputs: number[][], conventions: Conventions, expected: number[][]): void {
  const columns = inputs.map(f);
  const results = [reference(spec, params, columns, conventions), wasm(spec, params, [columns], conventions)[0]];
  for (const outputs of results) {
    expected.forEach((values, k) => {
      values.forEach((value, i) => {
        const got = outputs[k][i];
        const label = `${spec.id} output ${k} bar ${i} conventions ${conventions}`;
        if (Number.isNaN(value)) expect(got, label).toBeNaN();
        else expect(got, label).toBeCloseTo(value, 10);
      });
    });
  }
}

const N = NaN;

describe('hand-derived vectors', () => {
  // high, low, close of four bars: raw 2-bar stochastic 75, 100/3, 200/3 from bar 1.
  const high = [3, 5, 4, 6];
  const low = [1, 2, 3, 3];
  const close = [2, 4, 3, 5];

  it('stoch: K = sma(raw, 2), D = sma(K, 2); TA-Lib starts both at bar 3', () => {
    expectBoth(stoch, [2, 2, 2], [high, low, close], 0, [
      [N, N, N, 50],
      [N, N, N, (325 / 6 + 50) / 2],
    ]);
    expectBoth(stoch, [2, 2, 2], [high, low, close], 1, [
      [N, N, 325 / 6, 50],
      [N, N, N, (325 / 6 + 50) / 2],
    ]);
  });

  it('stoch: a zero range gives 0 (TA-Lib) or undefined (tradingview)', () => {
    const flat = [2, 2, 2, 2];
    expectBoth(stoch, [2, 1, 1], [flat, flat, flat], 0, [
      [N, 0, 0, 0],
      [N, 0, 0, 0],
    ]);
    expectBoth(stoch, [2, 1, 1], [flat, flat, flat], 1, [
      [N, N, N, N],
      [N, N, N, N],
    ]);
  });

  it('stochf: K = raw, D = sma(K, 2)', () => {
    expectBoth(stochf, [2, 2], [high, low, close], 0, [
      [N, N, 100 / 3, 200 / 3],
      [N, N, 325 / 6, 50],
    ]);
    expectBoth(stochf, [2, 2], [high, low, close], 1, [
      [N, 75, 100 / 3, 200 / 3],
      [N, N, 325 / 6, 50],
    ]);
  });

  it('willr: 100 * (close - highest) / range; zero range 0 or undefined', () => {
    expectBoth(willr, [2], [high, low, close], 0, [[N, -25, -200 / 3, -100 / 3]]);
    expectBoth(willr, [2], [high, low, close], 1, [[N, -25, -200 / 3, -100 / 3]]);
    const flat = [2, 2, 2];
    expectBoth(willr, [2], [flat, flat, flat], 0, [[N, 0, 0]]);
    expectBoth(willr, [2], [flat, flat, flat], 1, [[N, N, N]]);
  });

  it('cci: typical price under TA-Lib, close under tradingview', () => {
    // Typical prices 2, 3, 7: mean 4, mean deviation 2, (7 - 4) / 0.03 = 100.
    // Closes 1, 2, 6: mean 3, mean deviation 2, (6 - 3) / 0.03 = 100; the sources differ.
    const h = [3, 4, 8];
    const l = [2, 3, 7];
    const c = [1, 2, 6];
    expectBoth(cci, [3], [h, l, c], 0, [[N, N, 100]]);
    expectBoth(cci, [3], [h, l, c], 1, [[N, N, 100]]);
    // Typical prices 2, 3, 4 (mean 3, deviation 2/3): (4 - 3) / 0.01 = 100; closes 1, 1, 1 are flat.
    const flatClose = [1, 1, 1];
    expectBoth(cci, [3], [[3, 5, 7], [2, 3, 4], flatClose], 0, [[N, N, 100]]);
    expectBoth(cci, [3], [[3, 5, 7], [2, 3, 4], flatClose], 1, [[N, N, N]]);
    const flat = [2, 2, 2];
    expectBoth(cci, [3], [flat, flat, flat], 0, [[N, N, 0]]);
  });

  it('mom: close - close[n] from bar n', () => {
    expectBoth(mom, [2], [[1, 2, 4, 7]], 0, [[N, N, 3, 5]]);
    expectBoth(mom, [2], [[1, 2, 4, 7]], 1, [[N, N, 3, 5]]);
  });

  it('roc: a zero earlier close gives 0 (TA-Lib) or undefined (tradingview)', () => {
    expectBoth(roc, [1], [[2, 3, 0, 3]], 0, [[N, 50, -100, 0]]);
    expectBoth(roc, [1], [[2, 3, 0, 3]], 1, [[N, 50, -100, N]]);
  });

  it('cmo: Wilder averages (TA-Lib) or sums (tradingview)', () => {
    // Gains 1, 2, 0 and losses 0, 0, 1 from bar 1.
    expectBoth(cmo, [2], [[1, 2, 4, 3]], 0, [[N, N, 100, 20]]);
    expectBoth(cmo, [2], [[1, 2, 4, 3]], 1, [[N, N, 100, 100 / 3]]);
    expectBoth(cmo, [2], [[1, 1, 1]], 0, [[N, N, 0]]);
    expectBoth(cmo, [2], [[1, 1, 1]], 1, [[N, N, N]]);
  });

  it('stochrsi: TA-Lib starts on full windows of the RSI, Pine on partial ones', () => {
    // RSI(1) of 1, 2, 4, 3, 5 is 100, 100, 0, 100 from bar 1.
    const c = [1, 2, 4, 3, 5];
    expectBoth(stochrsi, [1, 2, 1, 1], [c], 0, [
      [N, N, 0, 0, 100],
      [N, N, 0, 0, 100],
    ]);
    expectBoth(stochrsi, [1, 2, 1, 1], [c], 1, [
      [N, N, N, 0, 100],
      [N, N, N, 0, 100],
    ]);
  });

  it('trix: rate of change of the triple EMA from bar 3 * (n - 1) + 1', () => {
    // EMAs of 1..6 with n = 2: 2.5 at bar 3, 3.5 at bar 4, 4.5 at bar 5.
    expectBoth(trix, [2], [[1, 2, 3, 4, 5, 6]], 0, [[N, N, N, N, 40, (4.5 / 3.5 - 1) * 100]]);
  });

  it('apo and ppo: simple or exponential averages, each seeded on its own first closes', () => {
    const c = [1, 2, 4, 4];
    expectBoth(apo, [2, 3, 0], [c], 0, [[N, N, 3 - 7 / 3, 4 - 10 / 3]]);
    expectBoth(ppo, [2, 3, 0], [c], 0, [[N, N, (3 - 7 / 3) / (7 / 3) * 100, (4 - 10 / 3) / (10 / 3) * 100]]);
    // EMA: slow seeded 7/3 at bar 2, fast seeded 1.5 at bar 1, under both conventions.
    expectBoth(apo, [2, 3, 1], [c], 0, [[N, N, 19 / 6 - 7 / 3, 67 / 18 - 19 / 6]]);
    expectBoth(apo, [2, 3, 1], [c], 1, [[N, N, 19 / 6 - 7 / 3, 67 / 18 - 19 / 6]]);
    expectBoth(ppo, [2, 3, 0], [[0, 0, 0]], 0, [[N, N, 0]]);
    expectBoth(ppo, [2, 3, 0], [[0, 0, 0]], 1, [[N, N, N]]);
  });

  it('bop: a zero range gives 0 (TA-Lib) or undefined (tradingview)', () => {
    const inputs = [[1, 2], [3, 2], [0, 2], [2, 2]];
    expectBoth(bop, [], inputs, 0, [[1 / 3, 0]]);
    expectBoth(bop, [], inputs, 1, [[1 / 3, N]]);
  });
});

/** Builds a random walk of `length` bars with flat stretches, where high = low. */
function randomWalk(length: number, seed: number): Record<Field, Float64Array> {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const bars = { open: new Float64Array(length), high: new Float64Array(length), low: new Float64Array(length), close: new Float64Array(length), volume: new Float64Array(length) };
  let price = 100;
  let flat = 0;
  for (let i = 0; i < length; i++) {
    if (flat > 0) flat--;
    else if (random() < 0.03) flat = 5 + Math.floor(random() * 25);
    const open = price;
    if (flat === 0) price = Math.max(1, price + (random() - 0.5) * 4);
    const spread = flat > 0 ? 0 : random() * 2;
    bars.open[i] = open;
    bars.close[i] = price;
    bars.high[i] = Math.max(open, price) + spread;
    bars.low[i] = Math.min(open, price) - (flat > 0 ? 0 : random() * 2);
    bars.volume[i] = 1000;
  }
  return bars;
}

const PARAMS: [IndicatorSpec, number[][]][] = [
  [stoch, [[14, 3, 3], [1, 1, 1], [5, 1, 4], [9, 5, 2]]],
  [stochf, [[5, 3], [1, 1], [14, 7]]],
  [willr, [[14], [1], [30]]],
  [cci, [[20], [1], [2], [14]]],
  [mom, [[10], [1], [50]]],
  [roc, [[10], [1], [50]]],
  [cmo, [[14], [1], [30]]],
  [stochrsi, [[14, 14, 3, 3], [1, 1, 1, 1], [14, 5, 1, 3], [7, 9, 4, 2]]],
  [trix, [[30], [1], [5]]],
  [ppo, [[12, 26, 0], [12, 26, 1], [2, 3, 0], [2, 3, 1], [10, 50, 1]]],
  [apo, [[12, 26, 0], [12, 26, 1], [2, 3, 0], [2, 3, 1], [10, 50, 1]]],
  [bop, [[]]],
];

describe('reference and wasm agree bit for bit', () => {
  const walks = [randomWalk(700, 1), randomWalk(1, 2), randomWalk(0, 3), randomWalk(40, 4), randomWalk(333, 5)];
  for (const [spec, paramSets] of PARAMS) {
    for (const params of paramSets) {
      for (const conventions of [0, 1] as const) {
        it(`${spec.id}(${params.join(',')}) conventions ${conventions}`, () => {
          const series = walks.map((walk) => spec.inputs.map((field) => walk[field]));
          const fromWasm = wasm(spec, params, series, conventions);
          series.forEach((inputs, s) => {
            const fromReference = reference(spec, params, inputs, conventions);
            fromReference.forEach((values, k) => {
              const { count, first } = countBitDifferences(values, fromWasm[s][k]);
              expect(count, `series ${s} output ${k} first at ${first}`).toBe(0);
            });
            if (conventions === 0 && inputs[0].length > 0) {
              // The first defined value lands at the lookback (TA-Lib convention).
              fromReference.forEach((values, k) => {
                const firstDefined = values.findIndex((v) => !Number.isNaN(v));
                const lookback = lookbackOfOutput(spec, params, k);
                expect(firstDefined, `series ${s} output ${k}`).toBe(lookback < values.length ? lookback : -1);
              });
            }
          });
        });
      }
    }
  }
});

/**
 * Returns the unit below which a difference is measured against the unit, not the values:
 * |ours - theirs| <= TOLERANCE * max(|ours|, |theirs|, unit). TA-Lib's running sums (its SMA
 * smoothing of %K, its CCI mean and its SMA-type PPO and APO) leave noise of about 1e-13 where
 * the exact value is 0. There the plain relative difference reaches 1 (ours 0) or 2 (signs
 * differ) on the S&P 500 bars. The unit is the oscillator's full scale (100) for the bounded
 * ones, 1 percent for PPO and the close for APO, a difference of prices. WILLR and CMO agree
 * exactly and need none.
 */
function unitOf(spec: IndicatorSpec): ((context: BarContext) => number) | undefined {
  if (spec.id === 'apo') return ({ inputs, bar }) => Math.abs(inputs[0][bar]);
  if (spec.id === 'ppo') return () => 1;
  return ['stoch', 'stochf', 'stochrsi', 'cci'].includes(spec.id) ? () => 100 : undefined;
}

function simpleCase(spec: IndicatorSpec, params: number[], name: string, options: Record<string, number>, names: string[]): TalibCase {
  return { spec, params, name, options, pairs: names.map((talibOutput, output) => ({ output, talibOutput })), unit: unitOf(spec) };
}

/** STOCH (SMA smoothing) of TA-Lib's RSI: the TA-Lib convention of stochrsi with k_smooth > 1. */
function stochOfRsiCase(params: number[]): TalibCase {
  const [rsiN, stochN, kSmooth, dPeriod] = params;
  return {
    spec: stochrsi,
    params,
    name: 'STOCH of RSI',
    pairs: [
      { output: 0, talibOutput: 'outSlowK' },
      { output: 1, talibOutput: 'outSlowD' },
    ],
    unit: unitOf(stochrsi),
    run: ({ close }): TalibResult => {
      const r = runTalib('RSI', { optInTimePeriod: rsiN }, { close });
      const values = r.result.outReal ?? [];
      const s = runTalib(
        'STOCH',
        { optInFastK_Period: stochN, optInSlowK_Period: kSmooth, optInSlowK_MAType: 0, optInSlowD_Period: dPeriod, optInSlowD_MAType: 0 },
        { high: values, low: values, close: values },
      );
      return { begIndex: r.begIndex + s.begIndex, nbElement: s.nbElement, result: s.result };
    },
  };
}

const TALIB_CASES: TalibCase[] = [
  ...[[14, 3, 3], [9, 5, 2]].map(([n, k, d]) =>
    simpleCase(stoch, [n, k, d], 'STOCH', { optInFastK_Period: n, optInSlowK_Period: k, optInSlowK_MAType: 0, optInSlowD_Period: d, optInSlowD_MAType: 0 }, ['outSlowK', 'outSlowD']),
  ),
  ...[[5, 3], [21, 7]].map(([n, d]) =>
    simpleCase(stochf, [n, d], 'STOCHF', { optInFastK_Period: n, optInFastD_Period: d, optInFastD_MAType: 0 }, ['outFastK', 'outFastD']),
  ),
  ...[14, 2].map((n) => simpleCase(willr, [n], 'WILLR', { optInTimePeriod: n }, ['outReal'])),
  ...[20, 14].map((n) => simpleCase(cci, [n], 'CCI', { optInTimePeriod: n }, ['outReal'])),
  ...[10, 1].map((n) => simpleCase(mom, [n], 'MOM', { optInTimePeriod: n }, ['outReal'])),
  ...[10, 1].map((n) => simpleCase(roc, [n], 'ROC', { optInTimePeriod: n }, ['outReal'])),
  ...[14, 2].map((n) => simpleCase(cmo, [n], 'CMO', { optInTimePeriod: n }, ['outReal'])),
  ...[[14, 14, 3], [7, 9, 2]].map(([r, n, d]) =>
    simpleCase(stochrsi, [r, n, 1, d], 'STOCHRSI', { optInTimePeriod: r, optInFastK_Period: n, optInFastD_Period: d, optInFastD_MAType: 0 }, ['outFastK', 'outFastD']),
  ),
  stochOfRsiCase([14, 14, 3, 3]),
  ...[30, 2].map((n) => simpleCase(trix, [n], 'TRIX', { optInTimePeriod: n }, ['outReal'])),
  ...[[12, 26, 0], [12, 26, 1], [2, 3, 1]].map(([fast, slow, type]) =>
    simpleCase(ppo, [fast, slow, type], 'PPO', { optInFastPeriod: fast, optInSlowPeriod: slow, optInMAType: type }, ['outReal']),
  ),
  ...[[12, 26, 0], [2, 3, 1]].map(([fast, slow, type]) =>
    simpleCase(apo, [fast, slow, type], 'APO', { optInFastPeriod: fast, optInSlowPeriod: slow, optInMAType: type }, ['outReal']),
  ),
  simpleCase(bop, [], 'BOP', {}, ['outReal']),
];

describe('agreement with TA-Lib on S&P 500 daily bars', () => {
  let comparison: TalibComparison;
  const results: Agreement[] = [];

  beforeAll(async () => {
    comparison = await TalibComparison.open();
  });

  afterAll(async () => {
    await comparison?.close();
    // TALIB_REPORT=1 writes the worst difference per output to stderr, with the plain relative one beside it.
    if (process.env.TALIB_REPORT) reportAgreements(results);
  });

  for (const talibCase of TALIB_CASES) {
    it(`${talibCase.spec.id}(${talibCase.params.join(',')})`, async () => {
      for (const result of await comparison.compare(talibCase)) {
        results.push(result);
        expectAgreement(result);
      }
    });
  }
});

describe('tradingview convention on S&P 500 daily bars', () => {
  const symbols = ['AAPL', 'GE', 'KO', 'F'];
  let universe: Universe;

  beforeAll(async () => {
    universe = await loadSp500();
  });

  /** Runs `spec` under tradingview on both backends, checks they agree bit for bit, and returns the outputs. */
  function runBoth(spec: IndicatorSpec, params: number[], symbol: string): Float64Array[] {
    const inputs = seriesOf(universe, symbol, spec.inputs);
    const ours = reference(spec, params, inputs, 1);
    const fromWasm = wasm(spec, params, [inputs], 1)[0];
    ours.forEach((values, k) => expect(countBitDifferences(values, fromWasm[k]).count, `${symbol} output ${k}`).toBe(0));
    return ours;
  }

  const firstDefined = (values: Float64Array) => values.findIndex((v) => !Number.isNaN(v));

  it('Pine start bars of the stochastics', () => {
    for (const symbol of symbols) {
      const [k, d] = runBoth(stoch, [14, 3, 3], symbol);
      expect(firstDefined(k)).toBe(15);
      expect(firstDefined(d)).toBe(17);
      const [fastK, fastD] = runBoth(stochf, [5, 3], symbol);
      expect(firstDefined(fastK)).toBe(4);
      expect(firstDefined(fastD)).toBe(6);
      const [rsiK, rsiD] = runBoth(stochrsi, [14, 14, 3, 3], symbol);
      expect(firstDefined(rsiK)).toBe(17);
      expect(firstDefined(rsiD)).toBe(19);
    }
  });

  it('cci of close and cmo of sums match plain Pine formulas', () => {
    const n = 20;
    for (const symbol of symbols) {
      const close = seriesOf(universe, symbol, ['high', 'low', 'close'])[2];
      const [cciValues] = runBoth(cci, [n], symbol);
      const [cmoValues] = runBoth(cmo, [n], symbol);
      for (let i = n; i < close.length; i++) {
        let sum = 0;
        for (let j = i - n + 1; j <= i; j++) sum += close[j];
        const mean = sum / n;
        let deviation = 0;
        for (let j = i - n + 1; j <= i; j++) deviation += Math.abs(close[j] - mean);
        const expectedCci = (close[i] - mean) / (0.015 * (deviation / n));
        if (deviation === 0) expect(cciValues[i]).toBeNaN();
        else expect(Math.abs(cciValues[i] - expectedCci), `${symbol} cci bar ${i}`).toBeLessThanOrEqual(1e-9 * Math.max(100, Math.abs(expectedCci)));
        let up = 0;
        let down = 0;
        for (let j = i - n + 1; j <= i; j++) {
          const change = close[j] - close[j - 1];
          if (change > 0) up += change;
          else down -= change;
        }
        const expectedCmo = (100 * (up - down)) / (up + down);
        if (up + down === 0) expect(cmoValues[i]).toBeNaN();
        else expect(Math.abs(cmoValues[i] - expectedCmo), `${symbol} cmo bar ${i}`).toBeLessThanOrEqual(1e-9 * 100);
      }
    }
  });
});
