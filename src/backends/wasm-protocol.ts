/** One kernel call of a worker task: pointers into the shared memory. */
export interface WasmCall {
  kernel: string;
  /** Series in this call; `offsets` points at the first one's entry. */
  count: number;
  offsets: number;
  inputs: number;
  outputs: number;
  params: number;
}

/** The message the host sends a worker: the memory, the module to instantiate on it, and the calls. */
export interface WasmTask {
  memoryId: string;
  memory: WebAssembly.Memory;
  modulePath: string;
  scratch: number;
  calls: WasmCall[];
}
