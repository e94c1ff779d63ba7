/**
 * Reading a universe: finds the input files, reads the needed columns of each, validates
 * them and packs every symbol's bars end to end in the batch layout of `Universe`.
 *
 * Timestamps stay exact int64 keys in the input's own unit, in a BigInt64Array and never as
 * JS numbers or Dates. Prices and volumes of any numeric Arrow type are widened to float64,
 * with nulls as NaN. Every rule a file breaks raises an error that names the file, the column and the
 * first offending zero-based row of that file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';

import { DataError, InputError, ParameterError } from '../errors.js';
import { compareCodePoints, discoverInputs, type InputLayout, type SymbolInput } from './discover.js';
import { FIELDS, type Adjustment, type Field, type InputColumn, type TimestampColumn, type Universe } from './types.js';

export interface ReadOptions {
  /** Explicit column names by role. A named column that a file lacks is an error. */
  columns?: Partial<Record<InputColumn, string>>;
  /** Price adjustment applied after reading, 'none' by default. */
  adjust?: Adjustment;
  /** Fields every input must have. */
  requiredFields: Field[];
  /** Fields read where present. A field found in no input is absent from the universe. */
  optionalFields: Field[];
  /** Maximum number of files read at the same time, 4 by default. */
  concurrency?: number;
  /** Called after each file is read, with the files done and the files in all. */
  onProgress?: (done: number, total: number) => void;
}

export type ArrowReadOptions = Omit<ReadOptions, 'concurrency' | 'onProgress'>;

/**
 * Reads every symbol of `input` (a directory of SYMBOL.parquet files, a Hive-style
 * symbol=SYMBOL/ directory, or one file with a symbol column) into a Universe.
 *
 * Throws InputError for paths that cannot be found or files that cannot be decoded,
 * DataError for data that breaks a rule, and ParameterError for an adjustment whose
 * column is missing.
 */
export async function readUniverse(input: string, options: ReadOptions): Promise<Universe> {
  const settings = resolveSettings(options);
  const layout = await discoverInputs(input, { symbolColumn: options.columns?.symbol });
  if (layout.form === 'single-file') {
    return readSingleFile(layout.file, settings, options.onProgress);
  }
  return readSymbolFiles(layout, settings, options.concurrency ?? DEFAULT_CONCURRENCY, options.onProgress);
}

/**
 * Builds a Universe from Arrow tables already in memory, with the same column matching,
 * validation and adjustment as `readUniverse`. A single table must have a symbol column;
 * a Map or record contains one table per symbol. Errors name the input `<table>` or
 * `<table SYMBOL>` in place of a file.
 */
export function universeFromArrow(
  input: arrow.Table | Map<string, arrow.Table> | Record<string, arrow.Table>,
  options: ArrowReadOptions,
): Universe {
  const settings = resolveSettings(options);

  if (input instanceof arrow.Table) {
    const label = '<table>';
    const plan = planColumns(input.schema.fields, label, settings, 'required');
    return finishSingleTable(decodeTable(input, plan, label), label, settings);
  }

  const entries = input instanceof Map ? [...input.entries()] : Object.entries(input);
  const symbols = entries.map(([symbol]) => symbol).sort(compareCodePoints);
  const tables = new Map(entries);
  const groups: SymbolParts[] = symbols.map((symbol) => {
    const label = `<table ${symbol}>`;
    const table = tables.get(symbol)!;
    const plan = planColumns(table.schema.fields, label, settings, 'ignored');
    const part = decodeTable(table, plan, label);
    checkStrictlyIncreasing(part, 0, part.rows, (i) => i, symbol);
    return { symbol, source: label, parts: [part] };
  });
  return assembleFromParts(groups, settings);
}

// ---------------------------------------------------------------------------------------------
// Options and column matching

/**
 * Reading files is CPU-bound inside parquet-wasm, so this limit only overlaps file I/O with
 * decoding. Worker threads were measured on a 2-core AMD EPYC machine with Node 20, reading 6
 * columns of the 504-file S&P 500 daily set with the column-selecting reader. One thread took 1.5-1.6 s and two cold workers
 * 1.5 s, because each worker compiles its own copy of the parquet-wasm module. Only warm
 * workers were faster (0.9 s), and a run reads each file once, so reading stays on the
 * calling thread.
 */
const DEFAULT_CONCURRENCY = 4;

/** Rows per Arrow batch requested from parquet-wasm, large so that a daily file comes back in one batch. */
const READ_BATCH_ROWS = 1 << 20;

/** Column names recognised for each role, compared after lower-casing and removing spaces, `_` and `-`. */
const COLUMN_CANDIDATES: Record<InputColumn, readonly string[]> = {
  symbol: ['symbol', 'ticker'],
  timestamp: ['timestamp', 'datetime', 'date', 'time'],
  open: ['open'],
  high: ['high'],
  low: ['low'],
  close: ['close'],
  volume: ['volume'],
  adj_close: ['adjclose', 'adjustedclose'],
  split_coefficient: ['splitcoefficient', 'splitfactor', 'splits', 'split', 'stocksplits'],
};

