import { beforeAll, describe, expect, it } from 'vitest';
import { readUniverse } from '../src/io/read.js';
import type { Field, Universe } from '../src/io/types.js';
import { emaSeries } from '../src/reference/lib.js';
import { ratingBand } from '../src/reference/ratings-other.js';
import { getIndicator } from '../src/registry/index.js';
import type { IndicatorSpec } from '../src/registry/types.js';
import { runReference, runWasmDirect } from './helpers/direct.js';
import { SP500_DIR, countBitDifferences } from './helpers/universe.js';

type Bars = Record<'high' | 'low' | 'close' | 'volume', Float64Array>;

const VOTE_IDS = ['rec_rsi', 'rec_stoch', 'rec_cci', 'rec_adx', 'rec_ao', 'rec_mom', 'rec_macd', 'rec_stochrsi', 'rec_wr', 'rec_bbpower', 'rec_uo'];
const ALL_IDS = [...VOTE_IDS, 'recommend_other', 'recommend_all', 'recommend_label'];
const SYMBOLS = ['AAPL', 'MSFT', 'JPM', 'XOM', 'KO'];

/** Bars with high = close + spread and low = close - spread. */
function bars(closes: readonly number[], spread = 0, volume = 1000): Bars {
  const close = Float64Array.from(closes);
  return {
    high: close.map((c) => c + spread),
    low: close.map((c) => c - spread),
    close,
    volume: new Float64Array(close.length).fill(volume),
  };
}

/** Reflects prices about `pivot` (p -> 2 * pivot - p, high and low swapped), which turns each buy rule into its sell rule. */
function mirror(series: Bars, pivot: number): Bars {
  const reflect = (values: Float64Array) => values.map((v) => 2 * pivot - v);
  return { high: reflect(series.low), low: reflect(series.high), close: reflect(series.close), volume: series.volume };
}

function inputsFor(spec: IndicatorSpec, series: Bars): Float64Array[] {
  return [...spec.inputs, ...(spec.optionalInputs ?? [])].map((field) => series[field as keyof Bars]);
}

function differenceMessage(a: Float64Array, b: Float64Array): string {
  const { count, first } = countBitDifferences(a, b);
  return count === 0 ? '' : `${count} values differ, first at bar ${first}: reference ${a[first]}, wasm ${b[first]}`;
}

/** Runs the reference and wasm kernels of `id`, checks that their bits agree, and returns the reference output. */
function compute(id: string, series: Bars, params: readonly number[] = []): Float64Array {
  const spec = getIndicator(id);
  const inputs = inputsFor(spec, series);
  const [[reference]] = runReference(spec, params, [inputs]);
  const [[wasm]] = runWasmDirect(spec, params, [inputs]);
  expect(differenceMessage(reference, wasm), id).toBe('');
  return reference;
}

function firstDefined(values: Float64Array): number {
  return values.findIndex((v) => !Number.isNaN(v));
}

/** Values at bars [from, to) as a plain array, NaN as null, for readable failures. */
function slice(values: Float64Array, from: number, to = values.length): (number | null)[] {
  return Array.from(values.subarray(from, to), (v) => (Number.isNaN(v) ? null : v));
}

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

