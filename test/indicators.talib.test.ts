import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec as atr } from '../src/indicators/atr.js';
import { spec as bbands } from '../src/indicators/bbands.js';
import { spec as ema } from '../src/indicators/ema.js';
import { spec as macd } from '../src/indicators/macd.js';
import { spec as rsi } from '../src/indicators/rsi.js';
import { spec as sma } from '../src/indicators/sma.js';
import { spec as wma } from '../src/indicators/wma.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { runReference } from './helpers/direct.js';
import { syntheticUniverse } from './helpers/universe.js';
import {
  bigIntSqrt,
  exactWma,
  expectAgreement,
  ExactOracle,
  reportAgreements,
  runTalib,
  TalibComparison,
  toScaledIntegers,
  type Agreement,
  type BarContext,
  type TalibCase,
} from './helpers/talib.js';

/** Cases of a one-output TA-Lib function with a single period. */
function periodCases(spec: IndicatorSpec, name: string, periods: number[]): TalibCase[] {
  return periods.map((n) => ({ spec, params: [n], name, options: { optInTimePeriod: n }, pairs: [{ output: 0, talibOutput: 'outReal' }] }));
}

/** The bands' outputs in the order of `bbands.outputs`. */
const BAND_OUTPUTS = ['outRealUpperBand', 'outRealMiddleBand', 'outRealLowerBand'];

const CASES: TalibCase[] = [
  ...periodCases(sma, 'SMA', [2, 20, 200]),
  ...periodCases(ema, 'EMA', [2, 12, 50, 200]),
  ...periodCases(wma, 'WMA', [2, 20, 100]).map((c) => ({ ...c, accept: (context: BarContext) => wmaIsCloserToExact(context, c.params[0]) })),
  ...periodCases(rsi, 'RSI', [2, 14, 50]).map((c) => ({ ...c, accept: rsiUndefinedWhereTalibZero })),
  ...[
    [12, 26, 9],
    [5, 35, 5],
    [2, 3, 2],
    [10, 20, 30],
  ].map(([fast, slow, signal]) => ({
    spec: macd,
    params: [fast, slow, signal],
    name: 'MACD',
    options: { optInFastPeriod: fast, optInSlowPeriod: slow, optInSignalPeriod: signal },
    pairs: ['outMACD', 'outMACDSignal', 'outMACDHist'].map((talibOutput, output) => ({ output, talibOutput })),
    // hist = macd - signal, so its rounding error scales with the two lines, not with their
    // difference. Where they cancel (TA-Lib 0, ours 1.8e-15 on TRMB at bar 3 of macd(2,3,2)),
    // the hist difference is measured against the larger line.
    unit: ({ outputs, bar }: BarContext, output: number) => (output === 2 ? Math.max(Math.abs(outputs[0][bar]), Math.abs(outputs[1][bar])) : 0),
  })),
  ...[
    [20, 2],
    [5, 1.5],
    [50, 3],
    [2, 1],
  ].map(([n, mult]) => ({
    spec: bbands,
    params: [n, mult],
    name: 'BBANDS',
    options: { optInTimePeriod: n, optInNbDevUp: mult, optInNbDevDn: mult, optInMAType: 0 },
    pairs: BAND_OUTPUTS.map((talibOutput, output) => ({ output, talibOutput })),
    accept: (context: BarContext, output: number) => output !== 1 && bandIsCloserToExact(context, [n, mult], output),
  })),
  ...periodCases(atr, 'ATR', [1, 14, 50]),
];

const wmaOracle = new ExactOracle('wma');

/**
 * TA-Lib's WMA keeps two running sums over the whole series (ta_WMA.c: periodSum and
 * periodSub), so a window of small prices inherits rounding from the large prices before it
 * (AIG's 0.45 at bar 2341 of wma(2) comes out 0.4500000005). There ours must be within 1e-12
 * of the exact weighted mean, at the window's largest price, and closer to it than TA-Lib's.
 */
