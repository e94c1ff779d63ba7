#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { ADJUSTMENTS, backfill, COMPRESSIONS, CONVENTIONS, LAYOUTS, RATINGS_PROFILES, type BackfillOptions, type ProgressEvent } from './backfill.js';
import { BACKEND_CHOICES } from './backends/index.js';
import { featureListJson, formatFeatureList, formatSummary, splitFeatureList } from './cli/format.js';
import { runDemo } from './demo.js';
import { TaBackfillError } from './errors.js';
import { INPUT_COLUMNS, type InputColumn } from './io/types.js';
import { removeTemporaryOutputs } from './io/write.js';
import { DEFAULT_FEATURES } from './registry/request.js';

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, found "${value}".`);
  return n;
}

function collectFeatures(value: string, previous: string[] = []): string[] {
  return [...previous, ...splitFeatureList(value)];
}

function parseColumns(value: string, previous: Partial<Record<InputColumn, string>> = {}): Partial<Record<InputColumn, string>> {
  const mapped = { ...previous };
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim().toLowerCase() as InputColumn;
    const name = pair.slice(at + 1).trim();
    if (at < 0 || !INPUT_COLUMNS.includes(field) || name === '') {
      throw new InvalidArgumentError(`expected FIELD=COLUMN pairs with FIELD one of ${INPUT_COLUMNS.join(', ')}, found "${pair}".`);
    }
    mapped[field] = name;
  }
  return mapped;
}

/** Creates a progress bar on stderr, shown only when stderr is a terminal. */
function progressReporter(enabled: boolean): { onProgress?: (event: ProgressEvent) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  return {
    onProgress(event) {
      if (event.phase !== phase) {
        if (phase) bar.stop();
        phase = event.phase;
        bar.start(event.total, event.done, { phase: phase.padEnd(7) });
      } else {
        bar.update(event.done);
      }
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}

interface RunFlags {
  output: string;
  features?: string[];
  layout: BackfillOptions['layout'];
  backend: BackfillOptions['backend'];
  workers?: number;
  adjust: BackfillOptions['adjust'];
  columns?: Partial<Record<InputColumn, string>>;
  compression: BackfillOptions['compression'];
  ratingsProfile: BackfillOptions['ratingsProfile'];
  conventions: BackfillOptions['conventions'];
  memoryBudget?: number;
  progress: boolean;
  json?: boolean;
}

async function runCommand(input: string, flags: RunFlags): Promise<void> {
  const progress = progressReporter(flags.progress);
  try {
    const summary = await backfill({
      input,
      output: flags.output,
      features: flags.features,
      layout: flags.layout,
      backend: flags.backend,
      workers: flags.workers,
      adjust: flags.adjust,
      columns: flags.columns,
      compression: flags.compression,
      ratingsProfile: flags.ratingsProfile,
      conventions: flags.conventions,
      memoryBudget: flags.memoryBudget === undefined ? undefined : flags.memoryBudget * 2 ** 20,
      onProgress: progress.onProgress,
    });
    progress.stop();
    process.stderr.write(formatSummary(summary) + '\n');
    if (flags.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  } finally {
    progress.stop();
  }
}

function buildProgram(): Command {
  const program = new Command('ta-backfill')
    .description('Compute technical-indicator features for a universe of symbols, from Parquet to Parquet.')
    .showHelpAfterError('(run ta-backfill --help for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const BACKEND_HELP =
    'where kernels run: auto picks webgpu on a hardware GPU when every feature has a WGSL kernel, else wasm; webgpu also runs on a software adapter';
  program
    .command('run', { isDefault: true })
    .description('backfill features for every symbol of INPUT and write them to one Parquet file')
    .argument('<input>', 'a folder of per-symbol files (AAPL.parquet), a Hive folder (symbol=AAPL/*.parquet), or one file with a symbol column')
    .requiredOption('-o, --output <file>', 'the Parquet file to write; replaced atomically on success')
    .option('-f, --features <list>', `features such as "sma(20),macd(12,26,9).signal"; repeatable (default: ${DEFAULT_FEATURES.join(',')})`, collectFeatures)
    .addOption(new Option('--layout <layout>', 'long: one row per symbol and bar; wide: one row per timestamp, one column per symbol and feature').choices(LAYOUTS).default('long'))
    .addOption(new Option('--backend <backend>', BACKEND_HELP).choices(BACKEND_CHOICES).default('auto'))
    .option('--workers <n>', 'worker threads of the wasm backend (default: all cores)', parsePositiveInt)
    .addOption(new Option('--adjust <mode>', 'splits: divide prices before each split by its ratio (needs a split coefficient column); all: scale open, high, low by adjusted close / close').choices(ADJUSTMENTS).default('none'))
    .option('--columns <map>', `input column names, e.g. "timestamp=Date,close=Close"; fields: ${INPUT_COLUMNS.join(', ')}`, parseColumns)
    .addOption(new Option('--compression <codec>', 'Parquet compression codec').choices(COMPRESSIONS).default('zstd'))
    .addOption(new Option('--ratings-profile <profile>', 'Ichimoku rule of the moving-average rating').choices(RATINGS_PROFILES).default('screener'))
    .addOption(
      new Option('--conventions <name>', "formulas of the plain indicators: TA-Lib's or TradingView's (the ratings always use TradingView's)")
        .choices(CONVENTIONS)
        .default('talib'),
    )
    .option('--memory-budget <MiB>', 'kernel memory for one chunk of symbols of the long layout, in MiB (default: 1024)', parsePositiveInt)
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'print the run summary as JSON on stdout')
    .action(runCommand);

  program
    .command('features')
    .description('list every indicator with its parameters, defaults, valid ranges, outputs and lookback')
    .option('--json', 'print the list as JSON')
    .action((flags: { json?: boolean }) => {
      process.stdout.write(flags.json ? JSON.stringify(featureListJson(), null, 2) + '\n' : formatFeatureList() + '\n');
    });

  program
    .command('demo')
    .description('generate a synthetic universe of per-symbol Parquet files and backfill it')
    .argument('[dir]', 'the folder to create the universe and the output in', 'ta-backfill-demo')
    .option('--symbols <n>', 'symbols in the universe', parsePositiveInt, 500)
    .option('--bars <n>', 'daily bars of the longest history', parsePositiveInt, 2520)
    .option('--seed <n>', 'seed of the generator', parsePositiveInt, 1)
    .addOption(new Option('--backend <backend>', BACKEND_HELP).choices(BACKEND_CHOICES).default('auto'))
    .option('--workers <n>', 'worker threads of the wasm backend (default: all cores)', parsePositiveInt)
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (dir: string, flags: { symbols: number; bars: number; seed: number; backend: BackfillOptions['backend']; workers?: number; progress: boolean }) => {
      const progress = progressReporter(flags.progress);
      try {
        const summary = await runDemo({ dir, symbols: flags.symbols, bars: flags.bars, seed: flags.seed, backend: flags.backend, workers: flags.workers, onProgress: progress.onProgress });
        progress.stop();
        process.stderr.write(formatSummary(summary) + '\n');
      } finally {
        progress.stop();
      }
    });
  return program;
}

// An interrupted run leaves no temporary file beside the target; the target itself is only
// ever replaced by a complete file.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeTemporaryOutputs();
    process.stderr.write(`ta-backfill: interrupted by ${signal}; removed the temporary output.\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof TaBackfillError) {
    process.stderr.write(`ta-backfill: error: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`ta-backfill: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  }
}
