/**
 * The fused ratings job: which calls the plan fuses (no adapter needed), and the fused kernel
 * against the reference bit for bit on 20 real symbols and on edge-case series. Needs a WebGPU
 * adapter for the second part; see test/helpers/webgpu-kernels.ts for TA_BACKFILL_REQUIRE_WEBGPU.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceBackend, runReferenceCall } from '../src/backends/reference.js';
import type { KernelCall } from '../src/backends/types.js';
import { computeColumns } from '../src/engine/compute.js';
import type { Universe } from '../src/io/types.js';
import { getIndicator } from '../src/registry/index.js';
import { planFeatures } from '../src/registry/request.js';
import { kernelParams } from '../src/registry/types.js';
import { BAR_BLOCK, fusedRatingsScratch, kernelsOf, lanesOf, planJobs, type GpuJob } from '../src/webgpu/fusion.js';
import { countBitDifferences, describeDifference } from './helpers/universe.js';
import { openWebGpu, readSp500Sample, walk } from './helpers/webgpu-kernels.js';

type Columns = Record<'high' | 'low' | 'close' | 'volume', Float64Array>;

const FUSED = 'fused/ratings-votes x26, fused/ratings';

/** Lists the passes of each job as kernel and lanes: `x26` for 26 lanes, `xbars` for a split over bars. */
function passesOf(jobs: GpuJob[]): string[] {
  return jobs.map((job) => job.passes.map((pass) => (pass.lanes === 1 ? pass.kernel : `${pass.kernel} x${pass.lanes}`)).join(', '));
}

function columnsOf(offsets: Int32Array, seed: number): Columns {
  const bars = offsets[offsets.length - 1];
  const [high, low, close, volume] = walk(bars, seed, 4);
  return { high, low, close, volume };
}

/** Builds a call of `id` with its own parameters `own` over shared columns. */
function callOf(id: string, own: number[], offsets: Int32Array, columns: Columns, profile: 0 | 1 = 0, conventions: 0 | 1 = 0): KernelCall {
  const spec = getIndicator(id);
  const fields = [...spec.inputs, ...(spec.optionalInputs ?? [])] as (keyof Columns)[];
  const bars = offsets[offsets.length - 1];
  return {
    spec,
    params: kernelParams(own, { ratingsProfile: profile, conventions }),
    offsets,
    inputs: fields.map((field) => columns[field]),
    outputs: spec.outputs.map(() => new Float64Array(bars)),
  };
}

/** Every call of the family whose member the ratings use, and two that are not members. */
const FAMILY: [string, number[]][] = [
  ['recommend_all', []],
  ['recommend_ma', []],
  ['recommend_other', []],
  ['recommend_label', [0]],
  ['recommend_label', [1]],
  ['recommend_label', [2]],
  ['rec_rsi', []],
  ['rec_stoch', []],
  ['rec_cci', []],
  ['rec_adx', []],
  ['rec_ao', []],
  ['rec_mom', []],
  ['rec_macd', []],
  ['rec_stochrsi', []],
  ['rec_wr', []],
  ['rec_bbpower', []],
  ['rec_uo', []],
  ['rec_sma', [10]],
  ['rec_ema', [10]],
  ['rec_sma', [200]],
  ['rec_ema', [200]],
  ['rec_ichimoku', []],
  ['rec_vwma', [20]],
  ['rec_hma', [9]],
  ['rec_sma', [25]],
  ['rec_hma', [10]],
];

