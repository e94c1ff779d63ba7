/// <reference types="@webgpu/types" />
/**
 * The webgpu backend: WGSL compute kernels (kernels/wgsl/<id>.wgsl) run through WebGPU, one
 * invocation per series, with every double carried as its bits and computed by the integer
 * binary64 library kernels/wgsl/f64.wgsl, so the results are the reference's bits on any
 * adapter. kernels/wgsl/abi.wgsl defines the bindings this file fills. src/webgpu/fusion.ts
 * turns the calls into jobs, fusing the ratings family so that shared members run once.
 *
 * A run's dispatches go to the GPU in batches, each one compute pass in one submission, with no
 * pipeline barrier between the first passes of its jobs, so that the GPU may run them side by
 * side (see `submit`). The outputs come back into mapped readback buffers, one per column,
 * whose ranges become the output columns: the host copies nothing, and `release` or `close`
 * frees them.
 *
 * NOTE: one invocation per series keeps at most as many GPU threads busy per job as there are
 * symbols (504 for the S&P 500), far below what a data-centre GPU can run at once. The fused
 * ratings and the kernels split over bars run several invocations per series. The recursive
 * kernels (ema, rsi, adx, sar, ...) cannot split a series without changing its bits.
 */
import { ParameterError, TaBackfillError } from '../errors.js';
import { describeAdapter, requestWebGpuDevice, withDawnToggles, type AdapterSummary, type WebGpuDevice, type WebGpuDeviceOptions } from '../webgpu/device.js';
import { BAR_BLOCK, kernelsOf, lanesOf, plainJob, planJobs, type GpuJob } from '../webgpu/fusion.js';
import { assembleShader, hasWgslKernel, locateLine, WGSL_KERNEL_DIRECTORY, type AssembledShader } from '../webgpu/shader.js';
import type { Backend, KernelCall } from './types.js';

const WORKGROUP_SIZE = 64;
const BYTES_PER_DOUBLE = 8;
/**
 * Work-buffer bytes (outputs and scratch) of one submitted batch of dispatches. The dispatches
 * of a batch may run side by side, so a batch should contain many jobs: 2 GiB is about 20
 * output columns of 5,000 series of 2,500 bars. At most two batches use GPU memory at once.
 */
const MAX_BATCH_BYTES = 2 * 2 ** 30;

/** Dawn's toggle that zero-fills a new buffer on its first use (`clearNewBuffers`). */
const LAZY_CLEAR_TOGGLE = 'lazy_clear_resource_on_first_use';

/** An indicator without a WGSL kernel was sent to the webgpu backend. */
export class MissingKernelError extends TaBackfillError {}

export interface WebGpuBackendOptions {
  /** Maximum series per dispatch. The device limits may cut dispatches smaller, and tests lower it to force chunking. */
  maxSeriesPerDispatch?: number;
  /**
   * Maximum bytes of one storage binding (the inputs, or one dispatch's outputs and scratch).
   * The default, and upper bound, is the device's maxStorageBufferBindingSize and maxBufferSize.
   */
  maxBindingBytes?: number;
  /** Folder of the WGSL files, kernels/wgsl of the package by default. */
  kernelDirectory?: string;
  /**
   * Whether ratings calls that share members run as one fused job (src/webgpu/fusion.ts); true
   * by default. false runs every call on its own indicator's kernel, as the kernel tests need.
   */
  fuse?: boolean;
  /**
   * Whether Dawn fills each new buffer with zeros on its first use, as it does by default.
   * false by default, since every kernel writes each output bar and each scratch slot before it
   * reads it. The fill puts a pipeline barrier before the first dispatch that writes the
   * buffer, and a driver may meet a barrier by finishing every dispatch before it.
   */
  clearNewBuffers?: boolean;
  device?: WebGpuDeviceOptions;
}

