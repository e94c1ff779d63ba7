import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  backfill,
  computeFeatures,
  DataError,
  InputError,
  ParameterError,
  REGISTRY,
  TaBackfillError,
  type ComputeFeaturesOptions,
} from '../src/index.js';
import { kernelParams } from '../src/registry/types.js';
import { probeWebGpuAdapter } from '../src/webgpu/device.js';
import { countBitDifferences, requireSp500 } from './helpers/universe.js';

const SYMBOLS = ['AAPL', 'BRK.B', 'OTIS', 'VTRS'];
const FEATURES = ['sma(20)', 'macd(12,26,9)', 'atr(14)', 'bbands(20,2.5)', 'recommend_ma'];
const COLUMNS = [
  'sma_20',
  'macd_macd_12_26_9',
  'macd_signal_12_26_9',
  'macd_hist_12_26_9',
  'atr_14',
  'bbands_upper_20_2p5',
  'bbands_middle_20_2p5',
  'bbands_lower_20_2p5',
  'recommend_ma',
];

function readTable(file: string): arrow.Table {
  return arrow.tableFromIPC(parquet.readParquet(readFileSync(file)).intoIPCStream());
}

/** Returns a column's values as float64, nulls as NaN. */
function floats(table: arrow.Table, name: string): Float64Array {
  const vector = table.getChild(name)!;
  return Float64Array.from({ length: vector.length }, (_, i) => vector.get(i) ?? NaN);
}

/** Finds the rows of `table` whose symbol is `symbol`, as [first, end). */
function rowsOf(table: arrow.Table, symbol: string): [number, number] {
  const symbols = table.getChild('symbol')!.toArray() as string[];
  const first = symbols.indexOf(symbol);
  const end = symbols.lastIndexOf(symbol) + 1;
  return [first, end];
}

/** Runs a registry kernel on one symbol's own columns: the oracle for the API's values. */
function referenceOutputs(id: string, params: number[], inputs: Float64Array[]): Float64Array[] {
  const spec = REGISTRY.find((s) => s.id === id)!;
  const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
  spec.reference(inputs, kernelParams(params, { ratingsProfile: 0 }), outputs);
  return outputs;
}

/** Returns the stored values of a vector: the int64 or int32 keys, or the strings of a string column. */
function rawValues(vector: arrow.Vector): unknown[] {
  if (arrow.DataType.isUtf8(vector.type)) return vector.toArray() as string[];
  return vector.data.flatMap((data) => Array.from(data.values.subarray(0, data.length) as ArrayLike<unknown>));
}

async function captureError(run: () => Promise<unknown>): Promise<TaBackfillError> {
  try {
    await run();
  } catch (error) {
    return error as TaBackfillError;
  }
  throw new Error('expected the call to reject');
}

/** Builds a table of `timestamp` (int64 epoch 1, 2, ...) and the given float64 columns. */
function smallTable(columns: Record<string, (number | null)[]>, timestamps?: bigint[]): arrow.Table {
  const length = Object.values(columns)[0].length;
  const vectors: Record<string, arrow.Vector> = {
    timestamp: arrow.makeVector(BigInt64Array.from(timestamps ?? Array.from({ length }, (_, i) => BigInt(i + 1)))),
  };
  for (const [name, values] of Object.entries(columns)) vectors[name] = arrow.vectorFromArray(values, new arrow.Float64());
  return new arrow.Table(vectors);
}