describe('fusion plan', () => {
  const offsets = Int32Array.from([0, 40, 90]);
  const columns = columnsOf(offsets, 3);

  it('fuses the ratings with the votes of their members', () => {
    const calls = FAMILY.map(([id, own]) => callOf(id, own, offsets, columns, 1, 1));
    const sma = callOf('sma', [20], offsets, columns);
    const jobs = planJobs([sma, ...calls]);
    expect(passesOf(jobs)).toEqual(['sma', FUSED, 'rec_sma', 'rec_hma']);
    const fused = jobs[1];
    // The profile, 24 columns, then the roles: ratings 0-2, bands 3-5, oscillator votes 10-20, average votes 30 + member.
    expect(fused.params).toEqual([1, 24, 0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 31, 40, 41, 42, 43, 44]);
    expect(fused.inputs).toEqual([columns.high, columns.low, columns.close, columns.volume]);
    // The fused job writes straight into the calls' own output columns.
    expect(fused.outputs.length).toBe(24);
    fused.outputs.forEach((column, k) => expect(column).toBe(calls[k].outputs[0]));
    expect(fused.label).toBe(
      'recommend_all+recommend_ma+recommend_other+recommend_label+rec_rsi+rec_stoch+rec_cci+rec_adx+rec_ao+rec_mom+' +
        'rec_macd+rec_stochrsi+rec_wr+rec_bbpower+rec_uo+rec_sma+rec_ema+rec_ichimoku+rec_vwma+rec_hma',
    );
    expect(fused.scratch(100)).toBe(fusedRatingsScratch(100));
    expect(jobs[2].params).toEqual(kernelParams([25], { ratingsProfile: 1, conventions: 1 }));
  });

  it('runs a rating alone as a fused job', () => {
    const jobs = planJobs([callOf('sma', [10], offsets, columns), callOf('recommend_label', [2], offsets, columns)]);
    expect(passesOf(jobs)).toEqual(['sma', FUSED]);
    expect(jobs[1].params).toEqual([0, 1, 5]);
  });

  it('names the kernels to compile ahead of a run', () => {
    for (const id of ['recommend_all', 'recommend_ma', 'recommend_other', 'recommend_label']) {
      expect(kernelsOf(id), id).toEqual(['fused/ratings-votes', 'fused/ratings']);
    }
    expect(kernelsOf('rec_rsi')).toEqual(['rec_rsi']);
    expect(kernelsOf('sma')).toEqual(['sma']);
  });

  it('runs votes without a rating on their own kernels', () => {
    const jobs = planJobs([callOf('rec_rsi', [], offsets, columns), callOf('rec_sma', [20], offsets, columns)]);
    expect(passesOf(jobs)).toEqual(['rec_rsi', 'rec_sma']);
  });

  it('leaves votes without a rating of their family alone', () => {
    const calls = [callOf('rec_rsi', [], offsets, columns), callOf('rec_sma', [20], offsets, columns), callOf('recommend_other', [], offsets, columns)];
    const jobs = planJobs(calls);
    // rec_rsi joins recommend_other; rec_sma(20) is a member of recommend_ma, which nothing computes.
    expect(passesOf(jobs)).toEqual([FUSED, 'rec_sma']);
    // Ratings come first in the fused job, then votes.
    expect(jobs[0].params).toEqual([0, 2, 2, 10]);
    // recommend_other reads no volume, so close is bound in its place.
    expect(jobs[0].inputs).toEqual([columns.high, columns.low, columns.close, columns.close]);
  });

  it('fuses only calls over the same series, columns, profile and conventions', () => {
    const otherOffsets = Int32Array.from(offsets);
    const otherColumns = { ...columns, close: Float64Array.from(columns.close) };
    const cases: [string, KernelCall][] = [
      ['offsets', callOf('recommend_ma', [], otherOffsets, columns)],
      ['close', callOf('recommend_ma', [], offsets, otherColumns)],
      ['profile', callOf('recommend_ma', [], offsets, columns, 1)],
      ['conventions', callOf('recommend_ma', [], offsets, columns, 0, 1)],
    ];
    for (const [what, call] of cases) {
      const jobs = planJobs([callOf('recommend_all', [], offsets, columns), call]);
      expect(passesOf(jobs), what).toEqual([FUSED, FUSED]);
      expect(jobs.map((job) => job.params.slice(1)), what).toEqual([
        [1, 0],
        [1, 1],
      ]);
    }
  });

  it('splits the window kernels over bars', () => {
    const jobs = planJobs([callOf('cci', [20], offsets, columns), callOf('rec_sma', [25], offsets, columns)]);
    expect(passesOf(jobs)).toEqual(['cci xbars', 'rec_sma']);
    const pass = jobs[0].passes[0];
    // One lane per block of BAR_BLOCK bars of the longest series, at least one.
    expect(BAR_BLOCK).toBe(64);
    expect([0, 1, 64, 65, 2500].map((maxLength) => lanesOf(pass, maxLength))).toEqual([1, 1, 1, 2, 40]);
    expect(lanesOf(jobs[1].passes[0], 2500)).toBe(1);
  });

  it('forms one group per profile', () => {
    const calls = [0, 1].flatMap((profile) => ['recommend_all', 'recommend_ma'].map((id) => callOf(id, [], offsets, columns, profile as 0 | 1)));
    const jobs = planJobs(calls);
    expect(passesOf(jobs)).toEqual([FUSED, FUSED]);
    expect(jobs.map((job) => job.params[0])).toEqual([0, 1]);
  });
});

const { backend, adapterName } = await openWebGpu();

