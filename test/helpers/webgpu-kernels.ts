/**
 * The bit-identity suite of the WGSL kernels, shared by test/webgpu.backend.test.ts and
 * test/webgpu.kernels-<k>.test.ts. On SwiftShader each pipeline takes seconds to compile, so
 * the kernels are dealt round-robin to KERNEL_SHARDS files that vitest runs in parallel, and
 * together the files cover every indicator that has a kernels/wgsl/<id>.wgsl.
 *
 * The suites need a WebGPU adapter. Without one they are skipped with the reason, unless
 * TA_BACKFILL_REQUIRE_WEBGPU=1, which makes a missing adapter an error (CI sets it and runs on
 * SwiftShader).
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceBackend, runReferenceCall } from '../../src/backends/reference.js';
import type { KernelCall } from '../../src/backends/types.js';
import { WebGpuBackend, type WebGpuBackendOptions } from '../../src/backends/webgpu.js';
import { computeColumns, type FeatureColumn } from '../../src/engine/compute.js';
import { readUniverse } from '../../src/io/read.js';
import type { Universe } from '../../src/io/types.js';
import { REGISTRY } from '../../src/registry/index.js';
import { planFeatures } from '../../src/registry/request.js';
import { kernelParams, type IndicatorSpec } from '../../src/registry/types.js';
import { describeAdapter, WebGpuUnavailableError, withDawnToggles } from '../../src/webgpu/device.js';
import { hasWgslKernel } from '../../src/webgpu/shader.js';
import { countBitDifferences, describeDifference, requireSp500 } from './universe.js';

export const REQUIRE_WEBGPU = process.env.TA_BACKFILL_REQUIRE_WEBGPU === '1';

/** Files the kernels are dealt to: test/webgpu.backend.test.ts and test/webgpu.kernels-1..5.test.ts. */
export const KERNEL_SHARDS = 6;

/** Registry entries that have a WGSL kernel, in registry order. */
export const KERNELS = REGISTRY.filter((spec) => hasWgslKernel(spec.id));

/** Returns the kernels of one shard: every KERNEL_SHARDS-th kernel from index `shard`. */
export function kernelsOfShard(shard: number): IndicatorSpec[] {
  return KERNELS.filter((_, k) => k % KERNEL_SHARDS === shard);
}

/**
 * Dawn's toggle that fills every new buffer with 0x01 bytes. The webgpu backend turns off
 * Dawn's zero fill of new buffers, so each kernel must write every output bar and every
 * scratch slot before reading it. Under this toggle a kernel that does not returns other bits
 * than the reference, so openWebGpu sets it.
 */
export const POISON_TOGGLE = 'nonzero_clear_resources_on_creation_for_testing';

/**
 * Opens a webgpu backend whose new buffers start as 0x01 bytes (POISON_TOGGLE), or returns the
 * reason there is none. Throws under TA_BACKFILL_REQUIRE_WEBGPU=1.
 */
export async function openWebGpu(options: WebGpuBackendOptions = {}): Promise<{ backend?: WebGpuBackend; adapterName: string }> {
  try {
    const dawnOptions = withDawnToggles(options.device?.dawnOptions ?? [], 'enable', [POISON_TOGGLE]);
    const backend = await WebGpuBackend.open({ ...options, device: { ...options.device, dawnOptions } });
    return { backend, adapterName: describeAdapter(backend.adapter!) };
  } catch (error) {
    if (!(error instanceof WebGpuUnavailableError) || REQUIRE_WEBGPU) throw error;
    console.warn(`Skipping the webgpu tests, since no WebGPU adapter is available: ${error.message}`);
    return { adapterName: `no WebGPU adapter: ${error.message}` };
  }
}

/**
 * Reads `count` symbols of the S&P 500 universe with their full histories, every 25th file in
 * name order, through a temporary folder of links to them.
 */
