import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm/node';
import { backfill, type BackfillSummary, type ProgressEvent } from './backfill.js';
import type { BackendChoice } from './backends/index.js';

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

/** mulberry32: a small deterministic generator, so the demo universe is the same everywhere. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws an approximately normal value (Irwin-Hall of four uniforms), with no transcendental call. */
function normal(random: () => number): number {
  return (random() + random() + random() + random() - 2) * Math.sqrt(3);
}

const DAY_NS = 86_400_000_000_000n;
/** 2025-12-31, the last bar of every demo symbol, in days since 1970-01-01. */
const LAST_DAY = 20453;

/** Trading days (Monday to Friday) ending on LAST_DAY, oldest first, in days since the epoch. */
function tradingDays(count: number): number[] {
  const days: number[] = [];
  for (let day = LAST_DAY; days.length < count; day--) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days.reverse();
}

function tickerName(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let k = index;
  for (let i = 0; i < 4; i++) {
    name = letters[k % 26] + name;
    k = Math.floor(k / 26);
  }
  return 'X' + name.slice(1);
}

/**
 * Builds one symbol's unadjusted daily bars with the quirks of real data: a random history length,
 * splits that make unadjusted prices jump (with a split coefficient column and an adjusted
 * close), and the odd zero-volume day.
 */
function symbolTable(random: () => number, maxBars: number): arrow.Table {
  const length = random() < 0.6 ? maxBars : Math.max(120, Math.floor(maxBars * (0.05 + 0.95 * random())));
  const days = tradingDays(length);
  const drift = 0.0004 * normal(random);
  const volatility = 0.008 + 0.025 * random();
  const splitDays = new Map<number, number>();
  if (random() < 0.35) {
    const splits = 1 + Math.floor(random() * 2);
    for (let k = 0; k < splits; k++) {
      const ratios = [2, 3, 4, 1.5, 0.1];
      splitDays.set(1 + Math.floor(random() * (length - 1)), ratios[Math.floor(random() * ratios.length)]);
    }
  }

  const timestamp = new BigInt64Array(length);
  const open = new Float64Array(length);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const adjusted = new Float64Array(length);
  const volume = new BigInt64Array(length);
  const split = new Float64Array(length).fill(1);

  // Simulate the split-adjusted path, then undo the adjustment for the unadjusted columns.
  let price = 5 + 400 * random() * random();
  const baseVolume = 1e5 + 5e6 * random();
  const adjustedBars: number[][] = [];
  for (let i = 0; i < length; i++) {
    const previous = price;
    price = Math.max(0.5, previous * (1 + drift + volatility * normal(random)));
    const o = previous * (1 + 0.3 * volatility * normal(random));
    const h = Math.max(o, price) * (1 + Math.abs(0.5 * volatility * normal(random)));
    const l = Math.min(o, price) * (1 - Math.abs(0.5 * volatility * normal(random)));
    adjustedBars.push([o, h, l, price]);
  }
  let factor = 1;
  for (let i = length - 1; i >= 0; i--) {
    const [o, h, l, c] = adjustedBars[i];
    const round = (x: number) => Math.max(0.01, Math.round(x * factor * 100) / 100);
    open[i] = round(o);
    high[i] = Math.max(round(h), open[i]);
    low[i] = Math.min(round(l), open[i]);
    close[i] = Math.min(Math.max(round(c), low[i]), high[i]);
    adjusted[i] = c;
    const zeroVolume = random() < 0.002;
    volume[i] = zeroVolume ? 0n : BigInt(Math.round((baseVolume * (0.5 + random())) / factor));
    timestamp[i] = BigInt(days[i]) * DAY_NS;
    const ratio = splitDays.get(i);
    if (ratio !== undefined) {
      split[i] = ratio;
      factor *= ratio;
    }
  }

  return new arrow.Table({
    timestamp: arrow.makeVector({ type: new arrow.TimestampNanosecond(), data: timestamp } as never),
    open: arrow.makeVector(open),
    high: arrow.makeVector(high),
    low: arrow.makeVector(low),
    close: arrow.makeVector(close),
    adjusted_close: arrow.makeVector(adjusted),
    volume: arrow.makeVector(volume),
    split_coefficient: arrow.makeVector(split),
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