function wmaIsCloserToExact({ inputs, bar, ours, theirs }: BarContext, n: number): boolean {
  const window = inputs[0].slice(bar - n + 1, bar + 1);
  return wmaOracle.accept(exactWma(window), Math.max(...window.map(Math.abs)), ours, theirs);
}

/** RSI is undefined where TA-Lib returns 0 on an unchanged window; a test below covers the case. */
function rsiUndefinedWhereTalibZero({ ours, theirs }: BarContext): boolean {
  return Number.isNaN(ours) && theirs === 0;
}

/**
 * Mean and population standard deviation of a window from exact integer arithmetic, each
 * rounded once or twice to a double: the oracle where TA-Lib and this package disagree.
 */
function exactMoments(window: readonly number[]): { mean: number; deviation: number } {
  const { ints, shift } = toScaledIntegers(window);
  const n = BigInt(ints.length);
  const sum = ints.reduce((a, b) => a + b, 0n);
  const squares = ints.reduce((a, b) => a + b * b, 0n);
  // n^2 * variance * 2^(2 * shift), scaled by 2^128 so its root keeps 64 more bits.
  const root = bigIntSqrt((n * squares - sum * sum) << 128n);
  return {
    mean: (Number(sum) / ints.length) * 2 ** -shift,
    deviation: (Number(root) / ints.length) * 2 ** -(shift + 64),
  };
}

const bandOracle = new ExactOracle('bbands upper and lower');

/**
 * TA-Lib's variance (a running sum of squares minus the squared mean) drifts over a long series
 * and leaves about 1e-8 of noise on flat or nearly flat windows. Where it disagrees with band
 * `output` (0 upper, 2 lower) by more than the tolerance, our value must be within 1e-12 of the
 * exact band at the price scale, and closer to it than TA-Lib's.
 */
function bandIsCloserToExact({ inputs, bar, ours, theirs }: BarContext, params: number[], output: number): boolean {
  const [n, mult] = params;
  const { mean, deviation } = exactMoments(inputs[0].slice(bar - n + 1, bar + 1));
  const exact = output === 0 ? mean + mult * deviation : mean - mult * deviation;
  return bandOracle.accept(exact, Math.max(Math.abs(mean), Math.abs(ours)), ours, theirs);
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
    wmaOracle.report();
    bandOracle.report();
  });

  for (const talibCase of CASES) {
    it(`${talibCase.spec.id}(${talibCase.params.join(',')})`, async () => {
      for (const result of await comparison.compare(talibCase)) {
        results.push(result);
        expectAgreement(result);
      }
    });
  }
});

describe('TA-Lib comparison helper', () => {
  it('compacts bars with a missing close', async () => {
    // Two series with NaN gaps: TA-Lib and the kernel both see only the defined closes.
    const close = [
      [10, NaN, 11, 13, NaN, NaN, 12, 15, 14],
      [NaN, 5, 6, 8, 7, NaN, 9],
    ];
    const universe = syntheticUniverse(close.map((values) => ({ close: values })));
    const comparison = await TalibComparison.open('reference', universe);
    try {
      const [result] = await comparison.compare(periodCases(sma, 'SMA', [3])[0]);
      expect(result.symbols).toBe(2);
      expect(result.values).toBe(6 - 2 + (5 - 2));
      expect(result.misaligned).toBe(0);
      expect(result.outside).toBe(0);
    } finally {
      await comparison.close();
    }
  });

  it('counts a difference at its bar', async () => {
    // rsi(2) is undefined on the unchanged windows at bars 3 and 4, where TA-Lib gives 0, so
    // without the case's accept hook both are outside.
    const universe = syntheticUniverse([{ close: [1, NaN, 1, 1, 1, 2] }]);
    const comparison = await TalibComparison.open('reference', universe);
    try {
      const [result] = await comparison.compare({ ...periodCases(rsi, 'RSI', [2])[0], accept: undefined });
      expect(result.outside).toBe(2);
      expect(result.firstOutside?.bar).toBe(3);
      expect(result.firstOutside?.theirs).toBe(0);
    } finally {
      await comparison.close();
    }
  });
});