/** Names as a user would write them, for messages about a column that was not found. */
const COLUMN_EXAMPLES: Record<InputColumn, string> = {
  symbol: 'symbol, ticker',
  timestamp: 'timestamp, datetime, date, time',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  adj_close: 'adj close, adj_close, adjusted_close, adjclose',
  split_coefficient: 'split_coefficient, split_factor, splits, split, stock splits',
};

interface Settings {
  columns: Partial<Record<InputColumn, string>>;
  adjust: Adjustment;
  required: Set<Field>;
  optional: Set<Field>;
}

/** Names of the columns that fill each role in one file. */
interface ColumnPlan {
  timestamp: string;
  symbol?: string;
  fields: Partial<Record<Field, string>>;
  adjClose?: string;
  split?: string;
}

function resolveSettings(options: ArrowReadOptions): Settings {
  const adjust = options.adjust ?? 'none';
  if (adjust !== 'none' && adjust !== 'splits' && adjust !== 'all') {
    throw new ParameterError(`Unknown adjustment "${String(adjust)}". Use none, splits or all.`, { parameter: 'adjust' });
  }
  const required = new Set(options.requiredFields);
  // The 'all' adjustment scales open, high and low by adj_close / close, so close must be read.
  if (adjust === 'all') {
    required.add('close');
  }
  const optional = new Set(options.optionalFields.filter((field) => !required.has(field)));
  return { columns: options.columns ?? {}, adjust, required, optional };
}

/**
 * Matches the schema of one file to the roles it must fill.
 * `symbolRole` selects whether a symbol column is required, read when present, or not read.
 */
function planColumns(
  fields: arrow.Field[],
  file: string,
  settings: Settings,
  symbolRole: 'required' | 'optional' | 'ignored',
): ColumnPlan {
  const names = fields.map((field) => field.name);
  const find = (role: InputColumn, required: boolean): string | undefined =>
    findColumn(names, role, settings.columns[role], file, required);

  const timestamp = find('timestamp', true)!;
  const plan: ColumnPlan = { timestamp, fields: {} };

  if (symbolRole !== 'ignored') {
    plan.symbol = find('symbol', symbolRole === 'required');
  }
  for (const field of FIELDS) {
    if (settings.required.has(field)) {
      plan.fields[field] = find(field, true);
    } else if (settings.optional.has(field)) {
      const name = find(field, false);
      if (name !== undefined) {
        plan.fields[field] = name;
      }
    }
  }

  // A mapped column must exist even when its role is not needed, so that a typo never goes unnoticed.
  for (const role of Object.keys(settings.columns) as InputColumn[]) {
    if (role !== 'symbol' || symbolRole !== 'ignored') {
      find(role, false);
    }
  }

  if (settings.adjust === 'all') {
    plan.adjClose = find('adj_close', false);
    if (plan.adjClose === undefined) {
      throw missingAdjustmentColumn(file, 'all', 'adj_close', names);
    }
  } else if (settings.adjust === 'splits') {
    plan.split = find('split_coefficient', false);
    if (plan.split === undefined) {
      throw missingAdjustmentColumn(file, 'splits', 'split_coefficient', names);
    }
  }
  return plan;
}

function findColumn(
  names: string[],
  role: InputColumn,
  mapped: string | undefined,
  file: string,
  required: boolean,
): string | undefined {
  if (mapped !== undefined) {
    if (names.includes(mapped)) {
      return mapped;
    }
    const caseless = names.filter((name) => name.toLowerCase() === mapped.toLowerCase());
    if (caseless.length === 1) {
      return caseless[0];
    }
    if (caseless.length > 1) {
      throw new DataError(
        `${file} has several columns that match "${mapped}" apart from case: ${listNames(caseless)}. ` +
          `Map ${role} to one of them with its exact name.`,
        { file, column: mapped },
      );
    }
    throw new DataError(
      `${file} has no column "${mapped}", which the columns option maps to ${role}. ` +
        `Its columns are: ${listNames(names)}. Fix the mapping or the file.`,
      { file, column: mapped },
    );
  }

  const candidates = COLUMN_CANDIDATES[role];
  const matches = names.filter((name) => candidates.includes(normaliseColumnName(name)));
  if (matches.length === 1) {
    return matches[0];
  }
  if (matches.length > 1) {
    throw new DataError(
      `${file} has several columns that could be the ${role}: ${listNames(matches)}. ` +
        `Choose one with the columns option (--columns ${role}=NAME).`,
      { file, column: matches[0] },
    );
  }
  if (required) {
    throw new DataError(
      `${file} has no ${role} column (looked for ${COLUMN_EXAMPLES[role]}, in any case). ` +
        `Its columns are: ${listNames(names)}. Map the column with --columns ${role}=NAME.`,
      { file, column: role },
    );
  }
  return undefined;
}

function missingAdjustmentColumn(file: string, adjust: Adjustment, role: InputColumn, names: string[]): ParameterError {
  const what = role === 'adj_close' ? 'an adjusted close column' : 'a split coefficient column';
  return new ParameterError(
    `--adjust ${adjust} needs ${what}, but ${file} has none (looked for ${COLUMN_EXAMPLES[role]}, in any case). ` +
      `Its columns are: ${listNames(names)}. Map the column with --columns ${role}=NAME or use --adjust none.`,
    { file, column: role, parameter: 'adjust' },
  );
}

function normaliseColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

