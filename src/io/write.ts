/**
 * Writing the feature matrix to Parquet, atomically and in bounded memory.
 *
 * Layouts:
 * - long: `symbol` (Dictionary<Utf8, Int32>), `timestamp` (the input's type and values), then
 *   one nullable Float64 column per feature. Rows are sorted by symbol, then time.
 * - wide: `timestamp` over the sorted union of every symbol's timestamps, then one nullable
 *   Float64 column per (symbol, feature), symbol-major. A column is named like the Python
 *   tuple `('AAPL', 'sma_20')`, which is how pyarrow names the columns of a pandas DataFrame
 *   whose columns form a (symbol, feature) MultiIndex. The file also carries the `pandas`
 *   schema metadata that pyarrow writes for such a frame, with `timestamp` as the index, so
 *   `pandas.read_parquet` returns the timestamp index and the (symbol, feature) MultiIndex
 *   columns. Other readers see plain column names; `ast.literal_eval(name)` splits one.
 *
 * NaN values are written as nulls. Float columns use BYTE_STREAM_SPLIT encoding without
 * dictionaries. The symbol column, and the timestamp column of the long layout, keep
 * dictionary encoding because their values repeat.
 *
 * Bytes go to a temporary file `.<name>.tmp-<pid>-<random>` beside the target, which is
 * fsynced and renamed over the target only after the last byte is written. On any failure
 * the temporary file is removed and an existing target is left untouched.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';

import { OutputError, ParameterError, TaBackfillError } from '../errors.js';
import { compareCodePoints } from './discover.js';
import { formatTimestampKey } from './read.js';
import type { Universe } from './types.js';

/** One output column: a value per bar in the universe's layout, NaN where the feature is undefined. */
export interface FeatureColumn {
  name: string;
  values: Float64Array;
}

export type OutputCompression = 'zstd' | 'snappy' | 'gzip' | 'brotli' | 'lz4' | 'none';

export interface WriteOptions {
  layout: 'long' | 'wide';
  compression: OutputCompression;
  /** Rows per Parquet row group: 131072 for long and 512 for wide by default. */
  rowGroupSize?: number;
}

export interface WriteSummary {
  rows: number;
  columns: number;
  /** Size of the written file. */
  bytes: number;
}

/**
 * Writes the features of `universe` to `target` in the requested layout and returns the
 * size of the result. Throws OutputError naming the target (or the feature) when the
 * features do not fit the universe or the write fails, and the target is then left as it was.
 */
export async function writeOutput(
  target: string,
  universe: Universe,
  features: FeatureColumn[],
  options: WriteOptions,
): Promise<WriteSummary> {
  if (options.layout === 'wide') {
    return writeWide(target, universe, features, options);
  }
  if (options.layout !== 'long') {
    throw new ParameterError(`Unknown output layout "${String(options.layout)}". Use long or wide.`, {
      parameter: 'layout',
    });
  }
  const output = await openLongOutput(
    target,
    { timestampType: universe.timestamps.type, featureNames: features.map((feature) => feature.name) },
    options,
  );
  await output.append(universe, features);
  return output.commit();
}

/**
 * Builds the long layout of `features` as one in-memory Arrow table: `symbol`, `timestamp`
 * in the input's type, then one nullable Float64 column per feature. Values are copied, so
 * the table does not keep the features' buffers alive.
 */
export function longTable(universe: Universe, features: FeatureColumn[]): arrow.Table {
  const symbolType = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
  const schema = new OutputSchema([
    new arrow.Field('symbol', symbolType, false),
    new arrow.Field('timestamp', universe.timestamps.type, false),
    ...features.map((feature) => new arrow.Field(feature.name, new arrow.Float64(), true)),
  ]);
  const total = universe.offsets[universe.symbols.length];
  const symbolIndex = new Int32Array(total);
  for (let k = 0; k < universe.symbols.length; k++) {
    symbolIndex.fill(k, universe.offsets[k], universe.offsets[k + 1]);
  }
  const dictionary = arrow.vectorFromArray(universe.symbols, new arrow.Utf8());
  return tableOf(
    schema,
    [
      arrow.makeData({ type: symbolType, length: total, data: symbolIndex, dictionary }),
      timestampData(universe, universe.timestamps.type, 0, total),
      ...features.map((feature) => float64Data(feature.values.slice())),
    ],
    total,
  );
}

