import { ParameterError, TaBackfillError } from '../errors.js';
import { describeAdapter, probeWebGpuAdapter, type AdapterProbe, type AdapterSummary } from '../webgpu/device.js';
import { hasWgslKernel } from '../webgpu/shader.js';
import { createReferenceBackend } from './reference.js';
import type { Backend } from './types.js';
import { WasmBackend } from './wasm.js';
import { describeMissingKernels, MissingKernelError, WebGpuBackend, type WebGpuBackendOptions } from './webgpu.js';

export type BackendChoice = 'reference' | 'wasm' | 'webgpu' | 'auto';

export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'wasm', 'webgpu', 'reference'];

/** The backend a run uses, and why when it was chosen for the user. */
export interface BackendSelection {
  backend: Backend;
  reason: string;
  /** The adapter the webgpu backend runs on; absent for the CPU backends. */
  adapter?: AdapterSummary;
}

/** Checks the backend and worker options before any work starts. */
export function checkBackendOptions(choice: BackendChoice, workers: number | undefined): void {
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new ParameterError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, found "${String(choice)}".`, { parameter: 'backend' });
  }
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 1024)) {
    throw new ParameterError(`--workers must be an integer from 1 to 1024, found ${workers}.`, { parameter: 'workers' });
  }
  if (choice === 'reference' && workers !== undefined && workers !== 1) {
    throw new ParameterError(`--workers ${workers} does not apply to the reference backend, which runs on one thread.`, { parameter: 'workers' });
  }
  if (choice === 'webgpu' && workers !== undefined) {
    throw new ParameterError(`--workers ${workers} does not apply to the webgpu backend, which runs its kernels on the GPU.`, { parameter: 'workers' });
  }
}

/**
 * Creates the backend for a run without probing for a GPU. `auto` picks wasm here: it is the
 * fastest backend on the CPU and gives the reference's bits. `webgpu` opens its device on the
 * first run. `selectBackend` is the form that can pick webgpu for `auto`.
 */
export function createBackend(choice: BackendChoice, workers?: number): BackendSelection {
  checkBackendOptions(choice, workers);
  switch (choice) {
    case 'reference':
      return { backend: createReferenceBackend(), reason: 'requested' };
    case 'wasm':
      return { backend: new WasmBackend(workers), reason: 'requested' };
    case 'webgpu':
      return { backend: new WebGpuBackend(), reason: 'requested' };
    case 'auto':
      return { backend: new WasmBackend(workers), reason: 'auto: wasm, the fastest backend available on this machine' };
    default:
      throw new ParameterError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, found "${String(choice)}".`, { parameter: 'backend' });
  }
}

export interface SelectOptions {
  /** Looks for a WebGPU adapter; probeWebGpuAdapter (cached per process) by default. */
  probe?: () => Promise<AdapterProbe>;
  /** Returns whether an indicator has a WGSL kernel; kernels/wgsl/<id>.wgsl by default. */
  hasKernel?: (id: string) => boolean;
  webgpu?: WebGpuBackendOptions;
}

/**
 * Creates the backend of a run that computes the indicators `ids`. `webgpu` opens the device
 * now, so that a missing adapter or kernel fails before any file is read. `auto` picks webgpu
 * only on a hardware adapter and when every indicator has a WGSL kernel, else wasm, and the
 * returned reason names the condition that failed.
 */
export async function selectBackend(choice: BackendChoice, workers: number | undefined, ids: readonly string[], options: SelectOptions = {}): Promise<BackendSelection> {
  checkBackendOptions(choice, workers);
  const hasKernel = options.hasKernel ?? ((id: string) => hasWgslKernel(id));
  const missing = [...new Set(ids)].filter((id) => !hasKernel(id));

  if (choice === 'webgpu') {
    if (missing.length > 0) throw new MissingKernelError(describeMissingKernels(missing), { feature: missing[0] });
    const backend = await WebGpuBackend.open(options.webgpu);
    return { backend, reason: 'requested', adapter: backend.adapter };
  }
  if (choice !== 'auto') return createBackend(choice, workers);

  const wasm = (cause: string): BackendSelection => ({ backend: new WasmBackend(workers), reason: `auto: wasm, ${cause}` });
  // Checked first: it needs no GPU, so a run with such features never loads Dawn.
  if (missing.length > 0) {
    const listed = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    return wasm(`since ${listed} ${missing.length === 1 ? 'has' : 'have'} no WebGPU kernel`);
  }
  const probe = await (options.probe ?? probeWebGpuAdapter)();
  if (!probe.available) return wasm(`since no WebGPU adapter is available (${probe.reason})`);
  if (probe.summary.isSoftware) {
    return wasm(`since the WebGPU adapter is a software renderer, slower than wasm: ${describeAdapter(probe.summary)}`);
  }
  try {
    const backend = await WebGpuBackend.open(options.webgpu);
    return { backend, reason: 'auto: webgpu, a hardware adapter with a kernel for every feature', adapter: backend.adapter };
  } catch (error) {
    if (!(error instanceof TaBackfillError)) throw error;
    return wasm(`since opening the WebGPU device failed (${error.message})`);
  }
}