describe('computeFeatures on real symbols', () => {
  const tables = new Map<string, arrow.Table>();
  let fromMap: arrow.Table;

  beforeAll(async () => {
    const dir = requireSp500();
    for (const symbol of SYMBOLS) tables.set(symbol, readTable(path.join(dir, `${symbol}.parquet`)));
    fromMap = await computeFeatures(tables, FEATURES, { backend: 'reference' });
  });

  it('schema of the long layout', () => {
    expect(fromMap.schema.fields.map((f) => f.name)).toEqual(['symbol', 'timestamp', ...COLUMNS]);
    expect(String(fromMap.schema.fields[0].type)).toBe('Dictionary<Int32, Utf8>');
    expect(String(fromMap.schema.fields[1].type)).toBe('Timestamp<NANOSECOND>');
    for (const field of fromMap.schema.fields.slice(2)) expect(String(field.type), field.name).toBe('Float64');
  });

  it('rows sorted by symbol then time', () => {
    const total = SYMBOLS.reduce((sum, s) => sum + tables.get(s)!.numRows, 0);
    expect(fromMap.numRows).toBe(total);
    let at = 0;
    for (const symbol of SYMBOLS) {
      const [first, end] = rowsOf(fromMap, symbol);
      expect(first, symbol).toBe(at);
      expect(end - first, symbol).toBe(tables.get(symbol)!.numRows);
      at = end;
    }
  });

  it('timestamps equal the input', () => {
    const output = fromMap.getChild('timestamp')!.toArray() as BigInt64Array;
    for (const symbol of SYMBOLS) {
      const [first, end] = rowsOf(fromMap, symbol);
      const input = tables.get(symbol)!.getChild('timestamp')!.toArray() as BigInt64Array;
      expect(output.slice(first, end), symbol).toEqual(input);
    }
  });

  it('values equal the reference kernels', () => {
    for (const symbol of SYMBOLS) {
      const input = tables.get(symbol)!;
      const [high, low, close] = ['high', 'low', 'close'].map((name) => floats(input, name));
      const [first, end] = rowsOf(fromMap, symbol);
      const expected: Record<string, Float64Array> = {
        sma_20: referenceOutputs('sma', [20], [close])[0],
        macd_signal_12_26_9: referenceOutputs('macd', [12, 26, 9], [close])[1],
        atr_14: referenceOutputs('atr', [14], [high, low, close])[0],
        bbands_lower_20_2p5: referenceOutputs('bbands', [20, 2.5], [close])[2],
      };
      for (const [column, values] of Object.entries(expected)) {
        const actual = floats(fromMap, column).subarray(first, end);
        expect(countBitDifferences(actual, values).count, `${symbol} ${column}`).toBe(0);
      }
    }
  });

  it('nulls before the lookback', () => {
    const sma = fromMap.getChild('sma_20')!;
    const signal = fromMap.getChild('macd_signal_12_26_9')!;
    for (const symbol of SYMBOLS) {
      const [first] = rowsOf(fromMap, symbol);
      for (let i = 0; i < 19; i++) expect(sma.get(first + i), `${symbol} bar ${i}`).toBeNull();
      expect(sma.get(first + 19), symbol).not.toBeNull();
      expect(signal.get(first + 32), symbol).toBeNull();
      expect(signal.get(first + 33), symbol).not.toBeNull();
    }
  });

  it('wasm equals reference', async () => {
    const wasm = await computeFeatures(tables, FEATURES, { backend: 'wasm', workers: 3 });
    for (const column of COLUMNS) {
      expect(countBitDifferences(floats(wasm, column), floats(fromMap, column)).count, column).toBe(0);
    }
  });

  it('auto equals reference', async () => {
    const auto = await computeFeatures(tables, FEATURES, {});
    for (const column of COLUMNS) {
      expect(countBitDifferences(floats(auto, column), floats(fromMap, column)).count, column).toBe(0);
    }
  });

  it('webgpu equals reference', async (context) => {
    const probe = await probeWebGpuAdapter();
    if (!probe.available && process.env.TA_BACKFILL_REQUIRE_WEBGPU !== '1') {
      context.skip(probe.reason);
    }
    // Two cheap kernels: compiling a pipeline on a software adapter takes seconds each.
    const webgpu = await computeFeatures(tables, ['sma(20)', 'macd(12,26,9)'], { backend: 'webgpu' });
    for (const column of ['sma_20', 'macd_signal_12_26_9']) {
      expect(countBitDifferences(floats(webgpu, column), floats(fromMap, column)).count, column).toBe(0);
    }
  });

  it('record input equals map input', async () => {
    const record = Object.fromEntries([...tables].reverse());
    const fromRecord = await computeFeatures(record, ['sma(20)'], { backend: 'reference' });
    expect(fromRecord.numRows).toBe(fromMap.numRows);
    expect(countBitDifferences(floats(fromRecord, 'sma_20'), floats(fromMap, 'sma_20')).count).toBe(0);
  });

  it('one table with a symbol column', async () => {
    // Rows of all symbols interleaved by date, as a long frame sorted by time would be.
    const rows: { symbol: string; row: number; time: bigint }[] = [];
    for (const [symbol, table] of tables) {
      const times = table.getChild('timestamp')!.toArray() as BigInt64Array;
      times.forEach((time, row) => rows.push({ symbol, row, time }));
    }
    rows.sort((a, b) => {
      if (a.time !== b.time) return a.time < b.time ? -1 : 1;
      // Within a day, symbols in reverse order, so the table's row order is not the output's.
      return a.symbol < b.symbol ? 1 : -1;
    });
    const pick = (name: string) => Float64Array.from(rows, ({ symbol, row }) => Number(tables.get(symbol)!.getChild(name)!.get(row)));
    const combined = new arrow.Table({
      ticker: arrow.vectorFromArray(rows.map((r) => r.symbol), new arrow.Utf8()),
      Date: arrow.makeVector({ type: new arrow.TimestampNanosecond(), data: BigInt64Array.from(rows, (r) => r.time) } as never),
      High: arrow.makeVector(pick('high')),
      Low: arrow.makeVector(pick('low')),
      Close: arrow.makeVector(pick('close')),
      Volume: arrow.makeVector(pick('volume')),
    });

    const fromTable = await computeFeatures(combined, FEATURES, { backend: 'wasm', workers: 2 });
    expect(fromTable.schema.fields.map((f) => f.name)).toEqual(fromMap.schema.fields.map((f) => f.name));
    expect(fromTable.getChild('symbol')!.toArray()).toEqual(fromMap.getChild('symbol')!.toArray());
    expect(fromTable.getChild('timestamp')!.toArray()).toEqual(fromMap.getChild('timestamp')!.toArray());
    for (const column of COLUMNS) {
      expect(countBitDifferences(floats(fromTable, column), floats(fromMap, column)).count, column).toBe(0);
    }
  });
});