/** Timestamp type and feature names that every chunk appended to one long output shares. */
export interface LongOutputSpec {
  timestampType: arrow.DataType;
  featureNames: string[];
}

/**
 * Opens a long-layout output that universes are appended to chunk by chunk, each chunk's
 * symbols sorting after the previous chunk's. Nothing appears at `target` until `commit`;
 * `abort` removes the temporary file.
 */
export async function openLongOutput(
  target: string,
  spec: LongOutputSpec,
  options: Omit<WriteOptions, 'layout'>,
): Promise<LongOutput> {
  const rowGroupSize = checkRowGroupSize(options.rowGroupSize, DEFAULT_LONG_ROW_GROUP);
  checkFeatureNames(target, spec.featureNames, ['symbol', 'timestamp']);

  const symbolType = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
  const fields = [
    new arrow.Field('symbol', symbolType, false),
    new arrow.Field('timestamp', spec.timestampType, false),
    ...spec.featureNames.map((name) => new arrow.Field(name, new arrow.Float64(), true)),
  ];
  const schema = new OutputSchema(fields);

  let builder = baseProperties(options.compression, target)
    .setMaxRowGroupSize(rowGroupSize)
    .setStatisticsEnabled(parquet.EnabledStatistics.Page)
    .setColumnDictionaryEnabled('symbol', true)
    .setColumnDictionaryEnabled('timestamp', true);
  for (const name of spec.featureNames) {
    builder = builder.setColumnEncoding(name, parquet.Encoding.BYTE_STREAM_SPLIT);
  }

  const empty = tableOf(
    schema,
    [
      arrow.makeData({
        type: symbolType,
        length: 0,
        data: new Int32Array(0),
        dictionary: arrow.vectorFromArray([], new arrow.Utf8()),
      }),
      timestampColumnData(spec.timestampType, new BigInt64Array(0), [], 0, 0),
      ...spec.featureNames.map(() => float64Data(new Float64Array(0))),
    ],
    0,
  );
  const sink = await ParquetSink.open(target, empty, builder.build());
  return new LongOutputWriter(sink, schema, symbolType, spec);
}

/**
 * A long-layout output being written; see `openLongOutput`. Calls must not overlap: await
 * each append before the next one.
 */
export interface LongOutput {
  /**
   * Appends every bar of `universe` with its features, in the feature order of the spec.
   * Any failure aborts the whole output, which then accepts nothing more.
   */
  append(universe: Universe, features: FeatureColumn[]): Promise<void>;
  /** Finishes the file and renames it into place. */
  commit(): Promise<WriteSummary>;
  /** Discards everything written and leaves the target as it was. Never throws. */
  abort(): Promise<void>;
}

class LongOutputWriter implements LongOutput {
  private rows = 0;
  private lastSymbol: string | undefined;

  constructor(
    private readonly sink: ParquetSink,
    private readonly schema: arrow.Schema,
    private readonly symbolType: arrow.Dictionary<arrow.Utf8, arrow.Int32>,
    private readonly spec: LongOutputSpec,
  ) {}

  async append(universe: Universe, features: FeatureColumn[]): Promise<void> {
    try {
      await this.appendChunk(universe, features);
    } catch (error) {
      await this.sink.abort();
      throw asOutputError(this.sink.target, error);
    }
  }

