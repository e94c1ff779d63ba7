import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec as ad } from '../src/indicators/ad.js';
import { spec as adosc } from '../src/indicators/adosc.js';
import { spec as adx } from '../src/indicators/adx.js';
import { spec as ao } from '../src/indicators/ao.js';
import { spec as aroon } from '../src/indicators/aroon.js';
import { spec as bullbear } from '../src/indicators/bullbear.js';
import { spec as cmf } from '../src/indicators/cmf.js';
import { spec as mfi } from '../src/indicators/mfi.js';
import { spec as obv } from '../src/indicators/obv.js';
import { spec as ultosc } from '../src/indicators/ultosc.js';
import type { Field } from '../src/io/types.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { kernelParams, lookbackOfOutput } from '../src/registry/types.js';
import { runWasmDirect } from './helpers/direct.js';
import { countBitDifferences, requireSp500 } from './helpers/universe.js';

type Conventions = 0 | 1;
const column = (values: readonly number[]): Float64Array => Float64Array.from(values);

function runReference(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[], conventions: Conventions): Float64Array[] {
  const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
  spec.reference(inputs, kernelParams(params, { ratingsProfile: 0, conventions }), outputs);
  return outputs;
}

/** Runs the wasm kernel on several series in one batch, with NaN in the scratch so a read before a write shows. */
function runWasm(spec: IndicatorSpec, params: readonly number[], series: Float64Array[][], conventions: Conventions): Float64Array[][] {
  return runWasmDirect(spec, params, series, { conventions, scratchFill: NaN });
}

/** Runs one series on both backends and checks they agree bit for bit; returns the outputs. */
function runBoth(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[], conventions: Conventions = 0): Float64Array[] {
  const reference = runReference(spec, params, inputs, conventions);
  const [wasm] = runWasm(spec, params, [inputs], conventions);
  reference.forEach((values, k) => expect(countBitDifferences(values, wasm[k]).count, `${spec.id}.${spec.outputs[k].name} wasm`).toBe(0));
  return reference;
}

/** Asserts `actual` equals `expected` exactly (NaN where NaN), or to `digits` decimals where given. */
function expectSeries(actual: Float64Array, expected: readonly number[], digits?: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    if (Number.isNaN(value) || digits === undefined) expect(actual[i], `bar ${i}`).toBe(value);
    else expect(actual[i], `bar ${i}`).toBeCloseTo(value, digits);
  });
}

const N = NaN;

