import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spec as logretSpec } from '../src/indicators/logret.js';
import { WASM_KERNELS } from '../src/paths.js';
import { log } from '../src/reference/math.js';
import { runReference, runWasmDirect } from './helpers/direct.js';
import { countBitDifferences } from './helpers/universe.js';

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
const cellBits = new BigUint64Array(cell.buffer);

function bitsOf(x: number): bigint {
  cell[0] = x;
  return cellBits[0];
}

function fromBits(bits: bigint): number {
  cellBits[0] = bits;
  return cell[0];
}

// Exact logarithms in fixed point: an integer v stands for v / 2^PRECISION. 200 bits leave
// at least 95 bits below the last bit of any nonzero float64 logarithm, which is at least 2^-53 in magnitude.
const PRECISION = 200n;

/** atanh(p / q) for q > 0 in fixed point, by its series t + t^3/3 + t^5/5 + ... */
function atanhFixed(p: bigint, q: bigint): bigint {
  // The series runs on |t|, because >> rounds a negative term toward -1 and it would never reach 0.
  if (p < 0n) return -atanhFixed(-p, q);
  const t = (p << PRECISION) / q;
  const t2 = (t * t) >> PRECISION;
  let term = t;
  let sum = 0n;
  for (let j = 1n; term !== 0n; j += 2n) {
    sum += term / j;
    term = (term * t2) >> PRECISION;
  }
  return sum;
}

const LN2_FIXED = 2n * atanhFixed(1n, 3n);

/** ln(x) in fixed point for a finite x > 0: x = r * 2^k with r in [sqrt(2)/2, sqrt(2)], ln r = 2 atanh((r - 1) / (r + 1)). */
function lnFixed(x: number): bigint {
  const bits = bitsOf(x);
  const biased = Number(bits >> 52n);
  let m = bits & ((1n << 52n) - 1n);
  let e = -1074;
  if (biased > 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  while (m < 1n << 52n) {
    m <<= 1n;
    e -= 1;
  }
  // x = (m / 2^52) * 2^k; halve r when it is above sqrt(2), i.e. m^2 > 2^105.
  let k = BigInt(e + 52);
  let den = 1n << 52n;
  if (m * m > 1n << 105n) {
    den <<= 1n;
    k += 1n;
  }
  return k * LN2_FIXED + 2n * atanhFixed(m - den, m + den);
}

/** Converts a nonzero float64 y to fixed point (exactly) and returns it with its ulp, 2^(exponent - 52). */
function toFixed(y: number): { value: bigint; ulp: bigint } {
  const bits = bitsOf(Math.abs(y));
  const biased = bits >> 52n;
  const mantissa = (bits & ((1n << 52n) - 1n)) | (1n << 52n);
  const shift = biased - 1075n + PRECISION;
  const magnitude = mantissa << shift;
  return { value: y < 0 ? -magnitude : magnitude, ulp: 1n << shift };
}

/** |y - ln x| in ulps of y, exact to far more digits than printed. */
function errorInUlps(x: number, y: number): number {
  const exact = lnFixed(x);
  if (y === 0) return exact === 0n ? 0 : Infinity;
  const { value, ulp } = toFixed(y);
  const error = value > exact ? value - exact : exact - value;
  return Number((error * 1_000_000n) / ulp) / 1_000_000;
}

/** Builds a million arguments: random exponents over the whole range, values near 1, and price-like ratios. */
function logArguments(): Float64Array {
  const next = random(20261204);
  const values = new Float64Array(1_000_000);
  let at = 0;
  // Exponent uniform in -1074..1023 and a random fraction below the leading bit. Exponents
  // below -1022 are subnormal, with the leading bit at position e + 1074 of the fraction.
  for (; at < 600_000; at++) {
    const e = -1074 + Math.floor(next() * 2098);
    const random52 = (BigInt(Math.floor(next() * 2 ** 20)) << 32n) | BigInt(Math.floor(next() * 2 ** 32));
    if (e >= -1022) {
      values[at] = fromBits((BigInt(e + 1023) << 52n) | random52);
    } else {
      const lead = BigInt(e + 1074);
      values[at] = fromBits((1n << lead) | (random52 & ((1n << lead) - 1n)));
    }
  }
  // 1 + k 2^-52 and 1 - k 2^-53 with k log-uniform in 1..2^30, where ln x ~ x - 1 cancels.
  for (; at < 900_000; at += 2) {
    const k = Math.floor(2 ** (next() * 30));
    values[at] = 1 + k * 2 ** -52;
    values[at + 1] = 1 - k * 2 ** -53;
  }
  // Ratios of cent-rounded prices, like those logret takes the logarithm of.
  for (; at < 1_000_000; at++) {
    const a = Math.round(1 + next() * 1_000_000) / 100;
    const b = Math.round(1 + next() * 1_000_000) / 100;
    values[at] = a / b;
  }
  return values;
}

function runWasmLog(values: Float64Array): Float64Array {
  const bytes = 8 * values.length;
  const src = 1 << 16;
  const dst = src + bytes;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((dst + bytes) / 65536) + 1, maximum: 65536, shared: true });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM_KERNELS)), { env: { memory } });
  new Float64Array(memory.buffer, src, values.length).set(values);
  const logBatch = instance.exports.log_batch as (src: number, dst: number, n: number) => void;
  logBatch(src, dst, values.length);
  return new Float64Array(memory.buffer, dst, values.length).slice();
}