  private async appendChunk(universe: Universe, features: FeatureColumn[]): Promise<void> {
    const target = this.sink.target;
    checkFeatures(target, universe, features, this.spec.featureNames);
    checkTimestampType(target, universe, this.spec.timestampType);
    const first = universe.symbols[0];
    if (first !== undefined && this.lastSymbol !== undefined && compareCodePoints(first, this.lastSymbol) <= 0) {
      throw new OutputError(
        `Chunks appended to ${target} must follow symbol order, but this chunk starts with ${first} after ` +
          `${this.lastSymbol}. Split the universe into chunks of consecutive symbols.`,
        { file: target, symbol: first },
      );
    }

    const total = universe.offsets[universe.symbols.length];
    const dictionary = arrow.vectorFromArray(universe.symbols, new arrow.Utf8());
    const symbolIndex = new Int32Array(total);
    for (let k = 0; k < universe.symbols.length; k++) {
      symbolIndex.fill(k, universe.offsets[k], universe.offsets[k + 1]);
    }

    for (let start = 0; start < total; start += LONG_BATCH_ROWS) {
      const end = Math.min(total, start + LONG_BATCH_ROWS);
      const length = end - start;
      const columns: arrow.Data[] = [
        arrow.makeData({ type: this.symbolType, length, data: symbolIndex.subarray(start, end), dictionary }),
        timestampData(universe, this.spec.timestampType, start, end),
        ...features.map((feature) => float64Data(feature.values.subarray(start, end))),
      ];
      await this.sink.write(tableOf(this.schema, columns, length));
    }

    this.rows += total;
    this.lastSymbol = universe.symbols.at(-1) ?? this.lastSymbol;
  }

  async commit(): Promise<WriteSummary> {
    const bytes = await this.sink.commit();
    return { rows: this.rows, columns: this.schema.fields.length, bytes };
  }

  async abort(): Promise<void> {
    await this.sink.abort();
  }
}

/**
 * Removes the temporary files of writes still in progress. Meant for a signal handler that
 * is about to exit the process, so it is synchronous and ignores files already gone.
 */
export function removeTemporaryOutputs(): void {
  for (const file of pendingTemporaryFiles) {
    try {
      unlinkSync(file);
    } catch {
      // Already renamed or removed.
    }
  }
  pendingTemporaryFiles.clear();
}

/**
 * Names the wide-layout column of one (symbol, feature) pair: the Python literal of the tuple
 * (symbol, feature), as `str()` of the tuple prints it, for example `('AAPL', 'sma_20')`.
 */
export function wideColumnName(symbol: string, feature: string): string {
  return `(${pythonStringLiteral(symbol)}, ${pythonStringLiteral(feature)})`;
}

// ---------------------------------------------------------------------------------------------
// Sizes

/**
 * Rows per long row group, kept moderate because the writer buffers a whole row group. The
 * benchmark wrote 2.4M rows x 25 float64 features with ZSTD on a 2-core AMD EPYC machine with
 * Node 20 and parquet-wasm 0.8.0, from a process that already used 0.8 GB. Groups of 131,072
 * rows took 3.7-3.9 s at 1.07-1.12 GB peak RSS. Groups of 1,048,576 rows took 5.7 s at 1.96 GB.
 */
const DEFAULT_LONG_ROW_GROUP = 131_072;

/** Rows per Arrow batch handed to the writer; the writer regroups them into row groups. */
const LONG_BATCH_ROWS = 65_536;

/**
 * Rows per wide row group, and per batch. The writer keeps one row group of every column in
 * wasm32 memory, which is capped at 4 GiB. With 12,600 columns, 512 rows keep the buffered
 * data near 50 MB.
 */
const DEFAULT_WIDE_ROW_GROUP = 512;

