/// <reference types="@webgpu/types" />
/**
 * Runs single operations of the WGSL binary64 library (kernels/wgsl/f64.wgsl) elementwise over
 * arrays of doubles, to test it against JavaScript's own float64 arithmetic.
 *
 * Doubles travel as their bits, two u32 words each with the low word first: the layout of
 * `new Uint32Array(float64Array.buffer)` on little-endian machines, and of array<vec2<u32>>
 * in WGSL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export const F64_LIBRARY_PATH = join(PACKAGE_ROOT, 'kernels', 'wgsl', 'f64.wgsl');

/** Returns the WGSL source of the binary64 library, to prepend to a kernel's own source. */
export function loadF64Library(): string {
  return readFileSync(F64_LIBRARY_PATH, 'utf8');
}

export const MATH_LIBRARY_PATH = join(PACKAGE_ROOT, 'kernels', 'wgsl', 'math.wgsl');

/** Returns the WGSL source of the project's elementary functions (math.wgsl), which calls the binary64 library. */
export function loadMathLibrary(): string {
  return readFileSync(MATH_LIBRARY_PATH, 'utf8');
}

/**
 * Bits of the `compare` operation's result word: the compares of a with b, then the
 * classification of a.
 */
export const COMPARE_FLAGS = {
  lt: 1 << 0,
  le: 1 << 1,
  gt: 1 << 2,
  ge: 1 << 3,
  eq: 1 << 4,
  ne: 1 << 5,
  isNan: 1 << 6,
  isInfinite: 1 << 7,
  isFinite: 1 << 8,
  isZero: 1 << 9,
} as const;

/**
 * The WGSL expression of each operation, in terms of the operands a and b (vec2<u32>); each
 * yields a vec2<u32>. Operations that yield an integer put it in the low word.
 */
const OPERATION_EXPRESSIONS = {
  add: 'f64_add(a, b)',
  sub: 'f64_sub(a, b)',
  mul: 'f64_mul(a, b)',
  div: 'f64_div(a, b)',
  sqrt: 'f64_sqrt(a)',
  abs: 'f64_abs(a)',
  neg: 'f64_neg(a)',
  max: 'f64_max(a, b)',
  maxKeepFirst: 'f64_max_keep_first(a, b)',
  min: 'f64_min(a, b)',
  minKeepFirst: 'f64_min_keep_first(a, b)',
  mathMax: 'f64_math_max(a, b)',
  mathMin: 'f64_math_min(a, b)',
  compare: 'vec2<u32>(compare_flags(a, b), 0u)',
  toI32: 'vec2<u32>(bitcast<u32>(f64_to_i32(a)), 0u)',
  fromI32: 'f64_from_i32(bitcast<i32>(a.x))',
  fromU32: 'f64_from_u32(a.x)',
  log: 'f64_log(a)',
} as const;

export type F64Operation = keyof typeof OPERATION_EXPRESSIONS;

export const F64_OPERATIONS = Object.keys(OPERATION_EXPRESSIONS) as F64Operation[];

const WORKGROUP_SIZE = 64;
const BYTES_PER_DOUBLE = 8;

const COMPARE_FLAGS_WGSL = `
fn compare_flags(a: vec2<u32>, b: vec2<u32>) -> u32 {
  var flags = 0u;
  flags = flags | select(0u, ${COMPARE_FLAGS.lt}u, f64_lt(a, b));
  flags = flags | select(0u, ${COMPARE_FLAGS.le}u, f64_le(a, b));
  flags = flags | select(0u, ${COMPARE_FLAGS.gt}u, f64_gt(a, b));
  flags = flags | select(0u, ${COMPARE_FLAGS.ge}u, f64_ge(a, b));
  flags = flags | select(0u, ${COMPARE_FLAGS.eq}u, f64_eq(a, b));
  flags = flags | select(0u, ${COMPARE_FLAGS.ne}u, f64_ne(a, b));
  flags = flags | select(0u, ${COMPARE_FLAGS.isNan}u, f64_is_nan(a));
  flags = flags | select(0u, ${COMPARE_FLAGS.isInfinite}u, f64_is_infinite(a));
  flags = flags | select(0u, ${COMPARE_FLAGS.isFinite}u, f64_is_finite(a));
  flags = flags | select(0u, ${COMPARE_FLAGS.isZero}u, f64_is_zero(a));
  return flags;
}
`;

