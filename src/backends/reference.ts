import type { Backend, KernelCall } from './types.js';

/** Creates the reference backend: it runs each series in turn through the TypeScript kernel, on this thread. */
export function createReferenceBackend(): Backend {
  return {
    name: 'reference',
    workers: 1,
    allocateFloat64: (length) => new Float64Array(length),
    allocateInt32: (length) => new Int32Array(length),
    mark: () => 0,
    release: () => undefined,
    async run(calls: readonly KernelCall[]) {
      for (const call of calls) runReferenceCall(call);
    },
    async close() {},
  };
}

export function runReferenceCall(call: KernelCall): void {
  const { spec, params, offsets, inputs, outputs } = call;
  for (let s = 0; s + 1 < offsets.length; s++) {
    const start = offsets[s];
    const end = offsets[s + 1];
    spec.reference(
      inputs.map((column) => column.subarray(start, end)),
      params,
      outputs.map((column) => column.subarray(start, end)),
    );
  }
}
