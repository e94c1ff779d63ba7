import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../src/backends/reference.js';
import type { Backend, BackendName } from '../src/backends/types.js';
import { WasmBackend } from '../src/backends/wasm.js';
import { computeColumns } from '../src/engine/compute.js';
import { featureListJson, formatFeatureList } from '../src/cli/format.js';
import { ParameterError } from '../src/errors.js';
import { WASM_KERNELS } from '../src/paths.js';
import { REGISTRY } from '../src/registry/index.js';
import { columnName, parseRequest, planFeatures } from '../src/registry/request.js';
import { conventionsOf, lookbackOfOutput, type Conventions, type IndicatorSpec } from '../src/registry/types.js';
import { countBitDifferences, syntheticUniverse } from './helpers/universe.js';

const defaultsOf = (spec: IndicatorSpec): number[] => spec.params.map((p) => p.default);

const CONVENTIONS: readonly Conventions[] = ['talib', 'tradingview'];

/** Builds a column name by the design's rule, written out independently of `columnName`. */
function expectedColumnName(spec: IndicatorSpec, params: readonly number[], output: number): string {
  const outputPart = spec.outputs.length > 1 ? [spec.outputs[output].name] : [];
  return [spec.id, ...outputPart, ...params.map((p) => String(p).replace('.', 'p'))].join('_').toLowerCase();
}

describe('registry entries', () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM_KERNELS)), { env: { memory } });

  it('ids are unique lower-case names', () => {
    const ids = REGISTRY.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  for (const spec of REGISTRY) {
    describe(spec.id, () => {
      it('has a wasm export', () => {
        expect(typeof wasm.exports[spec.id]).toBe('function');
      });

      it('has a reference kernel', () => {
        expect(typeof spec.reference).toBe('function');
      });

      it('has a description and source', () => {
        expect(spec.title.trim()).not.toBe('');
        expect(spec.description.trim()).not.toBe('');
        expect(spec.source.trim()).not.toBe('');
      });

      it('reads known fields', () => {
        expect(spec.inputs.length).toBeGreaterThan(0);
        for (const field of [...spec.inputs, ...(spec.optionalInputs ?? [])]) {
          expect(['open', 'high', 'low', 'close', 'volume']).toContain(field);
        }
      });

      it('defaults lie inside their ranges', () => {
        const names = spec.params.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        for (const p of spec.params) {
          expect(p.min, p.name).toBeLessThanOrEqual(p.max);
          expect(p.default, p.name).toBeGreaterThanOrEqual(p.min);
          expect(p.default, p.name).toBeLessThanOrEqual(p.max);
          if (p.kind === 'int') expect(Number.isInteger(p.default), p.name).toBe(true);
          expect(p.description.trim(), p.name).not.toBe('');
        }
        expect(spec.check?.(defaultsOf(spec))).toBeUndefined();
      });

      it('output names are unique', () => {
        const names = spec.outputs.map((o) => o.name);
        expect(names.length).toBeGreaterThan(0);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      });

      it('column names follow the rule', () => {
        const params = defaultsOf(spec);
        const columns = spec.outputs.map((_, k) => columnName(spec, params, k));
        expect(new Set(columns).size).toBe(columns.length);
        spec.outputs.forEach((_, k) => {
          expect(columns[k]).toBe(expectedColumnName(spec, params, k));
          expect(columns[k]).toMatch(/^[a-z0-9_]+$/);
        });
      });

      for (const conventions of CONVENTIONS) {
        it(`lookback is non-negative at defaults (${conventions})`, () => {
          const params = defaultsOf(spec);
          const lookback = spec.lookback(params, conventions);
          expect(Number.isInteger(lookback)).toBe(true);
          expect(lookback).toBeGreaterThanOrEqual(0);
          const perOutput = spec.outputs.map((_, k) => lookbackOfOutput(spec, params, k, conventions));
          expect(Math.min(...perOutput)).toBe(lookback);
        });
      }

      it('lookback defaults to talib', () => {
        const params = defaultsOf(spec);
        expect(spec.lookback(params)).toBe(spec.lookback(params, 'talib'));
        spec.outputs.forEach((_, k) => expect(lookbackOfOutput(spec, params, k), spec.outputs[k].name).toBe(lookbackOfOutput(spec, params, k, 'talib')));
      });
    });
  }
});