function listNames(names: string[]): string {
  return names.length === 0 ? '(none)' : names.map((name) => JSON.stringify(name)).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Reading files

interface DecodedPart {
  file: string;
  rows: number;
  timestampColumn: string;
  timestampType: arrow.DataType;
  keys: BigInt64Array;
  /** Original text of each timestamp, for string timestamp columns. */
  strings?: string[];
  fields: Partial<Record<Field, Float64Array>>;
  adjClose?: Float64Array;
  /** Split ratios with "no split" (null, NaN, 0) already replaced by 1. */
  split?: Float64Array;
  /** For a table with a symbol column: the symbol of each row. */
  symbols?: string[];
}

interface SymbolParts {
  symbol: string;
  source: string;
  parts: DecodedPart[];
}

/**
 * Reads the columns of a Parquet file that `chooseColumns` picks from its schema.
 *
 * The file is decoded whole by parquet-wasm's synchronous `readParquet`, which in 0.8.0 ignores
 * its `columns` option. `ParquetFile.read` reads only the chosen columns, but a corrupt data
 * page can make its decoder abort inside a callback of its own, where the error escapes every
 * caller: the read never settles and the process dies. The synchronous decoder returns or
 * throws in the caller's frame, so a corrupt file is an InputError naming it.
 */
async function readParquetColumns(
  file: string,
  chooseColumns: (fields: arrow.Field[]) => string[],
): Promise<arrow.Table> {
  // fs.readFile returns a Buffer over its own ArrayBuffer, never a SharedArrayBuffer.
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = (await fs.readFile(file)) as Uint8Array<ArrayBuffer>;
  } catch (error) {
    throw new InputError(`Cannot read ${file}: ${(error as Error).message}`, { file }, { cause: error });
  }

  let table: arrow.Table;
  try {
    table = arrow.tableFromIPC(parquet.readParquet(bytes, { batchSize: READ_BATCH_ROWS }).intoIPCStream());
  } catch (error) {
    throw corruptFile(file, error);
  }
  return table.select(chooseColumns(table.schema.fields));
}

function corruptFile(file: string, error: unknown): InputError {
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError(`Cannot decode ${file} as Parquet: ${detail}. Check that the file is a complete Parquet file.`, {
    file,
  }, { cause: error });
}

