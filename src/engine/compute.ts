import { DataError } from '../errors.js';
import type { Field, Universe } from '../io/types.js';
import { requestedColumns, type IndicatorInstance } from '../registry/request.js';
import { kernelParams, type KernelOptions } from '../registry/types.js';
import type { Backend, KernelCall } from '../backends/types.js';

/** One output column of a run: one value per bar in the universe's layout, NaN where null. */
export interface FeatureColumn {
  name: string;
  values: Float64Array;
}

/** Checks that the universe has every field the requested indicators need. */
export function checkFields(universe: Pick<Universe, 'fields'>, instances: readonly IndicatorInstance[], source: string): void {
  for (const { spec, columns } of instances) {
    for (const field of spec.inputs) {
      if (!universe.fields[field]) {
        throw new DataError(
          `${columns[0]} reads the ${field} column, which ${source} lacks. Map it with --columns ${field}=NAME or drop the feature.`,
          { file: source, column: field, feature: columns[0] },
        );
      }
    }
  }
}

function hasMissing(columns: readonly Float64Array[]): boolean {
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v !== v) return true;
    }
  }
  return false;
}

/**
 * Computes every requested feature of a universe on a backend. A bar with a NaN in a field an
 * indicator requires is missing for that indicator: the indicator runs on the series without
 * it (the bars are compacted out) and its outputs there are NaN. The returned columns live in
 * the backend's memory, valid until the backend is closed.
 */
export async function computeColumns(
  universe: Universe,
  instances: readonly IndicatorInstance[],
  backend: Backend,
  options: KernelOptions,
): Promise<FeatureColumn[]> {
  const bars = universe.offsets[universe.offsets.length - 1];
  const offsets = backend.allocateInt32(universe.offsets.length);
  offsets.set(universe.offsets);

  const columns = new Map<Field, Float64Array>();
  const fieldColumn = (field: Field): Float64Array => {
    let column = columns.get(field);
    if (!column) {
      column = backend.allocateFloat64(bars);
      const values = universe.fields[field];
      if (values) column.set(values);
      else column.fill(NaN);
      columns.set(field, column);
    }
    return column;
  };

  const direct: KernelCall[] = [];
  const compacted = new Map<string, KernelCall[]>();
  const allocated = new Map<IndicatorInstance, Float64Array[]>();
  for (const instance of instances) {
    const { spec } = instance;
    const required = spec.inputs.map(fieldColumn);
    const optional = (spec.optionalInputs ?? []).map(fieldColumn);
    const outputs = spec.outputs.map(() => backend.allocateFloat64(bars));
    allocated.set(instance, outputs);
    const call: KernelCall = { spec, params: kernelParams(instance.params, options), offsets, inputs: [...required, ...optional], outputs };
    if (!hasMissing(required)) {
      direct.push(call);
    } else {
      const key = spec.inputs.join(',');
      compacted.set(key, [...(compacted.get(key) ?? []), call]);
    }
  }

  await backend.run(direct);
  for (const calls of compacted.values()) await runCompacted(calls, calls[0].spec.inputs.length, backend);
  return requestedColumns(instances).map(({ instance, output, name }) => ({ name, values: allocated.get(instance)![output] }));
}

/**
 * Runs calls that share their required fields on the bars where all of those are defined,
 * then spreads the outputs back, NaN at the skipped bars.
 */
async function runCompacted(calls: readonly KernelCall[], requiredCount: number, backend: Backend): Promise<void> {
  const { offsets } = calls[0];
  const required = calls[0].inputs.slice(0, requiredCount);
  const bars = offsets[offsets.length - 1];
  const keep = new Uint8Array(bars);
  let kept = 0;
  for (let i = 0; i < bars; i++) {
    let ok = 1;
    for (const column of required) {
      const v = column[i];
      if (v !== v) ok = 0;
    }
    keep[i] = ok;
    kept += ok;
  }

  const mark = backend.mark();
  try {
    const packedOffsets = backend.allocateInt32(offsets.length);
    let at = 0;
    for (let s = 0; s + 1 < offsets.length; s++) {
      packedOffsets[s] = at;
      for (let i = offsets[s]; i < offsets[s + 1]; i++) at += keep[i];
    }
    packedOffsets[offsets.length - 1] = at;

    // Each distinct column is packed once, so calls that share columns still share them.
    const packedColumns = new Map<Float64Array, Float64Array>();
    const pack = (column: Float64Array): Float64Array => {
      let packed = packedColumns.get(column);
      if (packed === undefined) {
        packed = backend.allocateFloat64(kept);
        let j = 0;
        for (let i = 0; i < bars; i++) if (keep[i]) packed[j++] = column[i];
        packedColumns.set(column, packed);
      }
      return packed;
    };
    const packedCalls = calls.map((call) => ({
      ...call,
      offsets: packedOffsets,
      inputs: call.inputs.map(pack),
      outputs: call.outputs.map(() => backend.allocateFloat64(kept)),
    }));
    await backend.run(packedCalls);

    packedCalls.forEach((packedCall, c) => {
      packedCall.outputs.forEach((packed, k) => {
        const target = calls[c].outputs[k];
        let j = 0;
        for (let i = 0; i < bars; i++) target[i] = keep[i] ? packed[j++] : NaN;
      });
    });
  } finally {
    backend.release(mark);
  }
}