/** Returns the message for indicators that have no WGSL kernel, naming the backends that have them. */
export function describeMissingKernels(ids: readonly string[]): string {
  const list = ids.join(', ');
  const verb = ids.length === 1 ? 'has' : 'have';
  return (
    `${list} ${verb} no WebGPU kernel (kernels/wgsl/<id>.wgsl), so the webgpu backend cannot compute ${ids.length === 1 ? 'it' : 'them'}. ` +
    'Every indicator runs on the wasm and reference backends: pick --backend wasm, or --backend auto to fall back to wasm.'
  );
}

/** Input columns on the device: where element `from` of each host array sits in `inputs`. */
interface InputUpload {
  buffer: GPUBuffer;
  /** Elements bound as `inputs`, at least 1. */
  length: number;
  /** Whether the buffer contains one chunk's bars only, and is freed with the chunk's batch. */
  chunked: boolean;
  places: Map<Float64Array, { address: number; from: number }>;
}

/** One dispatch: the series [first, last) of a job. */
interface Chunk {
  first: number;
  last: number;
  bars: number;
  /** Bars of the longest series. */
  maxLength: number;
  scratchStride: number;
}

/** One chunk of a job, waiting in a batch to be encoded. */
interface BatchItem {
  job: GpuJob;
  chunk: Chunk;
  inputs: InputUpload;
  /** The job's output buffers, one per output column, which the chunk's outputs are copied into. */
  outputs: GPUBuffer[];
  /** Elements of the chunk's work buffer: its outputs, column after column, then its scratch. */
  workElements: number;
}

/** The place of one table in its batch's table buffer. */
interface TablePlace {
  offset: number;
  size: number;
}

/**
 * Packs the small tables of a batch's dispatches (uniform headers, series offsets, input
 * bases, parameters) into one buffer, each at an offset the device accepts for a binding.
 */
class TableBuilder {
  private readonly parts: { place: TablePlace; bytes: Uint8Array }[] = [];
  private end = 0;

  constructor(private readonly alignment: number) {}

