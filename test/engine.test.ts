import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../src/backends/reference.js';
import type { Backend, BackendName } from '../src/backends/types.js';
import { splitByBars, WasmBackend } from '../src/backends/wasm.js';
import { computeColumns } from '../src/engine/compute.js';
import { universeFromArrow } from '../src/io/read.js';
import type { Field, Universe } from '../src/io/types.js';
import { planFeatures } from '../src/registry/request.js';
import { countBitDifferences, syntheticUniverse } from './helpers/universe.js';

type Values = Record<string, number[]>;

function createBackend(name: BackendName, workers = 2): Backend {
  return name === 'reference' ? createReferenceBackend() : new WasmBackend(workers);
}

/** Runs computeColumns and copies each column out of the backend's memory before closing it. */
async function compute(universe: Universe, features: string[], name: BackendName, workers = 2): Promise<Values> {
  const backend = createBackend(name, workers);
  try {
    const columns = await computeColumns(universe, planFeatures(features), backend, { ratingsProfile: 0 });
    return Object.fromEntries(columns.map((column) => [column.name, Array.from(column.values)]));
  } finally {
    await backend.close();
  }
}

/** Like `compute`, but returns Float64Array copies for bit comparisons. */
async function computeBits(universe: Universe, features: string[], name: BackendName, workers = 2): Promise<Map<string, Float64Array>> {
  const backend = createBackend(name, workers);
  try {
    const columns = await computeColumns(universe, planFeatures(features), backend, { ratingsProfile: 0 });
    return new Map(columns.map((column) => [column.name, column.values.slice()]));
  } finally {
    await backend.close();
  }
}

/** Builds one symbol's bars as an Arrow table with an int64 epoch timestamp. `null` entries become Arrow nulls. */
function barsTable(columns: Partial<Record<Field, (number | null)[]>>): arrow.Table {
  const length = Object.values(columns)[0]!.length;
  const vectors: Record<string, arrow.Vector> = {
    timestamp: arrow.makeVector(BigInt64Array.from({ length }, (_, i) => BigInt(i + 1))),
  };
  for (const [field, values] of Object.entries(columns)) {
    vectors[field] = arrow.vectorFromArray(values, new arrow.Float64());
  }
  return new arrow.Table(vectors);
}

function universeOf(columns: Partial<Record<Field, (number | null)[]>>): Universe {
  const fields = Object.keys(columns) as Field[];
  return universeFromArrow(new Map([['S', barsTable(columns)]]), { requiredFields: fields, optionalFields: [] });
}

/** mulberry32, so the random batches are the same on every run. */
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

/** Generates random-walk bars for each length. About one bar in 40 misses one field. */
function randomSeries(lengths: number[], seed: number): Partial<Record<Field, Float64Array>>[] {
  const random = generator(seed);
  return lengths.map((length) => {
    const open = new Float64Array(length);
    const high = new Float64Array(length);
    const low = new Float64Array(length);
    const close = new Float64Array(length);
    const volume = new Float64Array(length);
    let price = 50 + 50 * random();
    for (let i = 0; i < length; i++) {
      const previous = price;
      price = Math.max(1, price * (1 + 0.03 * (random() - 0.5)));
      open[i] = previous;
      high[i] = Math.max(previous, price) * (1 + 0.01 * random());
      low[i] = Math.min(previous, price) * (1 - 0.01 * random());
      close[i] = price;
      volume[i] = random() < 0.05 ? 0 : Math.round(1e6 * random());
      if (random() < 0.025) [open, high, low, close, volume][Math.floor(5 * random())][i] = NaN;
    }
    return { open, high, low, close, volume };
  });
}

const BACKENDS: BackendName[] = ['reference', 'wasm'];

/**
 * Close with a null at bar 3 and a NaN at bar 6. Without them the series is
 * [10, 11, 9, 12, 12, 13, 10], so every expected value below is computed on that series
 * and spread back with NaN at bars 3 and 6.
 */
const GAPPED_CLOSE = [10, 11, 9, null, 12, 12, NaN, 13, 10];