function checkRowGroupSize(value: number | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new ParameterError(`Row group size must be a positive whole number of rows, not ${value}.`, {
      parameter: 'rowGroupSize',
    });
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Wide layout

async function writeWide(
  target: string,
  universe: Universe,
  features: FeatureColumn[],
  options: WriteOptions,
): Promise<WriteSummary> {
  const rowGroupSize = checkRowGroupSize(options.rowGroupSize, DEFAULT_WIDE_ROW_GROUP);
  const featureNames = features.map((feature) => feature.name);
  checkFeatureNames(target, featureNames, []);
  checkFeatures(target, universe, features, featureNames);

  const timeline = buildTimeline(universe, target);
  const symbolCount = universe.symbols.length;
  const names = universe.symbols.flatMap((symbol) => featureNames.map((feature) => wideColumnName(symbol, feature)));
  const schema = new OutputSchema([
    new arrow.Field('timestamp', universe.timestamps.type, false),
    ...names.map((name) => new arrow.Field(name, new arrow.Float64(), true)),
  ]);

  // NOTE: with ZSTD, parquet-wasm 0.8.0 grows its wasm memory by about 1.2 GB at the first row
  // group of a 12,600-column table, whatever the row group size. It also writes about 3x slower
  // than with SNAPPY: 19 s and 2.0 GB peak RSS against 7 s and 1.5 GB for 504 x 25 features.
  let builder = baseProperties(options.compression, target)
    .setMaxRowGroupSize(rowGroupSize)
    // Page statistics would keep a column index entry per page of every column in memory.
    .setStatisticsEnabled(parquet.EnabledStatistics.Chunk)
    .setKeyValueMetadata(new Map([['pandas', pandasMetadata(universe.timestamps.type, names)]]));
  for (const name of names) {
    builder = builder.setColumnEncoding(name, parquet.Encoding.BYTE_STREAM_SPLIT);
  }

  const empty = tableOf(
    schema,
    [
      timestampColumnData(universe.timestamps.type, new BigInt64Array(0), [], 0, 0),
      ...names.map(() => float64Data(new Float64Array(0))),
    ],
    0,
  );
  const sink = await ParquetSink.open(target, empty, builder.build());
  try {
    // cursor[k] is the first bar of symbol k not yet placed in a written row.
    const cursor = universe.offsets.slice(0, symbolCount);
    for (let start = 0; start < timeline.rows; start += rowGroupSize) {
      const end = Math.min(timeline.rows, start + rowGroupSize);
      const length = end - start;
      const columns: arrow.Data[] = [timelineData(timeline, universe.timestamps.type, start, end)];

      for (let k = 0; k < symbolCount; k++) {
        const first = cursor[k];
        let stop = first;
        const limit = universe.offsets[k + 1];
        while (stop < limit && timeline.rowOfBar[stop] < end) {
          stop++;
        }
        cursor[k] = stop;
        for (const feature of features) {
          const values = new Float64Array(length).fill(NaN);
          for (let bar = first; bar < stop; bar++) {
            values[timeline.rowOfBar[bar] - start] = feature.values[bar];
          }
          columns.push(float64Data(values));
        }
      }
      await sink.write(tableOf(schema, columns, length));
    }
  } catch (error) {
    await sink.abort();
    throw asOutputError(sink.target, error);
  }

  const bytes = await sink.commit();
  return { rows: timeline.rows, columns: schema.fields.length, bytes };
}

/** The sorted union of all timestamps, and the row of each bar in it. */
interface Timeline {
  rows: number;
  keys: BigInt64Array;
  /** For string timestamps, the text of each row, taken from the first symbol that has it. */
  strings?: string[];
  rowOfBar: Int32Array;
}

/** Throws OutputError when a symbol's timestamps do not strictly increase, which the union relies on. */
function buildTimeline(universe: Universe, target: string): Timeline {
  const { keys: barKeys, strings: barStrings } = universe.timestamps;
  const sorted = barKeys.slice().sort();
  let rows = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      sorted[rows++] = sorted[i];
    }
  }
  const keys = sorted.slice(0, rows);

  const rowOfBar = new Int32Array(barKeys.length);
  const strings = barStrings !== undefined ? new Array<string>(rows) : undefined;
  for (let k = 0; k + 1 < universe.offsets.length; k++) {
    let row = 0;
    for (let bar = universe.offsets[k]; bar < universe.offsets[k + 1]; bar++) {
      // A symbol's keys increase, so the search for its next bar resumes where the last one ended.
      while (row < rows && keys[row] !== barKeys[bar]) {
        row++;
      }
      if (row === rows) {
        throw new OutputError(
          `Timestamps of ${universe.symbols[k]} do not strictly increase at bar ${bar - universe.offsets[k]}, so ` +
            `${target} cannot align them in the wide layout. Sort and deduplicate the bars before writing.`,
          { file: target, symbol: universe.symbols[k], column: 'timestamp' },
        );
      }
      rowOfBar[bar] = row;
      if (strings !== undefined && strings[row] === undefined) {
        strings[row] = barStrings![bar];
      }
      row++;
    }
  }
  return { rows, keys, strings, rowOfBar };
}

