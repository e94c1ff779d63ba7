/**
 * The WGSL log (kernels/wgsl/math.wgsl) against the reference log of src/reference/math.ts,
 * bit for bit. NaN matches any NaN, since payloads are not part of the contract.
 *
 * Needs a WebGPU adapter. Without one the suite is skipped with the reason, unless
 * TA_BACKFILL_REQUIRE_WEBGPU=1, which makes a missing adapter an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log } from '../src/reference/math.js';
import { describeAdapter, requestWebGpuDevice, WebGpuUnavailableError, type WebGpuDevice } from '../src/webgpu/device.js';
import { F64Harness } from '../src/webgpu/f64-harness.js';

const REQUIRE_WEBGPU = process.env.TA_BACKFILL_REQUIRE_WEBGPU === '1';
const SEED = 0x10_9e_ba5e;

let gpu: WebGpuDevice | undefined;
let skipReason = '';
try {
  gpu = await requestWebGpuDevice();
} catch (error) {
  if (!(error instanceof WebGpuUnavailableError) || REQUIRE_WEBGPU) throw error;
  skipReason = error.message;
  console.warn(`Skipping the WGSL log tests, since no WebGPU adapter is available: ${skipReason}`);
}
const adapterName = gpu === undefined ? `no WebGPU adapter: ${skipReason}` : describeAdapter(gpu.adapterSummary);

/** Deterministic uniform numbers in [0, 1): mulberry32. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = new Float64Array(1);
const cellWords = new Uint32Array(cell.buffer);

function fromWords(low: number, high: number): number {
  cellWords[0] = low >>> 0;
  cellWords[1] = high >>> 0;
  return cell[0];
}

function hex(x: number): string {
  cell[0] = x;
  return `0x${cellWords[1].toString(16).padStart(8, '0')}${cellWords[0].toString(16).padStart(8, '0')}`;
}

/** Returns the double `steps` units in the last place above a positive finite x (below for negative steps). */
function stepUlps(x: number, steps: number): number {
  cell[0] = x;
  const total = cellWords[1] * 2 ** 32 + cellWords[0] + steps;
  return fromWords(total % 2 ** 32, Math.floor(total / 2 ** 32));
}

/** Arguments of one kind, each a list of doubles. */
function argumentSets(): Record<string, number[]> {
  const next = random(SEED);
  const word = () => Math.floor(next() * 2 ** 32);

  const special = [0, -0, 1, -1, Infinity, -Infinity, NaN, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 2.2250738585072014e-308, 0.5, 2, Math.E, Math.SQRT2, Math.SQRT1_2];

  // Every biased exponent from 0 (subnormal) to 2046, with random fractions and either sign.
  const exponents: number[] = [];
  for (let i = 0; i < 60_000; i++) {
    const exponentField = i % 2047;
    const sign = i % 7 === 0 ? 0x80000000 : 0;
    exponents.push(fromWords(word(), sign | (exponentField << 20) | (word() & 0xfffff)));
  }

  // Near 1, where f = m - 1 is small and the result cancels most.
  const nearOne: number[] = [];
  for (let i = 1; i <= 2_000; i++) nearOne.push(stepUlps(1, i), stepUlps(1, -i));
  for (let i = 0; i < 20_000; i++) nearOne.push(1 + (next() - 0.5) * 2 ** -Math.floor(next() * 40));

  // Around the [sqrt(2)/2, sqrt(2)) boundary of the reduction, in several binades.
  const boundaries: number[] = [];
  for (const scale of [2 ** -1070, 2 ** -600, 2 ** -3, 1, 2 ** 5, 2 ** 700]) {
    for (const edge of [Math.SQRT1_2, Math.SQRT2]) {
      for (let i = -500; i <= 500; i++) boundaries.push(stepUlps(edge * scale, i));
    }
  }

  // Price ratios as logret computes them, close[i] / close[i - 1], and prices themselves.
  const prices: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const previous = Math.round((1 + next() * 999) * 100) / 100;
    const current = Math.round(previous * (1 + (next() - 0.5) * 0.2) * 100) / 100;
    prices.push(current / previous, previous);
  }

  // Subnormals with 1 to 52 significant bits.
  const subnormals: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const bits = 1 + (i % 52);
    const high = bits > 32 ? word() & ((1 << (bits - 32)) - 1) : 0;
    const low = bits >= 32 ? word() : word() & (2 ** bits - 1);
    subnormals.push(fromWords(low === 0 && high === 0 ? 1 : low, high));
  }

  return { special, exponents, nearOne, boundaries, prices, subnormals };
}

describe.skipIf(gpu === undefined)(`WGSL log on ${adapterName}`, () => {
  let harness: F64Harness;
  const sets = argumentSets();

  beforeAll(async () => {
    harness = await F64Harness.create(gpu!.device);
  });

  afterAll(() => {
    gpu?.destroy();
  });

  it('argument sets total over 100,000', () => {
    const total = Object.values(sets).reduce((sum, values) => sum + values.length, 0);
    expect(total).toBeGreaterThan(100_000);
  });

  for (const [name, values] of Object.entries(sets)) {
    it(`log matches reference on ${name}`, async () => {
      const operands = new Float64Array(values);
      const actualWords = await harness.run('log', new Uint32Array(operands.buffer));
      const actual = new Float64Array(actualWords.buffer);
      let mismatches = 0;
      const examples: string[] = [];
      for (let i = 0; i < operands.length; i++) {
        const expected = log(operands[i]);
        if (Object.is(actual[i], expected) || (Number.isNaN(actual[i]) && Number.isNaN(expected))) continue;
        mismatches++;
        if (examples.length < 5) examples.push(`log(${hex(operands[i])}) = ${hex(actual[i])}, expected ${hex(expected)}`);
      }
      expect(mismatches, examples.join('\n')).toBe(0);
    });
  }
});
