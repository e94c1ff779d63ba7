import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkBackendOptions, selectBackend, BACKEND_CHOICES, type BackendChoice } from './backends/index.js';
import { describeAdapter } from './webgpu/device.js';
import type { BackendName } from './backends/types.js';
import { checkFields, computeColumns } from './engine/compute.js';
import { OutputError, ParameterError } from './errors.js';
import { readUniverse } from './io/read.js';
import { FIELDS, type Adjustment, type Field, type InputColumn } from './io/types.js';
import { openLongOutput, writeOutput, type WriteOptions, type WriteSummary } from './io/write.js';
import { bytesPerBar, chunkSymbols, DEFAULT_MEMORY_BUDGET, sliceUniverse } from './engine/chunks.js';
import { DEFAULT_FEATURES, planFeatures, requestedColumns, type IndicatorInstance } from './registry/request.js';
import type { KernelOptions } from './registry/types.js';

export type Layout = WriteOptions['layout'];
export type Compression = WriteOptions['compression'];
export type RatingsProfile = 'screener' | 'pine_v3';
export type Conventions = 'talib' | 'tradingview';

export const LAYOUTS: readonly Layout[] = ['long', 'wide'];
export const COMPRESSIONS: readonly Compression[] = ['zstd', 'snappy', 'gzip', 'brotli', 'lz4', 'none'];
export const ADJUSTMENTS: readonly Adjustment[] = ['none', 'splits', 'all'];
export const RATINGS_PROFILES: readonly RatingsProfile[] = ['screener', 'pine_v3'];
export const CONVENTIONS: readonly Conventions[] = ['talib', 'tradingview'];

/** Options shared by `backfill` and the in-memory `computeFeatures`. */
export interface ComputeOptions {
  /** Feature requests such as `sma(20)` or `macd(12,26,9).signal`; the default set when absent. */
  features?: readonly string[];
  backend?: BackendChoice;
  /** Worker threads of the wasm backend; all cores when absent. */
  workers?: number;
  /** Ichimoku rule of the moving-average rating. */
  ratingsProfile?: RatingsProfile;
  /**
   * Formula conventions of the plain indicators: TA-Lib's (the default) or TradingView's.
   * The ratings always use TradingView's.
   */
  conventions?: Conventions;
}

export interface BackfillOptions extends ComputeOptions {
  /** A directory of per-symbol files, a Hive-style directory, or one file with a symbol column. */
  input: string;
  /** The Parquet file to write. */
  output: string;
  layout?: Layout;
  compression?: Compression;
  adjust?: Adjustment;
  /** Explicit input column names, by field. */
  columns?: Partial<Record<InputColumn, string>>;
  /**
   * Bytes of kernel memory for one chunk of symbols of the long layout (1 GiB by default).
   * A smaller budget means more, smaller chunks; the output is the same.
   */
  memoryBudget?: number;
  onProgress?: (event: ProgressEvent) => void;
}

const FIELD_COUNT = FIELDS.length;

export interface ProgressEvent {
  phase: 'read' | 'compute' | 'write';
  done: number;
  total: number;
}

export interface BackfillSummary {
  input: string;
  output: string;
  symbols: number;
  bars: number;
  features: string[];
  backend: BackendName;
  /** Why this backend ran: `requested`, or how `auto` chose. */
  backendReason: string;
  /** The WebGPU adapter (vendor, architecture, description) when the webgpu backend ran. */
  adapter?: string;
  workers: number;
  layout: Layout;
  rows: number;
  bytes: number;
  /** Wall time in milliseconds, split by phase. */
  timings: { read: number; compute: number; write: number; total: number };
  /** Peak resident memory of the whole process so far, in bytes. */
  peakRss: number;
}

function checkChoice<T extends string>(value: T | undefined, allowed: readonly T[], option: string): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new ParameterError(`${option} must be one of ${allowed.join(', ')}, found "${value}".`, { parameter: option.replace(/^--/, '') });
  }
}

/** Validates the run-wide options and plans the features, before any file is read. */
export function prepareRun(options: ComputeOptions): { instances: IndicatorInstance[]; kernelOptions: KernelOptions; required: Field[]; optional: Field[] } {
  checkChoice(options.backend, BACKEND_CHOICES, '--backend');
  checkChoice(options.ratingsProfile, RATINGS_PROFILES, '--ratings-profile');
  checkChoice(options.conventions, CONVENTIONS, '--conventions');
  checkBackendOptions(options.backend ?? 'auto', options.workers);
  const instances = planFeatures(options.features ?? DEFAULT_FEATURES);
  const required = new Set<Field>();
  const optional = new Set<Field>();
  for (const { spec } of instances) {
    spec.inputs.forEach((f) => required.add(f));
    spec.optionalInputs?.forEach((f) => optional.add(f));
  }
  required.forEach((f) => optional.delete(f));
  return {
    instances,
    kernelOptions: {
      ratingsProfile: options.ratingsProfile === 'pine_v3' ? 1 : 0,
      conventions: options.conventions === 'tradingview' ? 1 : 0,
    },
    required: [...required],
    optional: [...optional],
  };
}