function timelineData(timeline: Timeline, type: arrow.DataType, start: number, end: number): arrow.Data {
  return timestampColumnData(type, timeline.keys, timeline.strings, start, end);
}

/**
 * Builds the `pandas` schema metadata that pyarrow writes for a DataFrame indexed by
 * `timestamp` whose columns are a two-level (symbol, feature) MultiIndex. pyarrow's
 * pandas_compat reads `index_columns` to rebuild the index, and with two `column_indexes`
 * passes each column name through ast.literal_eval to rebuild the MultiIndex.
 */
function pandasMetadata(timestampType: arrow.DataType, names: string[]): string {
  const level = (name: string) => ({
    name,
    field_name: name,
    pandas_type: 'unicode',
    numpy_type: 'object',
    metadata: { encoding: 'UTF-8' },
  });
  const columns = names.map((name) => ({
    name,
    field_name: name,
    pandas_type: 'float64',
    numpy_type: 'float64',
    metadata: null,
  }));
  return JSON.stringify({
    index_columns: ['timestamp'],
    column_indexes: [level('symbol'), level('feature')],
    columns: [...columns, { name: 'timestamp', field_name: 'timestamp', ...pandasTypeOf(timestampType) }],
    creator: { library: 'ta-backfill' },
  });
}

function pandasTypeOf(type: arrow.DataType): { pandas_type: string; numpy_type: string; metadata: unknown } {
  if (arrow.DataType.isTimestamp(type)) {
    const unit = ['s', 'ms', 'us', 'ns'][type.unit];
    return type.timezone
      ? { pandas_type: 'datetimetz', numpy_type: 'datetime64[ns]', metadata: { timezone: type.timezone } }
      : { pandas_type: 'datetime', numpy_type: `datetime64[${unit}]`, metadata: null };
  }
  if (arrow.DataType.isDate(type)) {
    return { pandas_type: 'date', numpy_type: 'object', metadata: null };
  }
  if (arrow.DataType.isInt(type)) {
    const name = `${type.isSigned ? 'int' : 'uint'}${type.bitWidth}`;
    return { pandas_type: name, numpy_type: name, metadata: null };
  }
  return { pandas_type: 'unicode', numpy_type: 'object', metadata: null };
}

/** Quotes a string as Python's repr() does for printable text: single quotes unless it holds only `'`. */
function pythonStringLiteral(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === quote) {
      body += `\\${char}`;
    } else if (char === '\n') {
      body += '\\n';
    } else if (char === '\r') {
      body += '\\r';
    } else if (char === '\t') {
      body += '\\t';
    } else if (code < 0x20 || code === 0x7f) {
      body += `\\x${code.toString(16).padStart(2, '0')}`;
    } else {
      body += char;
    }
  }
  return `${quote}${body}${quote}`;
}

// ---------------------------------------------------------------------------------------------
// Columns

/**
 * A schema whose `assign` skips the merge when given its own fields. apache-arrow 21 calls
 * `schema.assign(fields)` in every RecordBatch constructor, and that merge compares each field
 * with every other: 0.45 s per batch for the 12,601 columns of a 504 x 25 wide output.
 */
class OutputSchema extends arrow.Schema {
  override assign(schema: arrow.Schema): arrow.Schema;
  override assign(...fields: (arrow.Field | arrow.Field[])[]): arrow.Schema;
  override assign(...args: unknown[]): arrow.Schema {
    const [first] = args;
    if (args.length === 1 && Array.isArray(first) && first.length === this.fields.length) {
      if (first.every((field, i) => field === this.fields[i])) {
        return this;
      }
    }
    return super.assign(...(args as arrow.Field[]));
  }
}