describe('computeFeatures timestamp types', () => {
  const close = [1, 2, 3, 4, 5];
  const cases: [string, arrow.Vector][] = [
    ['timestamp ms with time zone', arrow.makeVector({ type: new arrow.TimestampMillisecond('America/New_York'), data: BigInt64Array.from([10n, 20n, 30n, 40n, 50n]) } as never)],
    ['timestamp s', arrow.makeVector({ type: new arrow.TimestampSecond(), data: BigInt64Array.from([1n, 2n, 3n, 4n, 5n]) } as never)],
    ['date32', arrow.vectorFromArray([18000, 18001, 18004, 18005, 18006].map((d) => new Date(d * 86_400_000)), new arrow.DateDay())],
    ['int64 epoch', arrow.makeVector(BigInt64Array.from([100n, 200n, 300n, 400n, 500n]))],
    ['ISO strings', arrow.vectorFromArray(['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08'], new arrow.Utf8())],
  ];
  for (const [label, timestamps] of cases) {
    it(label, async () => {
      const table = new arrow.Table({ timestamp: timestamps, close: arrow.vectorFromArray(close, new arrow.Float64()) });
      const output = await computeFeatures({ X: table }, ['sma(2)'], { backend: 'reference' });
      const column = output.getChild('timestamp')!;
      expect(String(column.type)).toBe(String(timestamps.type));
      expect(column.type.typeId).toBe(timestamps.type.typeId);
      if (arrow.DataType.isTimestamp(timestamps.type)) expect((column.type as arrow.Timestamp).timezone).toBe(timestamps.type.timezone);
      expect(rawValues(column)).toEqual(rawValues(timestamps));
      expect(Array.from(floats(output, 'sma_2'))).toEqual([NaN, 1.5, 2.5, 3.5, 4.5]);
    });
  }
});