export async function readSp500Sample(count: number): Promise<Universe> {
  const source = requireSp500();
  const files = readdirSync(source)
    .filter((name) => name.endsWith('.parquet'))
    .sort()
    .filter((_, k) => k % 25 === 0)
    .slice(0, count);
  const folder = mkdtempSync(join(tmpdir(), 'ta-backfill-webgpu-'));
  try {
    for (const file of files) symlinkSync(join(source, file), join(folder, file));
    return await readUniverse(folder, {
      adjust: 'none',
      requiredFields: ['open', 'high', 'low', 'close', 'volume'],
      optionalFields: [],
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Returns a second valid parameter set: each parameter moved off its default within its range
 * (periods to about 60 %, floats to 75 %), or the defaults plus one where the spec's own
 * check rejects that.
 */
export function secondParams(spec: IndicatorSpec): number[] {
  const moved = spec.params.map((p) => {
    const value = p.kind === 'int' ? Math.round(p.default * 0.6) : Math.round(p.default * 75) / 100;
    if (value < p.min || value > p.max || value === p.default) return Math.min(p.max, p.default + 1);
    return value;
  });
  if (spec.check?.(moved) === undefined) return moved;
  return spec.params.map((p) => Math.min(p.max, p.default + 1));
}

function request(spec: IndicatorSpec, params: readonly number[]): string {
  return params.length === 0 ? spec.id : `${spec.id}(${params.join(',')})`;
}

function differences(universe: Universe, columns: FeatureColumn[], expected: FeatureColumn[]): string[] {
  return columns.map((column, k) => describeDifference(universe, column, expected[k])).filter((d) => d !== '');
}

/** Lays out series (each a list of input columns) end to end as one kernel call. */
export function buildCall(spec: IndicatorSpec, params: number[], series: Float64Array[][]): KernelCall {
  const offsets = new Int32Array(series.length + 1);
  series.forEach((inputs, s) => (offsets[s + 1] = offsets[s] + (inputs[0]?.length ?? 0)));
  const bars = offsets[series.length];
  const inputCount = spec.inputs.length + (spec.optionalInputs?.length ?? 0);
  const inputs = Array.from({ length: inputCount }, (_, k) => {
    const column = new Float64Array(bars);
    series.forEach((columns, s) => column.set(columns[k], offsets[s]));
    return column;
  });
  return { spec, params, offsets, inputs, outputs: spec.outputs.map(() => new Float64Array(bars)) };
}

/**
 * Returns input columns from a seeded random walk of prices rounded to cents: column k is the
 * walk moved up (even k) or down (odd k) by a few quarters, so that every input differs.
 */
export function walk(length: number, seed: number, inputCount: number): Float64Array[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const close = new Float64Array(length);
  let price = 50 + 100 * random();
  for (let i = 0; i < length; i++) {
    price *= 1 + (random() - 0.5) * 0.04;
    close[i] = Math.round(price * 100) / 100;
  }
  return Array.from({ length: inputCount }, (_, k) => close.map((c, i) => (k % 2 === 0 ? c + ((i * 7 + k) % 5) * 0.25 : c - ((i * 3 + k) % 4) * 0.25)));
}

/**
 * Returns the edge-case series of an indicator: lengths 0 to lookback + 1, a flat series, one
 * with NaN gaps, one with infinities of both signs and one of values near the float64 maximum.
 */
function edgeSeries(spec: IndicatorSpec, params: number[]): Float64Array[][] {
  const inputCount = spec.inputs.length + (spec.optionalInputs?.length ?? 0);
  const lookback = spec.lookback(params);
  const series: Float64Array[][] = [];
  for (let length = 0; length <= lookback + 1; length++) series.push(walk(length, 11 + length, inputCount));
  series.push(Array.from({ length: inputCount }, () => new Float64Array(lookback + 20).fill(100)));
  const gappy = walk(3 * lookback + 40, 7, inputCount);
  for (const column of gappy) for (let i = 3; i < column.length; i += 5) column[i] = NaN;
  series.push(gappy);
  const infinite = walk(3 * lookback + 40, 13, inputCount);
  for (const column of infinite) for (let i = 5; i < column.length; i += 17) column[i] = i % 2 === 0 ? Infinity : -Infinity;
  series.push(infinite);
  series.push(walk(3 * lookback + 40, 17, inputCount).map((column) => column.map((v) => v * 1.7e306)));
  return series;
}

function bitDifferences(expected: Float64Array[], actual: Float64Array[]): number[] {
  return expected.map((column, k) => countBitDifferences(column, actual[k]).count);
}

/**
 * Defines the suite of one shard: for each of its kernels, bit-identity with the reference on
 * 20 real symbols (default and second parameters, both conventions and ratings profiles) and
 * on the edge cases.
 */
export async function defineKernelSuite(shard: number): Promise<void> {
  const kernels = kernelsOfShard(shard);
  // Each kernel on its own: fused ratings jobs have their own suite (test/webgpu.fusion.test.ts).
  const { backend, adapterName } = await openWebGpu({ fuse: false });

  describe.skipIf(backend === undefined)(`webgpu kernels, shard ${shard + 1} of ${KERNEL_SHARDS}, on ${adapterName}`, () => {
    let universe: Universe;

    beforeAll(async () => {
      universe = await readSp500Sample(20);
      await backend!.prepare(kernels.map((spec) => spec.id));
    }, 600_000);

    afterAll(async () => {
      await backend?.close();
    });

    it('reads 20 full histories', () => {
      expect(universe.symbols.length).toBe(20);
      expect(universe.offsets[20]).toBeGreaterThan(20 * 1000);
    });

    for (const spec of kernels) {
      it(`${spec.id} matches reference on S&P 500`, async () => {
        const defaults = spec.params.map((p) => p.default);
        const second = secondParams(spec);
        const requests = second.length === 0 ? [request(spec, defaults)] : [request(spec, defaults), request(spec, second)];
        for (const conventions of [0, 1] as const) {
          // The ratings profile follows the conventions flag, so both profiles run too.
          const options = { ratingsProfile: conventions, conventions };
          const expected = await computeColumns(universe, planFeatures(requests), createReferenceBackend(), options);
          const actual = await computeColumns(universe, planFeatures(requests), backend!, options);
          expect(actual.map((c) => c.name)).toEqual(expected.map((c) => c.name));
          expect(differences(universe, actual, expected), `conventions ${conventions}`).toEqual([]);
        }
      });

      it(`${spec.id} edge cases match reference`, async () => {
        const params = spec.params.map((p) => p.default);
        for (const conventions of [0, 1] as const) {
          const full = kernelParams(params, { ratingsProfile: conventions, conventions });
          const expected = buildCall(spec, full, edgeSeries(spec, params));
          const actual = buildCall(spec, full, edgeSeries(spec, params));
          runReferenceCall(expected);
          await backend!.run([actual]);
          expect(bitDifferences(expected.outputs, actual.outputs), `conventions ${conventions}`).toEqual(spec.outputs.map(() => 0));
        }
      });
    }
  });
}
