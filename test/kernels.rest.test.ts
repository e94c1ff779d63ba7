import { describe, expect, test } from 'vitest';

import { REGISTRY } from '../src/registry/index.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { kernelParams } from '../src/registry/types.js';
import { runWasmDirect } from './helpers/direct.js';
import { countBitDifferences } from './helpers/universe.js';

// Several kernels run two series at a time in the lanes of a vector, over their common length
// and then the longer one alone, and send a series with NaN or huge values to a plain path.
// Each batch here mixes lengths, so that pairs have unequal lengths, and mixes series that take
// the paired path with series that take the plain one, in an odd count.

type Conventions = 0 | 1;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Returns a random walk around 100 with steps of up to 1 either way. */
function walk(length: number, seed: number): Float64Array {
  const next = lcg(seed);
  const values = new Float64Array(length);
  let x = 100;
  for (let i = 0; i < length; i++) {
    x += 2 * next() - 1;
    values[i] = x;
  }
  return values;
}

/** Returns values drawn from a few levels with both zeros, so changes and ranges are often 0. */
function levels(length: number, seed: number): Float64Array {
  const choices = [-1, -0, 0, 1, 2];
  const next = lcg(seed);
  return Float64Array.from({ length }, () => choices[Math.floor(next() * choices.length)]);
}

/** Builds one series of each kind: the paired path's and the plain path's. */
const KINDS: [string, (length: number, seed: number) => Float64Array][] = [
  ['random walk', (length, seed) => walk(length, seed)],
  ['levels and zeros', (length, seed) => levels(length, seed)],
  ['NaN gaps', (length, seed) => walk(length, seed).map((v, i) => (i % 11 === 4 ? NaN : v))],
  ['NaN head', (length, seed) => walk(length, seed).map((v, i) => (i < 9 ? NaN : v))],
  ['infinities', (length, seed) => walk(length, seed).map((v, i) => (i % 13 === 6 ? Infinity : v))],
  ['huge values', (length, seed) => walk(length, seed).map((v) => v * 1e303)],
  ['constant', (length) => new Float64Array(length).fill(3)],
];

const LENGTHS = [0, 1, 2, 3, 5, 9, 31, 64, 65, 97, 150, 233, 301];

/** Inputs of `spec`, optional ones too, from one base series: high above it, low below it, volume from the spread. */
function inputsFor(spec: IndicatorSpec, base: Float64Array, seed: number): Float64Array[] {
  const next = lcg(seed);
  const spread = base.map(() => (next() < 0.2 ? 0 : next()));
  return [...spec.inputs, ...(spec.optionalInputs ?? [])].map((field) => {
    if (field === 'high') return base.map((v, i) => v + spread[i]);
    if (field === 'low') return base.map((v, i) => v - spread[i]);
    if (field === 'open') return base.map((v, i) => v + spread[i] / 2);
    if (field === 'volume') return spread.map((v) => Math.round(v * 1000));
    return base;
  });
}

function referenceOutputs(spec: IndicatorSpec, params: readonly number[], inputs: Float64Array[], conventions: Conventions): Float64Array[] {
  const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
  spec.reference(inputs, kernelParams(params, { ratingsProfile: 0, conventions }), outputs);
  return outputs;
}

const IDS = ['kama', 'cmo', 'linearreg', 'stddev', 'var', 'trima', 'dema', 'tema', 'trix', 'obv', 'ad', 'adosc', 'sar', 'mom', 'roc', 'ret', 'bop', 'ppo', 'apo'];

/** Parameters per id: the defaults, and periods of 2 where the registry allows them. */
function parameterSets(spec: IndicatorSpec): number[][] {
  const defaults = spec.params.map((p) => p.default);
  const short = spec.params.map((p, k) => (p.kind === 'int' && p.name !== 'ma_type' ? Math.max(p.min ?? 1, Math.min(defaults[k], 2)) : defaults[k]));
  return [defaults, short];
}

describe('paired kernels', () => {
  for (const id of IDS) {
    const spec = REGISTRY.find((s) => s.id === id)!;
    for (const conventions of [0, 1] as const) {
      test(`${id} matches reference, conventions ${conventions}`, () => {
        for (const params of parameterSets(spec)) {
          // Series s is of kind s mod 7 and length number 5s mod 13: 91 series, every kind at
          // every length, and neighbours of different lengths.
          const named = Array.from({ length: KINDS.length * LENGTHS.length }, (_, s) => {
            const [name, make] = KINDS[s % KINDS.length];
            return [name, make(LENGTHS[(5 * s) % LENGTHS.length], s)] as [string, Float64Array];
          });
          const series = named.map(([, base], s) => inputsFor(spec, base, 1000 + s));
          const wasm = runWasmDirect(spec, params, series, { conventions, scratchFill: NaN });
          named.forEach(([name, base], s) => {
            const expected = referenceOutputs(spec, params, series[s], conventions);
            spec.outputs.forEach((output, k) => {
              const { count, first } = countBitDifferences(wasm[s][k], expected[k]);
              expect(count, `${output.name}(${params.join(',')}) on ${name}, ${base.length} bars, first at ${first}`).toBe(0);
            });
          });
        }
      });
    }
  }
});

/** Puts +Infinity at every 17th value from the 6th and -Infinity at every 23rd from the 8th. */
function withInfinities(values: Float64Array): Float64Array {
  const result = values.slice();
  for (let i = 5; i < result.length; i += 17) result[i] = Infinity;
  for (let i = 7; i < result.length; i += 23) result[i] = -Infinity;
  return result;
}

/**
 * Prices the reader accepts on which finite arithmetic breaks down: infinities of either sign,
 * whose differences are NaN, and values near the float64 maximum, whose sums overflow.
 */
const NON_FINITE: [string, (length: number, seed: number) => Float64Array][] = [
  ['one +Infinity', (length, seed) => walk(length, seed).map((v, i) => (i === Math.floor(length / 3) ? Infinity : v))],
  ['one -Infinity', (length, seed) => walk(length, seed).map((v, i) => (i === Math.floor(length / 3) ? -Infinity : v))],
  ['infinities of both signs', (length, seed) => withInfinities(walk(length, seed))],
  ['one 1.7e308', (length, seed) => walk(length, seed).map((v, i) => (i === Math.floor(length / 2) ? 1.7e308 : v))],
  ['values near the maximum', (length, seed) => walk(length, seed).map((v) => v * 1.7e306)],
];

const NON_FINITE_LENGTHS = [3, 40, 130, 301];

describe('every kernel on non-finite prices', () => {
  for (const spec of REGISTRY) {
    test(`${spec.id} matches reference`, () => {
      const named = NON_FINITE.flatMap(([name, make]) => NON_FINITE_LENGTHS.map((length, k) => [name, make(length, 31 * k + 7)] as [string, Float64Array]));
      const series = named.map(([, base], s) => inputsFor(spec, base, 2000 + s));
      for (const conventions of [0, 1] as const) {
        for (const params of parameterSets(spec).filter((candidate) => spec.check?.(candidate) === undefined)) {
          const wasm = runWasmDirect(spec, params, series, { conventions, scratchFill: NaN });
          named.forEach(([name, base], s) => {
            const expected = referenceOutputs(spec, params, series[s], conventions);
            spec.outputs.forEach((output, k) => {
              const { count, first } = countBitDifferences(wasm[s][k], expected[k]);
              expect(count, `${output.name}(${params.join(',')}), conventions ${conventions}, on ${name}, ${base.length} bars, first at ${first}`).toBe(0);
            });
          });
        }
      }
    });
  }
});
