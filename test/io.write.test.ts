import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { OutputError, type TaBackfillError } from '../src/errors.js';
import type { Universe } from '../src/io/types.js';
import {
  openLongOutput,
  removeTemporaryOutputs,
  wideColumnName,
  writeOutput,
  type FeatureColumn,
  type OutputCompression,
} from '../src/io/write.js';

let scratch: string;
let caseCounter = 0;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ta-backfill-write-'));
});

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

async function freshDir(name: string): Promise<string> {
  const dir = path.join(scratch, `${++caseCounter}-${name}`);
  await fs.mkdir(dir);
  return dir;
}

const DAY_NS = 86_400_000_000_000n;

/** Builds a universe from each symbol's keys. Writing needs no prices. */
function makeUniverse(
  bars: Record<string, bigint[]>,
  type: arrow.DataType = new arrow.TimestampNanosecond(),
  strings?: Record<string, string[]>,
): Universe {
  const symbols = Object.keys(bars);
  const offsets = new Int32Array(symbols.length + 1);
  symbols.forEach((symbol, k) => {
    offsets[k + 1] = offsets[k] + bars[symbol].length;
  });
  return {
    symbols,
    sources: symbols.map((symbol) => `<table ${symbol}>`),
    offsets,
    timestamps: {
      type,
      keys: BigInt64Array.from(symbols.flatMap((symbol) => bars[symbol])),
      strings: strings ? symbols.flatMap((symbol) => strings[symbol]) : undefined,
    },
    fields: {},
  };
}

function days(...values: number[]): bigint[] {
  return values.map((day) => BigInt(day) * DAY_NS);
}

async function readBack(file: string): Promise<arrow.Table> {
  return arrow.tableFromIPC(parquet.readParquet(await fs.readFile(file)).intoIPCStream());
}

async function metadataOf(file: string): Promise<parquet.ParquetMetaData> {
  const handle = await parquet.ParquetFile.fromFile(new Blob([await fs.readFile(file)]));
  return handle.metadata();
}

/** Returns the bits of a double, so that -0, NaN payloads and subnormals compare exactly. */
function bitsOf(value: number): bigint {
  return new BigUint64Array(Float64Array.of(value).buffer)[0];
}

/** Asserts that `vector` contains `expected` bit for bit, with a null exactly where `expected` is NaN. */
function expectFloatColumn(vector: arrow.Vector, expected: Float64Array, label: string): void {
  expect(vector.length, label).toBe(expected.length);
  const values = vector.toArray() as Float64Array;
  let firstMismatch: string | undefined;
  for (let i = 0; i < expected.length && firstMismatch === undefined; i++) {
    if (Number.isNaN(expected[i])) {
      if (vector.isValid(i)) {
        firstMismatch = `row ${i}: expected null, found ${values[i]}`;
      }
    } else if (!vector.isValid(i)) {
      firstMismatch = `row ${i}: expected ${expected[i]}, found null`;
    } else if (bitsOf(values[i]) !== bitsOf(expected[i])) {
      firstMismatch = `row ${i}: expected bits ${bitsOf(expected[i]).toString(16)}, found ${bitsOf(values[i]).toString(16)}`;
    }
  }
  expect(firstMismatch, label).toBeUndefined();
}

function nanWithPayload(): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, 0x7ff8_0000_dead_beefn);
  return view.getFloat64(0);
}

async function caught(action: () => unknown): Promise<TaBackfillError> {
  try {
    await action();
  } catch (error) {
    return error as TaBackfillError;
  }
  throw new Error('expected an error, but none was thrown');
}

/** A feature array whose `subarray` fails on the given call, to break a write part way through. */
class FailingValues extends Float64Array {
  static override get [Symbol.species]() {
    return Float64Array;
  }

  private calls = 0;

  constructor(
    length: number,
    private readonly failOnCall: number,
  ) {
    super(length);
  }

  override subarray(begin?: number, end?: number): Float64Array {
    if (++this.calls >= this.failOnCall) {
      throw new Error('simulated failure while building a batch');
    }
    return super.subarray(begin, end);
  }
}

