/**
 * Splitting a call into small dispatches changes no bit: the webgpu backend with at most 3
 * series per dispatch and 256 KiB bindings (so each dispatch uploads its own input bars)
 * against the reference on 20 real symbols. Needs a WebGPU adapter; see
 * test/helpers/webgpu-kernels.ts for TA_BACKFILL_REQUIRE_WEBGPU.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../src/backends/reference.js';
import { computeColumns } from '../src/engine/compute.js';
import type { Universe } from '../src/io/types.js';
import { planFeatures } from '../src/registry/request.js';
import { getIndicator } from '../src/registry/index.js';
import { kernelParams } from '../src/registry/types.js';
import { describeDifference } from './helpers/universe.js';
import { openWebGpu, readSp500Sample } from './helpers/webgpu-kernels.js';

const MAX_BINDING_BYTES = 256 * 1024;

const { backend, adapterName } = await openWebGpu({ maxSeriesPerDispatch: 3, maxBindingBytes: MAX_BINDING_BYTES });

// atr reads three inputs; macd writes three outputs and uses scratch; linearreg and cci are
// split over bars, cci only under TA-Lib's conventions.
const REQUESTS = ['atr(14)', 'macd(12,26,9)', 'linearreg(14)', 'cci(20)'];

describe.skipIf(backend === undefined)(`webgpu chunking on ${adapterName}`, () => {
  let universe: Universe;

  beforeAll(async () => {
    universe = await readSp500Sample(20);
    await backend!.prepare(['atr', 'macd', 'linearreg', 'cci']);
  }, 600_000);

  afterAll(async () => {
    await backend?.close();
  });

  it('needs per-dispatch input uploads', () => {
    // Three input columns of the 20 symbols exceed one binding, so the backend cannot upload them once.
    expect(3 * universe.offsets[20] * 8).toBeGreaterThan(MAX_BINDING_BYTES);
  });

  for (const conventions of [0, 1] as const) {
    it(`small dispatches match reference, conventions ${conventions}`, async () => {
      const options = { ratingsProfile: 0 as const, conventions };
      const expected = await computeColumns(universe, planFeatures(REQUESTS), createReferenceBackend(), options);
      const before = backend!.dispatchCount;
      const actual = await computeColumns(universe, planFeatures(REQUESTS), backend!, options);
      // 20 series, at most 3 a dispatch, for each of the four indicators.
      expect(backend!.dispatchCount - before).toBeGreaterThanOrEqual(4 * 7);
      const differences = actual.map((column, k) => describeDifference(universe, column, expected[k])).filter((d) => d !== '');
      expect(differences).toEqual([]);
    });
  }

  it('rejects a series over one binding', async () => {
    const spec = getIndicator('macd');
    // One series whose three outputs and scratch (4 doubles a bar) exceed 256 KiB.
    const bars = MAX_BINDING_BYTES / 8;
    const call = {
      spec,
      params: kernelParams([12, 26, 9], { ratingsProfile: 0 }),
      offsets: Int32Array.from([0, bars]),
      inputs: [new Float64Array(bars).fill(1)],
      outputs: spec.outputs.map(() => new Float64Array(bars)),
    };
    await expect(backend!.run([call])).rejects.toThrow(/macd: series 0 has 32768 bars.*--backend wasm/);
  });
});