function columnsToRead(plan: ColumnPlan): string[] {
  const names = [plan.timestamp, plan.symbol, ...Object.values(plan.fields), plan.adjClose, plan.split];
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

async function readSymbolFiles(
  layout: Extract<InputLayout, { symbols: SymbolInput[] }>,
  settings: Settings,
  concurrency: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Universe> {
  const tasks = layout.symbols.flatMap((input, symbolIndex) =>
    input.files.map((file, partIndex) => ({ file, symbolIndex, partIndex })),
  );
  const groups: SymbolParts[] = layout.symbols.map((input) => ({
    symbol: input.symbol,
    source: input.source,
    parts: new Array<DecodedPart>(input.files.length),
  }));

  let done = 0;
  await runLimited(tasks, concurrency, async (task) => {
    const symbol = layout.symbols[task.symbolIndex].symbol;
    let plan: ColumnPlan | undefined;
    const table = await readParquetColumns(task.file, (fields) => {
      plan = planColumns(fields, task.file, settings, 'ignored');
      return columnsToRead(plan);
    });
    const part = decodeTable(table, plan!, task.file);
    checkStrictlyIncreasing(part, 0, part.rows, (i) => i, symbol);
    groups[task.symbolIndex].parts[task.partIndex] = part;
    done++;
    onProgress?.(done, tasks.length);
  });

  return assembleFromParts(groups, settings);
}

async function readSingleFile(
  file: string,
  settings: Settings,
  onProgress?: (done: number, total: number) => void,
): Promise<Universe> {
  const symbolMapped = settings.columns.symbol !== undefined;
  let plan: ColumnPlan | undefined;
  const table = await readParquetColumns(file, (fields) => {
    plan = planColumns(fields, file, settings, symbolMapped ? 'required' : 'optional');
    return columnsToRead(plan);
  });
  const part = decodeTable(table, plan!, file);
  onProgress?.(1, 1);

  if (part.symbols === undefined) {
    // A lone file without a symbol column is one symbol's history, named like a per-symbol file.
    const symbol = path.basename(file).replace(/\.parquet$/i, '');
    checkStrictlyIncreasing(part, 0, part.rows, (i) => i, symbol, true);
    return assembleFromParts([{ symbol, source: file, parts: [part] }], settings);
  }
  return finishSingleTable(part, file, settings);
}

/** Runs `work` on each item with at most `limit` in flight; rethrows the failure of the earliest item. */
async function runLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const failures = new Map<number, unknown>();
  let next = 0;
  const runner = async () => {
    while (next < items.length && failures.size === 0) {
      const index = next++;
      try {
        await work(items[index]);
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: width }, runner));
  if (failures.size > 0) {
    // Items start in order, so every item before the earliest failure has run: the choice is deterministic.
    throw failures.get(Math.min(...failures.keys()));
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding columns

function decodeTable(table: arrow.Table, plan: ColumnPlan, file: string): DecodedPart {
  const { type, keys, strings } = decodeTimestamps(table.getChild(plan.timestamp)!, file, plan.timestamp);
  const part: DecodedPart = {
    file,
    rows: table.numRows,
    timestampColumn: plan.timestamp,
    timestampType: type,
    keys,
    strings,
    fields: {},
  };

  for (const field of FIELDS) {
    const name = plan.fields[field];
    if (name !== undefined) {
      part.fields[field] = decodeNumbers(table.getChild(name)!, file, name);
    }
  }
  if (plan.adjClose !== undefined) {
    part.adjClose = decodeNumbers(table.getChild(plan.adjClose)!, file, plan.adjClose);
  }
  if (plan.split !== undefined) {
    part.split = decodeSplitRatios(table.getChild(plan.split)!, file, plan.split);
  }
  if (plan.symbol !== undefined) {
    part.symbols = decodeSymbols(table.getChild(plan.symbol)!, file, plan.symbol);
  }
  return part;
}

const INT64_MAX = (1n << 63n) - 1n;

/**
 * Decodes a timestamp column into int64 keys. Returns the type the output keeps, which is the
 * column's type except for dictionary-encoded strings: those come back as plain strings.
 */
function decodeTimestamps(
  vector: arrow.Vector,
  file: string,
  column: string,
): { type: arrow.DataType; keys: BigInt64Array; strings?: string[] } {
  const type = vector.type;
  rejectNulls(vector, file, column);
  const keys = new BigInt64Array(vector.length);

  if (arrow.DataType.isTimestamp(type) || (arrow.DataType.isDate(type) && type.unit === arrow.DateUnit.MILLISECOND)) {
    copyChunks(vector, (values, offset, length) => keys.set((values as BigInt64Array).subarray(0, length), offset));
    return { type, keys };
  }

  if (arrow.DataType.isDate(type) || (arrow.DataType.isInt(type) && type.bitWidth < 64)) {
    copyChunks(vector, (values, offset, length) => {
      for (let i = 0; i < length; i++) {
        keys[offset + i] = BigInt(values[i] as number);
      }
    });
    return { type, keys };
  }

  if (arrow.DataType.isInt(type)) {
    if (type.isSigned) {
      copyChunks(vector, (values, offset, length) => keys.set((values as BigInt64Array).subarray(0, length), offset));
      return { type, keys };
    }
    copyChunks(vector, (values, offset, length) => {
      const unsigned = values as BigUint64Array;
      for (let i = 0; i < length; i++) {
        if (unsigned[i] > INT64_MAX) {
          throw new DataError(
            `Column ${column} of ${file} has the epoch ${unsigned[i]} at row ${offset + i}, beyond the int64 range. ` +
              `Store timestamps as int64 or as an Arrow timestamp.`,
            { file, column, row: offset + i },
          );
        }
        keys[offset + i] = unsigned[i];
      }
    });
    return { type, keys };
  }

  const textType = arrow.DataType.isDictionary(type) ? type.dictionary : type;
  if (arrow.DataType.isUtf8(textType) || arrow.DataType.isLargeUtf8(textType)) {
    const strings = new Array<string>(vector.length);
    let row = 0;
    for (const text of vector as arrow.Vector<arrow.Utf8>) {
      const key = parseIsoTimestamp(text!);
      if (key === null) {
        throw new DataError(
          `Column ${column} of ${file} has "${text}" at row ${row}, which is not an ISO 8601 timestamp. ` +
            `Expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM] within the years 1677 to 2262.`,
          { file, column, row },
        );
      }
      keys[row] = key;
      strings[row] = text!;
      row++;
    }
    return { type: textType, keys, strings };
  }

  throw new DataError(
    `Column ${column} of ${file} has type ${String(type)}, which is not a supported timestamp type. Use an Arrow ` +
      `timestamp (any unit, with or without a time zone), date32, date64, an integer epoch or ISO 8601 strings.`,
    { file, column },
  );
}

/** Calls `copy` with each chunk's values, its first row in the whole vector, and its length. */
function copyChunks(
  vector: arrow.Vector,
  copy: (values: ArrayLike<number | bigint>, offset: number, length: number) => void,
): void {
  let offset = 0;
  for (const data of vector.data) {
    copy(data.values as ArrayLike<number | bigint>, offset, data.length);
    offset += data.length;
  }
}

function rejectNulls(vector: arrow.Vector, file: string, column: string): void {
  const row = firstNullRow(vector);
  if (row >= 0) {
    throw new DataError(
      `Column ${column} of ${file} has a null timestamp at row ${row}. Every bar needs a timestamp: drop or fill that row.`,
      { file, column, row },
    );
  }
}

function firstNullRow(vector: arrow.Vector): number {
  let offset = 0;
  for (const data of vector.data) {
    if (data.nullCount > 0) {
      for (let i = 0; i < data.length; i++) {
        if (!isValid(data, i)) {
          return offset + i;
        }
      }
    }
    offset += data.length;
  }
  return -1;
}

function isValid(data: arrow.Data, index: number): boolean {
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap.length === 0) {
    return data.typeId !== arrow.Type.Null;
  }
  const bit = data.offset + index;
  return ((bitmap[bit >> 3] >> (bit & 7)) & 1) === 1;
}

/** Widens any numeric column to float64; nulls become NaN. */
function decodeNumbers(vector: arrow.Vector, file: string, column: string): Float64Array {
  const type = vector.type;
  const out = new Float64Array(vector.length);

  if (arrow.DataType.isNull(type)) {
    return out.fill(NaN);
  }

  let offset = 0;
  for (const data of vector.data) {
    const length = data.length;
    if (arrow.DataType.isFloat(type) && type.precision === arrow.Precision.HALF) {
      const chunk = new arrow.Vector([data]);
      for (let i = 0; i < length; i++) {
        out[offset + i] = chunk.get(i) as number;
      }
    } else if (arrow.DataType.isFloat(type) || (arrow.DataType.isInt(type) && type.bitWidth < 64)) {
      out.set((data.values as Float64Array).subarray(0, length), offset);
    } else if (arrow.DataType.isInt(type)) {
      const values = data.values as BigInt64Array | BigUint64Array;
      for (let i = 0; i < length; i++) {
        out[offset + i] = Number(values[i]);
      }
    } else if (arrow.DataType.isDecimal(type)) {
      decodeDecimals(data as arrow.Data<arrow.Decimal>, out, offset);
    } else {
      throw new DataError(
        `Column ${column} of ${file} has type ${String(type)}, which is not numeric. Prices and volumes must be ` +
          `integer, floating-point or decimal columns.`,
        { file, column },
      );
    }

    if (data.nullCount > 0) {
      for (let i = 0; i < length; i++) {
        if (!isValid(data, i)) {
          out[offset + i] = NaN;
        }
      }
    }
    offset += length;
  }
  return out;
}

/**
 * Converts decimals to float64 as unscaled / 10^scale. For an unscaled value below 2^53 in
 * magnitude and a scale of at most 22, both operands are exact doubles, so the one division
 * rounds correctly. Larger values round twice.
 */
function decodeDecimals(data: arrow.Data<arrow.Decimal>, out: Float64Array, offset: number): void {
  const { scale, bitWidth } = data.type;
  const words = bitWidth / 32;
  const values = data.values;
  const divisor = 10 ** Math.abs(scale);
  const signBit = 1n << BigInt(bitWidth - 1);
  const modulus = 1n << BigInt(bitWidth);

  for (let i = 0; i < data.length; i++) {
    const base = i * words;
    let unscaled: number;
    const low = values[base];
    const high = words === 1 ? (low | 0) >> 31 : values[base + 1] | 0;
    let fitsIn64 = true;
    for (let w = 2; w < words; w++) {
      if (values[base + w] !== (high < 0 ? 0xffffffff : 0)) {
        fitsIn64 = false;
        break;
      }
    }
    if (words === 1) {
      unscaled = low | 0;
    } else if (fitsIn64) {
      // high * 2^32 is exact; adding low rounds once, like Number() of the int64.
      unscaled = high * 4294967296 + low;
    } else {
      let big = 0n;
      for (let w = words - 1; w >= 0; w--) {
        big = (big << 32n) | BigInt(values[base + w]);
      }
      if (big & signBit) {
        big -= modulus;
      }
      unscaled = Number(big);
    }
    out[offset + i] = scale >= 0 ? unscaled / divisor : unscaled * divisor;
  }
}

/**
 * Reads split ratios. Null, NaN and 0 mean "no split", because some sources (yfinance's Stock
 * Splits column) write 0.0 on days without a split. A negative or infinite ratio is an error.
 */
function decodeSplitRatios(vector: arrow.Vector, file: string, column: string): Float64Array {
  const ratios = decodeNumbers(vector, file, column);
  for (let i = 0; i < ratios.length; i++) {
    const ratio = ratios[i];
    if (Number.isNaN(ratio) || ratio === 0) {
      ratios[i] = 1;
    } else if (!(ratio > 0) || ratio === Infinity) {
      throw new DataError(
        `Column ${column} of ${file} has the split ratio ${ratio} at row ${i}. A split ratio must be a positive ` +
          `finite number (1, 0 or null for no split).`,
        { file, column, row: i },
      );
    }
  }
  return ratios;
}

function decodeSymbols(vector: arrow.Vector, file: string, column: string): string[] {
  const type = vector.type;
  const isString = (t: arrow.DataType) => arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t);
  if (!isString(type) && !(arrow.DataType.isDictionary(type) && isString(type.dictionary))) {
    throw new DataError(
      `Column ${column} of ${file} has type ${String(type)}, but a symbol column must hold strings. ` +
        `Cast it to string or map another column with --columns symbol=NAME.`,
      { file, column },
    );
  }
  const symbols = new Array<string>(vector.length);
  let row = 0;
  for (const value of vector) {
    if (value === null || value === undefined || value === '') {
      throw new DataError(
        `Column ${column} of ${file} has an empty or null symbol at row ${row}. Every row needs a symbol.`,
        { file, column, row },
      );
    }
    symbols[row++] = value as string;
  }
  return symbols;
}

// ---------------------------------------------------------------------------------------------
// ISO 8601 timestamps

const NANOS_PER_SECOND = 1_000_000_000n;
const INT64_MIN = -(1n << 63n);

/**
 * Parses `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM|±HH]` into epoch
 * nanoseconds. Text without an offset is read as UTC. Returns null for anything else,
 * including out-of-range fields and instants outside int64 nanoseconds (1677 to 2262).
 * The arithmetic uses integers only: whole seconds stay below 2^53, and the fraction is
 * added in BigInt, so no digit is rounded.
 */
export function parseIsoTimestamp(text: string): bigint | null {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) {
    return null;
  }
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }

  let seconds = daysFromCivil(year, month, day) * 86400;
  let fraction = 0;
  let position = 10;

  if (position < length) {
    const separator = text.charCodeAt(position);
    if (separator !== 0x54 /* T */ && separator !== 0x74 /* t */ && separator !== 0x20 /* space */) {
      return null;
    }
    const hour = readDigits(text, position + 1, 2);
    const minute = text.charCodeAt(position + 3) === COLON ? readDigits(text, position + 4, 2) : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    position += 6;
    let second = 0;
    if (text.charCodeAt(position) === COLON) {
      second = readDigits(text, position + 1, 2);
      if (second < 0 || second > 59) {
        return null;
      }
      position += 3;
      const mark = text.charCodeAt(position);
      if (mark === 0x2e /* . */ || mark === 0x2c /* , */) {
        let digits = 0;
        position++;
        while (position < length && isDigit(text.charCodeAt(position))) {
          if (++digits > 9) {
            return null;
          }
          fraction = fraction * 10 + (text.charCodeAt(position) - 0x30);
          position++;
        }
        if (digits === 0) {
          return null;
        }
        fraction *= 10 ** (9 - digits);
      }
    }
    seconds += hour * 3600 + minute * 60 + second;

    if (position < length) {
      const zone = text.charCodeAt(position);
      if (zone === 0x5a /* Z */ || zone === 0x7a /* z */) {
        position++;
      } else if (zone === 0x2b /* + */ || zone === DASH) {
        const offsetHours = readDigits(text, position + 1, 2);
        let offsetMinutes = 0;
        position += 3;
        if (text.charCodeAt(position) === COLON) {
          offsetMinutes = readDigits(text, position + 1, 2);
          position += 3;
        } else if (position < length) {
          offsetMinutes = readDigits(text, position, 2);
          position += 2;
        }
        if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) {
          return null;
        }
        const offset = offsetHours * 3600 + offsetMinutes * 60;
        seconds -= zone === DASH ? -offset : offset;
      } else {
        return null;
      }
    }
  }
  if (position !== length) {
    return null;
  }

  const nanos = BigInt(seconds) * NANOS_PER_SECOND + BigInt(fraction);
  return nanos < INT64_MIN || nanos > INT64_MAX ? null : nanos;
}

