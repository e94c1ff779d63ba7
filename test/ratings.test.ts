import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { describe, expect, it } from 'vitest';
import { spec as recEma } from '../src/indicators/rec_ema.js';
import { spec as recHma } from '../src/indicators/rec_hma.js';
import { spec as recIchimoku } from '../src/indicators/rec_ichimoku.js';
import { spec as recSma } from '../src/indicators/rec_sma.js';
import { spec as recVwma } from '../src/indicators/rec_vwma.js';
import { spec as recommendMa } from '../src/indicators/recommend_ma.js';
import type { Field } from '../src/io/types.js';
import { donchianSeries } from '../src/reference/lib.js';
import { ichimokuLines } from '../src/reference/ratings.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { runReference, runWasmDirect } from './helpers/direct.js';
import { countBitDifferences, requireSp500 } from './helpers/universe.js';

type Profile = 0 | 1;
type Bars = Record<Field, Float64Array>;

const SCREENER: Profile = 0;
const PINE_V3: Profile = 1;
const PROFILES: readonly Profile[] = [SCREENER, PINE_V3];
const MA_LENGTHS = [10, 20, 30, 50, 100, 200];

/** Bars whose high, low and open equal the close, so Ichimoku windows see the closes alone. */
function barsFromCloses(closes: readonly number[], volume: number | readonly number[] = 1000): Bars {
  const close = Float64Array.from(closes);
  const volumes = typeof volume === 'number' ? new Float64Array(close.length).fill(volume) : Float64Array.from(volume);
  return { open: close, high: close, low: close, close, volume: volumes };
}

/** Reflects the bars about `pivot` (p -> 2 * pivot - p), which turns every buy into a sell. */
function mirror(bars: Bars, pivot: number): Bars {
  const reflect = (values: Float64Array) => values.map((v) => 2 * pivot - v);
  return { open: reflect(bars.open), high: reflect(bars.low), low: reflect(bars.high), close: reflect(bars.close), volume: bars.volume };
}

function inputsFor(spec: IndicatorSpec, bars: Bars): Float64Array[] {
  return [...spec.inputs, ...(spec.optionalInputs ?? [])].map((field) => bars[field]);
}

function differenceMessage(a: Float64Array, b: Float64Array): string {
  const { count, first } = countBitDifferences(a, b);
  return count === 0 ? '' : `${count} values differ, first at bar ${first}: reference ${a[first]}, wasm ${b[first]}`;
}

/** Runs the reference and wasm kernels, checks their bits agree, and returns the reference output. */
function compute(spec: IndicatorSpec, params: readonly number[], bars: Bars, profile: Profile = SCREENER): Float64Array {
  const inputs = inputsFor(spec, bars);
  const [[reference]] = runReference(spec, params, [inputs], profile);
  const [[wasm]] = runWasmDirect(spec, params, [inputs], profile);
  expect(differenceMessage(reference, wasm), `${spec.id}(${params.join(',')}) profile ${profile}`).toBe('');
  return reference;
}

function firstDefined(values: Float64Array): number {
  return values.findIndex((v) => !Number.isNaN(v));
}

/** Indices in [from, to) whose value is not `expected` (NaN matches NaN). */
function mismatches(values: Float64Array, expected: number, from: number, to = values.length): number[] {
  const bad: number[] = [];
  for (let i = from; i < to; i++) if (!Object.is(values[i], expected)) bad.push(i);
  return bad;
}

// close = 1000 + i^2: rising and convex. Every SMA, EMA and VWMA lags below the close. HMA has
// no lag on a straight line but sits 7.89 below a unit parabola (its filter's second moment is
// -71/9), so the close is above every average.
const RISING = barsFromCloses(Array.from({ length: 300 }, (_, i) => 1000 + i * i));
const FALLING = mirror(RISING, 50_000);
const RISING_NO_VOLUME: Bars = { ...RISING, volume: new Float64Array(300).fill(NaN) };
const FALLING_NO_VOLUME: Bars = { ...FALLING, volume: RISING_NO_VOLUME.volume };

/**
 * Counts the members of recommend_ma defined at bar i on a series without gaps: SMA and EMA
 * from bar n - 1, HMA(9) from 10, VWMA(20) from 19 when there is volume, Ichimoku from 51.
 */
