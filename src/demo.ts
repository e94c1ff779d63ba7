import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm/node';
import { backfill, type BackfillSummary, type ProgressEvent } from './backfill.js';
import type { BackendChoice } from './backends/index.js';
import { drawLength, generator, simulateBars, tickerName } from './synthetic.js';

export interface DemoOptions {
  dir: string;
  symbols: number;
  /** Bars of the longest histories; newer listings have fewer. */
  bars: number;
  seed: number;
  backend?: BackendChoice;
  workers?: number;
  onProgress?: (event: ProgressEvent) => void;
}

/** Builds one symbol's demo bars as an Arrow table, with a split coefficient column and an adjusted close. */
function symbolTable(random: () => number, maxBars: number): arrow.Table {
  const bars = simulateBars(random, drawLength(random, maxBars));
  return new arrow.Table({
    timestamp: arrow.makeVector({ type: new arrow.TimestampNanosecond(), data: bars.timestamp } as never),
    open: arrow.makeVector(bars.open),
    high: arrow.makeVector(bars.high),
    low: arrow.makeVector(bars.low),
    close: arrow.makeVector(bars.close),
    adjusted_close: arrow.makeVector(bars.adjusted),
    volume: arrow.makeVector(bars.volume),
    split_coefficient: arrow.makeVector(bars.split),
  });
}

/** Writes the demo universe as per-symbol Parquet files under `dir`/universe. */
export function generateDemoUniverse(dir: string, symbols: number, bars: number, seed: number): string {
  const universeDir = join(dir, 'universe');
  // A previous demo's files would join this universe, so the folder starts empty.
  rmSync(universeDir, { recursive: true, force: true });
  mkdirSync(universeDir, { recursive: true });
  const random = generator(seed);
  const properties = new parquet.WriterPropertiesBuilder().setCompression(parquet.Compression.ZSTD).build();
  for (let k = 0; k < symbols; k++) {
    const table = symbolTable(random, bars);
    const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')), properties);
    writeFileSync(join(universeDir, `${tickerName(k)}.parquet`), bytes);
  }
  return universeDir;
}

/** Generates the demo universe and backfills it with the default features, split-adjusted. */
export async function runDemo(options: DemoOptions): Promise<BackfillSummary> {
  const dir = resolve(options.dir);
  const universeDir = generateDemoUniverse(dir, options.symbols, options.bars, options.seed);
  process.stderr.write(`ta-backfill: generated ${options.symbols} symbols in ${universeDir}\n`);
  return backfill({
    input: universeDir,
    output: join(dir, 'features.parquet'),
    adjust: 'splits',
    backend: options.backend,
    workers: options.workers,
    onProgress: options.onProgress,
  });
}