describe('long layout', () => {
  test('round trips bit for bit', async () => {
    const file = path.join(await freshDir('long'), 'out.parquet');
    const universe = makeUniverse({ AAPL: days(0, 1, 2, 5), 'BRK.B': [], MSFT: days(1, 2, 3) });
    const features: FeatureColumn[] = [
      { name: 'sma_20', values: Float64Array.of(NaN, -0, 1.5, Infinity, 5e-324, -Infinity, Number.MAX_VALUE) },
      { name: 'rsi_14', values: Float64Array.of(0.1, 0.2, nanWithPayload(), 0.4, NaN, NaN, -1e-300) },
    ];

    const summary = await writeOutput(file, universe, features, { layout: 'long', compression: 'zstd' });
    const table = await readBack(file);

    expect(summary.rows).toBe(7);
    expect(summary.columns).toBe(4);
    expect(summary.bytes).toBe((await fs.stat(file)).size);
    expect(table.schema.fields.map((field) => `${field.name}: ${String(field.type)}`)).toEqual([
      'symbol: Dictionary<Int32, Utf8>',
      'timestamp: Timestamp<NANOSECOND>',
      'sma_20: Float64',
      'rsi_14: Float64',
    ]);
    expect(Array.from(table.getChild('symbol')!)).toEqual(['AAPL', 'AAPL', 'AAPL', 'AAPL', 'MSFT', 'MSFT', 'MSFT']);
    expect(table.getChild('timestamp')!.toArray()).toEqual(universe.timestamps.keys);
    for (const feature of features) {
      expectFloatColumn(table.getChild(feature.name)!, feature.values, feature.name);
    }
  });

  test('crosses batches and row groups', async () => {
    const file = path.join(await freshDir('long-big'), 'out.parquet');
    const n = 150_000;
    const universe = makeUniverse({ A: Array.from({ length: 90_000 }, (_, i) => BigInt(i)), B: Array.from({ length: n - 90_000 }, (_, i) => BigInt(i)) });
    const values = Float64Array.from({ length: n }, (_, i) => (i % 1000 === 7 ? NaN : i * 0.5 - 1e4));

    await writeOutput(file, universe, [{ name: 'x', values }], { layout: 'long', compression: 'snappy', rowGroupSize: 50_000 });
    const table = await readBack(file);
    const metadata = await metadataOf(file);

    expect(metadata.numRowGroups()).toBe(3);
    expect(metadata.rowGroup(0).numRows()).toBe(50_000);
    expect(table.getChild('timestamp')!.toArray()).toEqual(universe.timestamps.keys);
    expectFloatColumn(table.getChild('x')!, values, 'x');
    const symbols = table.getChild('symbol')!;
    expect(symbols.get(89_999)).toBe('A');
    expect(symbols.get(90_000)).toBe('B');
  });

  const timestampCases: { name: string; type: arrow.DataType; keys: bigint[]; strings?: string[] }[] = [
    { name: 'timestamp s', type: new arrow.TimestampSecond(), keys: [-2_208_988_800n, 7_289_654_399n] },
    { name: 'timestamp ms, New York', type: new arrow.TimestampMillisecond('America/New_York'), keys: [-1n, 1n] },
    { name: 'timestamp us, UTC', type: new arrow.TimestampMicrosecond('UTC'), keys: [0n, 7_289_654_399_123_456n] },
    { name: 'timestamp ns', type: new arrow.TimestampNanosecond(), keys: [9_223_372_036_854_775_806n, 9_223_372_036_854_775_807n] },
    { name: 'date32', type: new arrow.DateDay(), keys: [-3653n, 47482n] },
    { name: 'date64', type: new arrow.DateMillisecond(), keys: [-315_619_200_000n, 4_102_444_800_000n] },
    { name: 'int64', type: new arrow.Int64(), keys: [9_007_199_254_740_993n, 9_007_199_254_740_995n] },
    { name: 'int32', type: new arrow.Int32(), keys: [-2_147_483_648n, 2_147_483_647n] },
    { name: 'uint64', type: new arrow.Uint64(), keys: [1n, 9_223_372_036_854_775_807n] },
    {
      name: 'utf8',
      type: new arrow.Utf8(),
      keys: [1_609_718_400_000_000_000n, 1_609_770_600_000_000_000n],
      strings: ['2021-01-04', '2021-01-04T09:30:00-05:00'],
    },
    {
      name: 'large utf8',
      type: new arrow.LargeUtf8(),
      keys: [-1n, 0n],
      strings: ['1969-12-31T23:59:59.999999999Z', '1970-01-01'],
    },
  ];

  for (const { name, type, keys, strings } of timestampCases) {
    test(`keeps ${name} timestamps exactly`, async () => {
      const file = path.join(await freshDir('long-ts'), 'out.parquet');
      const universe = makeUniverse({ X: keys }, type, strings ? { X: strings } : undefined);

      await writeOutput(file, universe, [{ name: 'f', values: Float64Array.of(1, 2) }], { layout: 'long', compression: 'zstd' });
      const column = (await readBack(file)).getChild('timestamp')!;

      expect(String(column.type)).toBe(String(type));
      if (strings) {
        expect(Array.from(column)).toEqual(strings);
      } else {
        const raw = column.data[0].values as ArrayLike<number | bigint>;
        expect(Array.from({ length: keys.length }, (_, i) => BigInt(raw[i]))).toEqual(keys);
      }
    });
  }

  test('empty universe writes the schema', async () => {
    const file = path.join(await freshDir('long-empty'), 'out.parquet');

    const summary = await writeOutput(file, makeUniverse({}), [{ name: 'f', values: new Float64Array(0) }], {
      layout: 'long',
      compression: 'zstd',
    });
    const table = await readBack(file);

    expect(summary.rows).toBe(0);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((field) => field.name)).toEqual(['symbol', 'timestamp', 'f']);
  });

  const codecs: [OutputCompression, parquet.Compression][] = [
    ['zstd', parquet.Compression.ZSTD],
    ['snappy', parquet.Compression.SNAPPY],
    ['gzip', parquet.Compression.GZIP],
    ['brotli', parquet.Compression.BROTLI],
    ['lz4', parquet.Compression.LZ4_RAW],
    ['none', parquet.Compression.UNCOMPRESSED],
  ];

  for (const [compression, codec] of codecs) {
    test(`writes ${compression} with split float encoding`, async () => {
      const file = path.join(await freshDir(`codec-${compression}`), 'out.parquet');
      const universe = makeUniverse({ A: days(0, 1, 2), B: days(0, 1) });
      const values = Float64Array.of(1, NaN, 3, 4, 5);

      await writeOutput(file, universe, [{ name: 'f', values }], { layout: 'long', compression });
      const rowGroup = (await metadataOf(file)).rowGroup(0);
      const [symbol, , feature] = rowGroup.columns();

      expect(feature.compression()).toBe(codec);
      expect(feature.encodings()).toContain(parquet.Encoding.BYTE_STREAM_SPLIT);
      expect(feature.encodings()).not.toContain(parquet.Encoding.RLE_DICTIONARY);
      expect(symbol.encodings()).toContain(parquet.Encoding.RLE_DICTIONARY);
      expectFloatColumn((await readBack(file)).getChild('f')!, values, 'f');
    });
  }

  test('chunks append in symbol order', async () => {
    const dir = await freshDir('chunks');
    const whole = makeUniverse({ A: days(0, 1), B: days(1, 2, 3), C: days(5) });
    const values = Float64Array.of(1, NaN, 3, 4, 5, 6);
    await writeOutput(path.join(dir, 'whole.parquet'), whole, [{ name: 'f', values }], { layout: 'long', compression: 'zstd' });

    const output = await openLongOutput(
      path.join(dir, 'chunked.parquet'),
      { timestampType: new arrow.TimestampNanosecond(), featureNames: ['f'] },
      { compression: 'zstd' },
    );
    await output.append(makeUniverse({ A: days(0, 1), B: days(1, 2, 3) }), [{ name: 'f', values: values.slice(0, 5) }]);
    await output.append(makeUniverse({ C: days(5) }), [{ name: 'f', values: values.slice(5) }]);
    const summary = await output.commit();

    const expected = await readBack(path.join(dir, 'whole.parquet'));
    const actual = await readBack(path.join(dir, 'chunked.parquet'));
    expect(summary.rows).toBe(6);
    expect(Array.from(actual.getChild('symbol')!)).toEqual(Array.from(expected.getChild('symbol')!));
    expect(actual.getChild('timestamp')!.toArray()).toEqual(expected.getChild('timestamp')!.toArray());
    expectFloatColumn(actual.getChild('f')!, values, 'f');
  });

  test('chunk out of symbol order is rejected', async () => {
    const dir = await freshDir('chunks-order');
    const target = path.join(dir, 'out.parquet');
    const output = await openLongOutput(
      target,
      { timestampType: new arrow.TimestampNanosecond(), featureNames: ['f'] },
      { compression: 'zstd' },
    );
    await output.append(makeUniverse({ M: days(0) }), [{ name: 'f', values: Float64Array.of(1) }]);

    const error = await caught(() => output.append(makeUniverse({ A: days(0) }), [{ name: 'f', values: Float64Array.of(1) }]));

    expect(error).toBeInstanceOf(OutputError);
    expect(error.file).toBe(target);
    expect(error.symbol).toBe('A');
    expect(await caught(() => output.commit())).toBeInstanceOf(OutputError);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('wide layout', () => {
  test('aligns symbols on the union of timestamps', async () => {
    const file = path.join(await freshDir('wide'), 'out.parquet');
    const universe = makeUniverse({ A: days(1, 2, 4), B: days(2, 3) });
    const features: FeatureColumn[] = [
      { name: 'f', values: Float64Array.of(1, 2, 4, 20, 30) },
      { name: 'g', values: Float64Array.of(-0, NaN, 0.25, 5e-324, NaN) },
    ];

    const summary = await writeOutput(file, universe, features, { layout: 'wide', compression: 'zstd', rowGroupSize: 3 });
    const table = await readBack(file);

    expect(summary).toEqual({ rows: 4, columns: 5, bytes: (await fs.stat(file)).size });
    expect((await metadataOf(file)).numRowGroups()).toBe(2);
    expect(table.schema.fields.map((field) => `${field.name}: ${String(field.type)}`)).toEqual([
      'timestamp: Timestamp<NANOSECOND>',
      "('A', 'f'): Float64",
      "('A', 'g'): Float64",
      "('B', 'f'): Float64",
      "('B', 'g'): Float64",
    ]);
    expect(table.getChild('timestamp')!.toArray()).toEqual(BigInt64Array.from(days(1, 2, 3, 4)));
    expectFloatColumn(table.getChild("('A', 'f')")!, Float64Array.of(1, 2, NaN, 4), 'A f');
    expectFloatColumn(table.getChild("('A', 'g')")!, Float64Array.of(-0, NaN, NaN, 0.25), 'A g');
    expectFloatColumn(table.getChild("('B', 'f')")!, Float64Array.of(NaN, 20, 30, NaN), 'B f');
    expectFloatColumn(table.getChild("('B', 'g')")!, Float64Array.of(NaN, 5e-324, NaN, NaN), 'B g');
  });

  test('carries pandas metadata for a MultiIndex', async () => {
    const file = path.join(await freshDir('wide-pandas'), 'out.parquet');
    const universe = makeUniverse({ A: days(1), B: days(1) }, new arrow.TimestampMillisecond('UTC'));

    await writeOutput(file, universe, [{ name: 'sma_20', values: Float64Array.of(1, 2) }], { layout: 'wide', compression: 'zstd' });
    const metadata = (await metadataOf(file)).fileMetadata().keyValueMetadata();
    const pandas = JSON.parse(metadata.get('pandas')!);

    expect(pandas.index_columns).toEqual(['timestamp']);
    expect(pandas.column_indexes.map((level: { name: string }) => level.name)).toEqual(['symbol', 'feature']);
    expect(pandas.columns.map((entry: { field_name: string }) => entry.field_name)).toEqual([
      "('A', 'sma_20')",
      "('B', 'sma_20')",
      'timestamp',
    ]);
    expect(pandas.columns[2]).toEqual({
      name: 'timestamp',
      field_name: 'timestamp',
      pandas_type: 'datetimetz',
      numpy_type: 'datetime64[ns]',
      metadata: { timezone: 'UTC' },
    });
  });

  test('string timestamps take the first symbol text', async () => {
    const file = path.join(await freshDir('wide-strings'), 'out.parquet');
    const universe = makeUniverse(
      { A: [0n, 2n * DAY_NS], B: [0n, DAY_NS] },
      new arrow.Utf8(),
      { A: ['1970-01-01', '1970-01-03'], B: ['1970-01-01T00:00:00Z', '1970-01-02'] },
    );

    await writeOutput(file, universe, [{ name: 'f', values: Float64Array.of(1, 3, 10, 20) }], { layout: 'wide', compression: 'zstd' });
    const table = await readBack(file);

    expect(Array.from(table.getChild('timestamp')!)).toEqual(['1970-01-01', '1970-01-02', '1970-01-03']);
    expectFloatColumn(table.getChild("('A', 'f')")!, Float64Array.of(1, NaN, 3), 'A f');
    expectFloatColumn(table.getChild("('B', 'f')")!, Float64Array.of(10, 20, NaN), 'B f');
  });

  test('duplicate bars are rejected', async () => {
    const dir = await freshDir('wide-duplicate');
    const target = path.join(dir, 'out.parquet');
    const universe = makeUniverse({ A: days(1, 2), B: days(1, 1) });

    const error = await caught(() =>
      writeOutput(target, universe, [{ name: 'f', values: Float64Array.of(1, 2, 3, 4) }], { layout: 'wide', compression: 'zstd' }),
    );

    expect(error).toBeInstanceOf(OutputError);
    expect(error.file).toBe(target);
    expect(error.symbol).toBe('B');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test('column names are Python tuple literals', () => {
    // Expected strings are what Python's str((symbol, feature)) prints.
    expect(wideColumnName('AAPL', 'sma_20')).toBe("('AAPL', 'sma_20')");
    expect(wideColumnName("BRK'B", 'f')).toBe(`("BRK'B", 'f')`);
    expect(wideColumnName('a"b', 'f')).toBe(`('a"b', 'f')`);
    expect(wideColumnName(`x'y"z`, 'f')).toBe(`('x\\'y"z', 'f')`);
    expect(wideColumnName('back\\slash', 'f')).toBe("('back\\\\slash', 'f')");
    expect(wideColumnName('tab\tx', 'f')).toBe("('tab\\tx', 'f')");
    expect(wideColumnName('é', 'f')).toBe("('é', 'f')");
  });
});

describe('atomic writes', () => {
  function failingUniverse(failOnCall: number): { universe: Universe; features: FeatureColumn[] } {
    const n = 70_000; // more than one 65,536-row batch
    const universe = makeUniverse({ A: Array.from({ length: n }, (_, i) => BigInt(i)) });
    const values = new FailingValues(n, failOnCall);
    return { universe, features: [{ name: 'f', values }] };
  }

  for (const failOnCall of [1, 2]) {
    test(`failure at batch ${failOnCall} leaves no file`, async () => {
      const dir = await freshDir('fail');
      const target = path.join(dir, 'out.parquet');
      const { universe, features } = failingUniverse(failOnCall);

      const error = await caught(() => writeOutput(target, universe, features, { layout: 'long', compression: 'zstd' }));

      expect(error).toBeInstanceOf(OutputError);
      expect(error.file).toBe(target);
      expect(error.message).toContain('simulated failure');
      expect(await fs.readdir(dir)).toEqual([]);
    });
  }

  test('failed write keeps the existing target', async () => {
    const dir = await freshDir('keep');
    const target = path.join(dir, 'out.parquet');
    await fs.writeFile(target, 'the previous output');
    const { universe, features } = failingUniverse(2);

    const error = await caught(() => writeOutput(target, universe, features, { layout: 'long', compression: 'zstd' }));

    expect(error).toBeInstanceOf(OutputError);
    expect(await fs.readFile(target, 'utf8')).toBe('the previous output');
    expect(await fs.readdir(dir)).toEqual(['out.parquet']);
  });

  test('failed wide write keeps the existing target', async () => {
    const dir = await freshDir('keep-wide');
    const target = path.join(dir, 'out.parquet');
    await fs.writeFile(target, 'the previous output');
    const universe = makeUniverse({ A: Array.from({ length: 2000 }, (_, i) => BigInt(i)) });
    const backing = new Float64Array(2000);
    const values = new Proxy(backing, {
      get(array, key) {
        if (key === '1500') {
          throw new Error('simulated failure in the third row group');
        }
        const value = Reflect.get(array, key);
        return typeof value === 'function' ? value.bind(array) : value;
      },
    });

    const error = await caught(() =>
      writeOutput(target, universe, [{ name: 'f', values }], { layout: 'wide', compression: 'zstd', rowGroupSize: 512 }),
    );

    expect(error).toBeInstanceOf(OutputError);
    expect(error.message).toContain('simulated failure');
    expect(await fs.readFile(target, 'utf8')).toBe('the previous output');
    expect(await fs.readdir(dir)).toEqual(['out.parquet']);
  });

  test('successful write replaces the target', async () => {
    const dir = await freshDir('replace');
    const target = path.join(dir, 'out.parquet');
    await fs.writeFile(target, 'the previous output');

    await writeOutput(target, makeUniverse({ A: days(0) }), [{ name: 'f', values: Float64Array.of(7) }], {
      layout: 'long',
      compression: 'zstd',
    });

    expect((await readBack(target)).getChild('f')!.get(0)).toBe(7);
    expect(await fs.readdir(dir)).toEqual(['out.parquet']);
  });

  test('missing directory is an error', async () => {
    const target = path.join(scratch, 'no-such-dir', 'out.parquet');

    const error = await caught(() =>
      writeOutput(target, makeUniverse({ A: days(0) }), [{ name: 'f', values: Float64Array.of(1) }], {
        layout: 'long',
        compression: 'zstd',
      }),
    );

    expect(error).toBeInstanceOf(OutputError);
    expect(error.file).toBe(target);
    expect(error.message).toContain('does not exist');
  });

  test('directory as target is an error', async () => {
    const dir = await freshDir('dir-target');

    const error = await caught(() =>
      writeOutput(dir, makeUniverse({ A: days(0) }), [{ name: 'f', values: Float64Array.of(1) }], {
        layout: 'long',
        compression: 'zstd',
      }),
    );

    expect(error).toBeInstanceOf(OutputError);
    expect(error.file).toBe(dir);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test('feature of the wrong length is named', async () => {
    const dir = await freshDir('length');
    const target = path.join(dir, 'out.parquet');

    const error = await caught(() =>
      writeOutput(target, makeUniverse({ A: days(0, 1) }), [{ name: 'ema_10', values: Float64Array.of(1) }], {
        layout: 'wide',
        compression: 'zstd',
      }),
    );

    expect(error).toBeInstanceOf(OutputError);
    expect(error.file).toBe(target);
    expect(error.feature).toBe('ema_10');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test('pending temporary files can be removed', async () => {
    const dir = await freshDir('pending');
    const output = await openLongOutput(
      path.join(dir, 'out.parquet'),
      { timestampType: new arrow.TimestampNanosecond(), featureNames: ['f'] },
      { compression: 'zstd' },
    );
    const [temporary] = await fs.readdir(dir);
    expect(temporary).toMatch(/^\.out\.parquet\.tmp-\d+-[0-9a-f]{12}$/);

    removeTemporaryOutputs();

    expect(await fs.readdir(dir)).toEqual([]);
    await output.abort();
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