describe('oscillator votes', () => {
  it('rsi buys low and rising', () => {
    // 15 falling bars give rsi 0 at bars 14 and 15; the rise at bar 16 gives rsi 100 * 0.5 / 13.5.
    const closes = [...range(16, (i) => 100 - i), 85.5];
    const up = compute('rec_rsi', bars(closes));
    const down = compute('rec_rsi', mirror(bars(closes), 100));
    expect(firstDefined(up)).toBe(15);
    expect(slice(up, 15)).toEqual([0, 1]);
    expect(slice(down, 15)).toEqual([0, -1]);
  });

  it('rsi undefined on flat closes', () => {
    // Both averages are 0, so rsi and its vote stay undefined.
    const votes = compute('rec_rsi', bars(range(40, () => 50)));
    expect(firstDefined(votes)).toBe(-1);
  });

  it('stoch buys low with K above D', () => {
    // A steady fall keeps the raw stochastic at 100 * 0.5 / 14, so K = D; the rise of 2 at bar 25
    // lifts raw to 100 * 2.5 / 14.5, K to about 8.3 and D to about 5.1.
    const closes = [...range(25, (i) => 100 - i), 78];
    const up = compute('rec_stoch', bars(closes, 0.5));
    const down = compute('rec_stoch', mirror(bars(closes, 0.5), 100));
    expect(firstDefined(up)).toBe(18);
    expect(slice(up, 18)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(slice(down, 18)).toEqual([0, 0, 0, 0, 0, 0, 0, -1]);
  });

  it('cci buys below -100 and rising', () => {
    // A fall of 1 per bar gives cci = -9.5 / (0.015 * 5) = -126.7 at every bar; the unchanged
    // close at bar 30 gives -8.55 / (0.015 * 4.95) = -115.2.
    const closes = [...range(30, (i) => 100 - i), 71];
    const up = compute('rec_cci', bars(closes));
    const down = compute('rec_cci', mirror(bars(closes), 100));
    expect(firstDefined(up)).toBe(20);
    expect(slice(up, 28)).toEqual([0, 0, 1]);
    expect(slice(down, 28)).toEqual([0, 0, -1]);
  });

  it('cci undefined on a flat window', () => {
    // cci is undefined up to bar 29 (20 equal closes), then 666.7 at bar 30 and 456.8 at bar 31:
    // above 100 and falling.
    const votes = compute('rec_cci', bars([...range(30, () => 50), 51, 52]));
    expect(slice(votes, 29)).toEqual([null, null, -1]);
  });

  it('adx needs a rising adx', () => {
    // A steady rise gives +DM 1, -DM 0 and TR 1.5 at every bar, so adx is exactly 100, not rising.
    const steady = compute('rec_adx', bars(range(40, (i) => 100 + i), 0.5));
    expect(firstDefined(steady)).toBe(27);
    expect(slice(steady, 38)).toEqual([0, 0]);
  });

  it('adx follows the trend after chop', () => {
    // Alternating closes keep adx low; 40 rising bars then raise it past 20 with +DI > -DI.
    const chop = range(30, (i) => 100 + (i % 2));
    const closes = [...chop, ...range(40, (i) => 101 + i)];
    const up = compute('rec_adx', bars(closes, 0.5));
    const down = compute('rec_adx', mirror(bars(closes, 0.5), 100));
    expect(up[69]).toBe(1);
    expect(down[69]).toBe(-1);
  });

  it('ao cross is exact', () => {
    // ao is exactly 0 on flat bars; a step of 64 ulps of 100 makes it about 1.5e-13 > 0 at bar
    // 40, a cross for the exact compare. At bar 41 ao > 0 fails the tolerant compare, so 0.
    const step = 100 + 64 * 2 ** -46;
    const closes = [...range(40, () => 100), step, step];
    const up = compute('rec_ao', bars(closes));
    const down = compute('rec_ao', mirror(bars(closes), 200));
    expect(firstDefined(up)).toBe(34);
    expect(slice(up, 39)).toEqual([0, 1, 0]);
    expect(slice(down, 39)).toEqual([0, -1, 0]);
  });

  it('ao buys a rise after a dip', () => {
    // Above zero: ao falls at bar 40 (a dip in hl2) and rises at bar 41, so ao[2] > ao[1] < ao.
    const closes = [...range(40, (i) => 100 + i), 138, 145];
    const up = compute('rec_ao', bars(closes));
    const down = compute('rec_ao', mirror(bars(closes), 100));
    expect(slice(up, 39)).toEqual([0, 0, 1]);
    expect(slice(down, 39)).toEqual([0, 0, -1]);
  });

  it('mom follows its change', () => {
    // close = i^2 gives mom = 20i - 100, rising.
    const up = compute('rec_mom', bars(range(14, (i) => i * i)));
    const flat = compute('rec_mom', bars(range(14, () => 7)));
    expect(slice(up, 10)).toEqual([null, 1, 1, 1]);
    expect(slice(flat, 10)).toEqual([null, 0, 0, 0]);
  });

  it('mom votes 0 with an undefined close', () => {
    // mom is undefined at bar 12, but its guard mom[1] is defined: the compares are false.
    const closes = range(14, (i) => i * i);
    closes[12] = NaN;
    const votes = compute('rec_mom', bars(closes));
    expect(slice(votes, 11)).toEqual([1, 0, null]);
  });

  it('macd ties on a straight line', () => {
    // Seeded with the sma, ema(n) of a straight line lags it by (n - 1) / 2, so macd is 7 at every
    // bar, the signal too, and the compares see a tie.
    const line = compute('rec_macd', bars(range(40, (i) => 100 + i)));
    const convex = compute('rec_macd', bars(range(40, (i) => 100 + i * i)));
    expect(firstDefined(line)).toBe(33);
    expect(slice(line, 33).every((v) => v === 0)).toBe(true);
    expect(slice(convex, 33).every((v) => v === 1)).toBe(true);
  });

  it('stochrsi votes 0 with undefined K', () => {
    // A steady fall keeps rsi at 0, so its stochastic has a zero range and K is undefined, while
    // the guard ema(close, 50) is defined from bar 49.
    const votes = compute('rec_stochrsi', bars(range(60, (i) => 200 - i)));
    expect(firstDefined(votes)).toBe(49);
    expect(slice(votes, 49).every((v) => v === 0)).toBe(true);
  });

  it('wr buys below -80 and rising', () => {
    // A fall of 1 per bar gives wr = -1350 / 14; the unchanged close at bar 20 gives -1250 / 13.
    const closes = [...range(20, (i) => 100 - i), 81];
    const up = compute('rec_wr', bars(closes, 0.5));
    const down = compute('rec_wr', mirror(bars(closes, 0.5), 100));
    expect(firstDefined(up)).toBe(14);
    expect(slice(up, 18)).toEqual([0, 0, 1]);
    expect(slice(down, 18)).toEqual([0, 0, -1]);
  });

  it('bbpower buys a rising bear in an uptrend', () => {
    // ema(close, 13) lags a rise of 1 per bar by 6, so bear = -4 at every bar; the higher low at
    // bar 59 lifts it to -3. The close is above ema(close, 50), an uptrend.
    const up = bars(range(60, (i) => 100 + i));
    up.low = up.close.map((c, i) => c - (i === 59 ? 9 : 10));
    const down = mirror(up, 100);
    const buy = compute('rec_bbpower', up);
    const sell = compute('rec_bbpower', down);
    expect(firstDefined(buy)).toBe(49);
    expect(slice(buy, 57)).toEqual([0, 0, 1]);
    expect(slice(sell, 57)).toEqual([0, 0, -1]);
  });

  it('uo buys above 70', () => {
    // Rising bars with high = low = close: buying pressure equals the true range, so uo = 100.
    const up = compute('rec_uo', bars(range(32, (i) => 100 + i)));
    const down = compute('rec_uo', bars(range(32, (i) => 100 - i)));
    const flat = compute('rec_uo', bars(range(32, () => 100)));
    expect(slice(up, 27)).toEqual([null, 1, 1, 1, 1]);
    expect(slice(down, 27)).toEqual([null, -1, -1, -1, -1]);
    expect(firstDefined(flat)).toBe(-1);
  });
});

describe('rating bands', () => {
  const cases: [number, number][] = [
    [-1, -2],
    [-0.5000001, -2],
    [-0.5, -1],
    [-0.1000001, -1],
    [-0.1, 0],
    [0, 0],
    [0.1, 0],
    [0.1000001, 1],
    [0.5, 1],
    [0.5000001, 2],
    [1, 2],
  ];
  for (const [rating, band] of cases) {
    it(`band of ${rating}`, () => {
      expect(ratingBand(rating)).toBe(band);
    });
  }

  it('band of null', () => {
    expect(ratingBand(NaN)).toBeNaN();
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

/** A random walk in cents with flat stretches (exact ties and zero ranges) and, when `gaps`, bars without volume. */
function randomWalk(length: number, seed: number, gaps: boolean): Bars {
  const next = random(seed);
  const close = new Float64Array(length);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const volume = new Float64Array(length);
  let price = 50 + 100 * next();
  for (let i = 0; i < length; i++) {
    const flat = i % 97 >= 75;
    if (!flat) price = Math.max(1, price * (1 + 0.03 * (next() - 0.5)));
    const c = Math.round(price * 100) / 100;
    close[i] = c;
    high[i] = flat ? c : Math.round(c * (1 + 0.01 * next()) * 100) / 100;
    low[i] = flat ? c : Math.round(c * (1 - 0.01 * next()) * 100) / 100;
    volume[i] = gaps && next() < 0.05 ? NaN : Math.round(1e6 * next());
  }
  return { high, low, close, volume };
}

function paramSets(id: string): number[][] {
  return id === 'recommend_label' ? [[0], [1], [2]] : [[]];
}

describe('first defined bars', () => {
  const walk = randomWalk(300, 3, false);
  for (const id of ALL_IDS) {
    for (const params of paramSets(id)) {
      it(`${id}(${params.join(',')})`, () => {
        expect(firstDefined(compute(id, walk, params))).toBe(getIndicator(id).lookback(params));
      });
    }
  }
});

describe('reference and wasm agree bit for bit', () => {
  it('random walks', () => {
    // Long and short series in one batch, so each series reuses scratch sized for the longest.
    const lengths = [700, 0, 1, 11, 12, 34, 50, 51, 250, 1300];
    const series = lengths.map((length, k) => randomWalk(length, 11 + k, k % 2 === 0));
    for (const id of ALL_IDS) {
      const spec = getIndicator(id);
      for (const params of paramSets(id)) {
        const inputs = series.map((s) => inputsFor(spec, s));
        for (const profile of [0, 1] as const) {
          const reference = runReference(spec, params, inputs, profile);
          const wasm = runWasmDirect(spec, params, inputs, profile);
          series.forEach((_, s) => {
            expect(differenceMessage(reference[s][0], wasm[s][0]), `${id}(${params.join(',')}) profile ${profile} series ${s}`).toBe('');
          });
        }
      }
    }
  });
});

describe('real symbols', () => {
  let universe: Universe;
  let symbols: Bars[];

  beforeAll(async () => {
    universe = await readUniverse(SP500_DIR, { requiredFields: ['high', 'low', 'close'], optionalFields: ['volume'] });
    symbols = SYMBOLS.map((symbol) => {
      const k = universe.symbols.indexOf(symbol);
      const [from, to] = [universe.offsets[k], universe.offsets[k + 1]];
      const column = (field: Field) => universe.fields[field]!.slice(from, to);
      return { high: column('high'), low: column('low'), close: column('close'), volume: column('volume') };
    });
  }, 60_000);

  it('reference and wasm agree', () => {
    for (const id of ALL_IDS) {
      const spec = getIndicator(id);
      for (const params of paramSets(id)) {
        const inputs = symbols.map((s) => inputsFor(spec, s));
        const reference = runReference(spec, params, inputs);
        const wasm = runWasmDirect(spec, params, inputs);
        SYMBOLS.forEach((symbol, s) => {
          expect(differenceMessage(reference[s][0], wasm[s][0]), `${id}(${params.join(',')}) ${symbol}`).toBe('');
        });
      }
    }
  });

  it('other is the mean of the votes', () => {
    for (const series of symbols) {
      const other = compute('recommend_other', series);
      const votes = VOTE_IDS.map((id) => compute(id, series));
      // From bar 49 all 11 members vote.
      const notMean: number[] = [];
      const notMultiple: number[] = [];
      for (let i = 49; i < other.length; i++) {
        const sum = votes.reduce((total, vote) => total + vote[i], 0);
        if (other[i] !== sum / 11) notMean.push(i);
        if (other[i] !== Math.round(other[i] * 11) / 11) notMultiple.push(i);
      }
      expect(notMean).toEqual([]);
      expect(notMultiple).toEqual([]);
    }
  });

  it('all is the mean of ma and other', () => {
    for (const series of symbols) {
      const all = compute('recommend_all', series);
      const ma = compute('recommend_ma', series);
      const other = compute('recommend_other', series);
      const bad: number[] = [];
      for (let i = 0; i < all.length; i++) {
        const expected = Number.isNaN(ma[i]) ? other[i] : Number.isNaN(other[i]) ? ma[i] : (ma[i] + other[i]) / 2;
        if (!Object.is(all[i], expected)) bad.push(i);
      }
      expect(bad).toEqual([]);
    }
  });

  it('all is a multiple of 1/330', () => {
    for (const series of symbols) {
      const all = compute('recommend_all', series);
      // From bar 199 every member of both groups votes.
      const off = Array.from(all.subarray(199)).filter((v) => Math.abs(v * 330 - Math.round(v * 330)) > 1e-9);
      expect(off).toEqual([]);
    }
  });

  it('all is a multiple of 1/308 without volume', () => {
    for (const series of symbols) {
      const all = compute('recommend_all', { ...series, volume: new Float64Array(series.close.length).fill(NaN) });
      const off = Array.from(all.subarray(199)).filter((v) => Math.abs(v * 308 - Math.round(v * 308)) > 1e-9);
      expect(off).toEqual([]);
    }
  });

  it('trend votes follow ema(close, 50)', () => {
    // Stoch RSI buys only in a downtrend and Bull/Bear Power only in an uptrend; sells mirror them.
    for (const series of symbols) {
      const trend = new Float64Array(series.close.length);
      emaSeries(series.close, trend, 50);
      const below = (i: number) => trend[i] - series.close[i] > 1e-10;
      const above = (i: number) => series.close[i] - trend[i] > 1e-10;
      const stochRsi = compute('rec_stochrsi', series);
      const bbPower = compute('rec_bbpower', series);
      const stochRsiBad = Array.from(stochRsi).filter((v, i) => (v === 1 && !below(i)) || (v === -1 && !above(i)));
      const bbPowerBad = Array.from(bbPower).filter((v, i) => (v === 1 && !above(i)) || (v === -1 && !below(i)));
      expect(stochRsiBad).toEqual([]);
      expect(bbPowerBad).toEqual([]);
      expect(stochRsi.includes(1)).toBe(true);
      expect(stochRsi.includes(-1)).toBe(true);
      expect(bbPower.includes(1)).toBe(true);
      expect(bbPower.includes(-1)).toBe(true);
    }
  });

  it('label bands each rating', () => {
    const series = symbols[0];
    const ratings = [compute('recommend_all', series), compute('recommend_ma', series), compute('recommend_other', series)];
    ratings.forEach((rating, k) => {
      const label = compute('recommend_label', series, [k]);
      const bad = Array.from(label).filter((v, i) => !Object.is(v, ratingBand(rating[i])));
      expect(bad).toEqual([]);
    });
  });
});
