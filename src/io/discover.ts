/**
 * Input discovery: turns the input path of a run into the list of Parquet files to read and
 * the symbol each one belongs to.
 *
 * Three forms are recognised:
 * - a directory of per-symbol files, `AAPL.parquet`, where the symbol is the file name
 *   without the final `.parquet` (`BRK.B.parquet` is `BRK.B`);
 * - a Hive-style directory, `symbol=AAPL/part-0.parquet`, where each partition directory may
 *   hold several part files (also in nested directories), read in path order;
 * - one Parquet file whose rows carry a symbol column.
 *
 * Entries whose names start with `.` or `_` are skipped, as Spark and pyarrow skip them
 * (`_SUCCESS`, `.part-0.parquet.crc`). Other files that do not end in `.parquet` are ignored.
 */
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';

import { InputError } from '../errors.js';

/** Hive partition keys recognised as the symbol without any mapping, compared case-insensitively. */
export const SYMBOL_PARTITION_KEYS = ['symbol', 'ticker'] as const;

/** One symbol of a directory input and the files that hold its bars, in reading order. */
export interface SymbolInput {
  symbol: string;
  /** The per-symbol file or the Hive partition directory, which messages name for this symbol. */
  source: string;
  files: string[];
}

export type InputLayout =
  | { form: 'per-symbol-files'; root: string; symbols: SymbolInput[] }
  | { form: 'hive'; root: string; partitionKey: string; symbols: SymbolInput[] }
  | { form: 'single-file'; file: string };

export interface DiscoverOptions {
  /** Symbol column name mapped by the user, which is also accepted as a Hive partition key. */
  symbolColumn?: string;
}

/**
 * Finds the Parquet inputs under `input` and the symbol of each one.
 * Symbols come back sorted by Unicode code point. Throws InputError when the path does not
 * exist, contains no Parquet files, or mixes per-symbol files with Hive partitions.
 */
export async function discoverInputs(input: string, options: DiscoverOptions = {}): Promise<InputLayout> {
  const resolved = path.resolve(input);
  const stats = await statOrThrow(resolved, input);

  if (stats.isFile()) {
    return { form: 'single-file', file: resolved };
  }
  if (!stats.isDirectory()) {
    throw new InputError(`Input ${input} is neither a file nor a directory. Pass a Parquet file or a directory of Parquet files.`, {
      file: input,
    });
  }

  const entries = await readDirectory(resolved, input);
  const partitionKeys = new Set<string>(SYMBOL_PARTITION_KEYS);
  if (options.symbolColumn !== undefined) {
    partitionKeys.add(options.symbolColumn.toLowerCase());
  }

  const parquetFiles: string[] = [];
  const symbolPartitions: { key: string; value: string; dir: string }[] = [];
  const otherPartitions: string[] = [];
  for (const entry of entries) {
    if (isHidden(entry.name)) {
      continue;
    }
    const full = path.join(resolved, entry.name);
    const kind = await entryKind(entry, full);
    if (kind === 'file' && isParquetName(entry.name)) {
      parquetFiles.push(entry.name);
    } else if (kind === 'directory') {
      const partition = parsePartitionName(entry.name);
      if (partition === null) {
        continue;
      }
      if (partitionKeys.has(partition.key.toLowerCase())) {
        symbolPartitions.push({ ...partition, dir: full });
      } else {
        otherPartitions.push(entry.name);
      }
    }
  }

  if (parquetFiles.length > 0 && symbolPartitions.length > 0) {
    throw new InputError(
      `Input directory ${input} mixes per-symbol files (${parquetFiles[0]}) with Hive partitions ` +
        `(${path.basename(symbolPartitions[0].dir)}). Keep one form per directory: either SYMBOL.parquet files ` +
        `or symbol=SYMBOL/ directories.`,
      { file: input },
    );
  }

  if (symbolPartitions.length > 0) {
    return discoverHive(input, resolved, symbolPartitions, otherPartitions);
  }
  if (parquetFiles.length > 0) {
    return discoverPerSymbolFiles(input, resolved, parquetFiles);
  }

  if (otherPartitions.length > 0) {
    throw new InputError(
      `Input directory ${input} is partitioned by ${otherPartitions[0]}, not by symbol. Expected symbol=SYMBOL/ ` +
        `directories; if the partition key names the symbol under another name, map it with the symbol column option.`,
      { file: input },
    );
  }
  throw new InputError(
    `Input directory ${input} contains no Parquet files. Expected SYMBOL.parquet files, symbol=SYMBOL/ ` +
      `directories, or a path to one Parquet file with a symbol column.`,
    { file: input },
  );
}

