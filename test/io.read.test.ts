import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { DataError, InputError, ParameterError, type TaBackfillError } from '../src/errors.js';
import { compareCodePoints, discoverInputs } from '../src/io/discover.js';
import { parseIsoTimestamp, readUniverse, universeFromArrow, type ReadOptions } from '../src/io/read.js';
import type { Universe } from '../src/io/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SP500 = path.resolve(repoRoot, '../shared/data/sp500-daily');

const OHLCV: ReadOptions = { requiredFields: ['open', 'high', 'low', 'close'], optionalFields: ['volume'] };
const CLOSE_ONLY: ReadOptions = { requiredFields: ['close'], optionalFields: [] };

let scratch: string;
let caseCounter = 0;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ta-backfill-read-'));
});

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** Creates an empty directory for one test. */
async function freshDir(name: string): Promise<string> {
  const dir = path.join(scratch, `${++caseCounter}-${name}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

async function writeParquetFile(file: string, table: arrow.Table): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const wasmTable = parquet.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  await fs.writeFile(file, parquet.writeParquet(wasmTable));
}

/** Reads a whole Parquet file straight through parquet-wasm, for expected values. */
async function readDirect(file: string): Promise<arrow.Table> {
  return arrow.tableFromIPC(parquet.readParquet(await fs.readFile(file)).intoIPCStream());
}

function column<T extends arrow.DataType>(type: T, data: ArrayLike<unknown>, nullBitmap?: Uint8Array): arrow.Vector<T> {
  const length = arrow.DataType.isDecimal(type) ? data.length / (type.bitWidth / 32) : data.length;
  const nullCount = nullBitmap ? countNulls(nullBitmap, length) : 0;
  return new arrow.Vector([
    arrow.makeData({ type, length, data, nullBitmap, nullCount } as unknown as arrow.DataProps<T>),
  ]);
}

function countNulls(bitmap: Uint8Array, length: number): number {
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (((bitmap[i >> 3] >> (i & 7)) & 1) === 0) {
      nulls++;
    }
  }
  return nulls;
}

function f64(values: number[]): arrow.Vector<arrow.Float64> {
  return column(new arrow.Float64(), Float64Array.from(values));
}

function nanosDays(days: number[]): BigInt64Array {
  return BigInt64Array.from(days, (day) => BigInt(day) * 86_400_000_000_000n);
}

function barsTable(days: number[], close?: number[], extra: Record<string, arrow.Vector> = {}): arrow.Table {
  return new arrow.Table({
    timestamp: column(new arrow.TimestampNanosecond(), nanosDays(days)),
    close: f64(close ?? days.map((day) => 100 + day)),
    ...extra,
  });
}

/** Runs `action` and returns the error it throws, failing the test if it throws none. */
async function caught(action: () => unknown): Promise<TaBackfillError> {
  try {
    await action();
  } catch (error) {
    return error as TaBackfillError;
  }
  throw new Error('expected an error, but none was thrown');
}

function barsOf(universe: Universe, symbol: string): { start: number; end: number } {
  const k = universe.symbols.indexOf(symbol);
  expect(k).toBeGreaterThanOrEqual(0);
  return { start: universe.offsets[k], end: universe.offsets[k + 1] };
}

function indexOfKey(universe: Universe, symbol: string, key: bigint): number {
  const { start, end } = barsOf(universe, symbol);
  for (let i = start; i < end; i++) {
    if (universe.timestamps.keys[i] === key) {
      return i;
    }
  }
  throw new Error(`${symbol} has no bar at ${key}`);
}

describe('readUniverse on the S&P 500 files', () => {
  const symbols = ['MSFT', 'AAPL', 'BRK.B', 'A'];
  let dir: string;

  beforeAll(async () => {
    dir = await freshDir('sp500');
    for (const symbol of symbols) {
      await fs.copyFile(path.join(SP500, `${symbol}.parquet`), path.join(dir, `${symbol}.parquet`));
    }
  });

  test('packs symbols sorted with exact values', async () => {
    const universe = await readUniverse(dir, OHLCV);

    expect(universe.symbols).toEqual(['A', 'AAPL', 'BRK.B', 'MSFT']);
    expect(universe.sources).toEqual(universe.symbols.map((symbol) => path.join(dir, `${symbol}.parquet`)));
    expect(String(universe.timestamps.type)).toBe('Timestamp<NANOSECOND>');
    expect(universe.timestamps.strings).toBeUndefined();
    expect(Object.keys(universe.fields).sort()).toEqual(['close', 'high', 'low', 'open', 'volume']);

    let position = 0;
    for (const [k, symbol] of universe.symbols.entries()) {
      const expected = await readDirect(path.join(SP500, `${symbol}.parquet`));
      expect(universe.offsets[k]).toBe(position);
      const end = position + expected.numRows;
      expect(universe.offsets[k + 1]).toBe(end);

      const keys = expected.getChild('timestamp')!.toArray() as BigInt64Array;
      expect(universe.timestamps.keys.subarray(position, end)).toEqual(keys);
      for (const field of ['open', 'high', 'low', 'close'] as const) {
        expect(universe.fields[field]!.subarray(position, end)).toEqual(expected.getChild(field)!.toArray());
      }
      const volume = expected.getChild('volume')!.toArray() as BigInt64Array;
      expect(universe.fields.volume!.subarray(position, end)).toEqual(Float64Array.from(volume, Number));
      position = end;
    }
    expect(universe.timestamps.keys[barsOf(universe, 'AAPL').start]).toBe(941_414_400_000_000_000n);
  });

  test('concurrency does not change the result', async () => {
    const progress: [number, number][] = [];
    const one = await readUniverse(dir, { ...OHLCV, concurrency: 1 });
    const many = await readUniverse(dir, { ...OHLCV, concurrency: 8, onProgress: (done, total) => progress.push([done, total]) });

    expect(many.offsets).toEqual(one.offsets);
    expect(many.timestamps.keys).toEqual(one.timestamps.keys);
    expect(many.fields.close).toEqual(one.fields.close);
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  test('splits adjustment removes the AAPL 4:1 jump', async () => {
    const raw = await readUniverse(dir, OHLCV);
    const adjusted = await readUniverse(dir, { ...OHLCV, adjust: 'splits' });
    const splitDay = indexOfKey(raw, 'AAPL', 1_598_832_000_000_000_000n); // 2020-08-31
    const sevenForOne = indexOfKey(raw, 'AAPL', 1_402_272_000_000_000_000n); // 2014-06-09
    const last = barsOf(raw, 'AAPL').end - 1;

    const rawClose = raw.fields.close!;
    const close = adjusted.fields.close!;
    // The source stores the 2014 split as 7.00000700001, not 7.
    const source = await readDirect(path.join(SP500, 'AAPL.parquet'));
    const sevenRatio = (source.getChild('split_coefficient')!.toArray() as Float64Array)[sevenForOne - barsOf(raw, 'AAPL').start];
    expect(sevenRatio).toBeCloseTo(7, 4);
    expect(rawClose[splitDay - 1] / rawClose[splitDay]).toBeGreaterThan(3.5);
    expect(close[splitDay - 1] / close[splitDay]).toBeGreaterThan(0.9);
    expect(close[splitDay - 1] / close[splitDay]).toBeLessThan(1.1);

    // Bars before a split are divided by the product of every later ratio, volumes multiplied by it.
    expect(close[splitDay - 1]).toBe(rawClose[splitDay - 1] / 4);
    expect(adjusted.fields.volume![splitDay - 1]).toBe(raw.fields.volume![splitDay - 1] * 4);
    expect(close[sevenForOne - 1]).toBe(rawClose[sevenForOne - 1] / (4 * sevenRatio));
    expect(adjusted.fields.open![sevenForOne]).toBe(raw.fields.open![sevenForOne] / 4);
    expect(close[last]).toBe(rawClose[last]);
    expect(adjusted.fields.volume![last]).toBe(raw.fields.volume![last]);
  });

  test('all adjustment uses adjusted_close', async () => {
    const raw = await readUniverse(dir, OHLCV);
    const adjusted = await readUniverse(dir, { ...OHLCV, adjust: 'all' });
    const source = await readDirect(path.join(SP500, 'AAPL.parquet'));
    const adjClose = source.getChild('adjusted_close')!.toArray() as Float64Array;
    const { start, end } = barsOf(raw, 'AAPL');

    for (let i = start; i < end; i += 97) {
      const ratio = adjClose[i - start] / raw.fields.close![i];
      expect(adjusted.fields.close![i]).toBe(adjClose[i - start]);
      expect(adjusted.fields.open![i]).toBe(raw.fields.open![i] * ratio);
      expect(adjusted.fields.high![i]).toBe(raw.fields.high![i] * ratio);
      expect(adjusted.fields.low![i]).toBe(raw.fields.low![i] * ratio);
      expect(adjusted.fields.volume![i]).toBe(raw.fields.volume![i]);
    }
  });
});

describe('adjustments on hand-made bars', () => {
  test('splits multiply backwards from the latest bar', () => {
    const table = new arrow.Table({
      timestamp: column(new arrow.TimestampNanosecond(), nanosDays([0, 1, 2, 3, 4])),
      open: f64([60, 66, 33, 36, 12]),
      close: f64([120, 132, 66, 72, 24]),
      volume: f64([10, 20, 30, 40, 50]),
      // Ratio 2 on bar 2 and 3 on bar 4; 0 and null mean no split.
      split_coefficient: column(new arrow.Float64(), Float64Array.from([1, 0, 2, 0, 3]), Uint8Array.of(0b11101)),
    });
    const universe = universeFromArrow(new Map([['X', table]]), {
      requiredFields: ['open', 'close', 'volume'],
      optionalFields: [],
      adjust: 'splits',
    });

    expect(Array.from(universe.fields.open!)).toEqual([10, 11, 11, 12, 12]);
    expect(Array.from(universe.fields.close!)).toEqual([20, 22, 22, 24, 24]);
    expect(Array.from(universe.fields.volume!)).toEqual([60, 120, 90, 120, 50]);
  });

  test('all scales open, high and low by adj_close / close', () => {
    const table = new arrow.Table({
      Date: column(new arrow.DateDay(), Int32Array.from([0, 1])),
      Open: f64([10, 3]),
      High: f64([12, 5]),
      Low: f64([8, 2]),
      Close: f64([10, 4]),
      'Adj Close': f64([5, 1]),
      Volume: f64([1000, 2000]),
    });
    const universe = universeFromArrow(new Map([['X', table]]), { ...OHLCV, adjust: 'all' });

    expect(Array.from(universe.fields.open!)).toEqual([5, 0.75]);
    expect(Array.from(universe.fields.high!)).toEqual([6, 1.25]);
    expect(Array.from(universe.fields.low!)).toEqual([4, 0.5]);
    expect(Array.from(universe.fields.close!)).toEqual([5, 1]);
    expect(Array.from(universe.fields.volume!)).toEqual([1000, 2000]);
  });
});

describe('timestamp types', () => {
  const cases: { name: string; type: arrow.DataType; data: ArrayLike<unknown>; keys: bigint[] }[] = [
    {
      name: 'timestamp s',
      type: new arrow.TimestampSecond(),
      data: BigInt64Array.of(-2_208_988_800n, 0n, 7_289_654_399n),
      keys: [-2_208_988_800n, 0n, 7_289_654_399n],
    },
    {
      name: 'timestamp ms, New York',
      type: new arrow.TimestampMillisecond('America/New_York'),
      data: BigInt64Array.of(-2_208_988_800_000n, 1n, 2n),
      keys: [-2_208_988_800_000n, 1n, 2n],
    },
    {
      name: 'timestamp us, UTC',
      type: new arrow.TimestampMicrosecond('UTC'),
      data: BigInt64Array.of(-1n, 0n, 7_289_654_399_123_456n),
      keys: [-1n, 0n, 7_289_654_399_123_456n],
    },
    {
      name: 'timestamp ns',
      type: new arrow.TimestampNanosecond(),
      data: BigInt64Array.of(-9_223_372_036_854_775_807n, 1_617_262_200_000_000_001n, 1_617_262_200_000_000_002n, 9_223_372_036_854_775_807n),
      keys: [-9_223_372_036_854_775_807n, 1_617_262_200_000_000_001n, 1_617_262_200_000_000_002n, 9_223_372_036_854_775_807n],
    },
    {
      name: 'timestamp ns, +05:30',
      type: new arrow.TimestampNanosecond('+05:30'),
      data: BigInt64Array.of(-1n, 0n, 1n),
      keys: [-1n, 0n, 1n],
    },
    { name: 'date32', type: new arrow.DateDay(), data: Int32Array.of(-3653, 0, 47482), keys: [-3653n, 0n, 47482n] },
    {
      name: 'date64',
      type: new arrow.DateMillisecond(),
      data: BigInt64Array.of(-315_619_200_000n, 0n, 4_102_444_800_000n),
      keys: [-315_619_200_000n, 0n, 4_102_444_800_000n],
    },
    {
      name: 'int64 epoch',
      type: new arrow.Int64(),
      data: BigInt64Array.of(-5n, 9_007_199_254_740_993n, 9_007_199_254_740_994n),
      keys: [-5n, 9_007_199_254_740_993n, 9_007_199_254_740_994n],
    },
    { name: 'int32 epoch', type: new arrow.Int32(), data: Int32Array.of(-2_147_483_648, 0, 2_147_483_647), keys: [-2_147_483_648n, 0n, 2_147_483_647n] },
    {
      name: 'uint64 epoch',
      type: new arrow.Uint64(),
      data: BigUint64Array.of(0n, 1n, 9_223_372_036_854_775_807n),
      keys: [0n, 1n, 9_223_372_036_854_775_807n],
    },
  ];

  for (const { name, type, data, keys } of cases) {
    test(`${name} keys round trip exactly`, async () => {
      const file = path.join(await freshDir('ts'), 'X.parquet');
      const n = keys.length;
      await writeParquetFile(file, new arrow.Table({ time: column(type, data), close: f64(Array.from({ length: n }, (_, i) => i)) }));

      const universe = await readUniverse(file, CLOSE_ONLY);

      expect(universe.symbols).toEqual(['X']);
      expect(Array.from(universe.timestamps.keys)).toEqual(keys);
      expect(universe.timestamps.type.typeId).toBe(type.typeId);
      expect(String(universe.timestamps.type)).toBe(String(type));
    });
  }

  const isoCases: [string, bigint][] = [
    ['1677-09-21T00:12:43.145224192Z', -9_223_372_036_854_775_808n],
    ['1900-01-01', -2_208_988_800_000_000_000n],
    ['1969-12-31T23:59:59.999999999Z', -1n],
    ['1970-01-01', 0n],
    ['2020-02-29', 1_582_934_400_000_000_000n],
    ['2021-01-04T09:30:00-05:00', 1_609_770_600_000_000_000n],
    ['2021-03-14 02:30:00', 1_615_689_000_000_000_000n],
    ['2021-04-01T09:30:00.000000001+02:00', 1_617_262_200_000_000_001n],
    ['2021-04-01T09:30:00.000000002+0200', 1_617_262_200_000_000_002n],
    ['2200-12-31T23:59:59.123456789', 7_289_654_399_123_456_789n],
    ['2262-04-11T23:47:16.854775807Z', 9_223_372_036_854_775_807n],
  ];

  test('ISO strings parse to exact nanoseconds', () => {
    for (const [text, expected] of isoCases) {
      expect(parseIsoTimestamp(text), text).toBe(expected);
    }
  });

  test('invalid ISO strings are rejected', () => {
    const invalid = [
      '2021-02-29',
      '2021-13-01',
      '2021-00-10',
      '2021-01-32',
      '2021-01-01T24:00:00',
      '2021-01-01T12:60:00',
      '2021-01-01T12:00:60',
      '2021-01-01T12:00:00.',
      '2021-01-01T12:00:00.1234567890',
      '2021-01-01T12:00:00+24:00',
      '2021-01-01X12:00:00',
      '2021-01-01T12:00:00Z ',
      '2262-04-11T23:47:16.854775808Z',
      '1677-09-21T00:12:43.145224191Z',
      '21-01-01',
      'yesterday',
      '',
    ];
    for (const text of invalid) {
      expect(parseIsoTimestamp(text), text).toBeNull();
    }
  });

  for (const type of [new arrow.Utf8(), new arrow.LargeUtf8()]) {
    test(`${String(type)} timestamps keep their text`, async () => {
      const file = path.join(await freshDir('iso'), 'X.parquet');
      const texts = isoCases.map(([text]) => text);
      await writeParquetFile(
        file,
        new arrow.Table({ date: arrow.vectorFromArray(texts, type), close: f64(texts.map((_, i) => i)) }),
      );

      const universe = await readUniverse(file, CLOSE_ONLY);

      expect(Array.from(universe.timestamps.keys)).toEqual(isoCases.map(([, key]) => key));
      expect(universe.timestamps.strings).toEqual(texts);
      expect(String(universe.timestamps.type)).toBe(String(type));
    });
  }

  test('dictionary strings read as plain strings', async () => {
    const file = path.join(await freshDir('dict-iso'), 'X.parquet');
    const texts = ['2021-01-04', '2021-01-05', '2021-01-05T12:00:00Z'];
    const dates = arrow.vectorFromArray(texts);
    expect(arrow.DataType.isDictionary(dates.type)).toBe(true);
    await writeParquetFile(file, new arrow.Table({ date: dates, close: f64([1, 2, 3]) }));

    const universe = await readUniverse(file, CLOSE_ONLY);

    expect(String(universe.timestamps.type)).toBe('Utf8');
    expect(universe.timestamps.strings).toEqual(texts);
    expect(Array.from(universe.timestamps.keys)).toEqual([
      1_609_718_400_000_000_000n,
      1_609_804_800_000_000_000n,
      1_609_848_000_000_000_000n,
    ]);
  });

  test('bad ISO string names its row', async () => {
    const file = path.join(await freshDir('bad-iso'), 'X.parquet');
    await writeParquetFile(
      file,
      new arrow.Table({ date: arrow.vectorFromArray(['2021-01-04', '2021-01-05', '2021-02-30']), close: f64([1, 2, 3]) }),
    );

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('date');
    expect(error.row).toBe(2);
    expect(error.message).toContain('2021-02-30');
  });

  test('files with different timestamp types are rejected', async () => {
    const dir = await freshDir('mixed-ts');
    await writeParquetFile(path.join(dir, 'A.parquet'), barsTable([0, 1]));
    await writeParquetFile(
      path.join(dir, 'B.parquet'),
      new arrow.Table({ timestamp: column(new arrow.TimestampMicrosecond(), BigInt64Array.of(0n, 1n)), close: f64([1, 2]) }),
    );

    const error = await caught(() => readUniverse(dir, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(path.join(dir, 'B.parquet'));
    expect(error.column).toBe('timestamp');
    expect(error.message).toContain('Timestamp<MICROSECOND>');
  });
});

describe('price types', () => {
  test('numeric types widen to float64 with NaN for null', async () => {
    const file = path.join(await freshDir('prices'), 'X.parquet');
    const validity = Uint8Array.of(0b101); // row 1 is null
    const columns: Record<string, arrow.Vector> = {
      timestamp: column(new arrow.TimestampNanosecond(), nanosDays([0, 1, 2])),
      f16: column(new arrow.Float16(), Uint16Array.of(0x3e00, 0, 0xc100), validity), // 1.5, null, -2.5
      f32: column(new arrow.Float32(), Float32Array.of(1.1, 0, -3.25), validity),
      f64: column(new arrow.Float64(), Float64Array.of(0.1, 0, -5e-324), validity),
      i8: column(new arrow.Int8(), Int8Array.of(-128, 0, 127), validity),
      i16: column(new arrow.Int16(), Int16Array.of(-32768, 0, 32767), validity),
      i32: column(new arrow.Int32(), Int32Array.of(-2_147_483_648, 0, 2_147_483_647), validity),
      i64: column(new arrow.Int64(), BigInt64Array.of(-9_007_199_254_740_993n, 0n, 1n << 62n), validity),
      u8: column(new arrow.Uint8(), Uint8Array.of(255, 0, 1), validity),
      u32: column(new arrow.Uint32(), Uint32Array.of(4_294_967_295, 0, 7), validity),
      u64: column(new arrow.Uint64(), BigUint64Array.of(18_446_744_073_709_551_615n, 0n, 3n), validity),
      // 123.45, null, -0.01 at scale 2
      d128: column(
        new arrow.Decimal(2, 10, 128),
        Uint32Array.of(12345, 0, 0, 0, 0, 0, 0, 0, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff),
        validity,
      ),
      // 7e-3, null, 2^70 * 10^-3 (needs more than 64 bits) at scale 3
      d256: column(
        new arrow.Decimal(3, 40, 256),
        Uint32Array.of(7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 0, 0, 0, 0, 0),
        validity,
      ),
    };
    await writeParquetFile(file, new arrow.Table(columns));
    const expected: Record<string, number[]> = {
      f16: [1.5, NaN, -2.5],
      f32: [Math.fround(1.1), NaN, -3.25],
      f64: [0.1, NaN, -5e-324],
      i8: [-128, NaN, 127],
      i16: [-32768, NaN, 32767],
      i32: [-2_147_483_648, NaN, 2_147_483_647],
      i64: [-9_007_199_254_740_992, NaN, 2 ** 62],
      u8: [255, NaN, 1],
      u32: [4_294_967_295, NaN, 7],
      u64: [2 ** 64, NaN, 3],
      d128: [123.45, NaN, -0.01],
      d256: [0.007, NaN, 2 ** 70 / 1000],
    };

    for (const [name, values] of Object.entries(expected)) {
      const universe = await readUniverse(file, { ...CLOSE_ONLY, columns: { close: name } });
      expect(Array.from(universe.fields.close!), name).toEqual(values);
    }
  });

  test('string price column is rejected', async () => {
    const file = path.join(await freshDir('string-price'), 'X.parquet');
    await writeParquetFile(
      file,
      new arrow.Table({ timestamp: column(new arrow.TimestampNanosecond(), nanosDays([0])), close: arrow.vectorFromArray(['1.5']) }),
    );

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('close');
    expect(error.message).toContain('Utf8');
  });
});

describe('column matching', () => {
  test('common names match in any case', async () => {
    const file = path.join(await freshDir('names'), 'X.parquet');
    await writeParquetFile(
      file,
      new arrow.Table({
        Date: column(new arrow.DateDay(), Int32Array.of(1, 2)),
        OPEN: f64([1, 2]),
        High: f64([3, 4]),
        low: f64([0.5, 1]),
        'Close ': f64([2, 3]),
        'Adj Close': f64([1, 1.5]),
        VOLUME: column(new arrow.Int64(), BigInt64Array.of(10n, 20n)),
        Split_Factor: f64([1, 1]),
      }),
    );

    const universe = await readUniverse(file, { ...OHLCV, adjust: 'all' });

    expect(Array.from(universe.fields.open!)).toEqual([0.5, 1]);
    expect(Array.from(universe.fields.high!)).toEqual([1.5, 2]);
    expect(Array.from(universe.fields.low!)).toEqual([0.25, 0.5]);
    expect(Array.from(universe.fields.close!)).toEqual([1, 1.5]);
    expect(Array.from(universe.fields.volume!)).toEqual([10, 20]);
  });

  test('columns option maps names explicitly', async () => {
    const file = path.join(await freshDir('mapped'), 'X.parquet');
    await writeParquetFile(
      file,
      new arrow.Table({
        when: column(new arrow.TimestampNanosecond(), nanosDays([5, 6])),
        px_last: f64([7, 8]),
        close: f64([1, 2]),
      }),
    );

    const universe = await readUniverse(file, { ...CLOSE_ONLY, columns: { timestamp: 'when', close: 'PX_LAST' } });

    expect(Array.from(universe.timestamps.keys)).toEqual(Array.from(nanosDays([5, 6])));
    expect(Array.from(universe.fields.close!)).toEqual([7, 8]);
  });

  test('mapped column that is absent is named', async () => {
    const file = path.join(await freshDir('mapped-missing'), 'X.parquet');
    await writeParquetFile(file, barsTable([0, 1]));

    const error = await caught(() => readUniverse(file, { ...CLOSE_ONLY, columns: { volume: 'shares' } }));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('shares');
  });

  test('two timestamp candidates are ambiguous', async () => {
    const file = path.join(await freshDir('ambiguous'), 'X.parquet');
    await writeParquetFile(
      file,
      barsTable([0, 1], undefined, { date: column(new arrow.DateDay(), Int32Array.of(0, 1)) }),
    );

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.message).toContain('"timestamp", "date"');
  });

  test('optional field missing in some files is NaN there', async () => {
    const dir = await freshDir('optional');
    await writeParquetFile(path.join(dir, 'A.parquet'), barsTable([0, 1], [1, 2], { volume: f64([5, 6]) }));
    await writeParquetFile(path.join(dir, 'B.parquet'), barsTable([0], [3]));

    const universe = await readUniverse(dir, { requiredFields: ['close'], optionalFields: ['volume', 'open'] });

    expect(Object.keys(universe.fields).sort()).toEqual(['close', 'volume']);
    expect(Array.from(universe.fields.volume!)).toEqual([5, 6, NaN]);
  });
});

describe('input forms', () => {
  test('hive partitions concatenate parts in name order', async () => {
    const dir = await freshDir('hive');
    await writeParquetFile(path.join(dir, 'symbol=MSFT', 'part-0.parquet'), barsTable([0, 1]));
    await writeParquetFile(path.join(dir, 'symbol=BRK.B', 'part-1.parquet'), barsTable([3, 4]));
    await writeParquetFile(path.join(dir, 'symbol=BRK.B', 'part-0.parquet'), barsTable([1, 2]));
    await writeParquetFile(path.join(dir, 'symbol=BRK.B', 'year=2021', 'part-0.parquet'), barsTable([9]));
    await fs.writeFile(path.join(dir, '_SUCCESS'), '');
    await fs.writeFile(path.join(dir, 'symbol=MSFT', '.part-0.parquet.crc'), 'x');

    const universe = await readUniverse(dir, CLOSE_ONLY);

    expect(universe.symbols).toEqual(['BRK.B', 'MSFT']);
    expect(Array.from(universe.offsets)).toEqual([0, 5, 7]);
    expect(Array.from(universe.timestamps.keys)).toEqual(Array.from(nanosDays([1, 2, 3, 4, 9, 0, 1])));
    expect(universe.sources).toEqual([path.join(dir, 'symbol=BRK.B'), path.join(dir, 'symbol=MSFT')]);
  });

  test('hive parts that overlap in time are rejected', async () => {
    const dir = await freshDir('hive-overlap');
    await writeParquetFile(path.join(dir, 'symbol=X', 'a.parquet'), barsTable([1, 2, 3]));
    await writeParquetFile(path.join(dir, 'symbol=X', 'b.parquet'), barsTable([3, 4]));

    const error = await caught(() => readUniverse(dir, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(path.join(dir, 'symbol=X', 'b.parquet'));
    expect(error.column).toBe('timestamp');
    expect(error.row).toBe(0);
    expect(error.symbol).toBe('X');
  });

  test('one file with interleaved symbols', async () => {
    const file = path.join(await freshDir('single'), 'all.parquet');
    await writeParquetFile(
      file,
      new arrow.Table({
        Ticker: arrow.vectorFromArray(['MSFT', 'AAPL', 'MSFT', 'AAPL', 'AAPL']),
        timestamp: column(new arrow.TimestampNanosecond(), nanosDays([0, 0, 1, 1, 2])),
        close: f64([10, 20, 11, 21, 22]),
      }),
    );

    const universe = await readUniverse(file, CLOSE_ONLY);

    expect(universe.symbols).toEqual(['AAPL', 'MSFT']);
    expect(Array.from(universe.offsets)).toEqual([0, 3, 5]);
    expect(Array.from(universe.fields.close!)).toEqual([20, 21, 22, 10, 11]);
    expect(Array.from(universe.timestamps.keys)).toEqual(Array.from(nanosDays([0, 1, 2, 0, 1])));
    expect(universe.sources).toEqual([file, file]);
  });

  test('one file names the file row of unsorted bars', async () => {
    const file = path.join(await freshDir('single-unsorted'), 'all.parquet');
    await writeParquetFile(
      file,
      new arrow.Table({
        symbol: arrow.vectorFromArray(['A', 'B', 'A', 'B', 'A']),
        timestamp: column(new arrow.TimestampNanosecond(), nanosDays([0, 5, 2, 6, 1])),
        close: f64([1, 2, 3, 4, 5]),
      }),
    );

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('timestamp');
    expect(error.row).toBe(4);
    expect(error.symbol).toBe('A');
  });

  test('one file without symbol column uses its name', async () => {
    const file = path.join(await freshDir('lone'), 'BRK.B.parquet');
    await writeParquetFile(file, barsTable([0, 1, 2]));

    const universe = await readUniverse(file, CLOSE_ONLY);

    expect(universe.symbols).toEqual(['BRK.B']);
    expect(universe.sources).toEqual([file]);
  });

  test('symbols sort by code point', async () => {
    const dir = await freshDir('code-points');
    const names = ['\u{1F600}', '\uFF21', 'b', 'B', 'a'];
    for (const name of names) {
      await writeParquetFile(path.join(dir, `${name}.parquet`), barsTable([0]));
    }

    const layout = await discoverInputs(dir);

    // U+1F600 is a surrogate pair in UTF-16, which the default sort would put before U+FF21.
    const expected = ['B', 'a', 'b', '\uFF21', '\u{1F600}'];
    expect(layout.form === 'per-symbol-files' && layout.symbols.map((input) => input.symbol)).toEqual(expected);
    expect([...names].sort()).not.toEqual(expected);
    expect([...names].sort(compareCodePoints)).toEqual(expected);
  });

  test('arrow tables in memory', () => {
    const universe = universeFromArrow({ MSFT: barsTable([0, 1]), AAPL: barsTable([2]) }, CLOSE_ONLY);
    expect(universe.symbols).toEqual(['AAPL', 'MSFT']);
    expect(universe.sources).toEqual(['<table AAPL>', '<table MSFT>']);

    const single = universeFromArrow(
      new arrow.Table({
        symbol: arrow.vectorFromArray(['B', 'A']),
        timestamp: column(new arrow.TimestampNanosecond(), nanosDays([0, 0])),
        close: f64([1, 2]),
      }),
      CLOSE_ONLY,
    );
    expect(single.symbols).toEqual(['A', 'B']);
    expect(Array.from(single.fields.close!)).toEqual([2, 1]);
  });

  test('in-memory errors name the table', () => {
    expect.assertions(4);
    try {
      universeFromArrow(new Map([['AAPL', barsTable([2, 1])]]), CLOSE_ONLY);
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).file).toBe('<table AAPL>');
      expect((error as DataError).row).toBe(1);
      expect((error as DataError).symbol).toBe('AAPL');
    }
  });
});

describe('bad inputs', () => {
  async function oneFile(name: string, table: arrow.Table): Promise<string> {
    const file = path.join(await freshDir(name), 'X.parquet');
    await writeParquetFile(file, table);
    return file;
  }

  test('missing required column', async () => {
    const file = await oneFile('missing', barsTable([0, 1]));

    const error = await caught(() => readUniverse(file, OHLCV));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('open');
    expect(error.message).toContain('"timestamp", "close"');
  });

  test('unsorted timestamps', async () => {
    const file = await oneFile('unsorted', barsTable([0, 1, 5, 3, 6]));

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('timestamp');
    expect(error.row).toBe(3);
    expect(error.message).toContain('1970-01-04T00:00:00');
  });

  test('duplicate timestamps', async () => {
    const file = await oneFile('duplicate', barsTable([0, 1, 2, 2]));

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('timestamp');
    expect(error.row).toBe(3);
    expect(error.message).toContain('duplicates');
  });

  test('null timestamp', async () => {
    const file = await oneFile(
      'null-ts',
      new arrow.Table({
        timestamp: column(new arrow.TimestampNanosecond(), nanosDays([0, 1, 2]), Uint8Array.of(0b011)),
        close: f64([1, 2, 3]),
      }),
    );

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('timestamp');
    expect(error.row).toBe(2);
  });

  test('unsupported timestamp type', async () => {
    const file = await oneFile('float-ts', new arrow.Table({ timestamp: f64([0, 1]), close: f64([1, 2]) }));

    const error = await caught(() => readUniverse(file, CLOSE_ONLY));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('timestamp');
    expect(error.message).toContain('Float64');
  });

  test('corrupt file', async () => {
    const dir = await freshDir('corrupt');
    const file = path.join(dir, 'x.parquet');
    await fs.writeFile(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 0xff)));

    const error = await caught(() => readUniverse(dir, CLOSE_ONLY));

    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(file);
    expect(error.message).toContain('Cannot decode');
  });

  test('truncated file', async () => {
    const dir = await freshDir('truncated');
    const whole = await fs.readFile(path.join(SP500, 'AAPL.parquet'));
    const file = path.join(dir, 'AAPL.parquet');
    await fs.writeFile(file, whole.subarray(0, whole.length >> 1));

    const error = await caught(() => readUniverse(dir, CLOSE_ONLY));

    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(file);
  });

  test('corrupt data pages', async () => {
    // Bytes scrambled inside the column chunks, the footer intact: parquet-wasm's ParquetFile.read
    // aborted on this file in a callback of its own, which no caller can catch.
    const dir = await freshDir('corrupt-pages');
    const whole = Buffer.from(await fs.readFile(path.join(SP500, 'MSFT.parquet')));
    for (let i = 1000; i < 3000; i++) whole[i] ^= 0x5a;
    const file = path.join(dir, 'MSFT.parquet');
    await fs.writeFile(file, whole);
    await fs.copyFile(path.join(SP500, 'AAPL.parquet'), path.join(dir, 'AAPL.parquet'));

    const error = await caught(() => readUniverse(dir, CLOSE_ONLY));

    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(file);
    expect(error.message).toContain('Cannot decode');
  });

  test('empty directory', async () => {
    const dir = await freshDir('empty');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not parquet');

    const error = await caught(() => readUniverse(dir, CLOSE_ONLY));

    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(dir);
    expect(error.message).toContain('contains no Parquet files');
  });

  test('nonexistent path', async () => {
    const missing = path.join(scratch, 'no-such-dir');

    const error = await caught(() => readUniverse(missing, CLOSE_ONLY));

    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(missing);
    expect(error.message).toContain('does not exist');
  });

  test('mixed per-symbol files and partitions', async () => {
    const dir = await freshDir('mixed-forms');
    await writeParquetFile(path.join(dir, 'A.parquet'), barsTable([0]));
    await writeParquetFile(path.join(dir, 'symbol=B', 'part-0.parquet'), barsTable([0]));

    const error = await caught(() => readUniverse(dir, CLOSE_ONLY));

    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe(dir);
    expect(error.message).toContain('mixes');
  });

  test('all adjustment without adjusted close', async () => {
    const file = await oneFile('no-adj', barsTable([0, 1]));

    const error = await caught(() => readUniverse(file, { ...CLOSE_ONLY, adjust: 'all' }));

    expect(error).toBeInstanceOf(ParameterError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('adj_close');
    expect(error.parameter).toBe('adjust');
    expect(error.message).toContain('--adjust all');
  });

  test('splits adjustment without split column', async () => {
    const file = await oneFile('no-split', barsTable([0, 1]));

    const error = await caught(() => readUniverse(file, { ...CLOSE_ONLY, adjust: 'splits' }));

    expect(error).toBeInstanceOf(ParameterError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('split_coefficient');
    expect(error.parameter).toBe('adjust');
  });

  test('negative split ratio', async () => {
    const file = await oneFile('negative-split', barsTable([0, 1, 2], undefined, { split: f64([1, -2, 1]) }));

    const error = await caught(() => readUniverse(file, { ...CLOSE_ONLY, adjust: 'splits' }));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(file);
    expect(error.column).toBe('split');
    expect(error.row).toBe(1);
  });

  test('first failing file is reported', async () => {
    const dir = await freshDir('two-bad');
    await writeParquetFile(path.join(dir, 'A.parquet'), barsTable([0, 1]));
    await writeParquetFile(path.join(dir, 'B.parquet'), barsTable([1, 0]));
    await writeParquetFile(path.join(dir, 'C.parquet'), barsTable([0, 1]));
    await fs.writeFile(path.join(dir, 'D.parquet'), 'not parquet at all');

    const error = await caught(() => readUniverse(dir, { ...CLOSE_ONLY, concurrency: 4 }));

    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe(path.join(dir, 'B.parquet'));
    expect(error.row).toBe(1);
  });
});