describe('hand-derived vectors, reference and wasm', () => {
  // DM+ = [-, 2, 0, 3, 0], DM- = 0, TR = [-, 3, 2, 4, 1].
  const high = column([10, 12, 11, 14, 13]);
  const low = column([8, 9, 9, 10, 12]);
  const close = column([9, 11, 10, 13, 12]);

  it('adx(2), TA-Lib conventions: DI from bar 2, adx from bar 3, adxr from bar 4', () => {
    const [adxOut, adxr, plus, minus, dx] = runBoth(adx, [2], [high, low, close]);
    // Wilder averages with bar 0 counted as 0: +DM 1, 0.5, 1.75, 0.875; TR 1.5, 1.75, 2.875, 1.9375.
    expectSeries(plus, [N, N, 100 * (0.5 / 1.75), 100 * (1.75 / 2.875), 100 * (0.875 / 1.9375)]);
    expectSeries(minus, [N, N, 0, 0, 0]);
    expectSeries(dx, [N, N, 100, 100, 100]);
    expectSeries(adxOut, [N, N, N, 100, 100]);
    expectSeries(adxr, [N, N, N, N, 100]);
  });

  it('adx(2), tradingview conventions: averages seeded at bar 2 from bars 1 and 2', () => {
    const [adxOut, adxr, plus, minus, dx] = runBoth(adx, [2], [high, low, close], 1);
    // +DM rma 1, 2, 1; TR rma 2.5, 3.25, 2.125.
    expectSeries(plus, [N, N, (100 * 1) / 2.5, (100 * 2) / 3.25, (100 * 1) / 2.125]);
    expectSeries(minus, [N, N, 0, 0, 0]);
    expectSeries(dx, [N, N, 100, 100, 100]);
    expectSeries(adxOut, [N, N, N, 100, 100]);
    expectSeries(adxr, [N, N, N, N, 100]);
  });

  it('adx: Pine picks directional movement with the 1e-10 tolerance, TA-Lib exactly', () => {
    // Bar 1: up = 1 + 1e-12 beats down = 1 exactly, but not by more than 1e-10.
    const h = column([10, 11 + 1e-12, 11, 11]);
    const l = column([9, 8, 8, 8]);
    const c = column([9.5, 9.5, 9.5, 9.5]);
    const plusTalib = runReference(adx, [2], [h, l, c], 0);
    const plusPine = runReference(adx, [2], [h, l, c], 1);
    // TA-Lib: +DM = [0, 1 + 1e-12, 0, 0]; Pine: no DM on bar 1 at all.
    expect(plusTalib[2][2]).toBeGreaterThan(0);
    expect(plusPine[2][2]).toBe(0);
    expect(plusPine[3][2]).toBe(0);
    // Both DI are 0, so Pine's s is taken as 1 and dx is 0; TA-Lib-convention dx is defined (+DI > 0).
    expect(plusPine[4][2]).toBe(0);
    expect(plusTalib[4][2]).toBe(100);
  });

  it('adx: a flat window leaves DI and dx undefined', () => {
    const flat = column([5, 5, 5, 5, 5, 5]);
    for (const conventions of [0, 1] as const) {
      const [adxOut, , plus, , dx] = runBoth(adx, [2], [flat, flat, flat], conventions);
      expect(Array.from(plus).every(Number.isNaN)).toBe(true);
      expect(Array.from(dx).every(Number.isNaN)).toBe(true);
      expect(Array.from(adxOut).every(Number.isNaN)).toBe(true);
    }
  });

  it('aroon(2): ties go to the most recent bar; first value at bar 2', () => {
    const h = column([1, 3, 2, 2, 1]);
    const l = column([1, 0, 1, 1, 0]);
    for (const conventions of [0, 1] as const) {
      const [up, down, osc] = runBoth(aroon, [2], [h, l], conventions);
      expectSeries(up, [N, N, 50, 0, 50]);
      expectSeries(down, [N, N, 50, 0, 100]);
      expectSeries(osc, [N, N, 0, 0, -50]);
    }
  });

  it('mfi(2): first value at bar 2; undefined on an unchanged window', () => {
    const c = column([10, 11, 10, 10, 12, 12, 12]);
    const v = column([1, 1, 2, 3, 1, 5, 5]);
    // Flows: bar 1 +11, bar 2 -20, bar 3 none, bar 4 +12, bars 5 and 6 none.
    const [out] = runBoth(mfi, [2], [c, c, c, v]);
    expectSeries(out, [N, N, 100 * (11 / 31), 0, 100, 100, N]);
  });

  it('ultosc(1,2,3): first value at bar 3; a term with no true range drops out (TA-Lib) or is undefined (Pine)', () => {
    const h = column([11, 12, 13, 12, 10, 10, 10]);
    const l = column([9, 10, 11, 10, 10, 10, 10]);
    const c = column([10, 11, 12, 10, 10, 10, 10]);
    // bp = [-, 1, 1, 0, 0, 0, 0], tr = [-, 2, 2, 2, 0, 0, 0]; bar 3: A1 = 0, A2 = 0.25, A3 = 1/3.
    const [talib] = runBoth(ultosc, [1, 2, 3], [h, l, c], 0);
    const [pine] = runBoth(ultosc, [1, 2, 3], [h, l, c], 1);
    const x = 4 * 0 + 2 * 0.25 + 1 / 3;
    // Bar 4: A1 drops out, A2 = 0 / 2, A3 = 1 / 4; bar 5: A1 and A2 drop out, A3 = 0; bar 6: all drop out.
    expectSeries(talib, [N, N, N, 100 * (x / 7), 100 * (0.25 / 7), 0, 0]);
    expectSeries(pine, [N, N, N, (100 * x) / 7, N, N, N]);
  });

  it('ao(2,3): first value at bar 2', () => {
    const h = column([2, 3, 4, 6, 5]);
    const l = column([0, 1, 2, 4, 3]);
    // hl2 = 1, 2, 3, 5, 4.
    for (const conventions of [0, 1] as const) {
      const [out] = runBoth(ao, [2, 3], [h, l], conventions);
      expectSeries(out, [N, N, 0.5, 4 - 10 / 3, 0.5], 14);
    }
  });

  it('bullbear(3): first values at bar 2', () => {
    const c = column([1, 2, 3, 4]);
    const h = column([2, 3, 4, 5]);
    const l = column([0, 1, 2, 3]);
    for (const conventions of [0, 1] as const) {
      const [bull, bear] = runBoth(bullbear, [3], [h, l, c], conventions);
      expectSeries(bull, [N, N, 2, 2]);
      expectSeries(bear, [N, N, 0, 0]);
    }
  });

  it('obv: starts at bar 0 with its volume (TA-Lib) or 0 (Pine)', () => {
    const c = column([10, 11, 11, 10, 12]);
    const v = column([100, 200, 300, 400, 500]);
    expectSeries(runBoth(obv, [], [c, v], 0)[0], [100, 300, 300, -100, 400]);
    expectSeries(runBoth(obv, [], [c, v], 1)[0], [0, 200, 200, -200, 300]);
  });

  // Money flow volume: 0, 100, 0 (high == low), -100.
  const mh = column([12, 12, 11, 14]);
  const ml = column([10, 10, 11, 10]);
  const mc = column([11, 12, 11, 11]);
  const mv = column([100, 100, 50, 200]);

  it('ad: from bar 0', () => {
    for (const conventions of [0, 1] as const) expectSeries(runBoth(ad, [], [mh, ml, mc, mv], conventions)[0], [0, 100, 100, 0]);
  });

  it('adosc(2,3): first value at bar 2', () => {
    // TA-Lib: EMAs from bar 0's ad; fast k = 2/3, slow k = 1/2.
    const fast2 = (2 / 3) * 100 + (1 / 3) * ((2 / 3) * 100);
    expectSeries(runBoth(adosc, [2, 3], [mh, ml, mc, mv], 0)[0], [N, N, fast2 - 75, (1 / 3) * fast2 - 37.5], 12);
    // Pine: fast seeded at bar 1 with 50, slow at bar 2 with 200 / 3.
    const pineFast2 = 50 + (2 / 3) * 50;
    const pineFast3 = pineFast2 + (2 / 3) * (0 - pineFast2);
    const pineSlow3 = 200 / 3 + 0.5 * (0 - 200 / 3);
    expectSeries(runBoth(adosc, [2, 3], [mh, ml, mc, mv], 1)[0], [N, N, pineFast2 - 200 / 3, pineFast3 - pineSlow3], 12);
  });

  it('cmf(2): first value at bar 1; undefined without volume', () => {
    for (const conventions of [0, 1] as const) {
      expectSeries(runBoth(cmf, [2], [mh, ml, mc, mv], conventions)[0], [N, 0.5, 100 / 150, -100 / 250], 15);
    }
    const zero = column([0, 0, 0, 0]);
    expectSeries(runBoth(cmf, [2], [mh, ml, mc, zero])[0], [N, N, N, N]);
  });
});

