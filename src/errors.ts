/**
 * Errors raised by ta-backfill. Each carries the file, column, row, feature or parameter it
 * concerns as fields, so a pipeline can act on them without parsing the message.
 */
export interface ErrorContext {
  file?: string;
  column?: string;
  /** Zero-based row index within the file. */
  row?: number;
  symbol?: string;
  feature?: string;
  parameter?: string;
}

export class TaBackfillError extends Error {
  readonly file?: string;
  readonly column?: string;
  readonly row?: number;
  readonly symbol?: string;
  readonly feature?: string;
  readonly parameter?: string;

  constructor(message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.file = context.file;
    this.column = context.column;
    this.row = context.row;
    this.symbol = context.symbol;
    this.feature = context.feature;
    this.parameter = context.parameter;
  }
}

/** An input file or directory that cannot be found, read or decoded. */
export class InputError extends TaBackfillError {}

/** Input data that is readable but breaks a rule: a missing column, unsorted timestamps, an unsupported type. */
export class DataError extends TaBackfillError {}

/** An unknown feature, an invalid parameter or an option value out of range. */
export class ParameterError extends TaBackfillError {}

/** A failure while writing the output; the target is left untouched. */
export class OutputError extends TaBackfillError {}
