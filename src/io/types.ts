import type { DataType } from 'apache-arrow';

/** Price and volume fields the kernels read, after column matching and adjustment. */
export const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
export type Field = (typeof FIELDS)[number];

/** Input columns a user can map with `--columns field=name`. */
export const INPUT_COLUMNS = [
  'symbol',
  'timestamp',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'adj_close',
  'split_coefficient',
] as const;
export type InputColumn = (typeof INPUT_COLUMNS)[number];

export type Adjustment = 'none' | 'splits' | 'all';

/**
 * Timestamps of every bar, kept exact: `keys` are int64 values in the input's own unit
 * (epoch units for timestamps and integer epochs, days for date32, milliseconds for date64,
 * epoch nanoseconds parsed from ISO strings). `type` is the input's Arrow type, which the
 * output keeps. For string input, `strings` holds the original text of each bar.
 */
export interface TimestampColumn {
  type: DataType;
  keys: BigInt64Array;
  strings?: string[];
}

/**
 * A universe loaded for one run: every symbol's bars end to end, in the batch layout.
 * Symbol k owns indices [offsets[k], offsets[k+1]) of every array. Nulls are NaN.
 */
export interface Universe {
  symbols: string[];
  /** The file each symbol was read from, for error messages. */
  sources: string[];
  offsets: Int32Array;
  timestamps: TimestampColumn;
  /** A field the input lacks is absent; a present field has one value per bar. */
  fields: Partial<Record<Field, Float64Array>>;
}