/** A seeded generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bars of a random walk with flat stretches (high == low == close, some with zero volume). */
function randomBars(seed: number, length: number): Record<Field, Float64Array> {
  const next = random(seed);
  const bars = { open: new Float64Array(length), high: new Float64Array(length), low: new Float64Array(length), close: new Float64Array(length), volume: new Float64Array(length) };
  let price = 50 + 50 * next();
  let flat = 0;
  for (let i = 0; i < length; i++) {
    if (flat === 0 && next() < 0.03) flat = 2 + Math.floor(next() * 40);
    if (flat > 0) {
      flat--;
      bars.open[i] = bars.high[i] = bars.low[i] = bars.close[i] = price;
      bars.volume[i] = next() < 0.5 ? 0 : Math.floor(next() * 1000);
      continue;
    }
    const open = price;
    price = Math.max(1, price * (1 + (next() - 0.5) * 0.04));
    bars.open[i] = open;
    bars.close[i] = price;
    bars.high[i] = Math.max(open, price) * (1 + next() * 0.01);
    bars.low[i] = Math.min(open, price) * (1 - next() * 0.01);
    bars.volume[i] = Math.floor(next() * 1e6);
  }
  return bars;
}

const PARAM_SETS: [IndicatorSpec, number[][]][] = [
  [adx, [[2], [3], [14], [50]]],
  [aroon, [[2], [14], [25]]],
  [mfi, [[2], [3], [14]]],
  [ultosc, [[1, 1, 1], [1, 2, 3], [7, 14, 28], [5, 5, 40]]],
  [ao, [[1, 2], [5, 34], [3, 10]]],
  [bullbear, [[1], [2], [13]]],
  [obv, [[]]],
  [ad, [[]]],
  [adosc, [[2, 2], [3, 10], [10, 3], [2, 30]]],
  [cmf, [[1], [2], [20]]],
];

