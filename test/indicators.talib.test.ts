import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec as atr } from '../src/indicators/atr.js';
import { spec as bbands } from '../src/indicators/bbands.js';
import { spec as ema } from '../src/indicators/ema.js';
import { spec as macd } from '../src/indicators/macd.js';
import { spec as rsi } from '../src/indicators/rsi.js';
import { spec as sma } from '../src/indicators/sma.js';
import { spec as wma } from '../src/indicators/wma.js';
import type { Field } from '../src/io/types.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { lookbackOfOutput } from '../src/registry/types.js';
import { runReference } from './helpers/direct.js';
import { requireSp500 } from './helpers/universe.js';

/** The part of the `talib` package (node-talib 1.1.6, TA-Lib 0.4) these tests call. */
interface Talib {
  execute(request: Record<string, unknown>): { begIndex: number; nbElement: number; result: Record<string, number[]> };
}

const talib = createRequire(import.meta.url)('talib') as Talib;

/** Relative tolerance after the lookback: |a - b| <= TOLERANCE * max(|a|, |b|). */
const TOLERANCE = 1e-9;

const SYMBOLS = [
  'AAPL', 'MSFT', 'AMZN', 'JPM', 'XOM', 'JNJ', 'PG', 'KO', 'GE', 'F', 'T', 'INTC',
  'CSCO', 'WMT', 'BA', 'CAT', 'MMM', 'NVDA', 'AMD', 'C', 'BAC', 'PFE', 'MRK', 'DIS',
];

type Bars = Record<'high' | 'low' | 'close', Float64Array>;

/** Reads one symbol's high, low and close; nulls become NaN. */
function readBars(file: string): Bars {
  const table = tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
  const column = (name: string): Float64Array => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`${file}: column "${name}" is missing`);
    return Float64Array.from({ length: table.numRows }, (_, i) => {
      const value: unknown = vector.get(i);
      return value === null ? NaN : Number(value);
    });
  };
  return { high: column('high'), low: column('low'), close: column('close') };
}

/** Drops the bars where any of `columns` is NaN, as the host does before calling a kernel. */
function compact(columns: Float64Array[]): Float64Array[] {
  const keep: number[] = [];
  for (let i = 0; i < columns[0].length; i++) if (columns.every((c) => !Number.isNaN(c[i]))) keep.push(i);
  return columns.map((c) => Float64Array.from(keep, (i) => c[i]));
}

interface Case {
  spec: IndicatorSpec;
  params: number[];
  /** The TA-Lib request, without its inputs and range. */
  request: Record<string, unknown>;
  /** TA-Lib's output names, in the order of `spec.outputs`. */
  talibOutputs: string[];
}

/** A TA-Lib request for function `name`, without its inputs and range. */
const talibRequest = (name: string, options: Record<string, number>): Record<string, unknown> => ({ name, ...options });

/** Cases of a one-output TA-Lib function with a single period. */
function periodCases(spec: IndicatorSpec, name: string, periods: number[]): Case[] {
  return periods.map((n) => ({ spec, params: [n], request: talibRequest(name, { optInTimePeriod: n }), talibOutputs: ['outReal'] }));
}

const CASES: Case[] = [
  ...periodCases(sma, 'SMA', [2, 20, 200]),
  ...periodCases(ema, 'EMA', [2, 12, 50, 200]),
  ...periodCases(wma, 'WMA', [2, 20, 100]),
  ...periodCases(rsi, 'RSI', [2, 14, 50]),
  ...[
    [12, 26, 9],
    [5, 35, 5],
    [2, 3, 2],
    [10, 20, 30],
  ].map(([fast, slow, signal]) => ({
    spec: macd,
    params: [fast, slow, signal],
    request: talibRequest('MACD', { optInFastPeriod: fast, optInSlowPeriod: slow, optInSignalPeriod: signal }),
    talibOutputs: ['outMACD', 'outMACDSignal', 'outMACDHist'],
  })),
  ...[
    [20, 2],
    [5, 1.5],
    [50, 3],
    [2, 1],
  ].map(([n, mult]) => ({
    spec: bbands,
    params: [n, mult],
    request: talibRequest('BBANDS', { optInTimePeriod: n, optInNbDevUp: mult, optInNbDevDn: mult, optInMAType: 0 }),
    talibOutputs: ['outRealUpperBand', 'outRealMiddleBand', 'outRealLowerBand'],
  })),
  ...periodCases(atr, 'ATR', [1, 14, 50]),
];

