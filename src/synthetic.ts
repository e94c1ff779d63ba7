/**
 * Synthetic daily bars with the quirks of real data (splits that make unadjusted prices jump,
 * the odd zero-volume day), from a small deterministic generator, so the same seed gives the
 * same universe on every machine. Used by the demo and by the benchmarks; it needs no Parquet
 * or Arrow module.
 */

/** mulberry32: a small deterministic generator, so the demo universe is the same everywhere. */
export function generator(seed: number): () => number {
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

export function tickerName(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let k = index;
  for (let i = 0; i < 4; i++) {
    name = letters[k % 26] + name;
    k = Math.floor(k / 26);
  }
  return 'X' + name.slice(1);
}

/** One symbol's unadjusted daily bars, oldest first, ending on 2025-12-31. */
export interface SyntheticBars {
  /** Nanoseconds since the epoch. */
  timestamp: BigInt64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  /** The split-adjusted close of the simulated path. */
  adjusted: Float64Array;
  volume: BigInt64Array;
  /** The split ratio taking effect on each bar, else 1. */
  split: Float64Array;
}

/** Draws a history length for a symbol: most have `maxBars`, newer listings fewer. */
export function drawLength(random: () => number, maxBars: number): number {
  return random() < 0.6 ? maxBars : Math.max(120, Math.floor(maxBars * (0.05 + 0.95 * random())));
}

/**
 * Simulates `length` bars of one symbol: a random walk with drift and its own volatility, and
 * splits on up to two random days, after which the unadjusted prices jump.
 */
export function simulateBars(random: () => number, length: number): SyntheticBars {
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
  return { timestamp, open, high, low, close, adjusted, volume, split };
}
