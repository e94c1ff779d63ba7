/**
 * The GPU benchmark. On the real universe it first checks every indicator that has a WGSL
 * kernel against the reference bit for bit, at its default parameters and under both
 * conventions, each indicator in a run of its own and then all in one run, where the ratings
 * run fused. Then it times webgpu against wasm on every core, on the real universe and on a
 * synthetic one, and webgpu with Dawn's zero fill of new buffers beside it (the barriers that
 * fill puts between jobs), and prints one report on stdout. Throughput is bars x features per second with exact
 * float64, kernels and transfers included: a timed run is one `computeColumns` call, from the
 * host's columns to the host's outputs.
 *
 *   node dist/bench/gpu/bench.js (--bars FILE | --data DIR) [--symbols 5000] [--length 2500]
 *       [--workers N] [--real-symbols N] [--repeat 3] [--budget-s 480]
 *
 * --bars reads the compact file of bench/gpu/pack-universe.ts (what bench/gpu/run.sh carries to
 * the GPU machine); --data reads a folder of Parquet files.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { createReferenceBackend } from '../../src/backends/reference.js';
import type { Backend } from '../../src/backends/types.js';
import { WasmBackend } from '../../src/backends/wasm.js';
import { WebGpuBackend } from '../../src/backends/webgpu.js';
import { computeColumns, type FeatureColumn } from '../../src/engine/compute.js';
import type { Field, Universe } from '../../src/io/types.js';
import { REGISTRY } from '../../src/registry/index.js';
import { planFeatures, type IndicatorInstance } from '../../src/registry/request.js';
import type { KernelOptions } from '../../src/registry/types.js';
import { generator, simulateBars } from '../../src/synthetic.js';
import { describeAdapter } from '../../src/webgpu/device.js';
import { decodeBars, UNIVERSE_FIELDS } from './universe-file.js';

const { values: args } = parseArgs({
  options: {
    bars: { type: 'string' },
    data: { type: 'string' },
    symbols: { type: 'string', default: '5000' },
    length: { type: 'string', default: '2500' },
    workers: { type: 'string', default: String(availableParallelism()) },
    // The first N real symbols only, with their full histories (a quick run on a software adapter).
    'real-symbols': { type: 'string' },
    repeat: { type: 'string', default: '3' },
    'budget-s': { type: 'string', default: '480' },
  },
});

const started = performance.now();
const budgetMs = 1000 * Number(args['budget-s']);
const log = (message: string): void => {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
};

/** Builds a universe of only what the kernels read: computeColumns uses the offsets and fields alone. */
function kernelUniverse(symbols: string[], offsets: Int32Array, fields: Partial<Record<Field, Float64Array>>): Universe {
  return { symbols, sources: symbols, offsets, fields, timestamps: { type: undefined as never, keys: new BigInt64Array(0) } };
}

async function loadRealUniverse(): Promise<Universe> {
  if (args.bars !== undefined) {
    const bars = decodeBars(readFileSync(args.bars));
    return kernelUniverse(bars.symbols, bars.offsets, bars.fields);
  }
  if (args.data !== undefined) {
    // Imported here so that a run from --bars needs no Parquet reader.
    const { readUniverse } = await import('../../src/io/read.js');
    return readUniverse(args.data, { adjust: 'none', requiredFields: [...UNIVERSE_FIELDS], optionalFields: [] });
  }
  throw new Error('give the real universe with --bars FILE or --data DIR');
}

/** Returns the first `count` symbols of a universe, with their full histories. */
function firstSymbols(universe: Universe, count: number): Universe {
  const n = Math.min(count, universe.symbols.length);
  const end = universe.offsets[n];
  const fields: Partial<Record<Field, Float64Array>> = {};
  for (const field of UNIVERSE_FIELDS) fields[field] = universe.fields[field]!.subarray(0, end);
  return kernelUniverse(universe.symbols.slice(0, n), universe.offsets.slice(0, n + 1), fields);
}