describe('computeFeatures errors', () => {
  const good = smallTable({ close: [1, 2, 3, 4] });

  it('sma(0) names the parameter', async () => {
    const error = await captureError(() => computeFeatures({ X: good }, ['sma(0)']));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('period');
    expect(error.feature).toBe('sma(0)');
  });

  it('macd fast >= slow names fast', async () => {
    const error = await captureError(() => computeFeatures({ X: good }, ['macd(26,12,9)']));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('fast');
  });

  it('unknown feature names it', async () => {
    const error = await captureError(() => computeFeatures({ X: good }, ['foo(3)']));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.feature).toBe('foo(3)');
    expect(error.message).toContain('foo');
  });

  it('features as one string', async () => {
    const error = await captureError(() => computeFeatures({ X: good }, 'sma(2),rsi' as unknown as string[]));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('features');
    expect(error.message).toContain('the string "sma(2),rsi"');
  });

  it('backfill needs a positive memory budget', async () => {
    for (const memoryBudget of [-1, 0, NaN]) {
      const error = await captureError(() => backfill({ input: requireSp500(), output: path.join(tmpdir(), 'never-written.parquet'), features: ['sma(2)'], memoryBudget }));
      expect(error, String(memoryBudget)).toBeInstanceOf(ParameterError);
      expect(error.parameter).toBe('memory-budget');
    }
  });

  it('workers 0', async () => {
    const error = await captureError(() => computeFeatures({ X: good }, ['sma(2)'], { backend: 'wasm', workers: 0 }));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('workers');
  });

  it('unknown backend', async () => {
    const options = { backend: 'gpu' } as unknown as ComputeFeaturesOptions;
    const error = await captureError(() => computeFeatures({ X: good }, ['sma(2)'], options));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('backend');
  });

  it('unsorted timestamps name column and row', async () => {
    const unsorted = smallTable({ close: [1, 2, 3, 4, 5] }, [1n, 2n, 5n, 4n, 6n]);
    const error = await captureError(() => computeFeatures({ A: good, B: unsorted }, ['sma(2)']));
    expect(error).toBeInstanceOf(DataError);
    expect(error.column).toBe('timestamp');
    expect(error.row).toBe(3);
    expect(error.symbol).toBe('B');
    expect(error.file).toBe('<table B>');
  });

  it('duplicate timestamps name the row', async () => {
    const duplicated = smallTable({ close: [1, 2, 3, 4, 5] }, [1n, 2n, 3n, 4n, 4n]);
    const error = await captureError(() => computeFeatures({ B: duplicated }, ['sma(2)']));
    expect(error).toBeInstanceOf(DataError);
    expect(error.row).toBe(4);
    expect(error.message).toContain('duplicates');
  });

  it('missing close names the column', async () => {
    const noClose = smallTable({ high: [1, 2, 3, 4] });
    const error = await captureError(() => computeFeatures({ A: noClose }, ['sma(2)']));
    expect(error).toBeInstanceOf(DataError);
    expect(error.column).toBe('close');
    expect(error.file).toBe('<table A>');
  });

  it('missing high for atr', async () => {
    const error = await captureError(() => computeFeatures({ A: good }, ['atr(2)']));
    expect(error).toBeInstanceOf(DataError);
    expect(error.column).toBe('high');
  });

  it('close as strings', async () => {
    const strings = new arrow.Table({
      timestamp: arrow.makeVector(BigInt64Array.from([1n, 2n])),
      close: arrow.vectorFromArray(['1.5', '2.5'], new arrow.Utf8()),
    });
    const error = await captureError(() => computeFeatures({ A: strings }, ['sma(2)']));
    expect(error).toBeInstanceOf(DataError);
    expect(error.column).toBe('close');
  });

  it('empty map', async () => {
    const error = await captureError(() => computeFeatures(new Map(), ['sma(2)']));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('no tables');
  });

  it('one table without a symbol column', async () => {
    const error = await captureError(() => computeFeatures(good, ['sma(2)']));
    expect(error).toBeInstanceOf(DataError);
    expect(error.column).toBe('symbol');
  });

  it('adjust all without adjusted close', async () => {
    const error = await captureError(() => computeFeatures({ A: good }, ['sma(2)'], { adjust: 'all' }));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('adjust');
    expect(error.column).toBe('adj_close');
  });
});
