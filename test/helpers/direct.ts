import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IndicatorSpec } from '../../src/registry/types.js';
import { kernelParams } from '../../src/registry/types.js';

const wasmPath = fileURLToPath(new URL('../../kernels/generated/kernels.wasm', import.meta.url));

/**
 * Runs one indicator on a few series through the reference kernel and the wasm kernel, with no
 * worker pool: the smallest harness for kernel tests. Series are given as columns per input.
 */
export function runReference(spec: IndicatorSpec, params: readonly number[], series: Float64Array[][], ratingsProfile: 0 | 1 = 0): Float64Array[][] {
  const full = kernelParams(params, { ratingsProfile });
  return series.map((inputs) => {
    const outputs = spec.outputs.map(() => new Float64Array(inputs[0].length));
    spec.reference(inputs, full, outputs);
    return outputs;
  });
}

/** Kernel options of a direct run, and a value to fill the scratch with before the call. */
export interface DirectOptions {
  ratingsProfile?: 0 | 1;
  conventions?: 0 | 1;
  /** NaN shows a kernel that reads scratch before writing it; by default scratch is zero. */
  scratchFill?: number;
}

export function runWasmDirect(
  spec: IndicatorSpec,
  params: readonly number[],
  series: Float64Array[][],
  options: 0 | 1 | DirectOptions = 0,
): Float64Array[][] {
  const { ratingsProfile = 0, conventions = 0, scratchFill } = typeof options === 'number' ? { ratingsProfile: options } : options;
  const full = kernelParams(params, { ratingsProfile, conventions });
  const nInputs = series[0]?.length ?? spec.inputs.length + (spec.optionalInputs?.length ?? 0);
  const lengths = series.map((s) => s[0].length);
  const total = lengths.reduce((a, b) => a + b, 0);
  const maxLength = Math.max(1, ...lengths);
  const scratchSlots = spec.scratch(params, maxLength);

  let cursor = 1 << 16;
  const reserve = (bytes: number): number => {
    const at = cursor;
    cursor += Math.ceil(bytes / 8) * 8 + 8;
    return at;
  };
  const offsetsPtr = reserve(4 * (series.length + 1));
  const inputPtrs = Array.from({ length: nInputs }, () => reserve(8 * total));
  const outputPtrs = spec.outputs.map(() => reserve(8 * total));
  const inputTable = reserve(4 * nInputs);
  const outputTable = reserve(4 * spec.outputs.length);
  const paramsPtr = reserve(8 * full.length);
  const scratchPtr = reserve(8 * scratchSlots);
  const pages = Math.ceil(cursor / 65536) + 1;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: 65536, shared: true });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), { env: { memory } });
  const buffer = memory.buffer;

  const offsets = new Int32Array(buffer, offsetsPtr, series.length + 1);
  let at = 0;
  series.forEach((inputs, s) => {
    offsets[s] = at;
    inputs.forEach((column, k) => new Float64Array(buffer, inputPtrs[k], total).set(column, at));
    at += inputs[0].length;
  });
  offsets[series.length] = at;
  new Uint32Array(buffer, inputTable, nInputs).set(inputPtrs);
  new Uint32Array(buffer, outputTable, spec.outputs.length).set(outputPtrs);
  new Float64Array(buffer, paramsPtr, full.length).set(full);
  if (scratchFill !== undefined) new Float64Array(buffer, scratchPtr, scratchSlots).fill(scratchFill);

  const kernel = instance.exports[spec.id] as (...args: number[]) => void;
  kernel(series.length, offsetsPtr, inputTable, outputTable, paramsPtr, scratchPtr);

  return series.map((_, s) =>
    outputPtrs.map((ptr) => new Float64Array(buffer, ptr, total).slice(offsets[s], offsets[s + 1])),
  );
}
