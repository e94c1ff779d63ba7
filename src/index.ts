/**
 * ta-backfill's API: `backfill` runs the CLI's job on files, `computeFeatures` computes
 * features of Arrow data a pipeline already holds.
 */
import type * as arrow from 'apache-arrow';
import { Table } from 'apache-arrow';
import { prepareRun, type ComputeOptions } from './backfill.js';
import { selectBackend } from './backends/index.js';
import { checkFields, computeColumns } from './engine/compute.js';
import { InputError } from './errors.js';
import { universeFromArrow } from './io/read.js';
import type { Adjustment, InputColumn } from './io/types.js';
import { longTable } from './io/write.js';

export { backfill } from './backfill.js';
export type { BackfillOptions, BackfillSummary, ComputeOptions, Compression, Conventions, Layout, ProgressEvent, RatingsProfile } from './backfill.js';
export type { BackendChoice } from './backends/index.js';
export type { BackendName } from './backends/types.js';
export { DataError, InputError, OutputError, ParameterError, TaBackfillError } from './errors.js';
export type { ErrorContext } from './errors.js';
export type { Adjustment, Field, InputColumn } from './io/types.js';
export { REGISTRY } from './registry/index.js';
export { DEFAULT_FEATURES, columnName, parseRequest } from './registry/request.js';
export type { IndicatorSpec, OutputSpec, ParamSpec } from './registry/types.js';

export interface ComputeFeaturesOptions extends ComputeOptions {
  adjust?: Adjustment;
  /** Explicit column names by field, as `--columns` on the command line. */
  columns?: Partial<Record<InputColumn, string>>;
}

/**
 * Computes features of Arrow data already in memory: one table with a symbol column, or a
 * map (or record) of symbol to table. Resolves to the long layout as an Arrow table:
 * `symbol`, `timestamp` (the input's type and values), then one Float64 column per feature,
 * null where undefined, sorted by symbol then time.
 */
export async function computeFeatures(
  input: arrow.Table | Map<string, arrow.Table> | Record<string, arrow.Table>,
  features: readonly string[] | undefined,
  options: ComputeFeaturesOptions = {},
): Promise<arrow.Table> {
  const plan = prepareRun({ ...options, features: features ?? options.features });
  // An empty map has no table to take the timestamp type from, and no columns to check.
  let tableCount = 1;
  if (input instanceof Map) {
    tableCount = input.size;
  } else if (!(input instanceof Table)) {
    tableCount = Object.keys(input).length;
  }
  if (tableCount === 0) {
    throw new InputError('computeFeatures received no tables. Pass a table with a symbol column, or a map of symbol to table with at least one entry.');
  }
  const universe = universeFromArrow(input, {
    columns: options.columns,
    adjust: options.adjust ?? 'none',
    requiredFields: plan.required,
    optionalFields: plan.optional,
  });
  checkFields(universe, plan.instances, '<table>');
  // `auto` picks webgpu here as `backfill` does: on a hardware adapter with every kernel.
  const { backend } = await selectBackend(
    options.backend ?? 'auto',
    options.workers,
    plan.instances.map((instance) => instance.spec.id),
  );
  try {
    const columns = await computeColumns(universe, plan.instances, backend, plan.kernelOptions);
    return longTable(universe, columns);
  } finally {
    await backend.close();
  }
}