/** Compares strings by Unicode code point, unlike the default sort, which compares UTF-16 code units. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) {
      return x < y ? -1 : 1;
    }
    if (x > 0xffff) {
      i++;
    }
  }
  return a.length - b.length;
}

function discoverPerSymbolFiles(input: string, root: string, names: string[]): InputLayout {
  const bySymbol = new Map<string, string>();
  for (const name of names) {
    const symbol = name.slice(0, name.length - '.parquet'.length);
    const previous = bySymbol.get(symbol);
    if (previous !== undefined) {
      throw new InputError(
        `Input directory ${input} has two files for symbol ${symbol}: ${previous} and ${name}. Remove or rename one.`,
        { file: path.join(root, name), symbol },
      );
    }
    bySymbol.set(symbol, name);
  }

  const symbols = [...bySymbol.keys()].sort(compareCodePoints).map((symbol) => {
    const file = path.join(root, bySymbol.get(symbol)!);
    return { symbol, source: file, files: [file] };
  });
  return { form: 'per-symbol-files', root, symbols };
}

async function discoverHive(
  input: string,
  root: string,
  partitions: { key: string; value: string; dir: string }[],
  otherPartitions: string[],
): Promise<InputLayout> {
  const keys = new Set(partitions.map((p) => p.key));
  if (keys.size > 1) {
    const [first, second] = [...keys];
    throw new InputError(
      `Input directory ${input} mixes Hive partition keys ${first}= and ${second}=. Use one key for all partitions.`,
      { file: input },
    );
  }
  if (otherPartitions.length > 0) {
    throw new InputError(
      `Input directory ${input} mixes symbol partitions (${path.basename(partitions[0].dir)}) with other ` +
        `partitions (${otherPartitions[0]}). Keep only ${partitions[0].key}=SYMBOL/ directories at the top level.`,
      { file: input },
    );
  }

  const bySymbol = new Map<string, string>();
  for (const partition of partitions) {
    const symbol = decodePartitionValue(partition.value);
    if (symbol === '' || symbol === '__HIVE_DEFAULT_PARTITION__') {
      throw new InputError(
        `Hive partition ${partition.dir} has an empty or null symbol value. Give its rows a symbol or remove the partition.`,
        { file: partition.dir },
      );
    }
    const previous = bySymbol.get(symbol);
    if (previous !== undefined) {
      throw new InputError(
        `Hive partitions ${previous} and ${partition.dir} both decode to symbol ${symbol}. Merge them into one partition.`,
        { file: partition.dir, symbol },
      );
    }
    bySymbol.set(symbol, partition.dir);
  }

  const symbols: SymbolInput[] = [];
  for (const symbol of [...bySymbol.keys()].sort(compareCodePoints)) {
    const dir = bySymbol.get(symbol)!;
    const relative = await listParquetFilesRecursively(dir, '', input);
    if (relative.length === 0) {
      throw new InputError(`Hive partition ${dir} contains no Parquet files. Remove the empty partition or add its data.`, {
        file: dir,
        symbol,
      });
    }
    relative.sort(compareCodePoints);
    symbols.push({ symbol, source: dir, files: relative.map((name) => path.join(dir, name)) });
  }
  return { form: 'hive', root, partitionKey: partitions[0].key, symbols };
}

/** Lists `.parquet` files under `dir` as paths relative to it, descending into non-hidden subdirectories. */
async function listParquetFilesRecursively(dir: string, prefix: string, input: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readDirectory(dir, input)) {
    if (isHidden(entry.name)) {
      continue;
    }
    const full = path.join(dir, entry.name);
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    const kind = await entryKind(entry, full);
    if (kind === 'file' && isParquetName(entry.name)) {
      found.push(relative);
    } else if (kind === 'directory') {
      found.push(...(await listParquetFilesRecursively(full, relative, input)));
    }
  }
  return found;
}

async function statOrThrow(resolved: string, input: string) {
  try {
    return await fs.stat(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError(`Input ${input} does not exist. Check the path.`, { file: input }, { cause: error });
    }
    throw new InputError(`Cannot access input ${input}: ${(error as Error).message}`, { file: input }, { cause: error });
  }
}

async function readDirectory(dir: string, input: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`Cannot list directory ${dir} of input ${input}: ${(error as Error).message}`, { file: dir }, {
      cause: error,
    });
  }
}

/** Classifies a directory entry, following symbolic links. A dangling link is neither a file nor a directory. */
async function entryKind(entry: Dirent, full: string): Promise<'file' | 'directory' | 'other'> {
  if (entry.isFile()) {
    return 'file';
  }
  if (entry.isDirectory()) {
    return 'directory';
  }
  if (entry.isSymbolicLink()) {
    try {
      const target = await fs.stat(full);
      return target.isFile() ? 'file' : target.isDirectory() ? 'directory' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

function isHidden(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

function isParquetName(name: string): boolean {
  return name.toLowerCase().endsWith('.parquet') && name.length > '.parquet'.length;
}

function parsePartitionName(name: string): { key: string; value: string } | null {
  const equals = name.indexOf('=');
  if (equals <= 0) {
    return null;
  }
  return { key: name.slice(0, equals), value: name.slice(equals + 1) };
}

/** Undoes the %XX escaping that Hive, Spark and pyarrow apply to partition values. */
function decodePartitionValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
