/**
 * Kernel throughput on a real universe: bars per second of each indicator and of the whole
 * default feature set, on the reference backend, the wasm backend with one worker and with
 * every core, and TA-Lib (the npm binding, and TA-Lib's C library timed by its own harness
 * in the same run). Outputs are checked against the reference before anything is timed.
 *
 * With --catalogue it times instead every registry indicator at its default parameters on
 * wasm with one worker, next to TA-Lib's C library for the indicators TA-Lib has, timed by
 * bench/talib-c/run.sh at the same parameters.
 *
 *   node dist/bench/kernels.js [--data DIR] [--talib-c SCRIPT]
 *   node dist/bench/kernels.js --catalogue [--data DIR] [--talib-c-catalogue SCRIPT] [--only ID,ID]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Benchmark from 'benchmark';
import { runReferenceCall } from '../src/backends/reference.js';
import type { KernelCall } from '../src/backends/types.js';
import { WasmBackend } from '../src/backends/wasm.js';
import { readUniverse } from '../src/io/read.js';
import type { Field, Universe } from '../src/io/types.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { REGISTRY } from '../src/registry/index.js';
import { DEFAULT_FEATURES, planFeatures, type IndicatorInstance } from '../src/registry/request.js';
import { kernelParams } from '../src/registry/types.js';

interface TalibBinding {
  execute(request: Record<string, unknown>): { begIndex: number; nbElement: number; result: Record<string, number[]> };
}

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(PACKAGE_ROOT, '../shared/data/sp500-daily') },
    'talib-c': { type: 'string', default: resolve(PACKAGE_ROOT, '../shared/bench/talib-c/run.sh') },
    catalogue: { type: 'boolean', default: false },
    'talib-c-catalogue': { type: 'string', default: resolve(PACKAGE_ROOT, 'bench/talib-c/run.sh') },
    // Comma-separated registry ids: with --catalogue, times only these indicators.
    only: { type: 'string' },
  },
});

/** TA-Lib calls for the indicators TA-Lib has, with the parameters of the default set. */
const TALIB_CALLS: Record<string, (u: Universe, s: number) => Record<string, unknown>> = {
  'sma(20)': (u, s) => ({ name: 'SMA', inReal: slice(u, 'close', s), optInTimePeriod: 20 }),
  'ema(12)': (u, s) => ({ name: 'EMA', inReal: slice(u, 'close', s), optInTimePeriod: 12 }),
  'wma(20)': (u, s) => ({ name: 'WMA', inReal: slice(u, 'close', s), optInTimePeriod: 20 }),
  'rsi(14)': (u, s) => ({ name: 'RSI', inReal: slice(u, 'close', s), optInTimePeriod: 14 }),
  'macd(12,26,9)': (u, s) => ({ name: 'MACD', inReal: slice(u, 'close', s), optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 }),
  'bbands(20,2)': (u, s) => ({ name: 'BBANDS', inReal: slice(u, 'close', s), optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 }),
  'atr(14)': (u, s) => ({ name: 'ATR', high: slice(u, 'high', s), low: slice(u, 'low', s), close: slice(u, 'close', s), optInTimePeriod: 14 }),
};

/** TA-Lib C harness names of the same indicators (its parameters: SMA/EMA/WMA 20, the rest as above). */
const TALIB_C_NAMES: Record<string, string> = {
  'sma(20)': 'SMA20',
  'ema(12)': 'EMA20',
  'wma(20)': 'WMA20',
  'rsi(14)': 'RSI14',
  'macd(12,26,9)': 'MACD',
  'bbands(20,2)': 'BBANDS',
  'atr(14)': 'ATR14',
};

function slice(u: Universe, field: Field, s: number): Float64Array {
  return u.fields[field]!.subarray(u.offsets[s], u.offsets[s + 1]);
}