function entryPointName(operation: F64Operation): string {
  return `run_${operation}`;
}

/**
 * Builds the test shader: the library, then one compute entry point per operation. The default
 * library is the binary64 library followed by math.wgsl, which defines `log`.
 */
export function buildHarnessShader(library: string = `${loadF64Library()}\n${loadMathLibrary()}`): string {
  const bindings = `
@group(0) @binding(0) var<storage, read> lhs: array<vec2<u32>>;
@group(0) @binding(1) var<storage, read> rhs: array<vec2<u32>>;
@group(0) @binding(2) var<storage, read_write> results: array<vec2<u32>>;
`;
  const entryPoints = F64_OPERATIONS.map(
    (operation) => `
@compute @workgroup_size(${WORKGROUP_SIZE})
fn ${entryPointName(operation)}(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let index = id.x + id.y * groups.x * ${WORKGROUP_SIZE}u;
  if (index >= arrayLength(&results)) {
    return;
  }
  let a = lhs[index];
  let b = rhs[index];
  results[index] = ${OPERATION_EXPRESSIONS[operation]};
}
`,
  );
  return [library, bindings, COMPARE_FLAGS_WGSL, ...entryPoints].join('\n');
}

export interface F64HarnessOptions {
  /**
   * Maximum number of doubles per dispatch. The default, which is also the upper bound, comes
   * from the device limits (maxStorageBufferBindingSize, maxBufferSize,
   * maxComputeWorkgroupsPerDimension). Tests set a smaller value to exercise batching.
   */
  maxElementsPerBatch?: number;
}

/** Compiles the harness shader once and runs any operation on a device. */
export class F64Harness {
  private readonly pipelines = new Map<F64Operation, GPUComputePipeline>();

  private constructor(
    private readonly device: GPUDevice,
    private readonly module: GPUShaderModule,
    private readonly layout: GPUBindGroupLayout,
    private readonly elementsPerBatch: number,
  ) {}

