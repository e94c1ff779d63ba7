import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { afterAll, describe, expect, test } from 'vitest';

import { createReferenceBackend } from '../src/backends/reference.js';
import { WasmBackend } from '../src/backends/wasm.js';
import type { Backend } from '../src/backends/types.js';
import { backfill } from '../src/backfill.js';
import { computeColumns } from '../src/engine/compute.js';
import type { Field } from '../src/io/types.js';
import { REGISTRY } from '../src/registry/index.js';
import type { IndicatorInstance } from '../src/registry/request.js';
import { kernelParams, lookbackOfOutput, type IndicatorSpec } from '../src/registry/types.js';
import { runReference, runWasmDirect } from './helpers/direct.js';
import { countBitDifferences, syntheticUniverse } from './helpers/universe.js';

type Bars = Record<Field, Float64Array>;
type Conventions = 0 | 1;
type Runner = (spec: IndicatorSpec, params: readonly number[], series: Float64Array[][], conventions?: Conventions) => Float64Array[][];

/** Runs the reference kernel on each series with the kernel parameters of `conventions`. */
function runReferenceWith(spec: IndicatorSpec, params: readonly number[], series: Float64Array[][], conventions: Conventions = 0): Float64Array[][] {
  if (conventions === 0) return runReference(spec, params, series);
  const full = kernelParams(params, { ratingsProfile: 0, conventions });
  return series.map((inputs) => {
    const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
    spec.reference(inputs, full, outputs);
    return outputs;
  });
}

/**
 * Runs the wasm kernel on each series. runWasmDirect appends ratings profile 0 and conventions 0,
 * and the kernels read the flag right after the profile, so params + [0, 1] selects conventions 1.
 */
function runWasmWith(spec: IndicatorSpec, params: readonly number[], series: Float64Array[][], conventions: Conventions = 0): Float64Array[][] {
  return runWasmDirect(spec, conventions === 0 ? params : [...params, 0, conventions], series);
}

const RUNNERS: [string, Runner][] = [
  ['reference', runReferenceWith],
  ['wasm', runWasmWith],
];

/** Builds a positive random walk with consistent bars (low <= open, close <= high), seeded for repeatability. */
function randomWalk(length: number, seed = 7): Bars {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const bars: Bars = {
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
  };
  let price = 100;
  for (let i = 0; i < length; i++) {
    const open = price;
    price = Math.max(1, price + (next() - 0.5) * 2);
    bars.open[i] = open;
    bars.close[i] = price;
    bars.high[i] = Math.max(open, price) + next();
    bars.low[i] = Math.min(open, price) - next();
    bars.volume[i] = 1000 + Math.floor(next() * 9000);
  }
  return bars;
}

function sliceBars(bars: Bars, start: number, end: number): Bars {
  const out = {} as Bars;
  for (const field of Object.keys(bars) as Field[]) out[field] = bars[field].slice(start, end);
  return out;
}

function mapBars(bars: Bars, fields: readonly Field[], f: (v: number) => number): Bars {
  const out = { ...bars };
  for (const field of fields) out[field] = bars[field].map(f);
  return out;
}

/** Returns the kernel inputs of a spec: its required fields, then its optional ones. */
function columnsOf(spec: IndicatorSpec, bars: Bars): Float64Array[] {
  return [...spec.inputs, ...(spec.optionalInputs ?? [])].map((field) => bars[field]);
}

function firstDefined(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) return i;
  return -1;
}

/**
 * Parameter sets to sweep: the defaults, each integer parameter at its minimum, all of them at
 * their minimum, and all of them doubled. Sets that the spec's `check` rejects are dropped.
 */