/**
 * Reads a universe of Parquet files, computes the features of every symbol, and writes the
 * feature matrix to one Parquet file, atomically. Resolves to the run's summary.
 */
export async function backfill(options: BackfillOptions): Promise<BackfillSummary> {
  const started = performance.now();
  const plan = prepareRun(options);
  checkChoice(options.layout, LAYOUTS, '--layout');
  checkChoice(options.compression, COMPRESSIONS, '--compression');
  checkChoice(options.adjust, ADJUSTMENTS, '--adjust');
  const budget = options.memoryBudget;
  if (budget !== undefined && !(Number.isFinite(budget) && budget > 0)) {
    throw new ParameterError(`memoryBudget must be a positive number of bytes, found ${budget}.`, { parameter: 'memory-budget' });
  }
  const input = resolve(options.input);
  const output = resolve(options.output);
  if (!existsSync(dirname(output)) || !statSync(dirname(output)).isDirectory()) {
    throw new OutputError(`The output folder ${dirname(output)} does not exist. Create it first.`, { file: output });
  }
  if (existsSync(output) && statSync(output).isDirectory()) {
    throw new OutputError(`The output ${output} is a folder; name a file such as features.parquet.`, { file: output });
  }
  if (output === input) {
    throw new OutputError(`The output ${output} is the input file; name another file.`, { file: output });
  }
  if (existsSync(input) && statSync(input).isDirectory() && !relative(input, output).startsWith('..')) {
    throw new OutputError(`The output ${output} is inside the input folder ${input}, where the next run would read it as input. Write it elsewhere.`, {
      file: output,
    });
  }

  const universe = await readUniverse(input, {
    columns: options.columns,
    adjust: options.adjust ?? 'none',
    requiredFields: plan.required,
    optionalFields: plan.optional,
    onProgress: (done, total) => options.onProgress?.({ phase: 'read', done, total }),
  });
  checkFields(universe, plan.instances, input);
  const read = performance.now();

  const { backend, reason, adapter } = await selectBackend(
    options.backend ?? 'auto',
    options.workers,
    plan.instances.map((instance) => instance.spec.id),
  );
  try {
    const layout = options.layout ?? 'long';
    const compression = options.compression ?? 'zstd';
    const bars = universe.offsets[universe.offsets.length - 1];
    // The long layout is computed and appended chunk by chunk, so kernel memory stays within
    // the budget. The wide layout needs every symbol's columns at once.
    const budgetBars = Math.floor((options.memoryBudget ?? DEFAULT_MEMORY_BUDGET) / bytesPerBar(plan.instances, FIELD_COUNT));
    const bounds = layout === 'long' ? chunkSymbols(universe.offsets, Math.max(1, budgetBars)) : [0, universe.symbols.length];
    let compute = 0;
    let write = 0;
    let names = requestedColumns(plan.instances).map((c) => c.name);
    let written: WriteSummary;

    if (layout === 'long') {
      const sink = await openLongOutput(output, { timestampType: universe.timestamps.type, featureNames: names }, { compression });
      try {
        for (let c = 0; c + 1 < bounds.length; c++) {
          const chunk = sliceUniverse(universe, bounds[c], bounds[c + 1]);
          const mark = backend.mark();
          const t0 = performance.now();
          const columns = await computeColumns(chunk, plan.instances, backend, plan.kernelOptions);
          const t1 = performance.now();
          await sink.append(chunk, columns);
          const t2 = performance.now();
          backend.release(mark);
          compute += t1 - t0;
          write += t2 - t1;
          options.onProgress?.({ phase: 'compute', done: chunk.offsets[chunk.offsets.length - 1] + universe.offsets[bounds[c]], total: bars });
        }
        const t3 = performance.now();
        written = await sink.commit();
        write += performance.now() - t3;
      } catch (error) {
        await sink.abort();
        throw error;
      }
    } else {
      const t0 = performance.now();
      const columns = await computeColumns(universe, plan.instances, backend, plan.kernelOptions);
      const t1 = performance.now();
      names = columns.map((c) => c.name);
      written = await writeOutput(output, universe, columns, { layout, compression });
      compute = t1 - t0;
      write = performance.now() - t1;
    }
    const finished = performance.now();

    return {
      input,
      output,
      symbols: universe.symbols.length,
      bars: universe.offsets[universe.offsets.length - 1],
      features: names,
      backend: backend.name,
      backendReason: reason,
      adapter: adapter && describeAdapter(adapter),
      workers: backend.workers,
      layout,
      rows: written.rows,
      bytes: written.bytes,
      timings: { read: read - started, compute, write, total: finished - started },
      peakRss: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    await backend.close();
  }
}