  /** Compiles the shader; throws with the compiler's messages if the WGSL is invalid. */
  static async create(device: GPUDevice, options: F64HarnessOptions = {}): Promise<F64Harness> {
    const source = buildHarnessShader();
    const module = device.createShaderModule({ label: 'f64 harness', code: source });
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((message) => message.type === 'error');
    if (errors.length > 0) {
      const lines = errors.map((message) => `line ${message.lineNum}:${message.linePos}: ${message.message}`);
      throw new Error(`The f64 harness shader failed to compile:\n${lines.join('\n')}`);
    }

    const storage = (type: GPUBufferBindingType, binding: number): GPUBindGroupLayoutEntry => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type },
    });
    const layout = device.createBindGroupLayout({
      label: 'f64 harness',
      entries: [storage('read-only-storage', 0), storage('read-only-storage', 1), storage('storage', 2)],
    });

    const { limits } = device;
    const deviceBound = Math.min(
      Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / BYTES_PER_DOUBLE),
      limits.maxComputeWorkgroupsPerDimension * limits.maxComputeWorkgroupsPerDimension * WORKGROUP_SIZE,
    );
    const requested = options.maxElementsPerBatch ?? deviceBound;
    if (!Number.isInteger(requested) || requested < 1) {
      throw new RangeError(`maxElementsPerBatch must be a positive integer, got ${requested}`);
    }
    return new F64Harness(device, module, layout, Math.min(requested, deviceBound));
  }

  /**
   * Applies `operation` to each double of `lhs` (and the double at the same index of `rhs`)
   * and returns the result bits, two words per double. Unary operations ignore `rhs`.
   */
  async run(operation: F64Operation, lhs: Uint32Array, rhs: Uint32Array = lhs): Promise<Uint32Array> {
    if (lhs.length % 2 !== 0) {
      throw new RangeError(`lhs must hold two u32 words per double, got ${lhs.length} words`);
    }
    if (rhs.length !== lhs.length) {
      throw new RangeError(`rhs must have as many words as lhs (${lhs.length}), got ${rhs.length}`);
    }
    const count = lhs.length / 2;
    const output = new Uint32Array(lhs.length);
    if (count === 0) return output;

    const pipeline = this.pipeline(operation);
    const batch = Math.min(count, this.elementsPerBatch);
    const batchBytes = batch * BYTES_PER_DOUBLE;
    const { device } = this;
    const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
    const lhsBuffer = device.createBuffer({ label: 'f64 lhs', size: batchBytes, usage });
    const rhsBuffer = rhs === lhs ? lhsBuffer : device.createBuffer({ label: 'f64 rhs', size: batchBytes, usage });
    const resultBuffer = device.createBuffer({
      label: 'f64 results',
      size: batchBytes,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    const readback = device.createBuffer({
      label: 'f64 readback',
      size: batchBytes,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });

    try {
      for (let start = 0; start < count; start += batch) {
        const elements = Math.min(batch, count - start);
        const bytes = elements * BYTES_PER_DOUBLE;
        // Offsets in bytes into the underlying buffer, which may be a SharedArrayBuffer.
        const byteOffset = start * BYTES_PER_DOUBLE;
        device.queue.writeBuffer(lhsBuffer, 0, lhs.buffer, lhs.byteOffset + byteOffset, bytes);
        if (rhsBuffer !== lhsBuffer) device.queue.writeBuffer(rhsBuffer, 0, rhs.buffer, rhs.byteOffset + byteOffset, bytes);

        // Bind exactly `elements` doubles so that arrayLength(&results) bounds the last batch.
        const bindGroup = device.createBindGroup({
          layout: this.layout,
          entries: [
            { binding: 0, resource: { buffer: lhsBuffer, size: bytes } },
            { binding: 1, resource: { buffer: rhsBuffer, size: bytes } },
            { binding: 2, resource: { buffer: resultBuffer, size: bytes } },
          ],
        });
        const [groupsX, groupsY] = this.workgroupGrid(elements);

        const encoder = device.createCommandEncoder({ label: `f64 ${operation}` });
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(groupsX, groupsY);
        pass.end();
        encoder.copyBufferToBuffer(resultBuffer, 0, readback, 0, bytes);
        device.queue.submit([encoder.finish()]);

        await readback.mapAsync(GPUMapMode.READ, 0, bytes);
        output.set(new Uint32Array(readback.getMappedRange(0, bytes)), start * 2);
        readback.unmap();
      }
    } finally {
      for (const buffer of new Set([lhsBuffer, rhsBuffer, resultBuffer, readback])) buffer.destroy();
    }
    return output;
  }

  /** Returns the pipeline of one entry point, compiled on first use and cached. */
  private pipeline(operation: F64Operation): GPUComputePipeline {
    let pipeline = this.pipelines.get(operation);
    if (pipeline === undefined) {
      pipeline = this.device.createComputePipeline({
        label: `f64 ${operation}`,
        layout: this.device.createPipelineLayout({ bindGroupLayouts: [this.layout] }),
        compute: { module: this.module, entryPoint: entryPointName(operation) },
      });
      this.pipelines.set(operation, pipeline);
    }
    return pipeline;
  }

  /** Splits the workgroups of a dispatch over x and y to stay within maxComputeWorkgroupsPerDimension. */
  private workgroupGrid(elements: number): [number, number] {
    const groups = Math.ceil(elements / WORKGROUP_SIZE);
    const groupsX = Math.min(groups, this.device.limits.maxComputeWorkgroupsPerDimension);
    return [groupsX, Math.ceil(groups / groupsX)];
  }
}