const DASH = 0x2d;
const COLON = 0x3a;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Reads `count` decimal digits at `start`; returns -1 if any is missing or not a digit. */
function readDigits(text: string, start: number, count: number): number {
  if (start + count > text.length) {
    return -1;
  }
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) {
      return -1;
    }
    value = value * 10 + (code - 0x30);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Converts days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Formats a timestamp key for a message: ISO 8601 for timestamps and dates, the number for integer epochs. */
export function formatTimestampKey(key: bigint, type: arrow.DataType, text?: string): string {
  if (text !== undefined) {
    return JSON.stringify(text);
  }
  if (arrow.DataType.isDate(type) && type.unit === arrow.DateUnit.DAY) {
    return formatDate(Number(key));
  }
  let perSecond: bigint;
  let digits: number;
  if (arrow.DataType.isTimestamp(type)) {
    [perSecond, digits] = [
      [1n, 0],
      [1_000n, 3],
      [1_000_000n, 6],
      [1_000_000_000n, 9],
    ][type.unit] as [bigint, number];
  } else if (arrow.DataType.isDate(type)) {
    [perSecond, digits] = [1_000n, 3];
  } else {
    return key.toString();
  }

  let secondsTotal = key / perSecond;
  let fraction = key % perSecond;
  if (fraction < 0n) {
    secondsTotal -= 1n;
    fraction += perSecond;
  }
  const seconds = Number(secondsTotal);
  const days = Math.floor(seconds / 86400);
  const secondOfDay = seconds - days * 86400;
  const clock = [Math.floor(secondOfDay / 3600), Math.floor((secondOfDay % 3600) / 60), secondOfDay % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  const fractionText = digits > 0 && fraction !== 0n ? `.${fraction.toString().padStart(digits, '0')}` : '';
  const zone = arrow.DataType.isTimestamp(type) && type.timezone ? 'Z' : '';
  return `${formatDate(days)}T${clock}${fractionText}${zone}`;
}

function formatDate(days: number): string {
  const [year, month, day] = civilFromDays(days);
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * Throws DataError unless the keys at positions [start, end) of `part` strictly increase.
 * `rowOf` maps a position to its zero-based row in the file, which the error names.
 */
function checkStrictlyIncreasing(
  part: DecodedPart,
  start: number,
  end: number,
  rowOf: (position: number) => number,
  symbol: string,
  loneFile = false,
): void {
  const keys = part.keys;
  for (let i = start + 1; i < end; i++) {
    if (keys[i] > keys[i - 1]) {
      continue;
    }
    const row = rowOf(i);
    const previousRow = rowOf(i - 1);
    const current = formatTimestampKey(keys[i], part.timestampType, part.strings?.[i]);
    const previous = formatTimestampKey(keys[i - 1], part.timestampType, part.strings?.[i - 1]);
    const relation = keys[i] === keys[i - 1] ? 'duplicates' : 'is earlier than';
    const hint = loneFile
      ? ' If the file holds several symbols, map its symbol column with --columns symbol=NAME.'
      : '';
    throw new DataError(
      `Timestamps of ${symbol} in column ${part.timestampColumn} of ${part.file} must strictly increase, but row ` +
        `${row} (${current}) ${relation} row ${previousRow} (${previous}). Sort the bars by time and drop ` +
        `duplicates.${hint}`,
      { file: part.file, column: part.timestampColumn, row, symbol },
    );
  }
}

/** Signature of a timestamp type; inputs must agree on it so that keys compare and the output keeps one type. */
function timestampKind(type: arrow.DataType): string {
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) {
    return 'string';
  }
  return String(type);
}

function checkSameTimestampType(part: DecodedPart, first: DecodedPart): void {
  if (timestampKind(part.timestampType) !== timestampKind(first.timestampType)) {
    throw new DataError(
      `Column ${part.timestampColumn} of ${part.file} has type ${String(part.timestampType)}, but ${first.file} ` +
        `has ${String(first.timestampType)}. All inputs of a run must share one timestamp type (unit and time zone ` +
        `included); convert the files to one type.`,
      { file: part.file, column: part.timestampColumn },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Assembly and adjustment

/** Bars of every symbol end to end, before adjustment; adjustment columns travel alongside. */
interface Assembly {
  symbols: string[];
  sources: string[];
  offsets: Int32Array;
  timestamps: TimestampColumn;
  fields: Partial<Record<Field, Float64Array>>;
  adjClose?: Float64Array;
  split?: Float64Array;
}

const MAX_BARS = 2 ** 31 - 1;

function assembleFromParts(groups: SymbolParts[], settings: Settings): Universe {
  const allParts = groups.flatMap((group) => group.parts);
  const total = allParts.reduce((sum, part) => sum + part.rows, 0);
  checkTotal(total, groups[0]?.source ?? '');

  const first = allParts[0];
  for (const part of allParts) {
    checkSameTimestampType(part, first);
  }

  const present = new Set<Field>();
  for (const part of allParts) {
    for (const field of Object.keys(part.fields) as Field[]) {
      present.add(field);
    }
  }

  const assembly: Assembly = {
    symbols: groups.map((group) => group.symbol),
    sources: groups.map((group) => group.source),
    offsets: new Int32Array(groups.length + 1),
    timestamps: {
      type: first?.timestampType ?? new arrow.TimestampNanosecond(),
      keys: new BigInt64Array(total),
      strings: first?.strings !== undefined ? new Array<string>(total) : undefined,
    },
    fields: {},
    adjClose: settings.adjust === 'all' ? new Float64Array(total) : undefined,
    split: settings.adjust === 'splits' ? new Float64Array(total) : undefined,
  };
  for (const field of FIELDS) {
    if (present.has(field)) {
      assembly.fields[field] = new Float64Array(total);
    }
  }

  let position = 0;
  groups.forEach((group, k) => {
    assembly.offsets[k] = position;
    let previous: DecodedPart | undefined;
    for (const part of group.parts) {
      if (previous !== undefined && part.rows > 0 && previous.rows > 0) {
        checkPartOrder(previous, part, group.symbol);
      }
      copyPart(part, assembly, position);
      position += part.rows;
      if (part.rows > 0) {
        previous = part;
      }
    }
  });
  assembly.offsets[groups.length] = position;

  return adjustAndFinish(assembly, settings);
}

function checkPartOrder(previous: DecodedPart, part: DecodedPart, symbol: string): void {
  const last = previous.keys[previous.rows - 1];
  const firstKey = part.keys[0];
  if (firstKey > last) {
    return;
  }
  const current = formatTimestampKey(firstKey, part.timestampType, part.strings?.[0]);
  const before = formatTimestampKey(last, previous.timestampType, previous.strings?.[previous.rows - 1]);
  throw new DataError(
    `Timestamps of ${symbol} must strictly increase across its part files, but row 0 of ${part.file} (${current}) ` +
      `is not after the last row, ${previous.rows - 1}, of ${previous.file} (${before}). Part files are read in ` +
      `file-name order: rename them so that name order is time order, or remove the overlap.`,
    { file: part.file, column: part.timestampColumn, row: 0, symbol },
  );
}

function copyPart(part: DecodedPart, assembly: Assembly, position: number): void {
  assembly.timestamps.keys.set(part.keys, position);
  if (assembly.timestamps.strings !== undefined && part.strings !== undefined) {
    for (let i = 0; i < part.rows; i++) {
      assembly.timestamps.strings[position + i] = part.strings[i];
    }
  }
  for (const field of Object.keys(assembly.fields) as Field[]) {
    const target = assembly.fields[field]!;
    const source = part.fields[field];
    if (source !== undefined) {
      target.set(source, position);
    } else {
      // An optional field that this input lacks: its bars are missing for every indicator that reads it.
      target.fill(NaN, position, position + part.rows);
    }
  }
  if (assembly.adjClose !== undefined) {
    assembly.adjClose.set(part.adjClose!, position);
  }
  if (assembly.split !== undefined) {
    assembly.split.set(part.split!, position);
  }
}

function checkTotal(total: number, source: string): void {
  if (total > MAX_BARS) {
    throw new InputError(
      `The input has ${total} bars, more than the ${MAX_BARS} one run can index. Split the universe into ` +
        `several runs.`,
      { file: source },
    );
  }
}

/** Groups the rows of a table with a symbol column by symbol, keeping file order within each symbol. */
function finishSingleTable(part: DecodedPart, source: string, settings: Settings): Universe {
  const rowSymbols = part.symbols!;
  checkTotal(part.rows, source);

  const idBySymbol = new Map<string, number>();
  const rowIds = new Int32Array(part.rows);
  for (let row = 0; row < part.rows; row++) {
    const symbol = rowSymbols[row];
    let id = idBySymbol.get(symbol);
    if (id === undefined) {
      id = idBySymbol.size;
      idBySymbol.set(symbol, id);
    }
    rowIds[row] = id;
  }

  const symbols = [...idBySymbol.keys()].sort(compareCodePoints);
  const rankOfId = new Int32Array(symbols.length);
  symbols.forEach((symbol, rank) => {
    rankOfId[idBySymbol.get(symbol)!] = rank;
  });

  const offsets = new Int32Array(symbols.length + 1);
  for (let row = 0; row < part.rows; row++) {
    offsets[rankOfId[rowIds[row]] + 1]++;
  }
  for (let k = 0; k < symbols.length; k++) {
    offsets[k + 1] += offsets[k];
  }

  // rowAt[position] is the file row placed at that position of the universe.
  const rowAt = new Int32Array(part.rows);
  const cursor = offsets.slice(0, symbols.length);
  for (let row = 0; row < part.rows; row++) {
    rowAt[cursor[rankOfId[rowIds[row]]]++] = row;
  }

  const gather = (source: Float64Array) => {
    const out = new Float64Array(part.rows);
    for (let i = 0; i < part.rows; i++) {
      out[i] = source[rowAt[i]];
    }
    return out;
  };

  const keys = new BigInt64Array(part.rows);
  for (let i = 0; i < part.rows; i++) {
    keys[i] = part.keys[rowAt[i]];
  }
  const strings = part.strings !== undefined ? Array.from(rowAt, (row) => part.strings![row]) : undefined;

  const sorted: DecodedPart = { ...part, keys, strings, fields: {} };
  for (const field of Object.keys(part.fields) as Field[]) {
    sorted.fields[field] = gather(part.fields[field]!);
  }
  symbols.forEach((symbol, k) => {
    checkStrictlyIncreasing(sorted, offsets[k], offsets[k + 1], (position) => rowAt[position], symbol);
  });

  const assembly: Assembly = {
    symbols,
    sources: symbols.map(() => source),
    offsets,
    timestamps: { type: part.timestampType, keys, strings },
    fields: sorted.fields,
    adjClose: part.adjClose !== undefined ? gather(part.adjClose) : undefined,
    split: part.split !== undefined ? gather(part.split) : undefined,
  };
  return adjustAndFinish(assembly, settings);
}

function adjustAndFinish(assembly: Assembly, settings: Settings): Universe {
  const { offsets, fields } = assembly;
  for (let k = 0; k + 1 < offsets.length; k++) {
    if (settings.adjust === 'all') {
      adjustAll(fields, assembly.adjClose!, offsets[k], offsets[k + 1]);
    } else if (settings.adjust === 'splits') {
      adjustSplits(fields, assembly.split!, offsets[k], offsets[k + 1]);
    }
  }
  return {
    symbols: assembly.symbols,
    sources: assembly.sources,
    offsets,
    timestamps: assembly.timestamps,
    fields,
  };
}

/**
 * Scales open, high and low by adj_close / close and replaces close with adj_close. The ratio
 * is computed once per bar and then multiplied in, so open * (adj_close / close), not
 * (open * adj_close) / close. Volume is left as traded.
 */
function adjustAll(
  fields: Partial<Record<Field, Float64Array>>,
  adjClose: Float64Array,
  start: number,
  end: number,
): void {
  const close = fields.close!;
  const scaled = [fields.open, fields.high, fields.low].filter((values): values is Float64Array => values !== undefined);
  for (let i = start; i < end; i++) {
    const ratio = adjClose[i] / close[i];
    for (const values of scaled) {
      values[i] *= ratio;
    }
    close[i] = adjClose[i];
  }
}

/**
 * Back-adjusts for splits. A ratio r on bar t (a 4:1 split has r = 4) takes effect that day,
 * so every earlier bar's prices are divided by r and its volume multiplied by r. The factors
 * multiply from the latest bar backwards and each bar is divided once by the product, so one
 * rounding happens per value.
 */
function adjustSplits(
  fields: Partial<Record<Field, Float64Array>>,
  split: Float64Array,
  start: number,
  end: number,
): void {
  const prices = [fields.open, fields.high, fields.low, fields.close].filter(
    (values): values is Float64Array => values !== undefined,
  );
  const volume = fields.volume;
  let factor = 1;
  for (let i = end - 1; i >= start; i--) {
    if (factor !== 1) {
      for (const values of prices) {
        values[i] /= factor;
      }
      if (volume !== undefined) {
        volume[i] *= factor;
      }
    }
    factor *= split[i];
  }
}