/** Builds `count` symbols of exactly `length` bars each, from the demo's random walk with splits. */
function syntheticUniverse(count: number, length: number): Universe {
  const random = generator(20261204);
  const fields = Object.fromEntries(UNIVERSE_FIELDS.map((f) => [f, new Float64Array(count * length)])) as Record<Field, Float64Array>;
  const offsets = new Int32Array(count + 1);
  const symbols: string[] = [];
  for (let s = 0; s < count; s++) {
    const bars = simulateBars(random, length);
    const at = s * length;
    fields.open.set(bars.open, at);
    fields.high.set(bars.high, at);
    fields.low.set(bars.low, at);
    fields.close.set(bars.close, at);
    for (let i = 0; i < length; i++) fields.volume[at + i] = Number(bars.volume[i]);
    offsets[s + 1] = at + length;
    symbols.push(`S${s}`);
  }
  return kernelUniverse(symbols, offsets, fields);
}

function sameBits(a: Float64Array, b: Float64Array): number {
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    // All NaNs are equal: outputs are written as nulls.
    if (x !== x && y !== y) continue;
    if (x !== y || Object.is(x, -0) !== Object.is(y, -0)) differing++;
  }
  return differing;
}

async function compute(universe: Universe, plan: IndicatorInstance[], backend: Backend, options: KernelOptions): Promise<FeatureColumn[]> {
  return computeColumns(universe, plan, backend, options);
}

/** Best wall time of `repeat` runs after one untimed run, in seconds; outputs freed after each. */
async function bestTime(universe: Universe, plan: IndicatorInstance[], backend: Backend): Promise<number> {
  let best = Infinity;
  for (let run = 0; run <= Number(args.repeat); run++) {
    const mark = backend.mark();
    const t0 = performance.now();
    await compute(universe, plan, backend, { ratingsProfile: 0 });
    const seconds = (performance.now() - t0) / 1000;
    backend.release(mark);
    if (run > 0) best = Math.min(best, seconds);
  }
  return best;
}

const rows: string[][] = [];
const notes: string[] = [];