describe('log', () => {
  it('special values', () => {
    expect(Object.is(log(1), 0)).toBe(true);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(-5e-324)).toBeNaN();
    expect(log(-Infinity)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(NaN)).toBeNaN();
  });

  it('exact powers of two', () => {
    // ln 2 rounded to nearest is 0x3fe62e42_fefa39ef; k * ln 2 for k = 2 is its double.
    expect(log(2)).toBe(Math.LN2);
    expect(log(4)).toBe(2 * Math.LN2);
    expect(log(0.5)).toBe(-Math.LN2);
    expect(errorInUlps(2 ** 1023, log(2 ** 1023))).toBeLessThanOrEqual(0.5);
    expect(errorInUlps(5e-324, log(5e-324))).toBeLessThanOrEqual(0.5);
  });

  it('ends of the range', () => {
    expect(errorInUlps(Number.MAX_VALUE, log(Number.MAX_VALUE))).toBeLessThanOrEqual(1);
    expect(errorInUlps(2 ** -1022, log(2 ** -1022))).toBeLessThanOrEqual(1);
    expect(errorInUlps(1 + 2 ** -52, log(1 + 2 ** -52))).toBeLessThanOrEqual(1);
    expect(errorInUlps(1 - 2 ** -53, log(1 - 2 ** -53))).toBeLessThanOrEqual(1);
  });

  it('oracle detects a one-ulp miss', () => {
    // Math.LN2 is ln 2 rounded to nearest, so the next float64 up misses by between 0.5 and 1.5 ulp.
    const above = fromBits(bitsOf(Math.LN2) + 1n);
    expect(errorInUlps(2, Math.LN2)).toBeLessThan(0.5);
    expect(errorInUlps(2, above)).toBeGreaterThan(0.5);
    expect(errorInUlps(2, above)).toBeLessThan(1.5);
  });

  const values = logArguments();
  const ours = values.map(log);

  it('within 1 ulp on a million arguments', () => {
    // Math.log is not correctly rounded either, so every result is judged against the exact
    // logarithm, and the differences from Math.log are only counted and reported.
    let differences = 0;
    let failures = 0;
    let worst = 0;
    let worstWhereDifferent = 0;
    for (let i = 0; i < values.length; i++) {
      const error = errorInUlps(values[i], ours[i]);
      if (error > 1) failures++;
      worst = Math.max(worst, error);
      if (!Object.is(ours[i], Math.log(values[i]))) {
        differences++;
        worstWhereDifferent = Math.max(worstWhereDifferent, error);
      }
    }
    console.log(
      `log: worst error ${worst} ulp over ${values.length} arguments; ${differences} differ from Math.log, ` +
        `worst error among them ${worstWhereDifferent} ulp`,
    );
    expect(failures).toBe(0);
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('wasm matches reference bits', () => {
    const wasm = runWasmLog(values);
    expect(countBitDifferences(ours, wasm).count).toBe(0);
  });
});

/** Generates a random walk of `length` closes from 100, with steps of up to 2% either way. */
function randomWalk(seed: number, length: number): Float64Array {
  const next = random(seed);
  const close = new Float64Array(length);
  let price = 100;
  for (let i = 0; i < length; i++) {
    price *= 1 + (next() - 0.5) * 0.04;
    close[i] = price;
  }
  return close;
}

describe('logret', () => {
  it('hand-derived vectors', () => {
    const close = Float64Array.from([100, 200, 100, 400, 0, 5, -5, 10]);
    const [[out]] = runReference(logretSpec, [1], [[close]]);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBe(Math.LN2);
    expect(out[2]).toBe(-Math.LN2);
    expect(out[3]).toBe(2 * Math.LN2);
    // 0 / 400: the ratio is 0.
    expect(out[4]).toBeNaN();
    // 5 / 0: close[n] is 0.
    expect(out[5]).toBeNaN();
    // -5 / 5 and 10 / -5: negative ratios.
    expect(out[6]).toBeNaN();
    expect(out[7]).toBeNaN();
  });

  it('period 3 lookback and value', () => {
    const close = Float64Array.from([10, 11, 12, 20, 30]);
    const [[out]] = runReference(logretSpec, [3], [[close]]);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBe(Math.LN2);
    expect(errorInUlps(30 / 11, out[4])).toBeLessThanOrEqual(1);
  });

  it('near Math.log on a random walk', () => {
    const close = randomWalk(7, 5000);
    const [[out]] = runReference(logretSpec, [1], [[close]]);
    let outside = 0;
    for (let i = 1; i < close.length; i++) {
      const expected = Math.log(close[i] / close[i - 1]);
      if (Math.abs(out[i] - expected) > ulpOf(expected)) outside++;
    }
    expect(outside).toBe(0);
  });

  it('wasm matches reference bits', () => {
    const series = [1, 2, 3, 50, 1000, 4000].map((length, k) => [randomWalk(100 + k, length)]);
    for (const n of [1, 5, 20]) {
      const reference = runReference(logretSpec, [n], series);
      const wasm = runWasmDirect(logretSpec, [n], series);
      series.forEach((_, s) => {
        expect(countBitDifferences(reference[s][0], wasm[s][0]).count).toBe(0);
      });
    }
  });
});

/** Returns the ulp of a nonzero float64 as a number: 2^(exponent - 52). */
function ulpOf(y: number): number {
  const biased = Number(bitsOf(Math.abs(y)) >> 52n);
  return 2 ** (biased - 1075);
}
