/**
 * The webgpu backend against the reference, bit for bit. This file runs the first shard of
 * the kernel suite (test/helpers/webgpu-kernels.ts; test/webgpu.kernels-<k>.test.ts run the
 * others), so together they cover every indicator with a kernels/wgsl/<id>.wgsl, and the
 * checks of the backend itself: the kernels of the default set, a missing kernel, empty calls,
 * and new buffers left unfilled.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingKernelError } from '../src/backends/webgpu.js';
import { kernelParams } from '../src/registry/types.js';
import { WGSL_KERNEL_DIRECTORY } from '../src/webgpu/shader.js';
import { buildCall, defineKernelSuite, KERNEL_SHARDS, KERNELS, kernelsOfShard, openWebGpu, walk } from './helpers/webgpu-kernels.js';

await defineKernelSuite(0);

const { backend, adapterName } = await openWebGpu();

describe('webgpu kernel coverage', () => {
  it('covers the default set', () => {
    const ids = KERNELS.map((spec) => spec.id);
    for (const id of ['sma', 'ema', 'wma', 'rsi', 'macd', 'bbands', 'atr']) expect(ids).toContain(id);
  });

  it('shards cover every kernel', () => {
    const dealt = Array.from({ length: KERNEL_SHARDS }, (_, shard) => kernelsOfShard(shard)).flat();
    expect(dealt.map((spec) => spec.id).sort()).toEqual(KERNELS.map((spec) => spec.id).sort());
  });
});

describe.skipIf(backend === undefined)(`webgpu backend on ${adapterName}`, () => {
  afterAll(async () => {
    await backend?.close();
  });

  it('rejects an indicator without kernel', async () => {
    const spec = { ...KERNELS[0], id: 'indicator_without_kernel' };
    const call = buildCall(spec, kernelParams([], { ratingsProfile: 0 }), [walk(5, 1, spec.inputs.length)]);
    const run = backend!.run([call]);
    await expect(run).rejects.toThrow(MissingKernelError);
    await expect(run).rejects.toThrow(/indicator_without_kernel has no WebGPU kernel.*--backend wasm/);
  });

  it('hands over its outputs until release', async () => {
    const spec = KERNELS.find((candidate) => candidate.id === 'sma')!;
    const params = kernelParams([3], { ratingsProfile: 0 });
    const call = buildCall(spec, params, [[Float64Array.from([1, 2, 3, 4, 5])], [Float64Array.from([10, 20, 30])]]);
    const allocated = call.outputs[0];
    const mark = backend!.mark();
    await backend!.run([call]);
    // The output column is the mapped readback buffer, not a copy in the allocated column.
    expect(call.outputs[0]).not.toBe(allocated);
    expect(Array.from(call.outputs[0])).toEqual([NaN, NaN, 2, 3, 4, NaN, NaN, 20]);
    backend!.release(mark);
    // Releasing destroys the buffer, which detaches the column.
    expect(call.outputs[0].length).toBe(0);
  });

  it('runs empty calls without a dispatch', async () => {
    const spec = KERNELS[0];
    const params = kernelParams(spec.params.map((p) => p.default), { ratingsProfile: 0 });
    const call = buildCall(spec, params, [walk(0, 1, spec.inputs.length), walk(0, 2, spec.inputs.length)]);
    const before = backend!.dispatchCount;
    await backend!.run([call]);
    expect(backend!.dispatchCount).toBe(before);
  });

  it('leaves new buffers unfilled unless asked to clear them', async () => {
    // A kernel directory whose sma writes nothing: its outputs are whatever the new buffers held.
    const directory = mkdtempSync(join(tmpdir(), 'ta-backfill-wgsl-'));
    try {
      cpSync(WGSL_KERNEL_DIRECTORY, directory, { recursive: true });
      writeFileSync(join(directory, 'sma.wgsl'), 'fn run_series(s: u32) {}\n');
      const spec = KERNELS.find((candidate) => candidate.id === 'sma')!;
      const poisoned = new Uint8Array(8).fill(1);
      for (const clearNewBuffers of [false, true]) {
        const { backend: silent } = await openWebGpu({ kernelDirectory: directory, clearNewBuffers });
        try {
          const call = buildCall(spec, kernelParams([3], { ratingsProfile: 0 }), [[Float64Array.from([1, 2, 3, 4])]]);
          await silent!.run([call]);
          const bytes = new Uint8Array(call.outputs[0].buffer, call.outputs[0].byteOffset, 8);
          // The tests' Dawn toggle fills new buffers with 0x01 bytes, which only Dawn's zero fill undoes.
          expect(Array.from(bytes), `clearNewBuffers ${clearNewBuffers}`).toEqual(Array.from(clearNewBuffers ? new Uint8Array(8) : poisoned));
        } finally {
          await silent!.close();
        }
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