function membersAt(i: number, withVolume: boolean): { maVotes: number; ichimoku: boolean } {
  let maVotes = 0;
  for (const n of MA_LENGTHS) if (i >= n - 1) maVotes += 2;
  if (i >= 10) maVotes++;
  if (withVolume && i >= 19) maVotes++;
  return { maVotes, ichimoku: i >= 51 };
}

/**
 * Builds the expected recommend_ma of a monotone convex series, where every MA vote is `sign`.
 * Ichimoku votes 0 under the screener: on a rising series close > base blocks the buy and
 * lead1 > lead2 blocks the sell, and a falling series is the mirror. Under pine_v3 it votes
 * `sign` from bar 77, where lead2[26] is first defined.
 */
function expectedMonotone(length: number, sign: 1 | -1, withVolume: boolean, profile: Profile): Float64Array {
  const expected = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const { maVotes, ichimoku } = membersAt(i, withVolume);
    const count = maVotes + (ichimoku ? 1 : 0);
    const ichimokuVote = profile === PINE_V3 && i >= 77 ? sign : 0;
    expected[i] = count === 0 ? NaN : (sign * maVotes + (ichimoku ? ichimokuVote : 0)) / count;
  }
  return expected;
}

describe('recommend_ma on hand-built series', () => {
  it('rising series, screener', () => {
    const out = compute(recommendMa, [], RISING, SCREENER);
    expect(firstDefined(out)).toBe(9);
    expect(out[9]).toBe(1);
    expect(out[51]).toBe(10 / 11);
    expect(out[199]).toBe(14 / 15);
    expect(out[299]).toBe(14 / 15);
    expect(mismatches(out, NaN, 0, 9)).toEqual([]);
    expect(Array.from(out)).toEqual(Array.from(expectedMonotone(300, 1, true, SCREENER)));
  });

  it('rising series, pine_v3', () => {
    const out = compute(recommendMa, [], RISING, PINE_V3);
    expect(firstDefined(out)).toBe(9);
    expect(out[76]).toBe(10 / 11);
    expect(out[77]).toBe(1);
    expect(out[299]).toBe(1);
    expect(Array.from(out)).toEqual(Array.from(expectedMonotone(300, 1, true, PINE_V3)));
  });

  it('falling series, both profiles', () => {
    const screener = compute(recommendMa, [], FALLING, SCREENER);
    expect(screener[299]).toBe(-14 / 15);
    expect(Array.from(screener)).toEqual(Array.from(expectedMonotone(300, -1, true, SCREENER)));
    const pine = compute(recommendMa, [], FALLING, PINE_V3);
    expect(pine[299]).toBe(-1);
    expect(Array.from(pine)).toEqual(Array.from(expectedMonotone(300, -1, true, PINE_V3)));
  });

  it('no volume leaves 14 members', () => {
    const screener = compute(recommendMa, [], RISING_NO_VOLUME, SCREENER);
    expect(screener[299]).toBe(13 / 14);
    expect(Array.from(screener)).toEqual(Array.from(expectedMonotone(300, 1, false, SCREENER)));
    const pine = compute(recommendMa, [], RISING_NO_VOLUME, PINE_V3);
    expect(pine[299]).toBe(1);
    const falling = compute(recommendMa, [], FALLING_NO_VOLUME, SCREENER);
    expect(falling[299]).toBe(-13 / 14);
    expect(Array.from(falling)).toEqual(Array.from(expectedMonotone(300, -1, false, SCREENER)));
  });

  it('missing volume drops VWMA vote', () => {
    const volume = new Float64Array(300).fill(1000);
    volume[250] = NaN;
    const bars: Bars = { ...RISING, volume };
    const out = compute(recommendMa, [], bars, SCREENER);
    expect(out[249]).toBe(14 / 15);
    expect(out[250]).toBe(13 / 14);
    expect(out[251]).toBe(14 / 15);
  });

  it('constant series votes 0', () => {
    const flat = barsFromCloses(new Array(300).fill(100));
    for (const profile of PROFILES) {
      const out = compute(recommendMa, [], flat, profile);
      expect(firstDefined(out)).toBe(9);
      expect(mismatches(out, 0, 9)).toEqual([]);
    }
  });

  it('short series stays null', () => {
    const out = compute(recommendMa, [], barsFromCloses([1, 2, 3, 4, 5, 6, 7, 8, 9]), SCREENER);
    expect(mismatches(out, NaN, 0)).toEqual([]);
  });
});