describe('missing-value policy', () => {
  for (const name of BACKENDS) {
    it(`sma(3) skips a null and a NaN, ${name}`, async () => {
      const values = await compute(universeOf({ close: GAPPED_CLOSE }), ['sma(3)'], name);
      expect(values.sma_3).toEqual([NaN, NaN, 10, NaN, 32 / 3, 11, NaN, 37 / 3, 35 / 3]);
    });

    it(`ema(3) skips a null and a NaN, ${name}`, async () => {
      // alpha = 0.5, seeded with (10 + 11 + 9) / 3 at the third defined bar.
      const values = await compute(universeOf({ close: GAPPED_CLOSE }), ['ema(3)'], name);
      expect(values.ema_3).toEqual([NaN, NaN, 10, NaN, 11, 11.5, NaN, 12.25, 11.125]);
    });

    it(`rsi(2) skips a null and a NaN, ${name}`, async () => {
      // Changes +1, -2, +3, 0, +1, -3: the change across each gap counts once, from the last defined close.
      // Wilder averages: gains 0.5, 1.75, 0.875, 0.9375, 0.46875; losses 1, 0.5, 0.25, 0.125, 1.5625.
      const values = await compute(universeOf({ close: GAPPED_CLOSE }), ['rsi(2)'], name);
      expect(values.rsi_2).toEqual([
        NaN,
        NaN,
        100 * (0.5 / 1.5),
        NaN,
        100 * (1.75 / 2.25),
        100 * (0.875 / 1.125),
        NaN,
        100 * (0.9375 / 1.0625),
        100 * (0.46875 / 2.03125),
      ]);
    });

    it(`missing high skips atr only, ${name}`, async () => {
      const universe = universeOf({
        high: [11, 12, null, 13, 14, 13],
        low: [9, 10, 8, 10, 11, 9],
        close: [10, 11, 9, 12, 13, 10],
      });
      const values = await compute(universe, ['atr(2)', 'sma(2)'], name);
      // True ranges on bars 0, 1, 3, 4, 5: -, 2, 3 (from the close of bar 1, not bar 2), 3, 4.
      expect(values.atr_2).toEqual([NaN, NaN, NaN, 2.5, 2.75, 3.375]);
      expect(values.sma_2).toEqual([NaN, 10.5, 10, 10.5, 12.5, 11.5]);
    });

    it(`entirely missing series, ${name}`, async () => {
      const universe = syntheticUniverse([
        { close: [1, 2, 3, 4] },
        { close: [NaN, NaN, NaN, NaN, NaN] },
        { close: [5, 6, 7] },
      ]);
      const values = await compute(universe, ['sma(2)', 'rsi(2)'], name);
      expect(values.sma_2).toEqual([NaN, 1.5, 2.5, 3.5, NaN, NaN, NaN, NaN, NaN, NaN, 5.5, 6.5]);
      expect(values.rsi_2).toEqual([NaN, NaN, 100, 100, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 100]);
    });

    it(`series shorter than lookback, ${name}`, async () => {
      const universe = syntheticUniverse([{ close: [1, 2, 3], high: [2, 3, 4], low: [0, 1, 2], volume: [5, 6, 7] }]);
      const features = ['sma(5)', 'ema(4)', 'rsi(3)', 'macd', 'bbands', 'atr(3)', 'hma', 'recommend_ma', 'ichimoku'];
      const values = await compute(universe, features, name);
      expect(Object.keys(values).length).toBe(16);
      for (const [column, series] of Object.entries(values)) {
        expect(series, column).toEqual([NaN, NaN, NaN]);
      }
    });

    it(`zero-length series mid-batch, ${name}`, async () => {
      const universe = syntheticUniverse([{ close: [1, 2, 3] }, { close: [] }, { close: [] }, { close: [4, 6, 8, 4] }]);
      expect(Array.from(universe.offsets)).toEqual([0, 3, 3, 3, 7]);
      const values = await compute(universe, ['sma(2)', 'ema(2)'], name);
      expect(values.sma_2).toEqual([NaN, 1.5, 2.5, NaN, 5, 7, 6]);
      // alpha = 2/3; each series is seeded with the mean of its first two closes.
      const alpha = 2 / 3;
      const second = 5 + alpha * (8 - 5);
      expect(values.ema_2).toEqual([NaN, 1.5, 1.5 + alpha * (3 - 1.5), NaN, 5, second, second + alpha * (4 - second)]);
    });
  }
});

