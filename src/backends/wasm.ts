import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Piscina } from 'piscina';
import { ParameterError } from '../errors.js';
import { compiledModule, WASM_KERNELS } from '../paths.js';
import type { Backend, KernelCall } from './types.js';
import type { WasmCall, WasmTask } from './wasm-protocol.js';

const PAGE = 65536;
/** Low memory left to the module itself; the host allocates above it. */
const HOST_BASE = 1 << 20;
const MAX_PAGES = 65536;

/**
 * Splits series into `parts` contiguous ranges with about equal bar counts. Returns the
 * first series of each range and, last, the series count.
 */
export function splitByBars(offsets: Int32Array, parts: number): number[] {
  const count = offsets.length - 1;
  const total = offsets[count] - offsets[0];
  const bounds = [0];
  let s = 0;
  for (let p = 1; p < parts; p++) {
    const target = offsets[0] + (total * p) / parts;
    while (s < count && offsets[s + 1] <= target) s++;
    if (s > bounds[bounds.length - 1] && s < count) bounds.push(s);
  }
  bounds.push(count);
  return bounds;
}

/**
 * The wasm backend: AssemblyScript kernels run by a pool of worker threads that share one
 * WebAssembly.Memory holding the batch. Work is split across workers by series, balanced by
 * bar count; each series runs whole on one worker, so the split never changes a bit.
 */
export class WasmBackend implements Backend {
  readonly name = 'wasm';
  readonly workers: number;
  private readonly memory: WebAssembly.Memory;
  private readonly memoryId = randomUUID();
  private readonly pool: Piscina;
  private top = HOST_BASE;

  constructor(workers?: number) {
    const count = workers ?? availableParallelism();
    if (!Number.isInteger(count) || count < 1 || count > 1024) {
      throw new ParameterError(`--workers must be an integer from 1 to 1024, found ${workers}.`, { parameter: 'workers' });
    }
    this.workers = count;
    this.memory = new WebAssembly.Memory({ initial: HOST_BASE / PAGE + 1, maximum: MAX_PAGES, shared: true });
    this.pool = new Piscina({
      filename: compiledModule('backends/wasm-worker.js'),
      minThreads: count,
      maxThreads: count,
      idleTimeout: 60_000,
    });
  }

  private reserve(bytes: number): number {
    const at = this.top;
    const end = at + Math.ceil(bytes / 16) * 16;
    const pages = Math.ceil(end / PAGE);
    const have = this.memory.buffer.byteLength / PAGE;
    if (pages > MAX_PAGES) {
      throw new RangeError(
        `The wasm backend needs ${Math.ceil(end / 2 ** 20)} MiB, over the 4 GiB a 32-bit WebAssembly memory can address. Process fewer symbols at a time.`,
      );
    }
    if (pages > have) this.memory.grow(pages - have);
    this.top = end;
    return at;
  }

  allocateFloat64(length: number): Float64Array {
    const at = this.reserve(length * 8);
    return new Float64Array(this.memory.buffer, at, length);
  }

  allocateInt32(length: number): Int32Array {
    const at = this.reserve(length * 4);
    return new Int32Array(this.memory.buffer, at, length);
  }

  private allocateUint32(length: number): Uint32Array {
    const at = this.reserve(length * 4);
    return new Uint32Array(this.memory.buffer, at, length);
  }

  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = mark;
  }

  private address(view: ArrayBufferView): number {
    if (view.buffer !== this.memory.buffer && !(view.buffer instanceof SharedArrayBuffer)) {
      throw new Error('wasm backend: a kernel column was not allocated by this backend');
    }
    return view.byteOffset;
  }

  async run(calls: readonly KernelCall[]): Promise<void> {
    if (calls.length === 0) return;
    const mark = this.mark();
    try {
      const tasks = this.plan(calls);
      // Wait for every task even after one fails. A task still running would write into memory
      // that `release` hands back, and closing the pool under it makes Piscina emit an
      // 'error' event ("Unexpected message from Worker") that nothing handles.
      const results = await Promise.allSettled(tasks.map((task) => this.pool.run(task)));
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure) throw failure.reason;
    } finally {
      this.release(mark);
    }
  }

  /** Writes each call's pointer tables and parameters, then cuts the series into tasks. */
  private plan(calls: readonly KernelCall[]): WasmTask[] {
    const maxSeries = Math.max(...calls.map((c) => c.offsets.length - 1));
    const parts = Math.max(1, Math.min(maxSeries, this.workers === 1 ? 1 : this.workers * 4));
    const perTask: WasmCall[][] = Array.from({ length: parts }, () => []);
    let scratchSlots = 0;

    for (const call of calls) {
      const inputs = this.allocateUint32(call.inputs.length);
      call.inputs.forEach((column, k) => (inputs[k] = this.address(column)));
      const outputs = this.allocateUint32(call.outputs.length);
      call.outputs.forEach((column, k) => (outputs[k] = this.address(column)));
      const params = this.allocateFloat64(call.params.length);
      params.set(call.params);

      const offsets = call.offsets;
      let maxLength = 0;
      for (let s = 0; s + 1 < offsets.length; s++) maxLength = Math.max(maxLength, offsets[s + 1] - offsets[s]);
      scratchSlots = Math.max(scratchSlots, call.spec.scratch(call.params, maxLength));

      const bounds = splitByBars(offsets, parts);
      for (let t = 0; t + 1 < bounds.length; t++) {
        perTask[t].push({
          kernel: call.spec.id,
          count: bounds[t + 1] - bounds[t],
          offsets: this.address(offsets) + 4 * bounds[t],
          inputs: inputs.byteOffset,
          outputs: outputs.byteOffset,
          params: params.byteOffset,
        });
      }
    }

    return perTask
      .filter((taskCalls) => taskCalls.length > 0)
      .map((taskCalls) => ({
        memoryId: this.memoryId,
        memory: this.memory,
        modulePath: WASM_KERNELS,
        scratch: this.reserve(8 * Math.max(1, scratchSlots)),
        calls: taskCalls,
      }));
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