describe.skipIf(backend === undefined)(`fused ratings on ${adapterName}`, () => {
  let universe: Universe;
  const requests = FAMILY.map(([id, own]) => (own.length === 0 ? id : `${id}(${own.join(',')})`));

  beforeAll(async () => {
    universe = await readSp500Sample(20);
  }, 600_000);

  afterAll(async () => {
    await backend?.close();
  });

  for (const conventions of [0, 1] as const) {
    it(`matches reference on S&P 500, profile and conventions ${conventions}`, async () => {
      const options = { ratingsProfile: conventions, conventions };
      const expected = await computeColumns(universe, planFeatures(requests), createReferenceBackend(), options);
      const before = backend!.dispatchCount;
      const actual = await computeColumns(universe, planFeatures(requests), backend!, options);
      // The two passes of the fused job, and one dispatch each for rec_sma(25) and rec_hma(10).
      expect(backend!.dispatchCount - before).toBe(4);
      expect(actual.map((column) => column.name)).toEqual(expected.map((column) => column.name));
      const differences = actual.map((column, k) => describeDifference(universe, column, expected[k])).filter((d) => d !== '');
      expect(differences).toEqual([]);
    }, 600_000);
  }

  it('fuses the ratings over bars compacted around missing closes', async () => {
    // Every 9th close missing: each group of calls with the same required fields runs on the
    // bars where those are defined, packed once for the whole group.
    const close = Float64Array.from(universe.fields.close!, (value, i) => (i % 9 === 4 ? NaN : value));
    const gapped: Universe = { ...universe, fields: { ...universe.fields, close } };
    const options = { ratingsProfile: 0 as const, conventions: 0 as const };
    const expected = await computeColumns(gapped, planFeatures(requests), createReferenceBackend(), options);
    const before = backend!.dispatchCount;
    const actual = await computeColumns(gapped, planFeatures(requests), backend!, options);
    // The ratings and the oscillator and Ichimoku votes read high, low and close, so they run on
    // the same bars and fuse into one job of two passes. The seven votes that read close alone
    // and rec_vwma run on other bars, one dispatch each.
    expect(backend!.dispatchCount - before).toBe(10);
    const differences = actual.map((column, k) => describeDifference(gapped, column, expected[k])).filter((d) => d !== '');
    expect(differences).toEqual([]);
    expect(Number.isNaN(actual[0].values[4])).toBe(true);
  }, 600_000);

  it('matches reference on short, flat, gappy and volume-less series', async () => {
    const { calls, expected } = edgeCalls();
    const before = backend!.dispatchCount;
    await backend!.run(calls);
    expect(backend!.dispatchCount - before).toBe(2);
    expectSameBits(calls, expected);
  }, 600_000);
});

const chunked = await openWebGpu({ maxSeriesPerDispatch: 3 });

describe.skipIf(chunked.backend === undefined)(`fused ratings in small dispatches on ${chunked.adapterName}`, () => {
  afterAll(async () => {
    await chunked.backend?.close();
  });

  it('matches reference with at most 3 series a dispatch', async () => {
    const { calls, expected } = edgeCalls();
    const before = chunked.backend!.dispatchCount;
    await chunked.backend!.run(calls);
    // 16 series in 6 chunks, two passes each.
    expect(chunked.backend!.dispatchCount - before).toBe(12);
    expectSameBits(calls, expected);
  }, 600_000);
});

/**
 * Builds the family's 24 fusing calls over edge-case series, and the same calls run on the
 * reference. The series have lengths 0 to 12, 60 flat bars, 300 bars with NaN gaps and 300 bars
 * without volume.
 */
function edgeCalls(): { calls: KernelCall[]; expected: KernelCall[] } {
  const lengths = [...Array.from({ length: 13 }, (_, k) => k), 60, 300, 300];
  const offsets = new Int32Array(lengths.length + 1);
  lengths.forEach((length, s) => (offsets[s + 1] = offsets[s] + length));
  const columns = columnsOf(offsets, 5);
  const flat = offsets[13];
  for (const column of Object.values(columns)) column.fill(100, flat, flat + 60);
  for (const column of Object.values(columns)) for (let i = offsets[14] + 3; i < offsets[15]; i += 7) column[i] = NaN;
  columns.volume.fill(NaN, offsets[15], offsets[16]);
  const calls = FAMILY.slice(0, 24).map(([id, own]) => callOf(id, own, offsets, columns));
  const expected = calls.map((call) => ({ ...call, outputs: call.outputs.map((column) => new Float64Array(column.length)) }));
  for (const call of expected) runReferenceCall(call);
  return { calls, expected };
}

function expectSameBits(calls: KernelCall[], expected: KernelCall[]): void {
  const differences = calls.map((call, k) => countBitDifferences(expected[k].outputs[0], call.outputs[0]).count);
  expect(differences).toEqual(calls.map(() => 0));
  // The ratings are defined on the long series, so the check compares values, not only NaN.
  const last = calls[0].offsets[calls[0].offsets.length - 1] - 1;
  expect(Number.isFinite(calls[0].outputs[0][last])).toBe(true);
}