/** Runs TA-Lib function `name` on a series of closes. */
const talibOnClose = (name: string, options: Record<string, number>, close: Float64Array) => runTalib(name, options, { close: Array.from(close) });

describe('documented differences from TA-Lib', () => {
  it('rsi of an unchanged series is undefined', () => {
    const flat = Float64Array.from({ length: 30 }, () => 42);
    const [[ours]] = runReference(rsi, [14], [[flat]]);
    const theirs = talibOnClose('RSI', { optInTimePeriod: 14 }, flat);
    expect(theirs.result.outReal.every((v) => v === 0)).toBe(true);
    expect(ours.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('bbands below the variance epsilon', () => {
    // Closes alternate between 1 and 1 + 2^-26, so the variance is 2^-54 (about 5.6e-17). That is
    // under TA-Lib's 1e-14, and TA-Lib's bands collapse onto the middle. Here the width is 2 * 2^-27.
    const step = 2 ** -26;
    const close = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : 1 + step));
    const [[upper, middle]] = runReference(bbands, [20, 2], [[close]]);
    const theirs = talibOnClose('BBANDS', { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 }, close);
    const talibUpper = theirs.result.outRealUpperBand;
    const talibMiddle = theirs.result.outRealMiddleBand;
    for (let i = 19; i < 40; i++) {
      expect(talibUpper[i - 19]).toBe(talibMiddle[i - 19]);
      expect(upper[i] - middle[i]).toBe(2 * 2 ** -27);
    }
  });

  it('macd hand vector matches exactly', () => {
    // The closes of the hand-derived macd(3, 7, 3) vector, whose values are all short binary fractions.
    const close = Float64Array.from([20, 8, 8, 8, 13, 13, 7, 20, 5, 10, 12, 1]);
    const [ours] = runReference(macd, [3, 7, 3], [[close]]);
    const theirs = talibOnClose('MACD', { optInFastPeriod: 3, optInSlowPeriod: 7, optInSignalPeriod: 3 }, close);
    expect(theirs.begIndex).toBe(8);
    ['outMACD', 'outMACDSignal', 'outMACDHist'].forEach((name, k) => {
      expect(Array.from(ours[k].subarray(8)), name).toEqual(theirs.result[name]);
    });
  });

  it('macd signal period 1', () => {
    // TA-Lib's EMA lookback rejects 1 and returns -1, so its MACD starts a bar early, on an unset value.
    const close = wavyCloses();
    const theirs = talibOnClose('MACD', { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 1 }, close);
    expect(theirs.begIndex).toBe(24);
    expect(macd.lookback([12, 26, 1])).toBe(25);
    const [[line, signal]] = runReference(macd, [12, 26, 1], [[close]]);
    for (let i = 25; i < close.length; i++) expect(signal[i]).toBeCloseTo(line[i], 12);
  });

  it('macd with fast above slow', () => {
    // TA-Lib swaps the two periods; the registry rejects them so a feature name always matches its values.
    const close = wavyCloses();
    const swapped = talibOnClose('MACD', { optInFastPeriod: 26, optInSlowPeriod: 12, optInSignalPeriod: 9 }, close);
    const ordered = talibOnClose('MACD', { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 }, close);
    expect(swapped.result.outMACD).toEqual(ordered.result.outMACD);
    expect(macd.check?.([26, 12, 9])?.parameter).toBe('fast');
  });
});

/** 80 closes: a sine wave plus a 7-bar sawtooth. */
function wavyCloses(): Float64Array {
  return Float64Array.from({ length: 80 }, (_, i) => 100 + 10 * Math.sin(i / 5) + (i % 7));
}