/**
 * Decomposes doubles into integers over one power of two: values[j] = ints[j] * 2^-shift,
 * exactly. Only finite values.
 */
function toScaledIntegers(values: Float64Array): { ints: bigint[]; shift: number } {
  const view = new DataView(new ArrayBuffer(8));
  const parts = Array.from(values, (value) => {
    view.setFloat64(0, value);
    const highWord = view.getUint32(0);
    const exponentBits = (highWord >>> 20) & 0x7ff;
    const fraction = (BigInt(highWord & 0xfffff) << 32n) | BigInt(view.getUint32(4));
    const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
    const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
    return { mantissa: highWord >>> 31 ? -mantissa : mantissa, exponent };
  });
  const shift = -Math.min(0, ...parts.map((p) => p.exponent));
  return { ints: parts.map((p) => p.mantissa << BigInt(p.exponent + shift)), shift };
}

function bigIntSqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = 1n << BigInt(Math.ceil(value.toString(2).length / 2));
  for (;;) {
    const next = (x + value / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/**
 * Mean and population standard deviation of a window from exact integer arithmetic, each
 * rounded once or twice to a double: the oracle where TA-Lib and this package disagree.
 */
function exactMoments(window: Float64Array): { mean: number; deviation: number } {
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

/** Runs TA-Lib on plain arrays: the binding misreads typed arrays. */
function runTalib(request: Record<string, unknown>, spec: IndicatorSpec, inputs: Float64Array[]) {
  const data: Record<string, unknown> = { ...request, startIdx: 0, endIdx: inputs[0].length - 1 };
  if (spec.inputs.length === 1) {
    data.inReal = Array.from(inputs[0]);
  } else {
    spec.inputs.forEach((field, k) => (data[field] = Array.from(inputs[k])));
  }
  return talib.execute(data);
}

const worst = new Map<string, number>();

/** Bands where TA-Lib is off by more than the tolerance: how many, and our worst error there. */
const bandOracle = { count: 0, worstTalib: 0, worstOurs: 0 };

/**
 * TA-Lib's variance (a running sum of squares minus the squared mean) drifts over a long series
 * and leaves about 1e-8 of noise on flat or nearly flat windows. Where it disagrees with band
 * `output` (0 upper, 2 lower) at bar i by more than the tolerance, this checks that our value
 * is within 1e-12 of the exact band at the price scale, and closer to it than TA-Lib's.
 */
function bandIsCloserToExact(close: Float64Array, i: number, params: number[], output: number, ours: number, theirs: number): boolean {
  const [n, mult] = params;
  const { mean, deviation } = exactMoments(close.subarray(i - n + 1, i + 1));
  const exact = output === 0 ? mean + mult * deviation : mean - mult * deviation;
  const scale = Math.max(Math.abs(mean), Math.abs(ours));
  const ourError = Math.abs(ours - exact);
  const closer = ourError <= 1e-12 * scale && ourError < Math.abs(theirs - exact);
  if (closer) {
    bandOracle.count++;
    bandOracle.worstTalib = Math.max(bandOracle.worstTalib, Math.abs(theirs - ours) / scale);
    bandOracle.worstOurs = Math.max(bandOracle.worstOurs, ourError / scale);
  }
  return closer;
}

describe('agreement with TA-Lib on S&P 500 daily bars', () => {
  const bars = new Map<string, Bars>();

  beforeAll(() => {
    const dir = requireSp500();
    for (const symbol of SYMBOLS) bars.set(symbol, readBars(join(dir, `${symbol}.parquet`)));
  });

  afterAll(() => {
    // TALIB_REPORT=1 prints the worst relative difference per indicator, for the docs.
    if (!process.env.TALIB_REPORT) return;
    for (const [id, value] of worst) console.info(`${id}: worst relative difference ${value.toExponential(2)}`);
    const { count, worstTalib, worstOurs } = bandOracle;
    console.info(
      `bbands: ${count} band values where TA-Lib is off by more than ${TOLERANCE}, up to ${worstTalib.toExponential(2)} ` +
        `at the price scale; ours within ${worstOurs.toExponential(2)} of exact there`,
    );
  });

  for (const { spec, params, request, talibOutputs } of CASES) {
    it(`${spec.id}(${params.join(',')})`, () => {
      for (const symbol of SYMBOLS) {
        const all = bars.get(symbol)!;
        const inputs = compact(spec.inputs.map((field: Field) => all[field as keyof Bars]));
        const length = inputs[0].length;
        const [ours] = runReference(spec, params, [inputs]);
        const theirs = runTalib(request, spec, inputs);

        spec.outputs.forEach((output, k) => {
          const label = `${symbol} ${spec.id}(${params.join(',')}).${output.name}`;
          const lookback = lookbackOfOutput(spec, params, k);
          const values = ours[k];
          const reference = theirs.result[talibOutputs[k]];
          expect(theirs.begIndex, `${label}: TA-Lib begIndex`).toBe(lookback);
          expect(reference.length, `${label}: TA-Lib output length`).toBe(length - lookback);
          const early = values.subarray(0, lookback).findIndex((v) => !Number.isNaN(v));
          expect(early, `${label}: defined before the lookback`).toBe(-1);

          let worstHere = 0;
          let first = -1;
          for (let i = lookback; i < length; i++) {
            const a = values[i];
            const b = reference[i - lookback];
            // RSI is undefined where TA-Lib returns 0 on an unchanged window; a test below covers it.
            if (spec.id === 'rsi' && Number.isNaN(a) && b === 0) continue;
            const relative = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
            if (relative <= TOLERANCE) {
              if (relative > worstHere) worstHere = relative;
              continue;
            }
            if (spec.id === 'bbands' && k !== 1 && bandIsCloserToExact(inputs[0], i, params, k, a, b)) continue;
            if (first < 0) first = i;
          }
          expect(first, `${label}: bar ${first}, ${values[first]} vs TA-Lib ${reference[first - lookback]}`).toBe(-1);
          worst.set(spec.id, Math.max(worst.get(spec.id) ?? 0, worstHere));
        });
      }
    });
  }
});

describe('documented differences from TA-Lib', () => {
  it('rsi of an unchanged series is undefined', () => {
    const flat = Float64Array.from({ length: 30 }, () => 42);
    const [[ours]] = runReference(rsi, [14], [[flat]]);
    const theirs = runTalib(talibRequest('RSI', { optInTimePeriod: 14 }), rsi, [flat]);
    expect(theirs.result.outReal.every((v) => v === 0)).toBe(true);
    expect(ours.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('bbands below the variance epsilon', () => {
    // Closes alternate between 1 and 1 + 2^-26, so the variance is 2^-54 (about 5.6e-17). That is
    // under TA-Lib's 1e-14, and TA-Lib's bands collapse onto the middle. Here the width is 2 * 2^-27.
    const step = 2 ** -26;
    const close = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : 1 + step));
    const [[upper, middle]] = runReference(bbands, [20, 2], [[close]]);
    const theirs = runTalib(talibRequest('BBANDS', { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 }), bbands, [close]);
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
    const theirs = runTalib(talibRequest('MACD', { optInFastPeriod: 3, optInSlowPeriod: 7, optInSignalPeriod: 3 }), macd, [close]);
    expect(theirs.begIndex).toBe(8);
    ['outMACD', 'outMACDSignal', 'outMACDHist'].forEach((name, k) => {
      expect(Array.from(ours[k].subarray(8)), name).toEqual(theirs.result[name]);
    });
  });

  it('macd signal period 1', () => {
    // TA-Lib's EMA lookback rejects 1 and returns -1, so its MACD starts a bar early, on an unset value.
    const close = wavyCloses();
    const theirs = runTalib(talibRequest('MACD', { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 1 }), macd, [close]);
    expect(theirs.begIndex).toBe(24);
    expect(macd.lookback([12, 26, 1])).toBe(25);
    const [[line, signal]] = runReference(macd, [12, 26, 1], [[close]]);
    for (let i = 25; i < close.length; i++) expect(signal[i]).toBeCloseTo(line[i], 12);
  });

  it('macd with fast above slow', () => {
    // TA-Lib swaps the two periods; the registry rejects them so a feature name always matches its values.
    const close = wavyCloses();
    const swapped = runTalib(talibRequest('MACD', { optInFastPeriod: 26, optInSlowPeriod: 12, optInSignalPeriod: 9 }), macd, [close]);
    const ordered = runTalib(talibRequest('MACD', { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 }), macd, [close]);
    expect(swapped.result.outMACD).toEqual(ordered.result.outMACD);
    expect(macd.check?.([26, 12, 9])?.parameter).toBe('fast');
  });
});

/** 80 closes: a sine wave plus a 7-bar sawtooth. */
function wavyCloses(): Float64Array {
  return Float64Array.from({ length: 80 }, (_, i) => 100 + 10 * Math.sin(i / 5) + (i % 7));
}