function tableOf(schema: arrow.Schema, columns: arrow.Data[], length: number): arrow.Table {
  const struct = arrow.makeData({ type: new arrow.Struct(schema.fields), length, nullCount: 0, children: columns });
  return new arrow.Table([new arrow.RecordBatch(schema, struct)]);
}

/** Builds a Float64 column with a null wherever the value is NaN. */
function float64Data(values: Float64Array): arrow.Data<arrow.Float64> {
  const length = values.length;
  const validity = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (values[i] === values[i]) {
      validity[i >> 3] |= 1 << (i & 7);
    } else {
      nullCount++;
    }
  }
  return arrow.makeData({
    type: new arrow.Float64(),
    length,
    data: values,
    nullCount,
    nullBitmap: nullCount > 0 ? validity : null,
  });
}

function timestampData(universe: Universe, type: arrow.DataType, start: number, end: number): arrow.Data {
  return timestampColumnData(type, universe.timestamps.keys, universe.timestamps.strings, start, end);
}

/** Rebuilds timestamp values of the input's type from the int64 keys (or the original strings). */
function timestampColumnData(
  type: arrow.DataType,
  keys: BigInt64Array,
  strings: string[] | undefined,
  start: number,
  end: number,
): arrow.Data {
  const length = end - start;
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) {
    const text =
      strings !== undefined
        ? strings.slice(start, end)
        : Array.from(keys.subarray(start, end), (key) => formatTimestampKey(key, new arrow.TimestampNanosecond('UTC')));
    return arrow.vectorFromArray(text, type).data[0];
  }

  const slice = keys.subarray(start, end);
  if (arrow.DataType.isTimestamp(type)) {
    return arrow.makeData({ type, length, data: slice });
  }
  if (arrow.DataType.isDate(type)) {
    return type.unit === arrow.DateUnit.MILLISECOND
      ? arrow.makeData({ type: type as arrow.DateMillisecond, length, data: slice })
      : arrow.makeData({ type: type as arrow.DateDay, length, data: Int32Array.from(slice, Number) });
  }
  if (arrow.DataType.isInt(type)) {
    if (type.bitWidth === 64) {
      // Keys of an unsigned input were checked to be at most 2^63 - 1, so the bits are the same.
      const data = type.isSigned ? slice : new BigUint64Array(slice.buffer, slice.byteOffset, length);
      return arrow.makeData({ type, length, data });
    }
    return arrow.makeData({ type, length, data: (type.ArrayType as Int32ArrayConstructor).from(slice, Number) });
  }
  throw new OutputError(`Cannot write timestamps of type ${String(type)}.`, { column: 'timestamp' });
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkFeatureNames(target: string, names: string[], reserved: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') {
      throw new OutputError(`A feature of ${target} has an empty name. Every output column needs a name.`, {
        file: target,
      });
    }
    if (reserved.includes(name)) {
      throw new OutputError(
        `Feature ${name} of ${target} has the name of a key column (${reserved.join(', ')}). Rename the feature.`,
        { file: target, feature: name },
      );
    }
    if (seen.has(name)) {
      throw new OutputError(`Feature ${name} appears twice in ${target}. Request each feature once.`, {
        file: target,
        feature: name,
      });
    }
    seen.add(name);
  }
}

function checkFeatures(target: string, universe: Universe, features: FeatureColumn[], expected: string[]): void {
  const total = universe.offsets[universe.symbols.length];
  const names = features.map((feature) => feature.name);
  if (names.length !== expected.length || names.some((name, i) => name !== expected[i])) {
    throw new OutputError(
      `The features given for ${target} (${names.join(', ')}) differ from the ones it was opened with ` +
        `(${expected.join(', ')}). Pass the same features, in the same order.`,
      { file: target },
    );
  }
  for (const feature of features) {
    if (feature.values.length !== total) {
      throw new OutputError(
        `Feature ${feature.name} has ${feature.values.length} values, but the universe has ${total} bars. ` +
          `Each feature needs one value per bar.`,
        { file: target, feature: feature.name },
      );
    }
  }
}