describe('parseRequest', () => {
  it('names are case-insensitive', () => {
    const { spec, params, output } = parseRequest('MaCd(5,35,5).SIGNAL');
    expect(spec.id).toBe('macd');
    expect(params).toEqual([5, 35, 5]);
    expect(output).toBe(1);
  });

  it('fills defaults', () => {
    expect(parseRequest('macd').params).toEqual([12, 26, 9]);
    expect(parseRequest('macd()').params).toEqual([12, 26, 9]);
    expect(parseRequest('macd(5)').params).toEqual([5, 26, 9]);
    expect(parseRequest('bbands(10)').params).toEqual([10, 2]);
    expect(parseRequest('recommend_ma').params).toEqual([]);
  });

  it('selects an output', () => {
    expect(parseRequest('bbands(20,2).lower').output).toBe(2);
    expect(parseRequest('ichimoku.lead2').output).toBe(3);
    expect(parseRequest('sma(20)').output).toBeUndefined();
  });

  it('accepts spaces', () => {
    const { spec, params, output } = parseRequest(' macd ( 5 , 35 ) . hist ');
    expect(spec.id).toBe('macd');
    expect(params).toEqual([5, 35, 9]);
    expect(output).toBe(2);
  });

  const invalid: [string, string | undefined][] = [
    ['sma(0)', 'period'],
    ['sma(2.5)', 'period'],
    ['sma(x)', 'period'],
    ['sma(100001)', 'period'],
    ['sma(-3)', 'period'],
    ['sma(,)', 'period'],
    ['macd(26,12,9)', 'fast'],
    ['macd(12,12,9)', 'fast'],
    ['bbands(20,-1)', 'mult'],
    ['sma(1,2)', undefined],
    ['recommend_ma(3)', undefined],
    ['macd.foo', undefined],
    ['sma.value', undefined],
    ['foo(3)', undefined],
    ['sma(20', undefined],
    ['', undefined],
  ];
  for (const [text, parameter] of invalid) {
    it(`rejects "${text}"`, () => {
      let error: unknown;
      try {
        parseRequest(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ParameterError);
      expect((error as ParameterError).parameter).toBe(parameter);
      expect((error as ParameterError).feature).toBeDefined();
    });
  }
});

describe('planFeatures', () => {
  it('expands every output', () => {
    const [instance] = planFeatures(['macd']);
    expect(instance.outputs).toEqual([0, 1, 2]);
    expect(instance.columns).toEqual(['macd_macd_12_26_9', 'macd_signal_12_26_9', 'macd_hist_12_26_9']);
  });

  it('merges duplicate requests', () => {
    const instances = planFeatures(['sma(20)', 'SMA', 'sma( 20 )', 'ema(20)']);
    expect(instances.length).toBe(2);
    expect(instances[0].columns).toEqual(['sma_20']);
    expect(instances[1].columns).toEqual(['ema_20']);
  });

  it('merges outputs of one indicator', () => {
    const instances = planFeatures(['macd.hist', 'macd(12,26,9).signal', 'macd', 'macd(5,35,5).hist']);
    expect(instances.length).toBe(2);
    expect(instances[0].columns).toEqual(['macd_hist_12_26_9', 'macd_signal_12_26_9', 'macd_macd_12_26_9']);
    expect(instances[0].outputs).toEqual([2, 1, 0]);
    expect(instances[1].columns).toEqual(['macd_hist_5_35_5']);
  });

  it('names decimal params with p', () => {
    const [instance] = planFeatures(['bbands(20,2.5).upper']);
    expect(instance.columns).toEqual(['bbands_upper_20_2p5']);
    expect(planFeatures(['bbands(10,0.25).lower'])[0].columns).toEqual(['bbands_lower_10_0p25']);
  });

  it('design examples', () => {
    expect(planFeatures(['sma(20)'])[0].columns).toEqual(['sma_20']);
    expect(planFeatures(['macd(12,26,9).signal'])[0].columns).toEqual(['macd_signal_12_26_9']);
    expect(planFeatures(['bbands(20,2).upper'])[0].columns).toEqual(['bbands_upper_20_2']);
    expect(planFeatures(['recommend_ma'])[0].columns).toEqual(['recommend_ma']);
  });

  it('rejects an empty list', () => {
    expect(() => planFeatures([])).toThrow(ParameterError);
  });
});

/** mulberry32, so the random walk is the same on every run. */
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

/** Generates a random walk of `length` bars with positive volume and no missing values. */
function randomWalk(length: number): Record<'open' | 'high' | 'low' | 'close' | 'volume', number[]> {
  const random = generator(3);
  const bars = { open: [] as number[], high: [] as number[], low: [] as number[], close: [] as number[], volume: [] as number[] };
  let price = 100;
  for (let i = 0; i < length; i++) {
    const previous = price;
    price = price * (1 + 0.04 * (random() - 0.5));
    bars.open.push(previous);
    bars.high.push(Math.max(previous, price) * (1 + 0.01 * random()));
    bars.low.push(Math.min(previous, price) * (1 - 0.01 * random()));
    bars.close.push(price);
    bars.volume.push(1000 + Math.round(1e6 * random()));
  }
  return bars;
}

describe('lookback at defaults', () => {
  const WALK = 300;
  const walk = randomWalk(WALK);
  // The prefixes also reach past every tradingview lookback, as none is later than its talib one (checked below).
  const maxLookback = Math.max(...REGISTRY.map((spec) => spec.lookback(defaultsOf(spec))));
  // Series 0 is the whole walk; series 1 + L is its first L bars, for L = 0 .. maxLookback + 1.
  const prefixes = Array.from({ length: maxLookback + 2 }, (_, length) => length);
  const slice = (length: number) => Object.fromEntries(Object.entries(walk).map(([field, values]) => [field, values.slice(0, length)]));
  const universe = syntheticUniverse([walk, ...prefixes.map(slice)]);
  const instances = planFeatures(REGISTRY.map((spec) => spec.id));

  it('covers the registry', () => {
    expect(instances.length).toBe(REGISTRY.length);
    expect(maxLookback).toBeLessThan(WALK);
  });

  it('is never later under tradingview', () => {
    const later = instances.flatMap(({ spec, params }) =>
      spec.outputs.map((o, k) => ({ name: `${spec.id}.${o.name}`, talib: lookbackOfOutput(spec, params, k), tradingview: lookbackOfOutput(spec, params, k, 'tradingview') })),
    );
    expect(later.filter((o) => o.tradingview > o.talib)).toEqual([]);
  });

  for (const name of ['reference', 'wasm'] as BackendName[]) {
    for (const [profile, conventions] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
      it(`${name}, ratings profile ${profile}, ${conventionsOf({ conventions })}`, async () => {
        const backend: Backend = name === 'reference' ? createReferenceBackend() : new WasmBackend(2);
        let columns: Map<string, Float64Array>;
        try {
          const computed = await computeColumns(universe, instances, backend, { ratingsProfile: profile, conventions });
          columns = new Map(computed.map((column) => [column.name, column.values.slice()]));
        } finally {
          await backend.close();
        }

        for (const { spec, params, outputs, columns: names } of instances) {
          outputs.forEach((output, j) => {
            const values = columns.get(names[j])!;
            const lookback = lookbackOfOutput(spec, params, output, conventionsOf({ conventions }));
            const full = values.subarray(universe.offsets[0], universe.offsets[1]);
            const firstDefined = full.findIndex((v) => !Number.isNaN(v));
            expect(firstDefined, names[j]).toBe(lookback);

            for (const length of prefixes.filter((l) => l <= lookback + 1)) {
              const series = values.subarray(universe.offsets[1 + length], universe.offsets[2 + length]);
              expect(series.length).toBe(length);
              const label = `${names[j]}, ${length} bars`;
              if (length <= lookback) {
                expect(series.every((v) => Number.isNaN(v)), label).toBe(true);
              }
              // Causal: a prefix gives the same bits as the same bars of the whole walk.
              expect(countBitDifferences(series, full.subarray(0, length)).count, label).toBe(0);
            }
          });
        }
      });
    }
  }
});

describe('features listing lookbacks', () => {
  const blocks = formatFeatureList().split('\n\n');
  const json = featureListJson() as { id: string; lookback: number; tradingviewLookback: number; outputs: { name: string; lookback: number; tradingviewLookback: number }[] }[];
  const differing = REGISTRY.filter((spec) => spec.outputs.some((_, k) => lookbackOfOutput(spec, defaultsOf(spec), k, 'tradingview') !== lookbackOfOutput(spec, defaultsOf(spec), k)));

  it('covers the known differences', () => {
    expect(differing.map((spec) => spec.id).sort()).toEqual(['atr', 'macd', 'stoch', 'stochf', 'stochrsi']);
  });

  it('text shows tradingview where different', () => {
    for (const spec of REGISTRY) {
      const block = blocks.find((b) => b.startsWith(spec.params.length ? `${spec.id}(` : `${spec.id} `));
      expect(block, spec.id).toBeDefined();
      const line = block!.split('\n').find((l) => l.includes('lookback with the defaults under --conventions tradingview: '));
      if (!differing.includes(spec)) {
        expect(line, spec.id).toBeUndefined();
        continue;
      }
      expect(line, spec.id).toContain(`tradingview: ${spec.lookback(defaultsOf(spec), 'tradingview')} bars`);
    }
  });

  it('text shows macd per output', () => {
    const block = blocks.find((b) => b.startsWith('macd('))!;
    expect(block).toContain('lookback with the defaults: 33 bars\n');
    expect(block).toContain('lookback with the defaults under --conventions tradingview: 25 bars (macd 25, signal 33, hist 33)');
  });

  it('json gives both lookbacks', () => {
    for (const spec of REGISTRY) {
      const entry = json.find((e) => e.id === spec.id)!;
      const defaults = defaultsOf(spec);
      expect(entry.lookback, spec.id).toBe(spec.lookback(defaults, 'talib'));
      expect(entry.tradingviewLookback, spec.id).toBe(spec.lookback(defaults, 'tradingview'));
      spec.outputs.forEach((output, k) => {
        expect(entry.outputs[k].lookback, `${spec.id}.${output.name}`).toBe(lookbackOfOutput(spec, defaults, k, 'talib'));
        expect(entry.outputs[k].tradingviewLookback, `${spec.id}.${output.name}`).toBe(lookbackOfOutput(spec, defaults, k, 'tradingview'));
      });
    }
  });

  it('json gives stochrsi per output', () => {
    const stochrsi = json.find((e) => e.id === 'stochrsi')!;
    expect(stochrsi.outputs.map((o) => [o.name, o.lookback, o.tradingviewLookback])).toEqual([['k', 31, 17], ['d', 31, 19]]);
  });
});