function parameterSets(spec: IndicatorSpec): number[][] {
  const defaults = spec.params.map((p) => p.default);
  const sets = [defaults];
  spec.params.forEach((p, k) => {
    if (p.kind === 'int') sets.push(defaults.map((v, j) => (j === k ? p.min : v)));
  });
  sets.push(spec.params.map((p) => (p.kind === 'int' ? p.min : p.default)));
  sets.push(spec.params.map((p) => (p.kind === 'int' ? Math.min(p.max, 2 * p.default) : p.default)));
  const unique = new Map(sets.map((s) => [s.join(','), s]));
  return [...unique.values()].filter((s) => !spec.check?.(s));
}

const label = (spec: IndicatorSpec, params: readonly number[]): string => `${spec.id}(${params.join(',')})`;

const WALK = randomWalk(400);

describe('lookback', () => {
  for (const [backend, run] of RUNNERS) {
    test(`the first value of every output sits at its lookback (${backend})`, () => {
      const misplaced: string[] = [];
      for (const spec of REGISTRY) {
        for (const params of parameterSets(spec)) {
          const [outputs] = run(spec, params, [columnsOf(spec, WALK)]);
          outputs.forEach((values, k) => {
            const expected = lookbackOfOutput(spec, params, k);
            const found = firstDefined(values);
            if (found !== expected) misplaced.push(`${label(spec, params)}.${spec.outputs[k].name}: ${found}, lookback ${expected}`);
          });
        }
      }
      expect(misplaced).toEqual([]);
    });

    test(`short series give NaN before the lookback (${backend})`, () => {
      const leaks: string[] = [];
      for (const spec of REGISTRY) {
        for (const params of parameterSets(spec)) {
          // Every length from 0 to lookback + 1, as the series of one call.
          const lengths = Array.from({ length: spec.lookback(params) + 2 }, (_, n) => n);
          const results = run(spec, params, lengths.map((n) => columnsOf(spec, sliceBars(WALK, 0, n))));
          results.forEach((outputs, length) => {
            outputs.forEach((values, k) => {
              const end = Math.min(length, lookbackOfOutput(spec, params, k));
              for (let i = 0; i < end; i++) {
                if (values[i] === values[i]) leaks.push(`${label(spec, params)}.${spec.outputs[k].name} length ${length} bar ${i}`);
              }
            });
          });
        }
      }
      expect(leaks).toEqual([]);
    });

    test(`a period-1 average is the identity (${backend})`, () => {
      const averages = ['sma', 'ema', 'wma', 'rma', 'trima', 'dema', 'tema', 'hma', 'vwma'];
      const checked: string[] = [];
      const differing: string[] = [];
      for (const spec of REGISTRY.filter((s) => averages.includes(s.id))) {
        if (spec.params.length !== 1 || spec.params[0].min > 1 || spec.check?.([1])) continue;
        checked.push(spec.id);
        const [[values]] = run(spec, [1], [columnsOf(spec, WALK)]);
        if (countBitDifferences(values, WALK.close).count !== 0) differing.push(spec.id);
      }
      expect(checked.length).toBeGreaterThan(4);
      expect(differing).toEqual([]);
    });
  }
});

/** Compares `scaled` with `base * factor` bit for bit, NaNs equal; returns the count of differences. */
function scaledDifferences(base: Float64Array, scaled: Float64Array, factor: number): number {
  return countBitDifferences(base.map((v) => v * factor), scaled).count;
}