function checkTimestampType(target: string, universe: Universe, expected: arrow.DataType): void {
  // String() names the type with its unit and time zone. arrow's compareTypes would also tell a
  // null time zone from an undefined one.
  if (String(universe.timestamps.type) !== String(expected)) {
    throw new OutputError(
      `The timestamps of this chunk have type ${String(universe.timestamps.type)}, but ${target} was opened ` +
        `for ${String(expected)}. Every chunk of one output must share the timestamp type.`,
      { file: target, column: 'timestamp' },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Writer properties

const COMPRESSIONS: Record<OutputCompression, parquet.Compression> = {
  zstd: parquet.Compression.ZSTD,
  snappy: parquet.Compression.SNAPPY,
  gzip: parquet.Compression.GZIP,
  brotli: parquet.Compression.BROTLI,
  // LZ4_RAW is the codec that Parquet readers agree on, because the older LZ4 framing is deprecated.
  lz4: parquet.Compression.LZ4_RAW,
  none: parquet.Compression.UNCOMPRESSED,
};

function baseProperties(compression: OutputCompression, target: string): parquet.WriterPropertiesBuilder {
  const codec = COMPRESSIONS[compression];
  if (codec === undefined) {
    throw new ParameterError(
      `Unknown compression "${String(compression)}" for ${target}. Use one of: ${Object.keys(COMPRESSIONS).join(', ')}.`,
      { parameter: 'compression', file: target },
    );
  }
  // Dictionaries only grow float features: measured 241 MB with and 192 MB without for
  // 600,000 rows x 40 float64 columns. The key columns turn them back on.
  return new parquet.WriterPropertiesBuilder().setCompression(codec).setDictionaryEnabled(false);
}

// ---------------------------------------------------------------------------------------------
// Atomic streaming file

const pendingTemporaryFiles = new Set<string>();

/**
 * A Parquet file written batch by batch through parquet-wasm's transformParquetStream into a
 * temporary file, then renamed into place.
 *
 * transformParquetStream resolves only after the first batch arrives, and when its input
 * stream fails it still ends its output as a valid file of the batches so far. So the sink
 * consumes the output in the background, records every failure itself, and never renames
 * after one.
 */
class ParquetSink {
  private controller!: ReadableStreamDefaultController<parquet.RecordBatch>;
  private demand: (() => void) | undefined;
  private failure: unknown;
  private batches = 0;
  private bytes = 0;
  private readonly drained: Promise<void>;
  private closed = false;

  private constructor(
    readonly target: string,
    private readonly temporary: string,
    private readonly handle: FileHandle,
    private readonly emptyTable: arrow.Table,
    properties: parquet.WriterProperties,
  ) {
    const input = new ReadableStream<parquet.RecordBatch>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => {
          this.demand?.();
          this.demand = undefined;
        },
      },
      { highWaterMark: 1 },
    );
    this.drained = this.drain(input, properties);
    this.drained.catch((error: unknown) => {
      this.failure ??= error;
      this.demand?.();
    });
  }

  /** Opens a temporary file for `target`; `emptyTable` is a zero-row table of the output's schema. */
  static async open(target: string, emptyTable: arrow.Table, properties: parquet.WriterProperties): Promise<ParquetSink> {
    const resolved = path.resolve(target);
    const directory = path.dirname(resolved);
    await checkTargetLocation(target, resolved, directory);

    const temporary = path.join(
      directory,
      `.${path.basename(resolved)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`,
    );
    let handle: FileHandle;
    try {
      handle = await fs.open(temporary, 'wx');
    } catch (error) {
      throw new OutputError(
        `Cannot create a temporary file in ${directory} for ${target}: ${(error as Error).message}`,
        { file: target },
        { cause: error },
      );
    }
    pendingTemporaryFiles.add(temporary);
    return new ParquetSink(resolved, temporary, handle, emptyTable, properties);
  }

  /** Queues the batches of `table`, waiting while the writer is busy; `table` must have the sink's schema. */
  async write(table: arrow.Table): Promise<void> {
    this.throwIfFailed();
    let batches: parquet.RecordBatch[];
    try {
      const wasmTable = parquet.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
      batches = wasmTable.recordBatches();
      // The record batches keep their own references to the data. Without this free, the
      // table's wasm memory would be released only when the garbage collector finalizes it.
      wasmTable.free();
    } catch (error) {
      throw asOutputError(this.target, error);
    }
    for (const batch of batches) {
      while ((this.controller.desiredSize ?? 0) <= 0 && this.failure === undefined) {
        await new Promise<void>((resolve) => {
          this.demand = resolve;
        });
      }
      this.throwIfFailed();
      this.controller.enqueue(batch);
      this.batches++;
    }
  }

  /** Finishes the file, fsyncs it, renames it over the target and returns its size in bytes. */
  async commit(): Promise<number> {
    try {
      if (this.batches === 0) {
        // The writer learns the schema from the first batch, so an empty output needs an empty batch.
        await this.write(this.emptyTable);
      }
      this.throwIfFailed();
      this.closed = true;
      this.controller.close();
      await this.drained;
      this.throwIfFailed();
      await this.handle.sync();
      await this.handle.close();
      await fs.rename(this.temporary, this.target);
      pendingTemporaryFiles.delete(this.temporary);
    } catch (error) {
      await this.abort();
      throw asOutputError(this.target, error);
    }
    await syncDirectory(path.dirname(this.target));
    return this.bytes;
  }

  /** Stops the writer and removes the temporary file. Never throws. */
  async abort(): Promise<void> {
    this.failure ??= new Error('the write was aborted');
    if (!this.closed) {
      this.closed = true;
      try {
        this.controller.error(this.failure);
      } catch {
        // The stream has already ended.
      }
    }
    this.demand?.();
    await this.drained.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    await fs.unlink(this.temporary).catch(() => undefined);
    pendingTemporaryFiles.delete(this.temporary);
  }

  private async drain(input: ReadableStream<parquet.RecordBatch>, properties: parquet.WriterProperties): Promise<void> {
    const output: ReadableStream<Uint8Array> = await parquet.transformParquetStream(input, properties);
    const reader = output.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done || this.failure !== undefined) {
        return;
      }
      // FileHandle.write may write fewer bytes than asked, like write(2).
      for (let offset = 0; offset < value.byteLength; ) {
        const { bytesWritten } = await this.handle.write(value, offset, value.byteLength - offset);
        offset += bytesWritten;
      }
      this.bytes += value.byteLength;
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) {
      throw asOutputError(this.target, this.failure);
    }
  }
}

/** Keeps the project's own errors and wraps any other failure in an OutputError naming the target. */
function asOutputError(target: string, error: unknown): Error {
  if (error instanceof TaBackfillError) {
    return error;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new OutputError(`Writing ${target} failed: ${detail}. The target was left unchanged.`, { file: target }, {
    cause: error,
  });
}

async function checkTargetLocation(target: string, resolved: string, directory: string): Promise<void> {
  const directoryStats = await fs.stat(directory).catch(() => undefined);
  if (directoryStats === undefined || !directoryStats.isDirectory()) {
    throw new OutputError(`The directory of output ${target} does not exist. Create ${directory} first.`, {
      file: target,
    });
  }
  const targetStats = await fs.stat(resolved).catch(() => undefined);
  if (targetStats?.isDirectory()) {
    throw new OutputError(`Output ${target} is a directory. Give a file path such as ${path.join(target, 'features.parquet')}.`, {
      file: target,
    });
  }
}

/** Makes the rename durable. Some file systems cannot fsync a directory, and the rename is kept then too. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort only.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