describe('moving-average votes', () => {
  const cases: [IndicatorSpec, number[]][] = [
    ...MA_LENGTHS.map((n): [IndicatorSpec, number[]] => [recSma, [n]]),
    ...MA_LENGTHS.map((n): [IndicatorSpec, number[]] => [recEma, [n]]),
    [recHma, [9]],
    [recHma, [16]],
    [recVwma, [20]],
    [recVwma, [3]],
  ];

  it('trends vote from the lookback', () => {
    for (const [spec, params] of cases) {
      const label = `${spec.id}(${params.join(',')})`;
      const lookback = spec.lookback(params);
      const rising = compute(spec, params, RISING);
      expect(firstDefined(rising), label).toBe(lookback);
      expect(mismatches(rising, 1, lookback), label).toEqual([]);
      const falling = compute(spec, params, FALLING);
      expect(firstDefined(falling), label).toBe(lookback);
      expect(mismatches(falling, -1, lookback), label).toEqual([]);
    }
  });

  it('hma(2) leads a trend', () => {
    // hma(x, 2) = 2x - wma(x, 2) = (4x - x[1]) / 3, above a rising close and below a falling one.
    const rising = compute(recHma, [2], RISING);
    expect(firstDefined(rising)).toBe(1);
    expect(mismatches(rising, -1, 1)).toEqual([]);
    expect(mismatches(compute(recHma, [2], FALLING), 1, 1)).toEqual([]);
  });

  it('lookbacks of the rating members', () => {
    expect(recSma.lookback([10])).toBe(9);
    expect(recEma.lookback([200])).toBe(199);
    expect(recHma.lookback([9])).toBe(10);
    expect(recHma.lookback([2])).toBe(1);
    expect(recVwma.lookback([20])).toBe(19);
    expect(recIchimoku.lookback([])).toBe(51);
    expect(recommendMa.lookback([])).toBe(9);
  });

  it('constant series votes 0', () => {
    const flat = barsFromCloses(new Array(250).fill(100));
    for (const [spec, params] of cases) {
      const out = compute(spec, params, flat);
      const label = `${spec.id}(${params.join(',')})`;
      expect(mismatches(out, NaN, 0, spec.lookback(params)), label).toEqual([]);
      expect(mismatches(out, 0, spec.lookback(params)), label).toEqual([]);
    }
  });

  // Integer prices keep every sum exact, so the averages equal the flat close once their
  // windows hold only flat bars.
  const RAMP_THEN_FLAT = barsFromCloses(Array.from({ length: 450 }, (_, i) => (i < 50 ? 101 + i : 150)));
  const FLAT_START = 49;

  it('sma ties exactly on a flat stretch', () => {
    for (const n of MA_LENGTHS) {
      const out = compute(recSma, [n], RAMP_THEN_FLAT);
      expect(mismatches(out, 1, n - 1, FLAT_START + n - 1), `n = ${n}`).toEqual([]);
      expect(mismatches(out, 0, FLAT_START + n - 1), `n = ${n}`).toEqual([]);
    }
  });

  it('hma overshoots then ties on a flat stretch', () => {
    const out = compute(recHma, [9], RAMP_THEN_FLAT);
    // At FLAT_START + 9 the oldest tap of the HMA filter (weight -1/270) still weights the
    // ramp's last close, 149, so the average is 150 + 1/270 and the close is below it.
    expect(out[FLAT_START + 9]).toBe(-1);
    expect(mismatches(out, 0, FLAT_START + 10)).toEqual([]);
  });

  it('vwma ties exactly on a flat stretch', () => {
    const out = compute(recVwma, [20], RAMP_THEN_FLAT);
    expect(out[FLAT_START + 18]).toBe(1);
    expect(mismatches(out, 0, FLAT_START + 19)).toEqual([]);
  });

  it('vote has no tolerance', () => {
    // close - sma is about 8e-13, inside Pine's 1e-10 tolerance, yet the vote is +1.
    const closes = [...new Array(9).fill(100), 100 + 2 ** -40];
    expect(compute(recSma, [10], barsFromCloses(closes))[9]).toBe(1);
  });

  it('vwma is null on zero volume', () => {
    const volume = Array.from({ length: 60 }, (_, i) => (i < 25 ? 0 : 500));
    const out = compute(recVwma, [20], barsFromCloses(Array.from({ length: 60 }, (_, i) => 10 + i), volume));
    expect(mismatches(out, NaN, 0, 25)).toEqual([]);
    // Bar 25 is the only traded bar of its window, so the VWMA is its own close.
    expect(out[25]).toBe(0);
    expect(mismatches(out, 1, 26)).toEqual([]);
  });

  it('vwma skips bars without volume', () => {
    const volume = new Array(40).fill(1000);
    volume[30] = NaN;
    const out = compute(recVwma, [20], barsFromCloses(Array.from({ length: 40 }, (_, i) => 10 + i), volume));
    expect(Number.isNaN(out[30])).toBe(true);
    expect(mismatches(out, 1, 19, 30)).toEqual([]);
    expect(mismatches(out, 1, 31)).toEqual([]);
  });
});