describe('reference and wasm agree bit for bit on random walks with flat stretches', () => {
  // Lengths include series shorter than every lookback, and an empty one.
  const lengths = [0, 1, 3, 40, 700, 2500];
  const universes = lengths.map((length, k) => randomBars(1000 + k, length));

  for (const [spec, sets] of PARAM_SETS) {
    for (const params of sets) {
      for (const conventions of [0, 1] as const) {
        it(`${spec.id}(${params.join(',')}), conventions ${conventions}`, () => {
          const series = universes.map((bars) => spec.inputs.map((field) => bars[field]));
          const wasm = runWasm(spec, params, series, conventions);
          series.forEach((inputs, s) => {
            const reference = runReference(spec, params, inputs, conventions);
            reference.forEach((values, k) => {
              const { count, first } = countBitDifferences(values, wasm[s][k]);
              expect(count, `series ${s} ${spec.outputs[k].name}: first at bar ${first}, ${values[first]} vs ${wasm[s][k][first]}`).toBe(0);
              const lookback = lookbackOfOutput(spec, params, k);
              expect(values.subarray(0, lookback).findIndex((v) => !Number.isNaN(v)), `${spec.outputs[k].name} before the lookback`).toBe(-1);
            });
          });
        });
      }
    }
  }
});

/** The part of the `talib` package (node-talib 1.1.6, TA-Lib 0.4) these tests call. */
interface Talib {
  execute(request: Record<string, unknown>): { begIndex: number; nbElement: number; result: Record<string, number[]> };
}

const talib = createRequire(import.meta.url)('talib') as Talib;
const TOLERANCE = 1e-9;
const SYMBOLS = [
  'AAPL', 'MSFT', 'AMZN', 'JPM', 'XOM', 'JNJ', 'PG', 'KO', 'GE', 'F', 'T', 'INTC',
  'CSCO', 'WMT', 'BA', 'CAT', 'MMM', 'NVDA', 'AMD', 'C', 'BAC', 'PFE', 'MRK', 'DIS',
];

type Bars = Record<'high' | 'low' | 'close' | 'volume', Float64Array>;

function readBars(file: string): Bars {
  const table = tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
  const read = (name: string): Float64Array => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`${file}: column "${name}" is missing`);
    return Float64Array.from({ length: table.numRows }, (_, i) => {
      const value: unknown = vector.get(i);
      return value === null ? NaN : Number(value);
    });
  };
  return { high: read('high'), low: read('low'), close: read('close'), volume: read('volume') };
}

/** Drops the bars where any of `columns` is NaN, as the host does before calling a kernel. */
function compact(columns: Float64Array[]): Float64Array[] {
  const keep: number[] = [];
  for (let i = 0; i < columns[0].length; i++) if (columns.every((c) => !Number.isNaN(c[i]))) keep.push(i);
  return columns.map((c) => Float64Array.from(keep, (i) => c[i]));
}

/** One TA-Lib function checked against one output. */
interface TalibCase {
  spec: IndicatorSpec;
  params: number[];
  output: string;
  name: string;
  options: Record<string, number>;
  talibOutput: string;
}