describe('scale', () => {
  test('every output declares its scale', () => {
    const missing = REGISTRY.flatMap((spec) => spec.outputs.filter((o) => !o.scale).map((o) => `${spec.id}.${o.name}`));
    expect(missing).toEqual([]);
  });

  const PRICES: readonly Field[] = ['open', 'high', 'low', 'close'];
  for (const [backend, run] of RUNNERS) {
    for (const k of [-3, 5]) {
      const c = 2 ** k;
      test(`prices times 2^${k} scale price outputs exactly and leave the rest bit-identical (${backend})`, () => {
        const scaled = mapBars(WALK, PRICES, (v) => v * c);
        const wrong: string[] = [];
        for (const spec of REGISTRY) {
          const params = spec.params.map((p) => p.default);
          const [base] = run(spec, params, [columnsOf(spec, WALK)]);
          const [out] = run(spec, params, [columnsOf(spec, scaled)]);
          spec.outputs.forEach((output, j) => {
            let factor = 1;
            if (output.scale === 'price') factor = c;
            if (output.scale === 'price^2') factor = c * c;
            const count = scaledDifferences(base[j], out[j], factor);
            if (count !== 0) wrong.push(`${spec.id}.${output.name} (${output.scale}): ${count} bars`);
          });
        }
        expect(wrong).toEqual([]);
      });

      test(`volume times 2^${k} scales volume outputs exactly and leaves the rest bit-identical (${backend})`, () => {
        const scaled = mapBars(WALK, ['volume'], (v) => v * c);
        const wrong: string[] = [];
        for (const spec of REGISTRY) {
          const params = spec.params.map((p) => p.default);
          const [base] = run(spec, params, [columnsOf(spec, WALK)]);
          const [out] = run(spec, params, [columnsOf(spec, scaled)]);
          spec.outputs.forEach((output, j) => {
            const count = scaledDifferences(base[j], out[j], output.scale === 'volume' ? c : 1);
            if (count !== 0) wrong.push(`${spec.id}.${output.name} (${output.scale}): ${count} bars`);
          });
        }
        expect(wrong).toEqual([]);
      });
    }

    // Prices times 1e-10 or 1e8 are rounded, and an output that is a difference of nearly equal
    // prices (ret, bop, cci near 0) amplifies that rounding. So the error is bounded relative to
    // the output's largest magnitude, not to each value. The rating group is left out because a
    // vote flips where the two values it compares are within rounding of each other.
    for (const c of [1e-10, 1e8]) {
      test(`prices times ${c} move scale-free outputs by at most 1e-12 relative (${backend})`, () => {
        const scaled = mapBars(WALK, PRICES, (v) => v * c);
        const wrong: string[] = [];
        for (const spec of REGISTRY) {
          const params = spec.params.map((p) => p.default);
          const [base] = run(spec, params, [columnsOf(spec, WALK)]);
          const [out] = run(spec, params, [columnsOf(spec, scaled)]);
          spec.outputs.forEach((output, j) => {
            if ((output.scale !== 'none' && output.scale !== 'volume') || spec.group === 'rating') return;
            let largest = 0;
            let worst = 0;
            for (let i = 0; i < WALK.close.length; i++) {
              const a = base[j][i];
              const b = out[j][i];
              if (a !== a && b !== b) continue;
              largest = Math.max(largest, Math.abs(a));
              worst = a === b ? worst : Math.max(worst, Math.abs(a - b));
              if (a !== a || b !== b) worst = Infinity;
            }
            if (!(worst <= 1e-12 * largest)) wrong.push(`${spec.id}.${output.name}: ${worst / largest}`);
          });
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});

function constantBars(length: number): Bars {
  return {
    open: new Float64Array(length).fill(100),
    high: new Float64Array(length).fill(100),
    low: new Float64Array(length).fill(100),
    close: new Float64Array(length).fill(100),
    volume: new Float64Array(length).fill(1000),
  };
}

/** Concatenates two bar sets, field by field. */
function joinBars(a: Bars, b: Bars): Bars {
  const out = {} as Bars;
  for (const field of Object.keys(a) as Field[]) {
    out[field] = new Float64Array(a[field].length + b[field].length);
    out[field].set(a[field]);
    out[field].set(b[field], a[field].length);
  }
  return out;
}

const byId = (id: string): IndicatorSpec => REGISTRY.find((spec) => spec.id === id)!;

describe('flat windows', () => {
  const FLAT = constantBars(120);
  // The values the specs' notes give for a window with no change or no range, under TA-Lib's
  // conventions (0) and TradingView's (1).
  const FLAT_VALUES: [string, string, Conventions, number][] = [
    ['stddev', 'value', 0, 0],
    ['var', 'value', 0, 0],
    ['stoch', 'k', 0, 0],
    ['stoch', 'd', 0, 0],
    ['stochf', 'k', 0, 0],
    ['stochf', 'd', 0, 0],
    ['willr', 'value', 0, 0],
    ['cci', 'value', 0, 0],
    ['rsi', 'value', 0, NaN],
    ['mfi', 'value', 0, NaN],
    ['stddev', 'value', 1, 0],
    ['var', 'value', 1, 0],
    ['stoch', 'k', 1, NaN],
    ['stoch', 'd', 1, NaN],
    ['stochf', 'k', 1, NaN],
    ['stochf', 'd', 1, NaN],
    ['willr', 'value', 1, NaN],
    ['cci', 'value', 1, NaN],
    ['rsi', 'value', 1, NaN],
    ['mfi', 'value', 1, NaN],
  ];
  for (const [backend, run] of RUNNERS) {
    test(`constant input gives the documented flat values (${backend})`, () => {
      const wrong: string[] = [];
      for (const [id, name, conventions, expected] of FLAT_VALUES) {
        const spec = byId(id);
        const params = spec.params.map((p) => p.default);
        const k = spec.outputs.findIndex((o) => o.name === name);
        const [outputs] = run(spec, params, [columnsOf(spec, FLAT)], conventions);
        for (let i = lookbackOfOutput(spec, params, k); i < FLAT.close.length; i++) {
          if (!Object.is(outputs[k][i], expected)) wrong.push(`${id}.${name} conventions ${conventions} bar ${i}: ${outputs[k][i]}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    test(`constant input gives Bollinger bands equal to the middle band (${backend})`, () => {
      const spec = byId('bbands');
      const params = spec.params.map((p) => p.default);
      const [[upper, middle, lower]] = run(spec, params, [columnsOf(spec, FLAT)]);
      expect(countBitDifferences(upper, middle).count).toBe(0);
      expect(countBitDifferences(lower, middle).count).toBe(0);
      expect(middle[FLAT.close.length - 1]).toBe(100);
    });

    for (const conventions of [0, 1] as const) {
      test(`outputs recover after a flat stretch (${backend}, conventions ${conventions})`, () => {
        const bars = joinBars(constantBars(150), WALK);
        const gaps: string[] = [];
        for (const spec of REGISTRY) {
          const params = spec.params.map((p) => p.default);
          const [outputs] = run(spec, params, [columnsOf(spec, bars)], conventions);
          outputs.forEach((values, k) => {
            // An output defined at the end of the flat stretch stays defined; any other is defined
            // once its window lies past the stretch.
            const flatDefined = values[149] === values[149];
            for (let i = flatDefined ? 150 : 150 + lookbackOfOutput(spec, params, k); i < values.length; i++) {
              if (values[i] !== values[i]) {
                gaps.push(`${spec.id}.${spec.outputs[k].name} bar ${i}`);
                break;
              }
            }
          });
        }
        expect(gaps).toEqual([]);
      });
    }
  }
});

describe('causality', () => {
  for (const [backend, run] of RUNNERS) {
    for (const conventions of [0, 1] as const) {
      test(`appending bars, an outlier first, changes no earlier output (${backend}, conventions ${conventions})`, () => {
        const changed: string[] = [];
        for (const spec of REGISTRY) {
          const params = spec.params.map((p) => p.default);
          for (const cut of [spec.lookback(params), 300]) {
            const extended = sliceBars(WALK, 0, WALK.close.length);
            for (const field of ['open', 'high', 'close'] as const) extended[field][cut] = WALK.close[Math.max(0, cut - 1)] * 1e6;
            const [prefix] = run(spec, params, [columnsOf(spec, sliceBars(WALK, 0, cut))], conventions);
            const [full] = run(spec, params, [columnsOf(spec, extended)], conventions);
            prefix.forEach((values, k) => {
              const { count } = countBitDifferences(values, full[k].subarray(0, cut));
              if (count !== 0) changed.push(`${spec.id}.${spec.outputs[k].name} cut ${cut}: ${count} bars`);
            });
          }
        }
        expect(changed).toEqual([]);
      });
    }
  }
});

const BACKENDS: [string, () => Backend][] = [
  ['reference', () => createReferenceBackend()],
  ['wasm', () => new WasmBackend(2)],
];

describe('missing values', () => {
  for (const [name, create] of BACKENDS) {
    for (const conventions of [0, 1] as const) {
      test(`gaps match the series without them (${name}, conventions ${conventions})`, async () => {
        const backend = create();
        const wrong: string[] = [];
        try {
          for (const spec of REGISTRY) {
            const params = spec.params.map((p) => p.default);
            const lookback = Math.max(...spec.outputs.map((_, k) => lookbackOfOutput(spec, params, k)));
            const length = lookback + 40;
            const bars = sliceBars(WALK, 0, length);
            // The reader turns a null into NaN, so both gaps arrive as NaN. They sit in the first and the last required field.
            const gaps = [lookback + 10, lookback + 25];
            bars[spec.inputs[0]][gaps[0]] = NaN;
            bars[spec.inputs[spec.inputs.length - 1]][gaps[1]] = NaN;
            const universe = syntheticUniverse([bars]);
            const instance: IndicatorInstance = {
              spec,
              params,
              outputs: spec.outputs.map((_, k) => k),
              columns: spec.outputs.map((o) => `${spec.id}.${o.name}`),
              positions: spec.outputs.map((_, k) => k),
            };
            const columns = await computeColumns(universe, [instance], backend, { ratingsProfile: 0, conventions });

            const kept = Array.from({ length }, (_, i) => i).filter((i) => !gaps.includes(i));
            const compact = {} as Bars;
            for (const field of Object.keys(bars) as Field[]) compact[field] = Float64Array.from(kept, (i) => bars[field][i]);
            const [expected] = runReferenceWith(spec, params, [columnsOf(spec, compact)], conventions);
            expected.forEach((values, k) => {
              const spread = new Float64Array(length).fill(NaN);
              kept.forEach((i, j) => (spread[i] = values[j]));
              const { count } = countBitDifferences(spread, columns[k].values);
              if (count !== 0) wrong.push(`${spec.id}.${spec.outputs[k].name}: ${count} bars`);
              if (columns[k].values[length - 1] !== columns[k].values[length - 1]) wrong.push(`${spec.id}.${spec.outputs[k].name}: undefined at the end`);
            });
          }
        } finally {
          await backend.close();
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});

describe('drift', () => {
  // Indicators whose value depends on the last bars only (lookback + 1 of them): a value after
  // a million bars must match the same window computed alone.
  const WINDOWED = [
    'sma', 'wma', 'hma', 'vwma', 'trima', 'bbands', 'stddev', 'var', 'donchian', 'linearreg', 'midprice', 'midpoint',
    'ichimoku', 'cmf', 'mfi', 'willr', 'cci', 'stoch', 'stochf', 'aroon', 'ultosc', 'ao', 'apo', 'ppo', 'mom', 'roc',
    'ret', 'logret', 'trange', 'bop', 'rec_sma', 'rec_hma', 'rec_vwma', 'rec_ichimoku',
  ];
  // NOTE: vwma's numerator is Pine's compensated running sum, which misses a fresh window by about
  // 1.6e-12 relative on the data of test/indicators.vectors.test.ts. On this walk it misses by
  // 6e-15, so it is held to the same bound as the rest.
  const LENGTH = 1_000_000;
  const bars = randomWalk(LENGTH, 11);
  for (const field of ['open', 'high', 'close'] as const) bars[field][LENGTH / 2] *= 1000;

  for (const [backend, run] of RUNNERS) {
    test(`a million bars match the window alone (${backend})`, () => {
      const wrong: string[] = [];
      for (const spec of REGISTRY.filter((s) => WINDOWED.includes(s.id))) {
        const params = spec.params.map((p) => p.default);
        const [full] = run(spec, params, [columnsOf(spec, bars)]);
        spec.outputs.forEach((output, k) => {
          const lookback = lookbackOfOutput(spec, params, k);
          const [alone] = run(spec, params, [columnsOf(spec, sliceBars(bars, LENGTH - lookback - 1, LENGTH))]);
          const a = full[k][LENGTH - 1];
          const b = alone[k][lookback];
          const error = a === b ? 0 : Math.abs(a - b) / Math.abs(b);
          if (!(error <= 1e-12)) wrong.push(`${spec.id}.${output.name}: ${error}`);
        });
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('timestamps', () => {
  let scratch = '';
  afterAll(async () => {
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  /** Returns the stored int64 values of a column, without any conversion to number. */
  function rawKeys(vector: arrow.Vector): bigint[] {
    return vector.data.flatMap((data) => Array.from(data.values.subarray(0, data.length) as BigInt64Array));
  }

  async function writeSymbol(dir: string, symbol: string, type: arrow.DataType, keys: bigint[]): Promise<void> {
    const close = Float64Array.from(keys, (_, i) => 100 + i);
    const table = new arrow.Table({
      timestamp: new arrow.Vector([arrow.makeData({ type, length: keys.length, data: BigInt64Array.from(keys) } as never)]),
      close: arrow.makeVector(close),
    });
    const ipc = parquet.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
    await fs.writeFile(path.join(dir, `${symbol}.parquet`), parquet.writeParquet(ipc));
  }

  // Before 1970, in 2200, and neighbours that differ in the last digit only: none is a float64 integer.
  const CASES: { name: string; type: arrow.DataType; a: bigint[]; b: bigint[] }[] = [
    {
      name: 'microseconds',
      type: new arrow.TimestampMicrosecond('UTC'),
      a: [-2_208_988_800_000_001n, -1n, 7_258_118_400_000_001n, 7_258_118_400_000_002n],
      b: [-2_208_988_800_000_000n, 7_258_118_400_000_001n, 7_258_118_400_000_003n],
    },
    {
      name: 'nanoseconds',
      type: new arrow.TimestampNanosecond(),
      a: [-2_208_988_800_000_000_001n, -1n, 7_258_118_400_000_000_001n, 7_258_118_400_000_000_002n],
      b: [-2_208_988_800_000_000_000n, 7_258_118_400_000_000_001n, 7_258_118_400_000_000_003n],
    },
  ];

  for (const { name, type, a, b } of CASES) {
    for (const layout of ['long', 'wide'] as const) {
      test(`${name} come back unchanged through backfill (${layout})`, async () => {
        scratch ||= await fs.mkdtemp(path.join(os.tmpdir(), 'ta-backfill-properties-'));
        const input = path.join(scratch, `${name}-${layout}`);
        await fs.mkdir(input);
        await writeSymbol(input, 'A', type, a);
        await writeSymbol(input, 'B', type, b);
        const output = path.join(scratch, `${name}-${layout}.parquet`);

        await backfill({ input, output, layout, features: ['sma(1)'], backend: 'reference' });

        const bytes = await fs.readFile(output);
        const table = arrow.tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
        // The long layout keeps each symbol's rows, the wide one the sorted union of the timestamps.
        let expected = [...a, ...b];
        if (layout === 'wide') expected = [...new Set(expected)].sort((x, y) => Number(x - y > 0n) - Number(x - y < 0n));
        expect(rawKeys(table.getChild('timestamp')!)).toEqual(expected);
        expect(String(table.schema.fields.find((f) => f.name === 'timestamp')!.type)).toBe(String(type));
      });
    }
  }
});