/**
 * Builds a screener buy at bar 60: closes rise 100, 102, ..., 200 over bars 0..50, dip to
 * 150 over 51..59, and bar 60 closes at `last`. At bar 60: base = (200 + 150) / 2 = 175,
 * lead2 = (200 + 118) / 2 = 159, conv = (last + 150) / 2, lead1 = (conv + 175) / 2. For
 * last = 170: conv = 160, lead1 = 167.5, so lead1 > lead2, close > lead1, close < base,
 * close[1] = 150 < conv and close > conv.
 */
function screenerSetup(last: number): Bars {
  const closes: number[] = [];
  for (let i = 0; i <= 50; i++) closes.push(100 + 2 * i);
  for (let i = 51; i <= 59; i++) closes.push(150);
  closes.push(last);
  return barsFromCloses(closes);
}

/**
 * A pine_v3 buy at bar 134: flat at 100 to bar 99, then close = i + 1. On bars 100..107 the
 * conv, base and lead2 windows share the low of 100 and the same high, so the lines are equal.
 * lead1 first exceeds lead2 at bar 108, where conv is 105 and base and lead2 are 104.5. Hence
 * l1 > l2 first holds at bar 134, where base 122.5 > l1 104.75, conv 131 > base and
 * close 135 > conv.
 */
const PINE_SETUP = barsFromCloses(Array.from({ length: 160 }, (_, i) => (i < 100 ? 100 : i + 1)));

