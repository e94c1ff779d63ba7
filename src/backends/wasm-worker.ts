import { readFileSync } from 'node:fs';
import type { WasmTask } from './wasm-protocol.js';

type Kernel = (count: number, offsets: number, inputs: number, outputs: number, params: number, scratch: number) => void;

const modules = new Map<string, WebAssembly.Module>();
const instances = new Map<string, WebAssembly.Instance>();

/**
 * Runs a task's kernel calls on this worker's instance of the kernels, which shares the
 * host's memory: the batch is read and written in place, never copied.
 */
export default function runTask(task: WasmTask): number {
  let instance = instances.get(task.memoryId);
  if (!instance) {
    let module = modules.get(task.modulePath);
    if (!module) {
      module = new WebAssembly.Module(readFileSync(task.modulePath));
      modules.set(task.modulePath, module);
    }
    instance = new WebAssembly.Instance(module, { env: { memory: task.memory } });
    instances.clear();
    instances.set(task.memoryId, instance);
  }
  const exports = instance.exports as Record<string, Kernel>;
  for (const call of task.calls) {
    exports[call.kernel](call.count, call.offsets, call.inputs, call.outputs, call.params, task.scratch);
  }
  return task.calls.length;
}