const period = (n: number) => ({ optInTimePeriod: n });
const TALIB_CASES: TalibCase[] = [
  ...[2, 14, 30].flatMap((n) =>
    (
      [
        ['adx', 'ADX', 'outReal'],
        ['adxr', 'ADXR', 'outReal'],
        ['plus_di', 'PLUS_DI', 'outReal'],
        ['minus_di', 'MINUS_DI', 'outReal'],
        ['dx', 'DX', 'outReal'],
      ] as const
    ).map(([output, name, talibOutput]) => ({ spec: adx, params: [n], output, name, options: period(n), talibOutput })),
  ),
  ...[2, 14, 25].flatMap((n) => [
    { spec: aroon, params: [n], output: 'up', name: 'AROON', options: period(n), talibOutput: 'outAroonUp' },
    { spec: aroon, params: [n], output: 'down', name: 'AROON', options: period(n), talibOutput: 'outAroonDown' },
    { spec: aroon, params: [n], output: 'osc', name: 'AROONOSC', options: period(n), talibOutput: 'outReal' },
  ]),
  ...[2, 14, 50].map((n) => ({ spec: mfi, params: [n], output: 'value', name: 'MFI', options: period(n), talibOutput: 'outReal' })),
  ...[
    [7, 14, 28],
    [1, 2, 3],
    [5, 10, 60],
  ].map(([a, b, c]) => ({
    spec: ultosc,
    params: [a, b, c],
    output: 'value',
    name: 'ULTOSC',
    options: { optInTimePeriod1: a, optInTimePeriod2: b, optInTimePeriod3: c },
    talibOutput: 'outReal',
  })),
  { spec: obv, params: [], output: 'value', name: 'OBV', options: {}, talibOutput: 'outReal' },
  { spec: ad, params: [], output: 'value', name: 'AD', options: {}, talibOutput: 'outReal' },
  ...[
    [3, 10],
    [2, 2],
    [10, 3],
    [5, 30],
  ].map(([fast, slow]) => ({
    spec: adosc,
    params: [fast, slow],
    output: 'value',
    name: 'ADOSC',
    options: { optInFastPeriod: fast, optInSlowPeriod: slow },
    talibOutput: 'outReal',
  })),
];

function runTalib(name: string, options: Record<string, number>, spec: IndicatorSpec, inputs: Float64Array[]) {
  const data: Record<string, unknown> = { name, ...options, startIdx: 0, endIdx: inputs[0].length - 1 };
  spec.inputs.forEach((field, k) => (data[spec.id === 'obv' && field === 'close' ? 'inReal' : field] = Array.from(inputs[k])));
  return talib.execute(data);
}

/** MFI windows where TA-Lib's running sums leave residue and ours is exact: how many, and TA-Lib's worst residue. */
const oneSided = { count: 0, worstTalib: 0 };

/**
 * Checks that the mfi window ending at bar i has only rises (exact value 100) or only falls
 * (exact value 0), that `ours` is that exact value, and that TA-Lib's is within 1e-9 of it on
 * the 0 to 100 scale.
 */
function isOneSidedWindow(inputs: Float64Array[], i: number, n: number, ours: number, theirs: number): boolean {
  const [high, low, close] = inputs;
  const typical = (j: number) => (high[j] + low[j] + close[j]) / 3;
  let rises = 0;
  let falls = 0;
  for (let j = i - n + 1; j <= i; j++) {
    if (typical(j) > typical(j - 1)) rises++;
    else if (typical(j) < typical(j - 1)) falls++;
  }
  let exact = NaN;
  if (rises === 0) exact = 0;
  else if (falls === 0) exact = 100;
  const residue = Math.abs(theirs - exact);
  if (ours !== exact || !(residue <= 100 * TOLERANCE)) return false;
  oneSided.worstTalib = Math.max(oneSided.worstTalib, residue);
  return true;
}