describe('splitByBars', () => {
  function offsetsOf(lengths: number[]): Int32Array {
    const offsets = new Int32Array(lengths.length + 1);
    lengths.forEach((length, k) => (offsets[k + 1] = offsets[k] + length));
    return offsets;
  }

  /** Checks that the ranges cover series 0..count once, in order, without empty ranges. */
  function expectPartition(bounds: number[], count: number): void {
    expect(bounds[0]).toBe(0);
    expect(bounds[bounds.length - 1]).toBe(count);
    for (let t = 1; t < bounds.length; t++) expect(bounds[t]).toBeGreaterThan(bounds[t - 1]);
  }

  it('equal series, equal parts', () => {
    const bounds = splitByBars(offsetsOf(Array(100).fill(10)), 4);
    expect(bounds).toEqual([0, 25, 50, 75, 100]);
  });

  it('one part covers everything', () => {
    expect(splitByBars(offsetsOf([3, 0, 9, 1]), 1)).toEqual([0, 4]);
  });

  it('more parts than series', () => {
    const bounds = splitByBars(offsetsOf([5, 5, 5]), 8);
    expect(bounds).toEqual([0, 1, 2, 3]);
  });

  it('all series empty', () => {
    const bounds = splitByBars(offsetsOf([0, 0, 0]), 4);
    expectPartition(bounds, 3);
  });

  it('random lengths balance within one series', () => {
    const random = generator(7);
    for (let trial = 0; trial < 200; trial++) {
      const count = 1 + Math.floor(random() * 60);
      const lengths = Array.from({ length: count }, () => (random() < 0.2 ? 0 : Math.floor(random() * (random() < 0.1 ? 500 : 40))));
      const parts = 1 + Math.floor(random() * 16);
      const offsets = offsetsOf(lengths);
      const bounds = splitByBars(offsets, parts);
      expectPartition(bounds, count);
      expect(bounds.length - 1).toBeLessThanOrEqual(parts);

      const total = offsets[count];
      const longest = Math.max(...lengths);
      for (let t = 0; t + 1 < bounds.length; t++) {
        const bars = offsets[bounds[t + 1]] - offsets[bounds[t]];
        expect(bars, `trial ${trial}, part ${t}`).toBeLessThanOrEqual(total / parts + longest);
      }
    }
  });
});

describe('wasm backend failures', () => {
  it('run settles every task before rejecting', async () => {
    // 64 series of 40,000 bars in 8 tasks. A call of an unknown kernel on series 0 makes the
    // first task fail at once, while the other tasks are still running or queued.
    const count = 64;
    const length = 40_000;
    const backend = new WasmBackend(2);
    try {
      const [sma] = planFeatures(['sma(5)']);
      const offsets = backend.allocateInt32(count + 1);
      for (let s = 0; s <= count; s++) offsets[s] = s * length;
      const close = backend.allocateFloat64(count * length);
      for (let i = 0; i < close.length; i++) close[i] = 100 + (i % 7);
      const output = backend.allocateFloat64(count * length).fill(0);
      const brokenOffsets = backend.allocateInt32(2);
      brokenOffsets.set([0, 10]);
      const broken = { ...sma.spec, id: 'no_such_kernel' };

      await expect(
        backend.run([
          { spec: broken, params: [5, 0], offsets: brokenOffsets, inputs: [close], outputs: [backend.allocateFloat64(10)] },
          { spec: sma.spec, params: [5, 0], offsets, inputs: [close], outputs: [output] },
        ]),
      ).rejects.toThrow(/no_such_kernel|not a function/);

      // The failed task held series 0 to 7. Every other task finished before run rejected, so
      // no worker still writes into memory that run has released.
      for (let s = 8; s < count; s++) {
        // Closes are 100 to 106, so a written average is at least 100 and an unwritten bar is 0.
        expect(output[(s + 1) * length - 1], `series ${s}`).toBeGreaterThanOrEqual(100);
      }
    } finally {
      await backend.close();
    }
  });
});

describe('wasm against reference', () => {
  const FEATURES = [
    'sma(3)',
    'ema(3)',
    'wma(4)',
    'hma(4)',
    'vwma(3)',
    'rsi(2)',
    'macd(2,4,2)',
    'bbands(3,1.5)',
    'atr(2)',
    'ichimoku(2,3,5)',
    'rec_sma(3)',
    'rec_ema(3)',
    'rec_hma(4)',
    'rec_vwma(3)',
    'rec_ichimoku',
    'recommend_ma',
  ];
  // 400 tiny series (0 to 12 bars) and a few long enough for every default lookback.
  const random = generator(11);
  const lengths = Array.from({ length: 400 }, (_, k) => (k % 97 === 0 ? 260 : Math.floor(random() * 13)));
  const universe = syntheticUniverse(randomSeries(lengths, 12));

  for (const workers of [1, 2, 3, 4]) {
    it(`many tiny series, ${workers} worker(s)`, async () => {
      const expected = await computeBits(universe, FEATURES, 'reference');
      const actual = await computeBits(universe, FEATURES, 'wasm', workers);
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      for (const [column, values] of expected) {
        const { count, first } = countBitDifferences(actual.get(column)!, values);
        expect(count, `${column}: first difference at bar ${first}`).toBe(0);
      }
    });
  }

  it('tiny batch has defined values', async () => {
    // Guards the comparison above against passing on all-NaN columns.
    const values = await computeBits(universe, FEATURES, 'reference');
    for (const [column, series] of values) {
      expect(series.some((v) => !Number.isNaN(v)), column).toBe(true);
    }
  });
});
