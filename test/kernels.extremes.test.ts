import { describe, expect, test } from 'vitest';

import { REGISTRY } from '../src/registry/index.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { kernelParams } from '../src/registry/types.js';
import { runWasmDirect } from './helpers/direct.js';
import { countBitDifferences } from './helpers/universe.js';

// The windowed highest/lowest kernels take van Herk/Gil-Werman blocks in vector lanes when a
// series has no NaN and scalar scans when it has one. These series reach both paths, the ties
// between +0 and -0 that only the tie rules tell apart, infinities, and every short length.

type Conventions = 0 | 1;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Builds a random walk around 100. */
function walk(length: number, seed: number): Float64Array {
  const next = lcg(seed);
  const values = new Float64Array(length);
  let x = 100;
  for (let i = 0; i < length; i++) {
    x += next() - 0.5;
    values[i] = x;
  }
  return values;
}

/** Draws values from a few levels with both zeros, so windows contain many exact ties. */
function ties(length: number, seed: number): Float64Array {
  const levels = [-1, -0, 0, 1, 2];
  const next = lcg(seed);
  return Float64Array.from({ length }, () => levels[Math.floor(next() * levels.length)]);
}

/** Replaces about one value in `every` with NaN. */
function withGaps(values: Float64Array, every: number, seed: number): Float64Array {
  const next = lcg(seed);
  return values.map((v) => (next() * every < 1 ? NaN : v));
}

/** Puts +Infinity at every 17th value and -Infinity at every 23rd. */
function withInfinities(values: Float64Array): Float64Array {
  const result = values.slice();
  for (let i = 3; i < result.length; i += 17) result[i] = Infinity;
  for (let i = 5; i < result.length; i += 23) result[i] = -Infinity;
  return result;
}

/** Builds the inputs of `spec` from one base series: high above it, low below it, close on it. */
function inputsFor(spec: IndicatorSpec, base: Float64Array, spread: Float64Array): Float64Array[] {
  return spec.inputs.map((field) => {
    if (field === 'high') return base.map((v, i) => v + spread[i]);
    if (field === 'low') return base.map((v, i) => v - spread[i]);
    return base;
  });
}

function referenceOutputs(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[], conventions: Conventions): Float64Array[] {
  const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
  spec.reference(inputs, kernelParams(params, { ratingsProfile: 0, conventions }), outputs);
  return outputs;
}

const IDS = ['stoch', 'stochf', 'stochrsi', 'willr', 'midprice', 'midpoint', 'aroon'];

/** Returns the parameter sets to test: the defaults, short periods, periods of 1 where the registry allows them, and long averages. */
function parameterSets(spec: IndicatorSpec): number[][] {
  const defaults = spec.params.map((p) => p.default);
  const sets = [defaults, defaults.map((d, k) => Math.max(spec.params[k].min ?? 1, Math.min(d, 2)))];
  if (spec.params.every((p) => (p.min ?? 1) <= 1)) sets.push(defaults.map(() => 1));
  sets.push(defaults.map((d, k) => (k === 0 ? 5 : Math.max(spec.params[k].min ?? 1, Math.min(d, 3)))));
  // Averages of 8 bars and more take windowMeanSeries.
  sets.push(defaults.map((d, k) => (k === 0 ? d : 9)));
  return sets;
}

function cases(length: number, seed: number): [string, Float64Array, Float64Array][] {
  const spread = walk(length, seed + 1).map((v) => Math.abs(v - 100));
  const zeros = new Float64Array(length);
  return [
    ['random walk', walk(length, seed), spread],
    ['ties and zeros', ties(length, seed), zeros],
    ['ties with spread', ties(length, seed), ties(length, seed + 2).map(Math.abs)],
    ['NaN gaps', withGaps(walk(length, seed), 9, seed), spread],
    ['NaN-only head', walk(length, seed).map((v, i) => (i < 20 ? NaN : v)), spread],
    ['infinities', withInfinities(walk(length, seed)), spread],
    ['constant', new Float64Array(length).fill(3), zeros],
  ];
}

describe('windowed extremes kernels', () => {
  for (const id of IDS) {
    const spec = REGISTRY.find((s) => s.id === id)!;
    for (const conventions of [0, 1] as const) {
      test(`${id} matches reference, conventions ${conventions}`, () => {
        for (const params of parameterSets(spec)) {
          for (const length of [0, 1, 2, 3, 7, 16, 41, 300]) {
            const named = cases(length, 11 + length);
            const series = named.map(([, base, spread]) => inputsFor(spec, base, spread));
            const wasm = runWasmDirect(spec, params, series, { conventions, scratchFill: NaN });
            named.forEach(([name], s) => {
              const expected = referenceOutputs(spec, params, series[s], conventions);
              spec.outputs.forEach((output, k) => {
                const { count, first } = countBitDifferences(wasm[s][k], expected[k]);
                expect(count, `${output.name}(${params.join(',')}) on ${name}, ${length} bars, first at ${first}`).toBe(0);
              });
            });
          }
        }
      });

      // Kernels that step several series together finish the longer ones alone.
      test(`${id} mixed lengths, conventions ${conventions}`, () => {
        const params = spec.params.map((p) => p.default);
        const lengths = [300, 41, 0, 16, 300, 2, 57, 33, 300];
        const series = lengths.map((length, s) => inputsFor(spec, walk(length, 3 + s), walk(length, 5 + s).map((v) => Math.abs(v - 100))));
        const wasm = runWasmDirect(spec, params, series, { conventions, scratchFill: NaN });
        series.forEach((inputs, s) => {
          const expected = referenceOutputs(spec, params, inputs, conventions);
          spec.outputs.forEach((output, k) => {
            const { count, first } = countBitDifferences(wasm[s][k], expected[k]);
            expect(count, `${output.name} of series ${s}, ${lengths[s]} bars, first at ${first}`).toBe(0);
          });
        });
      });
    }
  }
});