async function main(): Promise<void> {
  const workers = Number(args.workers);
  const loaded = await loadRealUniverse();
  const real = args['real-symbols'] === undefined ? loaded : firstSymbols(loaded, Number(args['real-symbols']));
  const realBars = real.offsets[real.symbols.length];
  log(`real universe: ${real.symbols.length} symbols, ${realBars} bars`);

  const webgpu = await WebGpuBackend.open();
  const wasm = new WasmBackend(workers);
  const ids = REGISTRY.map((spec) => spec.id).filter((id) => webgpu.hasKernel(id));
  const missing = REGISTRY.map((spec) => spec.id).filter((id) => !webgpu.hasKernel(id));
  const plan = planFeatures(ids);
  const features = plan.reduce((n, instance) => n + instance.columns.length, 0);
  const t0 = performance.now();
  await webgpu.prepare(ids);
  const compileSeconds = (performance.now() - t0) / 1000;
  log(`compiled the pipelines of ${ids.length} indicators in ${compileSeconds.toFixed(1)} s`);

  // Bit-identity against the reference, both conventions: each indicator in a run of its own
  // (its own kernel), then all of them in one run (the ratings fused into one job).
  const reference = createReferenceBackend();
  const mismatches: string[] = [];
  let compared = 0;
  // Webgpu seconds of each indicator alone and of the whole plan in one run, the better of the
  // two conventions: whether the one run beats the sum shows whether the indicators overlap.
  const aloneSeconds = new Map<string, number>();
  let togetherSeconds = Infinity;
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const result = await work();
    return [result, (performance.now() - t) / 1000];
  };
  for (const conventions of [0, 1] as const) {
    const name = conventions === 0 ? 'talib' : 'tradingview';
    const expectedColumns = new Map<string, Float64Array>();
    const check = (column: FeatureColumn, actual: FeatureColumn, run: string): void => {
      const differing = sameBits(column.values, actual.values);
      compared += column.values.length;
      if (differing > 0) mismatches.push(`${column.name} (conventions ${name}, ${run}): ${differing} values differ`);
    };
    for (const instance of plan) {
      const expected = await compute(real, [instance], reference, { ratingsProfile: 0, conventions });
      const [actual, seconds] = await timed(() => compute(real, [instance], webgpu, { ratingsProfile: 0, conventions }));
      aloneSeconds.set(instance.columns[0], Math.min(seconds, aloneSeconds.get(instance.columns[0]) ?? Infinity));
      expected.forEach((column, k) => {
        expectedColumns.set(column.name, column.values);
        check(column, actual[k], 'alone');
      });
    }
    const [together, seconds] = await timed(() => compute(real, plan, webgpu, { ratingsProfile: 0, conventions }));
    togetherSeconds = Math.min(togetherSeconds, seconds);
    for (const column of together) check({ name: column.name, values: expectedColumns.get(column.name)! }, column, 'all in one run');
    log(`checked conventions ${name}`);
  }

  // The same backend with Dawn's zero fill of new buffers, which puts a pipeline barrier before
  // each job's first dispatch: the gap to the default shows what running the jobs of a batch
  // side by side brings.
  const cleared = await WebGpuBackend.open({ clearNewBuffers: true });
  await cleared.prepare(ids);

  const universes: [string, () => Universe][] = [
    ['S&P 500 daily (real)', () => real],
    [`synthetic ${args.symbols} x ${args.length}`, () => syntheticUniverse(Number(args.symbols), Number(args.length))],
  ];
  for (const [label, make] of universes) {
    if (performance.now() - started > budgetMs) {
      notes.push(`${label}: not timed, the time budget of ${args['budget-s']} s was spent`);
      continue;
    }
    const universe = make();
    const bars = universe.offsets[universe.symbols.length];
    log(`timing ${label}: ${bars} bars x ${features} features`);
    const wasmSeconds = await bestTime(universe, plan, wasm);
    const gpuSeconds = await bestTime(universe, plan, webgpu);
    const clearedSeconds = await bestTime(universe, plan, cleared);
    const rate = (seconds: number): string => ((bars * features) / seconds / 1e6).toFixed(1);
    rows.push([
      label,
      String(bars),
      String(features),
      wasmSeconds.toFixed(3),
      gpuSeconds.toFixed(3),
      clearedSeconds.toFixed(3),
      rate(wasmSeconds),
      rate(gpuSeconds),
      (wasmSeconds / gpuSeconds).toFixed(2),
    ]);
  }
  await wasm.close();
  await cleared.close();
  const adapter = webgpu.adapter;
  await webgpu.close();

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`# GPU benchmark, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`\nMachine: ${cpu}, ${availableParallelism()} cores; GPU: ${adapter ? describeAdapter(adapter) : 'none'}; Node ${process.version}.`);
  console.log(`Indicators on webgpu: ${ids.length} of ${REGISTRY.length} at their defaults (${features} feature columns), the ratings fused into one job; pipelines compiled in ${compileSeconds.toFixed(1)} s.`);
  if (missing.length > 0) console.log(`Without a WGSL kernel, left out of both sides: ${missing.join(', ')}.`);
  console.log(`\nBit-identity with the reference on ${real.symbols.length} real symbols (${realBars} bars), both conventions, each indicator alone and all in one run: ${compared} values compared, ` +
    (mismatches.length === 0 ? 'zero differences.' : `${mismatches.length} columns differ:`));
  for (const line of mismatches) console.log(`- ${line}`);
  const alone = [...aloneSeconds.entries()].sort((a, b) => b[1] - a[1]);
  const aloneTotal = alone.reduce((total, [, seconds]) => total + seconds, 0);
  const slowest = alone.slice(0, 8).map(([name, seconds]) => `${name} ${seconds.toFixed(3)}`);
  console.log(
    `\nOn the real universe, webgpu took ${aloneTotal.toFixed(3)} s for the indicators each in a run of its own, summed, and ` +
      `${togetherSeconds.toFixed(3)} s for all of them in one run (better of the two conventions, transfers included). ` +
      `Slowest alone, in s: ${slowest.join(', ')}.`,
  );
  const header = [
    'universe',
    'bars',
    'features',
    `wasm x${workers} s`,
    'webgpu s',
    'webgpu, new buffers zero-filled s',
    `wasm x${workers} M bar-features/s`,
    'webgpu M bar-features/s',
    'webgpu / wasm',
  ];
  console.log(
    `\nBest of ${args.repeat} runs after a warm-up; a run is one computeColumns call, transfers included. ` +
      "The zero-filled column runs webgpu with Dawn's default zero fill of new buffers (clearNewBuffers), which puts a barrier before each job.\n",
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  for (const note of notes) console.log(`\nNOTE: ${note}`);
  if (mismatches.length > 0) process.exitCode = 1;
}

await main();
