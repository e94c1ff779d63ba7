import { ParameterError } from '../errors.js';
import { createReferenceBackend } from './reference.js';
import type { Backend } from './types.js';
import { WasmBackend } from './wasm.js';

export type BackendChoice = 'reference' | 'wasm' | 'auto';

export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'wasm', 'reference'];

/** The backend a run uses, and why when it was chosen for the user. */
export interface BackendSelection {
  backend: Backend;
  reason: string;
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
}

/**
 * Creates the backend for a run. `auto` picks wasm: it is the fastest backend on the CPU and
 * gives the reference's bits.
 */
export function createBackend(choice: BackendChoice, workers?: number): BackendSelection {
  checkBackendOptions(choice, workers);
  switch (choice) {
    case 'reference':
      return { backend: createReferenceBackend(), reason: 'requested' };
    case 'wasm':
      return { backend: new WasmBackend(workers), reason: 'requested' };
    case 'auto':
      return { backend: new WasmBackend(workers), reason: 'auto: wasm, the fastest backend available on this machine' };
    default:
      throw new ParameterError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, found "${String(choice)}".`, { parameter: 'backend' });
  }
}