/** Runs TA-Lib C's harness and returns its best bars/s per indicator over its repetitions. */
function runTalibC(script: string): Map<string, number> {
  const rates = new Map<string, number>();
  if (!existsSync(script)) return rates;
  const output = execFileSync('bash', [script, args.data!], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  for (const match of output.matchAll(/([A-Z]+\d*) (\d+)M\/s/g)) {
    rates.set(match[1], Math.max(rates.get(match[1]) ?? 0, Number(match[2]) * 1e6));
  }
  return rates;
}

/**
 * Runs the catalogue harness and returns TA-Lib C's bars/s (best of its three passes) per
 * request with every parameter written out, such as `sma(20)`.
 */
function runTalibCCatalogue(script: string): Map<string, number> {
  const rates = new Map<string, number>();
  if (!existsSync(script)) return rates;
  const output = execFileSync('bash', [script, args.data!], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  for (const match of output.matchAll(/^([a-z][a-z0-9_]*\([^()]*\)) (\d+)$/gm)) rates.set(match[1], Number(match[2]));
  return rates;
}

/**
 * Times `fn` with Benchmark.js and returns the seconds per call of its fastest sampled cycle.
 * That is the best case, like the best of three that the TA-Lib C harness reports, so load
 * from other processes on a shared machine counts against neither side.
 */
function measure(name: string, fn: (deferred: { resolve(): void }) => void | Promise<void>): Promise<number> {
  return new Promise((done) => {
    const bench = new Benchmark(name, {
      defer: true,
      minSamples: 5,
      maxTime: 1.5,
      fn: (deferred: { resolve(): void }) => {
        void Promise.resolve(fn(deferred));
      },
      onComplete: (event: Benchmark.Event) => done(Math.min(...(event.target as unknown as Benchmark).stats.sample)),
    });
    bench.run({ async: true });
  });
}

function callsFor(backend: WasmBackend | null, universe: Universe, instances: IndicatorInstance[], columns: Map<Field, Float64Array>, offsets: Int32Array): KernelCall[] {
  const bars = universe.offsets[universe.offsets.length - 1];
  return instances.map(({ spec, params }) => ({
    spec,
    params: kernelParams(params, { ratingsProfile: 0 }),
    offsets,
    inputs: [...spec.inputs, ...(spec.optionalInputs ?? [])].map((f) => columns.get(f)!),
    outputs: spec.outputs.map(() => (backend ? backend.allocateFloat64(bars) : new Float64Array(bars))),
  }));
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}

async function main(): Promise<void> {
  const universe = await readUniverse(args.data!, { adjust: 'none', requiredFields: ['open', 'high', 'low', 'close', 'volume'], optionalFields: [] });
  const bars = universe.offsets[universe.offsets.length - 1];
  const cores = availableParallelism();
  const talib = createRequire(import.meta.url)('talib') as TalibBinding;
  console.log(`# ta-backfill kernel benchmark, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`# ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, Node ${process.version}`);
  console.log(`# ${universe.symbols.length} symbols, ${bars} bars from ${args.data}\n`);

  if (args.catalogue) {
    await benchCatalogue(universe);
    return;
  }

  const talibC = runTalibC(args['talib-c']!);
  const one = new WasmBackend(1);
  const all = new WasmBackend(cores);
  const fields: Field[] = ['open', 'high', 'low', 'close', 'volume'];
  const load = (backend: WasmBackend) => {
    const offsets = backend.allocateInt32(universe.offsets.length);
    offsets.set(universe.offsets);
    const columns = new Map(fields.map((f) => {
      const column = backend.allocateFloat64(bars);
      column.set(universe.fields[f]!);
      return [f, column] as const;
    }));
    return { offsets, columns };
  };
  const oneData = load(one);
  const allData = load(all);
  const refColumns = new Map(fields.map((f) => [f, universe.fields[f]!] as const));

  const rows: string[][] = [];
  const groups: [string, string[]][] = [...DEFAULT_FEATURES.map((f) => [f, [f]] as [string, string[]]), ['default set', [...DEFAULT_FEATURES]]];
  let talibSum = 0;
  let wasmSum = 0;
  for (const [label, requests] of groups) {
    const instances = planFeatures(requests);
    const refCalls = callsFor(null, universe, instances, refColumns, universe.offsets);
    const oneCalls = callsFor(one, universe, instances, oneData.columns, oneData.offsets);
    const allCalls = callsFor(all, universe, instances, allData.columns, allData.offsets);

    refCalls.forEach(runReferenceCall);
    await one.run(oneCalls);
    await all.run(allCalls);
    refCalls.forEach((call, c) =>
      call.outputs.forEach((out, k) => {
        if (!sameBits(out, oneCalls[c].outputs[k]) || !sameBits(out, allCalls[c].outputs[k])) {
          throw new Error(`${label}: wasm output ${call.spec.outputs[k].name} differs from the reference`);
        }
      }),
    );

    const reference = await measure(`${label} reference`, (d) => {
      refCalls.forEach(runReferenceCall);
      d.resolve();
    });
    const wasmOne = await measure(`${label} wasm x1`, async (d) => {
      await one.run(oneCalls);
      d.resolve();
    });
    const wasmAll = await measure(`${label} wasm x${cores}`, async (d) => {
      await all.run(allCalls);
      d.resolve();
    });
    const talibRequest = TALIB_CALLS[label];
    const talibNpm = talibRequest
      ? await measure(`${label} talib npm`, (d) => {
          for (let s = 0; s < universe.symbols.length; s++) {
            const n = universe.offsets[s + 1] - universe.offsets[s];
            talib.execute({ startIdx: 0, endIdx: n - 1, ...talibRequest(universe, s) });
          }
          d.resolve();
        })
      : NaN;
    const cRate = talibC.get(TALIB_C_NAMES[label] ?? '') ?? NaN;
    // The default-set row counts bars x features, the indicator rows bars.
    const width = label === 'default set' ? instances.reduce((n, i) => n + i.columns.length, 0) : 1;
    const rate = (seconds: number) => (bars * width) / seconds;
    if (Number.isFinite(cRate)) {
      talibSum += bars / cRate;
      wasmSum += wasmOne;
    }
    rows.push([
      label,
      (rate(reference) / 1e6).toFixed(1),
      (rate(wasmOne) / 1e6).toFixed(1),
      (rate(wasmAll) / 1e6).toFixed(1),
      Number.isFinite(talibNpm) ? (rate(talibNpm) / 1e6).toFixed(1) : '',
      Number.isFinite(cRate) ? (cRate / 1e6).toFixed(0) : '',
      Number.isFinite(cRate) ? (rate(wasmOne) / cRate).toFixed(2) : '',
      (rate(wasmOne) / rate(reference)).toFixed(1),
    ]);
    process.stderr.write(`measured ${label}\n`);
  }
  await one.close();
  await all.close();

  const header = ['feature', 'reference', 'wasm x1', `wasm x${cores}`, 'talib npm', 'talib C', 'wasm x1 / talib C', 'wasm x1 / reference'];
  console.log('Throughput in millions of bars per second (bars x features for the default set).\n');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (talibSum > 0) {
    console.log(`\nIndicators TA-Lib has, one thread: TA-Lib C ${(talibSum * 1000).toFixed(1)} ms, wasm x1 ${(wasmSum * 1000).toFixed(1)} ms (ratio ${(talibSum / wasmSum).toFixed(2)}).`);
  }
  console.log('\nNOTE: the TA-Lib C harness times EMA with period 20; the ema row here is ema(12), which costs the same per bar.');
}

/**
 * Times every registry indicator at its default parameters on wasm with one worker, after
 * checking its outputs against the reference, and TA-Lib C where TA-Lib has the indicator.
 */
async function benchCatalogue(universe: Universe): Promise<void> {
  const bars = universe.offsets[universe.offsets.length - 1];
  const talibC = runTalibCCatalogue(args['talib-c-catalogue']!);
  const one = new WasmBackend(1);
  const fields: Field[] = ['open', 'high', 'low', 'close', 'volume'];
  const offsets = one.allocateInt32(universe.offsets.length);
  offsets.set(universe.offsets);
  const columns = new Map(
    fields.map((f) => {
      const column = one.allocateFloat64(bars);
      column.set(universe.fields[f]!);
      return [f, column] as const;
    }),
  );
  const refColumns = new Map(fields.map((f) => [f, universe.fields[f]!] as const));

  const rows: string[][] = [];
  let talibSum = 0;
  let wasmSum = 0;
  let compared = 0;
  const only = args.only === undefined ? null : new Set(args.only.split(',').map((id) => id.trim()));
  for (const spec of REGISTRY) {
    if (only !== null && !only.has(spec.id)) continue;
    const instances = planFeatures([spec.id]);
    const label = `${spec.id}(${instances[0].params.join(',')})`;
    // Each indicator's outputs are handed back before the next, so memory stays at one indicator's.
    const mark = one.mark();
    const refCalls = callsFor(null, universe, instances, refColumns, universe.offsets);
    const oneCalls = callsFor(one, universe, instances, columns, offsets);
    refCalls.forEach(runReferenceCall);
    await one.run(oneCalls);
    refCalls.forEach((call, c) =>
      call.outputs.forEach((out, k) => {
        if (!sameBits(out, oneCalls[c].outputs[k])) throw new Error(`${label}: wasm output ${call.spec.outputs[k].name} differs from the reference`);
      }),
    );
    const wasmOne = await measure(`${label} wasm x1`, async (d) => {
      await one.run(oneCalls);
      d.resolve();
    });
    one.release(mark);
    const cRate = talibC.get(label) ?? NaN;
    talibC.delete(label);
    if (Number.isFinite(cRate)) {
      talibSum += bars / cRate;
      wasmSum += wasmOne;
      compared++;
    }
    rows.push([
      label,
      (bars / wasmOne / 1e6).toFixed(1),
      Number.isFinite(cRate) ? (cRate / 1e6).toFixed(1) : '',
      Number.isFinite(cRate) ? (bars / wasmOne / cRate).toFixed(2) : '',
    ]);
    process.stderr.write(`measured ${label}\n`);
  }
  await one.close();
  // A harness row left over times parameters that are no longer a registry default.
  for (const label of talibC.keys()) process.stderr.write(`TA-Lib C row ${label} matches no registry default; it is left out\n`);

  const header = ['indicator', 'wasm x1', 'talib C', 'wasm x1 / talib C'];
  console.log('Every registry indicator at its default parameters, one thread, in millions of bars per second.');
  console.log('TA-Lib C is timed by bench/talib-c/run.sh; an indicator with several TA-Lib calls (adx, aroon, linearreg, stochrsi) counts their sum.\n');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (talibSum > 0) {
    console.log(
      `\n${compared} indicators TA-Lib has, one thread: TA-Lib C ${(talibSum * 1000).toFixed(1)} ms, wasm x1 ${(wasmSum * 1000).toFixed(1)} ms ` +
        `(TA-Lib C time / wasm x1 time ${(talibSum / wasmSum).toFixed(2)}).`,
    );
  } else {
    console.log(`\nTA-Lib C was not timed: ${args['talib-c-catalogue']} is missing or printed no rates.`);
  }
}

await main();