describe('agreement with TA-Lib on S&P 500 daily bars', () => {
  const bars = new Map<string, Bars>();
  const worst = new Map<string, number>();

  beforeAll(() => {
    const dir = requireSp500();
    for (const symbol of SYMBOLS) bars.set(symbol, readBars(join(dir, `${symbol}.parquet`)));
  });

  afterAll(() => {
    // TALIB_REPORT=1 prints the worst relative difference per output, for the docs.
    if (!process.env.TALIB_REPORT) return;
    for (const [label, value] of worst) console.info(`${label}: worst relative difference ${value.toExponential(2)}`);
    console.info(`mfi: ${oneSided.count} one-sided windows exact here, TA-Lib off by up to ${oneSided.worstTalib.toExponential(2)}`);
  });

  for (const { spec, params, output, name, options, talibOutput } of TALIB_CASES) {
    it(`${spec.id}(${params.join(',')}).${output} vs ${name}`, () => {
      const k = spec.outputs.findIndex((o) => o.name === output);
      const lookback = lookbackOfOutput(spec, params, k);
      for (const symbol of SYMBOLS) {
        const all = bars.get(symbol)!;
        const inputs = compact(spec.inputs.map((field) => all[field as keyof Bars]));
        const values = runReference(spec, params, inputs, 0)[k];
        const theirs = runTalib(name, options, spec, inputs);
        const reference = theirs.result[talibOutput];
        const label = `${symbol} ${spec.id}(${params.join(',')}).${output}`;
        expect(theirs.begIndex, `${label}: TA-Lib begIndex`).toBe(lookback);
        expect(reference.length, `${label}: TA-Lib output length`).toBe(inputs[0].length - lookback);
        expect(values.subarray(0, lookback).findIndex((v) => !Number.isNaN(v)), `${label}: defined before the lookback`).toBe(-1);
        let worstHere = 0;
        let first = -1;
        for (let i = lookback; i < values.length; i++) {
          const a = values[i];
          const b = reference[i - lookback];
          const relative = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
          if (relative <= TOLERANCE) worstHere = Math.max(worstHere, relative);
          else if (spec.id === 'mfi' && isOneSidedWindow(inputs, i, params[0], a, b)) oneSided.count++;
          else if (first < 0) first = i;
        }
        expect(first, `${label}: bar ${first}, ${values[first]} vs TA-Lib ${reference[first - lookback]}`).toBe(-1);
        const key = `${spec.id}.${output}`;
        worst.set(key, Math.max(worst.get(key) ?? 0, worstHere));
      }
    });
  }
});

describe('documented differences from TA-Lib', () => {
  const flat = Float64Array.from({ length: 40 }, () => 42);
  const volume = Float64Array.from({ length: 40 }, () => 1000);

  it('mfi of an unchanged series is undefined where TA-Lib gives 0', () => {
    const theirs = runTalib('MFI', period(14), mfi, [flat, flat, flat, volume]);
    expect(theirs.result.outReal.every((v) => v === 0)).toBe(true);
    expect(runReference(mfi, [14], [flat, flat, flat, volume], 0)[0].every(Number.isNaN)).toBe(true);
  });

  it('adx family of an unchanged series is undefined where TA-Lib gives 0', () => {
    for (const name of ['ADX', 'PLUS_DI', 'DX']) {
      const theirs = runTalib(name, period(5), adx, [flat, flat, flat]);
      expect(theirs.result.outReal.every((v) => v === 0), name).toBe(true);
    }
    expect(runReference(adx, [5], [flat, flat, flat], 0).every((values) => values.every(Number.isNaN))).toBe(true);
  });

  it('ultosc of an unchanged series: 0 as in TA-Lib, undefined under tradingview conventions', () => {
    const theirs = runTalib('ULTOSC', { optInTimePeriod1: 2, optInTimePeriod2: 3, optInTimePeriod3: 4 }, ultosc, [flat, flat, flat]);
    expect(theirs.result.outReal.every((v) => v === 0)).toBe(true);
    expect(Array.from(runReference(ultosc, [2, 3, 4], [flat, flat, flat], 0)[0].subarray(4))).toEqual(theirs.result.outReal);
    expect(runReference(ultosc, [2, 3, 4], [flat, flat, flat], 1)[0].every(Number.isNaN)).toBe(true);
  });

  it('ultosc rejects periods out of order, where TA-Lib sorts them', () => {
    expect(ultosc.check?.([14, 7, 28])?.parameter).toBe('period1');
    expect(ultosc.check?.([7, 14, 28])).toBeUndefined();
  });
});