describe('rec_ichimoku', () => {
  it('screener buy fires at bar 60', () => {
    const out = compute(recIchimoku, [], screenerSetup(170), SCREENER);
    expect(firstDefined(out)).toBe(51);
    expect(Array.from(out.subarray(50))).toEqual([NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('screener sell fires on the mirror', () => {
    const out = compute(recIchimoku, [], mirror(screenerSetup(170), 200), SCREENER);
    expect(Array.from(out.subarray(50))).toEqual([NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1]);
  });

  it('screener sell tests close against lead2', () => {
    // Mirrored at last = 162: close 238 lies between lead1 234.5 and lead2 241, above base 225
    // and below conv 244, after close[1] 250. Sell needs close < lead2 only, so it fires.
    expect(compute(recIchimoku, [], mirror(screenerSetup(162), 200), SCREENER)[60]).toBe(-1);
    // Unmirrored, close 162 is below lead1 165.5, so the buy does not fire.
    expect(compute(recIchimoku, [], screenerSetup(162), SCREENER)[60]).toBe(0);
  });

  it('screener compares with 1e-10 tolerance', () => {
    // close < base with base = 175: a 5e-11 gap is equality under Pine's tolerance.
    expect(compute(recIchimoku, [], screenerSetup(175 - 5e-11), SCREENER)[60]).toBe(0);
    expect(compute(recIchimoku, [], screenerSetup(175 - 1e-9), SCREENER)[60]).toBe(1);
  });

  it('pine_v3 votes 0 while lead2[26] is undefined', () => {
    const out = compute(recIchimoku, [], screenerSetup(170), PINE_V3);
    expect(firstDefined(out)).toBe(51);
    expect(mismatches(out, 0, 51)).toEqual([]);
  });

  it('pine_v3 buy fires at bar 134', () => {
    const out = compute(recIchimoku, [], PINE_SETUP, PINE_V3);
    expect(firstDefined(out)).toBe(51);
    expect(mismatches(out, 0, 51, 134)).toEqual([]);
    expect(mismatches(out, 1, 134)).toEqual([]);
  });

  it('pine_v3 sell fires on the mirror', () => {
    const out = compute(recIchimoku, [], mirror(PINE_SETUP, 200), PINE_V3);
    expect(mismatches(out, 0, 51, 134)).toEqual([]);
    expect(mismatches(out, -1, 134)).toEqual([]);
  });

  it('steady trends under each profile', () => {
    const screener = compute(recIchimoku, [], RISING, SCREENER);
    expect(mismatches(screener, 0, 51)).toEqual([]);
    const pine = compute(recIchimoku, [], RISING, PINE_V3);
    expect(mismatches(pine, 0, 51, 77)).toEqual([]);
    expect(mismatches(pine, 1, 77)).toEqual([]);
    const pineFalling = compute(recIchimoku, [], FALLING, PINE_V3);
    expect(mismatches(pineFalling, -1, 77)).toEqual([]);
  });
});

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates a random walk in cents with flat stretches (exact ties), zero-volume stretches, and bars
 * without volume, so every branch of the votes runs.
 */
function randomWalk(length: number, seed: number, volumeKind: 'full' | 'gaps' | 'none'): Bars {
  const next = random(seed);
  const close = new Float64Array(length);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const volume = new Float64Array(length);
  let price = 50 + 100 * next();
  for (let i = 0; i < length; i++) {
    const flat = i % 97 >= 80;
    if (!flat) price = Math.max(1, price * (1 + 0.03 * (next() - 0.5)));
    const c = Math.round(price * 100) / 100;
    close[i] = c;
    high[i] = flat ? c : Math.round(c * (1 + 0.01 * next()) * 100) / 100;
    low[i] = flat ? c : Math.round(c * (1 - 0.01 * next()) * 100) / 100;
    volume[i] = i % 151 >= 120 ? 0 : Math.round(1e6 * next());
    if (volumeKind === 'none' || (volumeKind === 'gaps' && next() < 0.05)) volume[i] = NaN;
  }
  return { open: close, high, low, close, volume };
}

function assertSameBits(spec: IndicatorSpec, params: readonly number[], series: Bars[], profile: Profile, label: string): void {
  const inputs = series.map((bars) => inputsFor(spec, bars));
  const reference = runReference(spec, params, inputs, profile);
  const wasm = runWasmDirect(spec, params, inputs, profile);
  series.forEach((_, s) => {
    const message = differenceMessage(reference[s][0], wasm[s][0]);
    expect(message, `${spec.id}(${params.join(',')}) profile ${profile}, ${label} series ${s}`).toBe('');
  });
}

const RATING_MEMBERS: [IndicatorSpec, number[]][] = [
  ...MA_LENGTHS.flatMap((n): [IndicatorSpec, number[]][] => [
    [recSma, [n]],
    [recEma, [n]],
  ]),
  [recIchimoku, []],
  [recVwma, [20]],
  [recHma, [9]],
];

describe('reference and wasm agree bit for bit', () => {
  it('random walks', () => {
    // Long and short series in one batch, so each series reuses scratch sized for the longest.
    const lengths = [600, 0, 1, 9, 10, 51, 52, 77, 78, 250, 1200];
    const kinds = ['full', 'gaps', 'none'] as const;
    const series = lengths.map((length, k) => randomWalk(length, 7 + k, kinds[k % 3]));
    const extra: [IndicatorSpec, number[]][] = [
      [recHma, [2]],
      [recHma, [16]],
      [recVwma, [3]],
    ];
    for (const profile of PROFILES) {
      for (const [spec, params] of [[recommendMa, []] as [IndicatorSpec, number[]], ...RATING_MEMBERS, ...extra]) {
        assertSameBits(spec, params, series, profile, 'random walk');
      }
    }
  });

  it('series with missing prices', () => {
    const bars = randomWalk(400, 99, 'gaps');
    for (const i of [3, 60, 61, 200, 399]) {
      bars.close[i] = NaN;
      bars.high[i] = NaN;
      bars.low[i] = NaN;
    }
    for (const profile of PROFILES) {
      for (const [spec, params] of [[recommendMa, []] as [IndicatorSpec, number[]], ...RATING_MEMBERS]) {
        assertSameBits(spec, params, [bars], profile, 'gaps');
      }
    }
  });
});

const REAL_SYMBOLS = ['AAPL', 'JPM', 'XOM', 'MSFT', 'GE', 'KO', 'TSLA'];

/** Reads one symbol's daily bars; nulls become NaN. */
function loadSymbol(dir: string, symbol: string): Bars {
  const table = tableFromIPC(readParquet(readFileSync(join(dir, `${symbol}.parquet`))).intoIPCStream());
  const read = (name: string): Float64Array => {
    const column = table.getChild(name);
    if (!column) throw new Error(`${symbol}.parquet has no "${name}" column`);
    const values = new Float64Array(table.numRows);
    for (let i = 0; i < table.numRows; i++) {
      const v = column.get(i);
      values[i] = v === null ? NaN : Number(v);
    }
    return values;
  };
  return { open: read('open'), high: read('high'), low: read('low'), close: read('close'), volume: read('volume') };
}

describe('real S&P 500 symbols', () => {
  const dir = requireSp500();
  const symbols = REAL_SYMBOLS.map((symbol) => loadSymbol(dir, symbol));

  it('reference and wasm agree bit for bit', () => {
    for (const profile of PROFILES) {
      for (const [spec, params] of [[recommendMa, []] as [IndicatorSpec, number[]], ...RATING_MEMBERS]) {
        assertSameBits(spec, params, symbols, profile, REAL_SYMBOLS.join(' '));
      }
    }
  });

  it('recommend_ma is the mean of the rec_ votes', () => {
    for (const profile of PROFILES) {
      symbols.forEach((bars, s) => {
        const label = `${REAL_SYMBOLS[s]} profile ${profile}`;
        const rating = runReference(recommendMa, [], [inputsFor(recommendMa, bars)], profile)[0][0];
        const votes = RATING_MEMBERS.map(([spec, params]) => runReference(spec, params, [inputsFor(spec, bars)], profile)[0][0]);
        const mean = new Float64Array(rating.length);
        for (let i = 0; i < rating.length; i++) {
          let sum = 0;
          let count = 0;
          for (const vote of votes) {
            if (Number.isNaN(vote[i])) continue;
            sum += vote[i];
            count++;
          }
          mean[i] = count === 0 ? NaN : sum / count;
        }
        expect(differenceMessage(rating, mean), label).toBe('');
        expect(firstDefined(rating), label).toBe(9);

        // Once all 15 members vote, the rating is a multiple of 1/15 within [-1, 1].
        const offGrid = [];
        for (let i = 199; i < rating.length; i++) {
          const k = rating[i] * 15;
          if (Math.abs(k - Math.round(k)) > 1e-9 || Math.abs(rating[i]) > 1) offGrid.push(i);
        }
        expect(offGrid, label).toEqual([]);
      });
    }
  });
});

describe('ichimoku lines of the rating', () => {
  it('doubling matches donchianSeries', () => {
    // Prices rounded to cents, so windows hold ties, with missing highs and lows apart and together.
    for (const seed of [5, 6, 7]) {
      const bars = randomWalk(900, seed, 'full');
      const next = random(seed + 100);
      for (let i = 0; i < 900; i++) {
        const u = next();
        if (u < 0.03) bars.high[i] = NaN;
        else if (u < 0.06) bars.low[i] = NaN;
        else if (u < 0.08) bars.high[i] = bars.low[i] = NaN;
      }
      for (let i = 300; i < 360; i++) bars.high[i] = NaN;
      const lines = [new Float64Array(900), new Float64Array(900), new Float64Array(900)];
      ichimokuLines(bars.high, bars.low, lines[0], lines[1], lines[2]);
      [9, 26, 52].forEach((n, k) => {
        const expected = new Float64Array(900);
        donchianSeries(bars.high, bars.low, expected, n, new Float64Array(900));
        expect(differenceMessage(expected, lines[k]), `seed ${seed}, ${n} bars`).toBe('');
      });
    }
  });
});