  add(data: Uint32Array | Float64Array): TablePlace {
    const offset = Math.ceil(this.end / this.alignment) * this.alignment;
    const place = { offset, size: data.byteLength };
    this.parts.push({ place, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    this.end = offset + data.byteLength;
    return place;
  }

  /** Creates the buffer of every table added, filled. */
  build(device: GPUDevice): GPUBuffer {
    const bytes = new Uint8Array(Math.ceil(this.end / 16) * 16);
    for (const part of this.parts) bytes.set(part.bytes, part.place.offset);
    const buffer = device.createBuffer({
      label: 'dispatch tables',
      size: bytes.byteLength,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(buffer, 0, bytes);
    return buffer;
  }
}

export class WebGpuBackend implements Backend {
  readonly name = 'webgpu';
  /** The GPU runs the series in parallel, but one host thread drives it. */
  readonly workers = 1;
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();
  private readonly shaders = new Map<string, AssembledShader>();
  private readonly maxSeriesPerDispatch: number;
  private readonly kernelDirectory: string;
  private layout: GPUBindGroupLayout | undefined;
  private opening: Promise<WebGpuDevice> | undefined;
  private opened: WebGpuDevice | undefined;
  private dispatches = 0;
  /** Mapped readback buffers whose ranges are output columns a run handed over. */
  private readonly handedOver: GPUBuffer[] = [];

  constructor(private readonly options: WebGpuBackendOptions = {}) {
    const maxSeries = options.maxSeriesPerDispatch ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(maxSeries) || maxSeries < 1) {
      throw new ParameterError(`maxSeriesPerDispatch must be a positive integer, found ${maxSeries}.`, { parameter: 'maxSeriesPerDispatch' });
    }
    const maxBinding = options.maxBindingBytes;
    if (maxBinding !== undefined && (!Number.isInteger(maxBinding) || maxBinding < 64)) {
      throw new ParameterError(`maxBindingBytes must be an integer of at least 64, found ${maxBinding}.`, { parameter: 'maxBindingBytes' });
    }
    this.maxSeriesPerDispatch = maxSeries;
    this.kernelDirectory = options.kernelDirectory ?? WGSL_KERNEL_DIRECTORY;
  }

  /** Creates the backend and opens its device, so that a missing adapter fails here. */
  static async open(options: WebGpuBackendOptions = {}): Promise<WebGpuBackend> {
    const backend = new WebGpuBackend(options);
    await backend.device();
    return backend;
  }

  /** The adapter of the open device; undefined before the first run or `open`. */
  get adapter(): AdapterSummary | undefined {
    return this.opened?.adapterSummary;
  }

  /** Dispatches submitted since the backend was created, for tests of the chunking. */
  get dispatchCount(): number {
    return this.dispatches;
  }

  /** Returns whether this backend has a kernel for indicator `id`. */
  hasKernel(id: string): boolean {
    return hasWgslKernel(id, this.kernelDirectory);
  }

  /**
   * Compiles the pipelines that runs of indicators `ids` use now, all at once, so that the
   * driver can compile them in parallel. `run` compiles any pipeline it still lacks on first use.
   */
  async prepare(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.hasKernel(id));
    if (missing.length > 0) throw new MissingKernelError(describeMissingKernels(missing), { feature: missing[0] });
    const { device } = await this.device();
    const kernels = new Set(ids.flatMap((id) => (this.options.fuse === false ? [id] : kernelsOf(id))));
    await Promise.all([...kernels].map((kernel) => this.pipeline(device, kernel)));
  }

  allocateFloat64(length: number): Float64Array {
    return new Float64Array(length);
  }

  allocateInt32(length: number): Int32Array {
    return new Int32Array(length);
  }

  /** The number of output buffers handed over so far; `release` destroys those after it. */
  mark(): number {
    return this.handedOver.length;
  }

  /** Destroys the output buffers handed over after `mark`, which detaches their columns. */
  release(mark: number): void {
    for (const buffer of this.handedOver.splice(mark)) buffer.destroy();
  }

  async run(calls: readonly KernelCall[]): Promise<void> {
    const missing = [...new Set(calls.map((call) => call.spec.id))].filter((id) => !this.hasKernel(id));
    if (missing.length > 0) throw new MissingKernelError(describeMissingKernels(missing), { feature: missing[0] });
    const nonEmpty = calls.filter((call) => call.offsets[call.offsets.length - 1] > call.offsets[0]);
    const work = this.options.fuse === false ? nonEmpty.map(plainJob) : planJobs(nonEmpty);
    if (work.length === 0) return;

    const { device } = await this.device();
    const bindingBytes = this.bindingBytes(device);
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const owned: GPUBuffer[] = [];
    // Each job's output buffers, one per output column.
    const outputs: GPUBuffer[][] = [];
    let failure: { error: unknown } | undefined;
    try {
      // Every pipeline of the run compiles at once, before the first dispatch.
      const kernels = [...new Set(work.flatMap((job) => job.passes.map((pass) => pass.kernel)))];
      const compiled = await Promise.all(kernels.map((kernel) => this.pipeline(device, kernel)));
      const pipelines = new Map(kernels.map((kernel, k) => [kernel, compiled[k]]));
      const whole = this.uploadInputs(device, work, bindingBytes);
      if (whole !== undefined) owned.push(whole.buffer);
      for (const job of work) outputs.push(this.createOutputBuffers(device, job));
      await this.dispatchJobs(device, work, { pipelines, whole, outputs, bindingBytes });
      await Promise.all(outputs.flat().map((buffer) => buffer.mapAsync(GPUMapMode.READ)));
      // The mapped ranges become the output columns, without a copy on the host.
      work.forEach((job, j) => outputs[j].forEach((buffer, k) => job.deliver(k, new Float64Array(buffer.getMappedRange()))));
      this.handedOver.push(...outputs.flat());
    } catch (error) {
      failure = { error };
      // Output buffers are only handed over by a run that succeeds.
      for (const buffer of outputs.flat()) owned.push(buffer);
    } finally {
      for (const buffer of owned) buffer.destroy();
    }
    const validation = await device.popErrorScope();
    const memory = await device.popErrorScope();
    // When the run already failed, its own error is the one to report.
    if (failure) throw failure.error;
    // An error here means a bug in this backend or a kernel, or a device out of memory.
    const error = validation ?? memory;
    if (error) throw new TaBackfillError(`The webgpu backend failed on ${describeAdapter(this.opened!.adapterSummary)}: ${error.message}`);
  }

  /**
   * Cuts the jobs into chunks and submits them in batches of up to MAX_BATCH_BYTES of work
   * buffers. Each batch's buffers are freed once the GPU is done with them, and the host waits
   * for the batch before the last, so at most two batches hold GPU memory.
   */
  private async dispatchJobs(
    device: GPUDevice,
    jobs: readonly GpuJob[],
    run: { pipelines: Map<string, GPUComputePipeline>; whole: InputUpload | undefined; outputs: GPUBuffer[][]; bindingBytes: number },
  ): Promise<void> {
    let batch: BatchItem[] = [];
    let batchBytes = 0;
    let previousDone: Promise<undefined> = Promise.resolve(undefined);
    const flush = async (): Promise<void> => {
      const items = batch;
      batch = [];
      batchBytes = 0;
      try {
        this.submit(device, run.pipelines, items);
      } finally {
        for (const item of items) if (item.inputs.chunked) item.inputs.buffer.destroy();
      }
      const done = device.queue.onSubmittedWorkDone();
      await previousDone;
      previousDone = done;
    };
    try {
      for (const [j, job] of jobs.entries()) {
        const chunks = this.planChunks(device, job, run.bindingBytes, run.whole === undefined);
        // A chunk of empty series has nothing to compute or read back.
        for (const chunk of chunks.filter((candidate) => candidate.bars > 0)) {
          const inputs = run.whole ?? this.uploadChunkInputs(device, job, chunk);
          const series = chunk.last - chunk.first;
          const workElements = Math.max(1, job.outputs.length * chunk.bars + series * chunk.scratchStride);
          batch.push({ job, chunk, inputs, outputs: run.outputs[j], workElements });
          batchBytes += workElements * BYTES_PER_DOUBLE;
          if (batchBytes >= MAX_BATCH_BYTES) await flush();
        }
      }
      if (batch.length > 0) await flush();
    } finally {
      // Chunk inputs uploaded for a batch that was never submitted, when a step failed.
      for (const item of batch) if (item.inputs.chunked) item.inputs.buffer.destroy();
    }
  }

  /** Closes the device, which frees the output columns runs handed over. */
  async close(): Promise<void> {
    this.release(0);
    const opening = this.opening;
    this.opening = undefined;
    this.opened = undefined;
    this.pipelines.clear();
    this.layout = undefined;
    if (opening) (await opening.catch(() => undefined))?.destroy();
  }

  private device(): Promise<WebGpuDevice> {
    if (this.opening === undefined) {
      const options = this.options.device ?? {};
      const callerOptions = options.dawnOptions ?? [];
      const dawnOptions = this.options.clearNewBuffers === true ? callerOptions : withDawnToggles(callerOptions, 'disable', [LAZY_CLEAR_TOGGLE]);
      this.opening = requestWebGpuDevice({ ...options, dawnOptions }).then((opened) => {
        this.opened = opened;
        return opened;
      });
    }
    return this.opening;
  }

  /** Bytes one storage binding may hold: the device limits, lowered by `maxBindingBytes`. */
  private bindingBytes(device: GPUDevice): number {
    const { limits } = device;
    const deviceBytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    const bytes = Math.min(deviceBytes, this.options.maxBindingBytes ?? deviceBytes);
    return Math.floor(bytes / BYTES_PER_DOUBLE) * BYTES_PER_DOUBLE;
  }

  /**
   * Uploads every distinct input column of the run once, end to end, when they fit in one
   * binding. Returns undefined when they do not fit, so each dispatch uploads its own bars.
   */
  private uploadInputs(device: GPUDevice, jobs: readonly GpuJob[], bindingBytes: number): InputUpload | undefined {
    const columns = [...new Set(jobs.flatMap((job) => job.inputs))];
    const elements = columns.reduce((total, column) => total + column.length, 0);
    if (elements * BYTES_PER_DOUBLE > bindingBytes) return undefined;
    const length = Math.max(1, elements);
    const buffer = device.createBuffer({ label: 'inputs', size: length * BYTES_PER_DOUBLE, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    const places = new Map<Float64Array, { address: number; from: number }>();
    let address = 0;
    for (const column of columns) {
      if (column.length > 0) device.queue.writeBuffer(buffer, address * BYTES_PER_DOUBLE, column.buffer, column.byteOffset, column.byteLength);
      places.set(column, { address, from: 0 });
      address += column.length;
    }
    return { buffer, length, places, chunked: false };
  }

  /** Uploads the bars of one chunk of each input column of a job. */
  private uploadChunkInputs(device: GPUDevice, job: GpuJob, chunk: Chunk): InputUpload {
    const from = job.offsets[chunk.first];
    const columns = [...new Set(job.inputs)];
    const length = Math.max(1, columns.length * chunk.bars);
    const buffer = device.createBuffer({ label: 'chunk inputs', size: length * BYTES_PER_DOUBLE, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    const places = new Map<Float64Array, { address: number; from: number }>();
    columns.forEach((column, k) => {
      const address = k * chunk.bars;
      const bytes = chunk.bars * BYTES_PER_DOUBLE;
      device.queue.writeBuffer(buffer, address * BYTES_PER_DOUBLE, column.buffer, column.byteOffset + from * BYTES_PER_DOUBLE, bytes);
      places.set(column, { address, from });
    });
    return { buffer, length, places, chunked: true };
  }

  /**
   * Cuts a job's series into dispatches whose outputs and scratch (and, when `chunkInputs`,
   * inputs) fit in one binding, with at most maxSeriesPerDispatch series each. Each series runs
   * whole in its own invocations, so the cut changes no bit.
   */
  private planChunks(device: GPUDevice, job: GpuJob, bindingBytes: number, chunkInputs: boolean): Chunk[] {
    const { offsets } = job;
    const series = offsets.length - 1;
    const limit = Math.floor(bindingBytes / BYTES_PER_DOUBLE);
    const outputs = job.outputs.length;
    const inputs = new Set(job.inputs).size;
    // The workgroup grid spans x and y, each at most maxComputeWorkgroupsPerDimension, and
    // covers every lane of every series.
    const gridInvocations = device.limits.maxComputeWorkgroupsPerDimension ** 2 * WORKGROUP_SIZE;
    const fits = (count: number, bars: number, maxLength: number): boolean => {
      const lanes = Math.max(...job.passes.map((pass) => lanesOf(pass, maxLength)));
      const work = outputs * bars + count * job.scratch(maxLength);
      return count <= this.maxSeriesPerDispatch && count * lanes <= gridInvocations && work <= limit && (!chunkInputs || inputs * bars <= limit);
    };

    const chunks: Chunk[] = [];
    let first = 0;
    while (first < series) {
      let last = first;
      let maxLength = 0;
      while (last < series) {
        const length = offsets[last + 1] - offsets[last];
        const candidate = Math.max(maxLength, length);
        if (!fits(last + 1 - first, offsets[last + 1] - offsets[first], candidate)) break;
        maxLength = candidate;
        last++;
      }
      if (last === first) {
        const length = offsets[first + 1] - offsets[first];
        throw new TaBackfillError(
          `${job.label}: series ${first} has ${length} bars, whose outputs and scratch (${job.outputs.length * length + job.scratch(length)} doubles) exceed the ` +
            `${bindingBytes} bytes of one WebGPU storage binding on this device. Use --backend wasm for series this long.`,
          { feature: job.label },
        );
      }
      chunks.push({ first, last, bars: offsets[last] - offsets[first], maxLength, scratchStride: job.scratch(maxLength) });
      first = last;
    }
    return chunks;
  }

  /**
   * Encodes a batch of chunks in one compute pass, then the copies of their outputs, and
   * submits them as one command buffer, then frees the batch's own buffers (WebGPU keeps them
   * until the GPU is done).
   *
   * The dispatches of a batch may run at the same time: each writes its own new work buffer,
   * and all of them read the run's inputs and one table buffer, filled before the pass. Dawn
   * records a pipeline barrier before a dispatch only for a buffer whose last use was a write,
   * which here is the table and input buffers at the first dispatch, and new work buffers when
   * Dawn zero-fills them (`clearNewBuffers`). A job of several passes needs the barrier between
   * its passes, so every job's first pass comes first, then every second.
   */
  private submit(device: GPUDevice, pipelines: Map<string, GPUComputePipeline>, batch: readonly BatchItem[]): void {
    const { limits } = device;
    const tables = new TableBuilder(Math.max(limits.minUniformBufferOffsetAlignment, limits.minStorageBufferOffsetAlignment));
    const places = batch.map((item) => this.addTables(tables, item));
    const tableBuffer = tables.build(device);
    const owned = [tableBuffer];
    try {
      const encoder = device.createCommandEncoder({ label: 'ta-backfill batch' });
      const pass = encoder.beginComputePass({ label: 'ta-backfill kernels' });
      const works = batch.map((item) => {
        const work = device.createBuffer({ label: `${item.job.label} work`, size: item.workElements * BYTES_PER_DOUBLE, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
        owned.push(work);
        return work;
      });
      const binding = (table: TablePlace): GPUBufferBinding => ({ buffer: tableBuffer, offset: table.offset, size: table.size });
      const passes = Math.max(...batch.map((item) => item.job.passes.length));
      // Jobs with the fewest invocations per series first: their invocations run longest (one
      // per series runs the whole series), so they start before the wide jobs fill the GPU.
      const lanes = batch.map((item) => lanesOf(item.job.passes[0], item.chunk.maxLength));
      const order = batch.map((_, b) => b).sort((x, y) => lanes[x] - lanes[y]);
      for (let p = 0; p < passes; p++) {
        for (const b of order) {
          const item = batch[b];
          const step = item.job.passes[p];
          if (step === undefined) continue;
          const place = places[b];
          pass.setPipeline(pipelines.get(step.kernel)!);
          pass.setBindGroup(
            0,
            device.createBindGroup({
              label: step.kernel,
              layout: this.bindGroupLayout(device),
              entries: [
                { binding: 0, resource: binding(place.headers[p]) },
                { binding: 1, resource: binding(place.offsets) },
                { binding: 2, resource: binding(place.bases) },
                { binding: 3, resource: binding(place.params) },
                { binding: 4, resource: { buffer: item.inputs.buffer, size: item.inputs.length * BYTES_PER_DOUBLE } },
                { binding: 5, resource: { buffer: works[b] } },
              ],
            }),
          );
          const groups = Math.ceil(((item.chunk.last - item.chunk.first) * lanesOf(step, item.chunk.maxLength)) / WORKGROUP_SIZE);
          const groupsX = Math.min(groups, limits.maxComputeWorkgroupsPerDimension);
          pass.dispatchWorkgroups(groupsX, Math.ceil(groups / groupsX));
          this.dispatches++;
        }
      }
      pass.end();
      // Output column k of a chunk goes to its bars in the job's buffer of column k.
      batch.forEach((item, b) => {
        const columnBytes = item.chunk.bars * BYTES_PER_DOUBLE;
        const to = item.job.offsets[item.chunk.first] * BYTES_PER_DOUBLE;
        item.outputs.forEach((target, k) => encoder.copyBufferToBuffer(works[b], k * columnBytes, target, to, columnBytes));
      });
      device.queue.submit([encoder.finish()]);
    } finally {
      for (const buffer of owned) buffer.destroy();
    }
  }

  /** Adds the tables of one chunk to its batch's table buffer: a header per pass, offsets, input bases, parameters. */
  private addTables(tables: TableBuilder, item: BatchItem): { headers: TablePlace[]; offsets: TablePlace; bases: TablePlace; params: TablePlace } {
    const { job, chunk, inputs } = item;
    const series = chunk.last - chunk.first;
    const bar0 = job.offsets[chunk.first];
    const seriesOffsets = new Uint32Array(series + 1);
    for (let s = 0; s <= series; s++) seriesOffsets[s] = job.offsets[chunk.first + s] - bar0;
    const inputBases = new Uint32Array(Math.max(1, job.inputs.length));
    job.inputs.forEach((column, k) => {
      const place = inputs.places.get(column)!;
      inputBases[k] = place.address + (bar0 - place.from);
    });
    const params = new Float64Array(Math.max(1, job.params.length));
    params.set(job.params);
    const outputElements = job.outputs.length * chunk.bars;
    // Each pass has its own header, which differs only in the lanes.
    const headers = job.passes.map((pass) => {
      const lanes = lanesOf(pass, chunk.maxLength);
      return tables.add(Uint32Array.of(series, inputs.length, inputs.length, chunk.bars, inputs.length + outputElements, chunk.scratchStride, lanes, BAR_BLOCK));
    });
    return { headers, offsets: tables.add(seriesOffsets), bases: tables.add(inputBases), params: tables.add(params) };
  }

  /**
   * Creates one readback buffer per output column of a job, as long as the call's column. The
   * chunks copy their outputs into it, and its mapped range becomes the column.
   */
  private createOutputBuffers(device: GPUDevice, job: GpuJob): GPUBuffer[] {
    return job.outputs.map((column, k) => {
      const bytes = column.length * BYTES_PER_DOUBLE;
      if (bytes > device.limits.maxBufferSize) {
        throw new TaBackfillError(
          `${job.label}: an output column of ${column.length} values exceeds the ${device.limits.maxBufferSize} bytes of one WebGPU buffer on this device. ` +
            'Use --backend wasm, or split the universe.',
          { feature: job.label },
        );
      }
      return device.createBuffer({ label: `${job.label} output ${k}`, size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    });
  }

  private bindGroupLayout(device: GPUDevice): GPUBindGroupLayout {
    const entry = (binding: number, type: GPUBufferBindingType): GPUBindGroupLayoutEntry => ({ binding, visibility: GPUShaderStage.COMPUTE, buffer: { type } });
    this.layout ??= device.createBindGroupLayout({
      label: 'kernel abi',
      entries: [
        entry(0, 'uniform'),
        entry(1, 'read-only-storage'),
        entry(2, 'read-only-storage'),
        entry(3, 'read-only-storage'),
        entry(4, 'read-only-storage'),
        entry(5, 'storage'),
      ],
    });
    return this.layout;
  }

  /**
   * Returns the pipeline of indicator `id`, compiled on first use. The cache key is the hash of
   * the assembled module, everything baked into the pipeline; the sources are read once.
   */
  private pipeline(device: GPUDevice, id: string): Promise<GPUComputePipeline> {
    let shader = this.shaders.get(id);
    if (shader === undefined) {
      shader = assembleShader(id, this.kernelDirectory);
      this.shaders.set(id, shader);
    }
    let pipeline = this.pipelines.get(shader.key);
    if (pipeline === undefined) {
      pipeline = this.compile(device, shader);
      this.pipelines.set(shader.key, pipeline);
    }
    return pipeline;
  }

  private async compile(device: GPUDevice, shader: AssembledShader): Promise<GPUComputePipeline> {
    const module = device.createShaderModule({ label: shader.id, code: shader.code });
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((message) => message.type === 'error');
    if (errors.length > 0) {
      const lines = errors.map((message) => {
        const place = locateLine(shader, message.lineNum);
        return `  ${place.file}:${place.line}:${message.linePos}: ${message.message}`;
      });
      throw new TaBackfillError(`The WGSL kernel of ${shader.id} failed to compile:\n${lines.join('\n')}`, { feature: shader.id });
    }
    return device.createComputePipelineAsync({
      label: shader.id,
      layout: device.createPipelineLayout({ bindGroupLayouts: [this.bindGroupLayout(device)] }),
      compute: { module, entryPoint: 'main' },
    });
  }
}
