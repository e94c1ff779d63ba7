import type { IndicatorSpec } from '../registry/types.js';

/**
 * One kernel call over a set of series: the batch layout of design.md. `offsets` has one
 * entry per series plus one; inputs and outputs are columns in that layout, allocated by the
 * backend that runs the call. `params` are the kernel parameters (`kernelParams`). A backend
 * may put arrays of its own, of the same length, in place of the `outputs` columns (the webgpu
 * backend hands over its mapped readback buffers), so read the outputs after the run from
 * the call.
 */
export interface KernelCall {
  spec: IndicatorSpec;
  params: number[];
  offsets: Int32Array;
  inputs: Float64Array[];
  outputs: Float64Array[];
}

export type BackendName = 'reference' | 'wasm' | 'webgpu';

/** A place kernels run. A backend owns the memory of the columns its kernels read and write. */
export interface Backend {
  readonly name: BackendName;
  /** Threads that run kernels. */
  readonly workers: number;
  allocateFloat64(length: number): Float64Array;
  allocateInt32(length: number): Int32Array;
  /** A mark to which `release` returns the allocator, freeing what was allocated after it. */
  mark(): number;
  release(mark: number): void;
  /** Runs the calls; calls are independent of each other and may run in any order. */
  run(calls: readonly KernelCall[]): Promise<void>;
  close(): Promise<void>;
}
