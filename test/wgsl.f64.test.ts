/**
 * The WGSL binary64 library (kernels/wgsl/f64.wgsl) against JavaScript's float64 arithmetic,
 * bit for bit. NaN matches any NaN, since payloads are not part of the contract.
 *
 * Needs a WebGPU adapter. Without one the suite is skipped with the reason, unless
 * TA_BACKFILL_REQUIRE_WEBGPU=1, which makes a missing adapter an error (set it in CI, where
 * SwiftShader provides the adapter). Operands come from a seeded generator; set
 * TA_BACKFILL_F64_SEED to replay another seed.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAdapter, requestWebGpuDevice, WebGpuUnavailableError, type WebGpuDevice } from '../src/webgpu/device.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { COMPARE_FLAGS, F64_LIBRARY_PATH, F64Harness, loadF64Library, type F64Operation } from '../src/webgpu/f64-harness.js';

const REQUIRE_WEBGPU = process.env.TA_BACKFILL_REQUIRE_WEBGPU === '1';
const SEED = Number(process.env.TA_BACKFILL_F64_SEED ?? 0x5eed_f640);
const RANDOM_PAIRS = 1_000_000;

let gpu: WebGpuDevice | undefined;
let skipReason = '';
try {
  gpu = await requestWebGpuDevice();
} catch (error) {
  if (!(error instanceof WebGpuUnavailableError) || REQUIRE_WEBGPU) throw error;
  skipReason = error.message;
  console.warn(`Skipping the WGSL f64 tests, since no WebGPU adapter is available: ${skipReason}`);
}
const adapterName = gpu === undefined ? `no WebGPU adapter: ${skipReason}` : describeAdapter(gpu.adapterSummary);

// ---- Bits of doubles ---------------------------------------------------------------------

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

function wordsOf(value: number): [low: number, high: number] {
  scratch[0] = value;
  return [scratchWords[0], scratchWords[1]];
}

function fromWords(low: number, high: number): number {
  scratchWords[0] = low;
  scratchWords[1] = high;
  return scratch[0];
}

/** Builds a double from its sign (0 or 1), 11-bit exponent field and 52-bit fraction (as two parts). */
function fromFields(sign: number, exponentField: number, fractionHigh: number, fractionLow: number): number {
  return fromWords(fractionLow >>> 0, ((sign << 31) | (exponentField << 20) | (fractionHigh & 0xfffff)) >>> 0);
}

/** Returns 2^k exactly, for k in [-1074, 1023]. */
function powerOfTwo(k: number): number {
  if (k >= -1022) return fromFields(0, k + 1023, 0, 0);
  const bit = k + 1074;
  return bit >= 32 ? fromFields(0, 0, 1 << (bit - 32), 0) : fromFields(0, 0, 0, 2 ** bit);
}

/** Returns the next double toward +infinity (for finite values). */
function nextUp(value: number): number {
  if (value === 0) return powerOfTwo(-1074);
  const [low, high] = wordsOf(value);
  const step = value > 0 ? 1 : -1;
  const total = high * 2 ** 32 + low + step;
  return fromWords(total % 2 ** 32, Math.floor(total / 2 ** 32));
}

function nextDown(value: number): number {
  return -nextUp(-value);
}

/** Returns the distance from |value| to the next larger double (finite values). */
function ulp(value: number): number {
  const magnitude = Math.abs(value);
  return nextUp(magnitude) - magnitude;
}

function hex(low: number, high: number): string {
  return `0x${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;
}

function formatDouble(low: number, high: number): string {
  return `${hex(low, high)} (${fromWords(low, high)})`;
}

// ---- Seeded random numbers ---------------------------------------------------------------

/** SFC32, a small fast generator of 32-bit words; seeded so that failures replay. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private counter = 1;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = seed >>> 0;
    for (let i = 0; i < 16; i++) this.word();
  }

  word(): number {
    const t = (((this.a + this.b) | 0) + this.counter) | 0;
    this.counter = (this.counter + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Returns an integer in [0, n), n <= 2^32. */
  below(n: number): number {
    return Math.floor((this.word() / 2 ** 32) * n);
  }

  /** Returns an integer in [low, high]. */
  between(low: number, high: number): number {
    return low + this.below(high - low + 1);
  }

  sign(): number {
    return this.word() >>> 31;
  }

  /** Returns a double with a random sign and fraction and the given exponent field. */
  withExponent(exponentField: number): number {
    return fromFields(this.sign(), exponentField, this.word(), this.word());
  }

  /** Returns a double with every bit random: sign, exponent field uniform over 0..2047, fraction. */
  anyDouble(): number {
    return this.withExponent(this.below(2048));
  }

  /** Like withExponent, but only the top `bits` fraction bits are random (the rest zero), so that results are often exact or ties. */
  shortFraction(exponentField: number, bits: number): number {
    const highBits = Math.min(bits, 20);
    const lowBits = bits - highBits;
    const high = this.word() & ~((1 << (20 - highBits)) - 1);
    let low = 0;
    if (lowBits > 0) low = this.word() & ~(2 ** (32 - lowBits) - 1);
    return fromFields(this.sign(), exponentField, high, low);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.below(values.length)];
  }
}

// ---- Operand sets ------------------------------------------------------------------------

/** Growable arrays of operand pairs in the harness's layout: two u32 words per double. */
class PairList {
  lhs = new Uint32Array(1 << 16);
  rhs = new Uint32Array(1 << 16);
  count = 0;

  push(a: number, b: number): void {
    const [aLow, aHigh] = wordsOf(a);
    const [bLow, bHigh] = wordsOf(b);
    this.pushWords(aLow, aHigh, bLow, bHigh);
  }

  pushWords(aLow: number, aHigh: number, bLow: number, bHigh: number): void {
    if (this.count * 2 === this.lhs.length) {
      this.lhs = grow(this.lhs);
      this.rhs = grow(this.rhs);
    }
    const at = this.count * 2;
    this.lhs[at] = aLow;
    this.lhs[at + 1] = aHigh;
    this.rhs[at] = bLow;
    this.rhs[at + 1] = bHigh;
    this.count++;
  }

  /** Adds the pair both ways round. */
  pushBothOrders(a: number, b: number): void {
    this.push(a, b);
    this.push(b, a);
  }

  words(): { lhs: Uint32Array; rhs: Uint32Array } {
    return { lhs: this.lhs.subarray(0, this.count * 2), rhs: this.rhs.subarray(0, this.count * 2) };
  }
}

function grow(words: Uint32Array): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(words.length * 2);
  larger.set(words);
  return larger;
}

const MIN_SUBNORMAL = powerOfTwo(-1074);
const MAX_SUBNORMAL = fromFields(0, 0, 0xfffff, 0xffffffff);
const MIN_NORMAL = powerOfTwo(-1022);

/** NaNs with other bit patterns than the default one, which the library must treat alike. */
const NAN_WORDS: [number, number][] = [
  [0x00000000, 0x7ff80000], // default quiet NaN
  [0x00000000, 0xfff80000], // negative quiet NaN
  [0x00000001, 0x7ff00000], // signaling NaN, smallest payload
  [0xffffffff, 0x7fffffff], // largest payload
  [0x12345678, 0xfff4abcd], // negative signaling NaN with a payload
];

/** Values whose every combination is tested: zeros, boundaries, infinities, NaN and values near ties. */
const SPECIAL_VALUES: number[] = [
  0,
  -0,
  MIN_SUBNORMAL,
  -MIN_SUBNORMAL,
  2 * MIN_SUBNORMAL,
  3 * MIN_SUBNORMAL,
  MAX_SUBNORMAL,
  -MAX_SUBNORMAL,
  MIN_NORMAL,
  -MIN_NORMAL,
  nextUp(MIN_NORMAL),
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  nextDown(Number.MAX_VALUE),
  powerOfTwo(1023),
  Infinity,
  -Infinity,
  NaN,
  1,
  -1,
  2,
  0.5,
  3,
  -3,
  1.5,
  0.1,
  -0.1,
  1 / 3,
  nextUp(1),
  nextDown(1),
  -nextUp(1),
  nextUp(nextUp(1)),
  powerOfTwo(-53), // half an ulp of 1
  nextUp(powerOfTwo(-53)),
  nextDown(powerOfTwo(-53)),
  1.5 * powerOfTwo(-53),
  powerOfTwo(-54),
  powerOfTwo(970), // half an ulp of Number.MAX_VALUE
  powerOfTwo(512),
  powerOfTwo(-537),
  4503599627370496, // 2^52
  9007199254740991, // 2^53 - 1
  9007199254740992, // 2^53
  2147483647,
  -2147483648,
  2147483648,
  4294967295,
];

/** Appends every ordered pair of special values, plus each NaN bit pattern against each special value. */
function addSpecialPairs(pairs: PairList): void {
  for (const a of SPECIAL_VALUES) for (const b of SPECIAL_VALUES) pairs.push(a, b);
  for (const [nanLow, nanHigh] of NAN_WORDS) {
    for (const value of SPECIAL_VALUES) {
      const [low, high] = wordsOf(value);
      pairs.pushWords(nanLow, nanHigh, low, high);
      pairs.pushWords(low, high, nanLow, nanHigh);
    }
  }
}

/** Appends pairs of one value and a neighbor (its nextUp or nextDown, or itself), with random signs. */
function addNeighborPairs(pairs: PairList, random: Random, count: number): void {
  for (let i = 0; i < count; i++) {
    const a = random.withExponent(random.below(2047));
    const neighbors = [nextUp(a), nextDown(a), a];
    const b = random.pick(neighbors);
    pairs.push(a, random.sign() === 1 ? -b : b);
  }
}

type BinaryOperation = 'add' | 'sub' | 'mul' | 'div';

/**
 * Builds at least RANDOM_PAIRS operand pairs for a binary operation. They cover uniform random
 * doubles over every exponent, close exponents (cancellation, quotients near 1) and exponents
 * whose result lands near the subnormal and overflow boundaries. Short fractions give exact
 * results and ties. Adjacent doubles, every special-value combination and constructed exact
 * ties complete the set.
 */
function binaryOperands(operation: BinaryOperation | 'compare', random: Random): PairList {
  const pairs = new PairList();
  addSpecialPairs(pairs);
  addNeighborPairs(pairs, random, 50_000);
  if (operation === 'add' || operation === 'sub') addAdditionTies(pairs, random);
  if (operation === 'mul') addProductTies(pairs, random);
  if (operation === 'div') addQuotientTies(pairs, random);
  addOverflowPairs(pairs, random);

  const uniform = 400_000;
  for (let i = 0; i < uniform; i++) pairs.push(random.anyDouble(), random.anyDouble());

  const close = 200_000;
  for (let i = 0; i < close; i++) {
    const exponent = random.below(2047);
    const other = Math.min(2046, Math.max(0, exponent + random.between(-3, 3)));
    pairs.push(random.withExponent(exponent), random.withExponent(other));
  }

  // Exponent pairs whose exact result lies near the bottom of the normal range (subnormal
  // results) or near the top (overflow). For add and sub: addends 50 to 60 binades apart,
  // which round on the few bits they overlap, and tiny operands.
  const boundary = 200_000;
  for (let i = 0; i < boundary; i++) {
    const target = random.below(2) === 0 ? random.between(-60, 5) : random.between(2035, 2050);
    let a: number;
    let b: number;
    if (operation === 'mul') {
      const exponent = random.between(1, 2046);
      a = random.withExponent(exponent);
      b = random.withExponent(Math.min(2046, Math.max(0, target - exponent + 1023)));
    } else if (operation === 'div') {
      const exponent = random.between(1, 2046);
      a = random.withExponent(exponent);
      b = random.withExponent(Math.min(2046, Math.max(0, exponent - target + 1023)));
    } else if (random.below(2) === 0) {
      const exponent = random.between(61, 2046);
      a = random.withExponent(exponent);
      b = random.withExponent(exponent - random.between(50, 60));
    } else {
      a = random.withExponent(random.between(0, 3));
      b = random.withExponent(random.between(0, 3));
    }
    pairs.push(a, b);
  }

  const short = 200_000;
  for (let i = 0; i < short; i++) {
    const exponent = random.between(1, 2046);
    const other = Math.min(2046, Math.max(0, exponent + random.between(-60, 60)));
    pairs.push(random.shortFraction(exponent, random.below(53)), random.shortFraction(other, random.below(53)));
  }

  while (pairs.count < RANDOM_PAIRS) pairs.push(random.anyDouble(), random.anyDouble());
  return pairs;
}

/**
 * Adds sums that are exactly halfway between two doubles: a + ulp(a)/2 for even and odd last
 * fraction bits, and odd multiples of ulp(a)/2. The doubles next to ulp(a)/2 must round away
 * from the tie. At a power of two, a - ulp(a)/4 is a tie too, since the binade below has half
 * the spacing.
 */
function addAdditionTies(pairs: PairList, random: Random): void {
  pairs.push(1, powerOfTwo(-53)); // 1 + 2^-53: a tie, rounds down to the even 1
  pairs.push(nextUp(1), powerOfTwo(-53)); // (1 + 2^-52) + 2^-53: a tie, rounds up to even
  pairs.push(1, -powerOfTwo(-54)); // 1 - 2^-54: a tie below 1, rounds to 1
  pairs.push(Number.MAX_VALUE, powerOfTwo(970)); // halfway to 2^1024: rounds to infinity
  pairs.push(Number.MAX_VALUE, nextDown(powerOfTwo(970))); // just below halfway: stays finite
  pairs.push(-Number.MAX_VALUE, -powerOfTwo(970));

  for (let i = 0; i < 100_000; i++) {
    const a = random.withExponent(random.between(54, 2045));
    const half = ulp(a) / 2;
    const kind = random.below(4);
    let b: number;
    if (kind === 0) b = half;
    else if (kind === 1) b = half * (2 * random.below(8) + 1);
    else if (kind === 2) b = nextUp(half);
    else b = nextDown(half);
    pairs.push(a, random.sign() === 1 ? -b : b);
  }
  // Powers of two minus a quarter ulp: halfway between the power and the double below it.
  for (let i = 0; i < 2_000; i++) {
    const exponent = random.between(3, 2046);
    const power = fromFields(random.sign(), exponent, 0, 0);
    const quarter = ulp(power) / 4;
    pairs.push(power, power > 0 ? -quarter : quarter);
  }
}

/**
 * Adds products that are exactly halfway between two doubles. Odd integers p and q in
 * [2^26, 2^27) whose product has 54 bits give a tie at 53 bits, scaled by powers of two over
 * the whole normal range. Small odd p and q, scaled so that the product is an odd multiple of
 * 2^-1075, give a tie between two subnormals.
 */
function addProductTies(pairs: PairList, random: Random): void {
  for (let i = 0; i < 100_000; i++) {
    const p = 2 ** 26 + 2 * random.below(2 ** 25) + 1;
    const q = 2 ** 26 + 2 * random.below(2 ** 25) + 1;
    if (p * q < 2 ** 53) continue;
    const scaleA = random.between(-1000, 990);
    const scaleB = random.between(Math.max(-1000, -1070 - scaleA), Math.min(990, 960 - scaleA));
    const a = p * powerOfTwo(scaleA);
    const b = q * powerOfTwo(scaleB);
    const kind = random.below(4);
    const [left, right] = kind === 0 ? [a, nextUp(b)] : kind === 1 ? [a, nextDown(b)] : [a, b];
    pairs.push(random.sign() === 1 ? -left : left, random.sign() === 1 ? -right : right);
  }
  for (let i = 0; i < 50_000; i++) {
    const p = 2 * random.below(2 ** 19) + 1;
    const q = 2 * random.below(2 ** 19) + 1;
    const scaleA = random.between(-500, -100);
    const a = p * powerOfTwo(scaleA);
    const b = q * powerOfTwo(-1075 - scaleA);
    pairs.push(random.sign() === 1 ? -a : a, random.sign() === 1 ? -b : b);
  }
}

/**
 * Adds quotients halfway between two subnormals. A quotient of two doubles is never exactly
 * halfway between two normal doubles, but (p * q * 2^(t - 1075)) / (q * 2^t) = p * 2^-1075 is
 * a tie for odd p.
 */
function addQuotientTies(pairs: PairList, random: Random): void {
  for (let i = 0; i < 100_000; i++) {
    const p = random.between(1, 2 ** 20);
    const q = 2 * random.below(2 ** 19) + 1;
    // Exact for t >= 1: p * q < 2^40, and 2^(t - 1075) is at least the subnormal spacing.
    const t = random.between(1, 1000);
    const a = p * q * powerOfTwo(t - 1075);
    const b = q * powerOfTwo(t);
    pairs.push(random.sign() === 1 ? -a : a, random.sign() === 1 ? -b : b);
  }
  // Subnormals halved and quartered: ties and near ties at the bottom of the range.
  for (let i = 0; i < 20_000; i++) {
    const a = fromFields(random.sign(), 0, random.word() & random.pick([0, 0, 0xfffff]), random.word() & 0xff);
    pairs.push(a, random.pick([2, 4, 8, -2, 0.5 + 0.25]));
  }
}

/** Adds operands whose sum, product or quotient overflows, or only just stays finite. */
function addOverflowPairs(pairs: PairList, random: Random): void {
  const max = Number.MAX_VALUE;
  pairs.pushBothOrders(max, max);
  pairs.pushBothOrders(max, 2);
  pairs.pushBothOrders(max, 0.5);
  pairs.pushBothOrders(max, nextUp(1));
  pairs.pushBothOrders(max, nextDown(1));
  pairs.pushBothOrders(-max, 2);
  pairs.pushBothOrders(max, MIN_SUBNORMAL);
  pairs.pushBothOrders(MIN_SUBNORMAL, MIN_SUBNORMAL);
  pairs.pushBothOrders(MIN_NORMAL, 0.5);
  pairs.pushBothOrders(MAX_SUBNORMAL, MIN_NORMAL);
  for (let i = 0; i < 20_000; i++) {
    pairs.push(random.withExponent(random.between(2000, 2046)), random.withExponent(random.between(1000, 1100)));
    pairs.push(random.withExponent(random.between(0, 40)), random.withExponent(random.between(950, 1100)));
  }
}

// ---- Checking results --------------------------------------------------------------------

interface Mismatch {
  index: number;
  message: string;
}

/** Compares result doubles bit for bit with the expected ones; any NaN matches any NaN. */
function findDoubleMismatches(
  label: string,
  pairs: { lhs: Uint32Array; rhs?: Uint32Array },
  actual: Uint32Array,
  expected: Float64Array,
): Mismatch[] {
  const expectedWords = new Uint32Array(expected.buffer, expected.byteOffset, expected.length * 2);
  const actualDoubles = new Float64Array(actual.buffer, actual.byteOffset, actual.length / 2);
  const mismatches: Mismatch[] = [];
  for (let i = 0; i < expected.length; i++) {
    const bothNan = Number.isNaN(expected[i]) && Number.isNaN(actualDoubles[i]);
    const same = actual[2 * i] === expectedWords[2 * i] && actual[2 * i + 1] === expectedWords[2 * i + 1];
    if (same || bothNan) continue;
    const operands = [formatDouble(pairs.lhs[2 * i], pairs.lhs[2 * i + 1])];
    if (pairs.rhs !== undefined) operands.push(formatDouble(pairs.rhs[2 * i], pairs.rhs[2 * i + 1]));
    mismatches.push({
      index: i,
      message:
        `${label}(${operands.join(', ')}): got ${formatDouble(actual[2 * i], actual[2 * i + 1])}, ` +
        `expected ${formatDouble(expectedWords[2 * i], expectedWords[2 * i + 1])}`,
    });
  }
  return mismatches;
}

/** Formats the first mismatches for the assertion message. */
function report(mismatches: Mismatch[], total: number): string {
  const firstLines = mismatches.slice(0, 8).map((mismatch) => `  #${mismatch.index} ${mismatch.message}`);
  return `${mismatches.length} of ${total} results differ (seed ${SEED}), the first ones:\n${firstLines.join('\n')}`;
}

function doublesOf(words: Uint32Array): Float64Array {
  return new Float64Array(words.buffer, words.byteOffset, words.length / 2);
}

const BINARY_REFERENCES: Record<BinaryOperation, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
};

const MIN_MAX_REFERENCES: Partial<Record<F64Operation, (a: number, b: number) => number>> = {
  max: (a, b) => (a > b ? a : b),
  maxKeepFirst: (a, b) => (b > a ? b : a),
  min: (a, b) => (a < b ? a : b),
  minKeepFirst: (a, b) => (b < a ? b : a),
  mathMax: (a, b) => Math.max(a, b),
  mathMin: (a, b) => Math.min(a, b),
};

/** JavaScript's compares and classification of a, as the harness's compare flags. */
function compareFlags(a: number, b: number): number {
  let flags = 0;
  if (a < b) flags |= COMPARE_FLAGS.lt;
  if (a <= b) flags |= COMPARE_FLAGS.le;
  if (a > b) flags |= COMPARE_FLAGS.gt;
  if (a >= b) flags |= COMPARE_FLAGS.ge;
  if (a === b) flags |= COMPARE_FLAGS.eq;
  if (a !== b) flags |= COMPARE_FLAGS.ne;
  if (Number.isNaN(a)) flags |= COMPARE_FLAGS.isNan;
  if (a === Infinity || a === -Infinity) flags |= COMPARE_FLAGS.isInfinite;
  if (Number.isFinite(a)) flags |= COMPARE_FLAGS.isFinite;
  if (a === 0) flags |= COMPARE_FLAGS.isZero;
  return flags;
}

/** Truncation toward zero, saturated to the i32 range, NaN to 0: the contract of f64_to_i32. */
function truncateToI32(value: number): number {
  if (Number.isNaN(value)) return 0;
  if (value >= 2147483647) return 2147483647;
  if (value <= -2147483648) return -2147483648;
  return Math.trunc(value) | 0;
}

// ---- Tests -------------------------------------------------------------------------------

describe('WebGPU device setup', () => {
  // The setup advice is for Linux, where Dawn reaches the GPU through Vulkan.
  it.skipIf(process.platform !== 'linux')('names VK_ICD_FILENAMES when it points nowhere', () => {
    // A child process, since the Vulkan loader reads the variable once per process.
    const script =
      "import { requestWebGpuDevice } from './src/webgpu/device.ts';" +
      'try { await requestWebGpuDevice(); console.log("opened"); } catch (error) { console.log(error.name + ": " + error.message); }';
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, VK_ICD_FILENAMES: '/nonexistent/icd.json', VK_DRIVER_FILES: '' },
      encoding: 'utf8',
    });
    expect(output).toContain('WebGpuUnavailableError: No WebGPU adapter found.');
    expect(output).toContain('VK_ICD_FILENAMES');
  });
});

describe('WGSL f64 constants', () => {
  const expectedValues: Record<string, number> = {
    POSITIVE_ZERO: 0,
    NEGATIVE_ZERO: -0,
    ONE: 1,
    NEGATIVE_ONE: -1,
    TWO: 2,
    HALF: 0.5,
    POSITIVE_INFINITY: Infinity,
    NEGATIVE_INFINITY: -Infinity,
    MAX: Number.MAX_VALUE,
    MIN_NORMAL: MIN_NORMAL,
    MIN_SUBNORMAL: Number.MIN_VALUE,
    EPSILON: Number.EPSILON,
  };
  const defined = new Map<string, [number, number]>();
  for (const match of loadF64Library().matchAll(/^const F64_(\w+) = vec2<u32>\(0x([0-9A-F]{8})u, 0x([0-9A-F]{8})u\);/gm)) {
    defined.set(match[1], [parseInt(match[2], 16), parseInt(match[3], 16)]);
  }

  for (const [name, value] of Object.entries(expectedValues)) {
    it(`F64_${name} has the bits of ${value}`, () => {
      const [low, high] = wordsOf(value);
      expect(defined.get(name), `F64_${name} in ${F64_LIBRARY_PATH}`).toEqual([low, high]);
    });
  }

  it('F64_NAN is the default quiet NaN', () => {
    expect(defined.get('NAN')).toEqual([0x00000000, 0x7ff80000]);
  });
});

describe.skipIf(gpu === undefined)(`WGSL binary64 library on ${adapterName}`, () => {
  let harness: F64Harness;

  beforeAll(async () => {
    harness = await F64Harness.create(gpu!.device);
  });

  afterAll(() => {
    gpu?.destroy();
  });

  async function checkBinary(operation: F64Operation, pairs: PairList, reference: (a: number, b: number) => number) {
    const { lhs, rhs } = pairs.words();
    const actual = await harness.run(operation, lhs, rhs);
    const a = doublesOf(lhs);
    const b = doublesOf(rhs);
    const expected = new Float64Array(pairs.count);
    for (let i = 0; i < pairs.count; i++) expected[i] = reference(a[i], b[i]);
    const mismatches = findDoubleMismatches(operation, { lhs, rhs }, actual, expected);
    expect(mismatches.length, report(mismatches, pairs.count)).toBe(0);
  }

  async function checkUnary(operation: F64Operation, operands: Uint32Array, reference: (a: number) => number) {
    const actual = await harness.run(operation, operands);
    const a = doublesOf(operands);
    const expected = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) expected[i] = reference(a[i]);
    const mismatches = findDoubleMismatches(operation, { lhs: operands }, actual, expected);
    expect(mismatches.length, report(mismatches, a.length)).toBe(0);
  }

  for (const operation of ['add', 'sub', 'mul', 'div'] as const) {
    it(`${operation} matches float64 bit for bit`, async () => {
      const random = new Random(SEED ^ operation.charCodeAt(0));
      const pairs = binaryOperands(operation, random);
      expect(pairs.count).toBeGreaterThanOrEqual(RANDOM_PAIRS);
      await checkBinary(operation, pairs, BINARY_REFERENCES[operation]);
    });
  }

  it('sqrt matches Math.sqrt bit for bit', async () => {
    const random = new Random(SEED ^ 0x5171);
    const operands = new PairList();
    for (const value of SPECIAL_VALUES) operands.push(value, 0);
    for (const [low, high] of NAN_WORDS) operands.pushWords(low, high, 0, 0);
    for (let i = 0; i < 400_000; i++) operands.push(random.anyDouble(), 0);
    for (let i = 0; i < 200_000; i++) operands.push(Math.abs(random.anyDouble()), 0);
    for (let i = 0; i < 100_000; i++) operands.push(Math.abs(random.withExponent(random.below(3))), 0);
    // Exact squares (roots with at most 26 significant bits) and their neighbors, whose roots
    // lie just beside a double.
    for (let i = 0; i < 100_000; i++) {
      const root = random.shortFraction(random.between(512, 1534), random.below(26));
      const square = root * root;
      operands.push(Math.abs(random.pick([square, nextUp(square), nextDown(square)])), 0);
    }
    while (operands.count < RANDOM_PAIRS) operands.push(Math.abs(random.shortFraction(random.below(2047), random.below(53))), 0);
    await checkUnary('sqrt', operands.words().lhs, Math.sqrt);
  });

  it('compares match JavaScript operators', async () => {
    const random = new Random(SEED ^ 0xc0);
    const pairs = binaryOperands('compare', random);
    const { lhs, rhs } = pairs.words();
    const actual = await harness.run('compare', lhs, rhs);
    const a = doublesOf(lhs);
    const b = doublesOf(rhs);
    const mismatches: Mismatch[] = [];
    for (let i = 0; i < pairs.count; i++) {
      const expected = compareFlags(a[i], b[i]);
      if (actual[2 * i] === expected && actual[2 * i + 1] === 0) continue;
      const flagNames = (flags: number) =>
        Object.entries(COMPARE_FLAGS)
          .filter(([, bit]) => (flags & bit) !== 0)
          .map(([name]) => name)
          .join(' ');
      mismatches.push({
        index: i,
        message:
          `compare(${formatDouble(lhs[2 * i], lhs[2 * i + 1])}, ${formatDouble(rhs[2 * i], rhs[2 * i + 1])}): ` +
          `got [${flagNames(actual[2 * i])}], expected [${flagNames(expected)}]`,
      });
    }
    expect(mismatches.length, report(mismatches, pairs.count)).toBe(0);
  });

  for (const [operation, reference] of Object.entries(MIN_MAX_REFERENCES)) {
    it(`${operation} matches its JavaScript expression`, async () => {
      const random = new Random(SEED ^ operation.length);
      await checkBinary(operation as F64Operation, binaryOperands('compare', random), reference);
    });
  }

  it('abs and neg flip only the sign bit', async () => {
    const random = new Random(SEED ^ 0xab5);
    const operands = new PairList();
    for (const value of SPECIAL_VALUES) operands.push(value, 0);
    while (operands.count < RANDOM_PAIRS) operands.push(random.anyDouble(), 0);
    const { lhs } = operands.words();
    await checkUnary('abs', lhs, Math.abs);
    await checkUnary('neg', lhs, (a) => -a);
  });

  it('toI32 truncates and saturates', async () => {
    const random = new Random(SEED ^ 0x132);
    const operands = new PairList();
    for (const value of SPECIAL_VALUES) operands.push(value, 0);
    for (const [low, high] of NAN_WORDS) operands.pushWords(low, high, 0, 0);
    for (const boundary of [2147483647, 2147483648, -2147483648, -2147483649, 1, -1, 0.5, -0.5]) {
      for (const value of [boundary, nextUp(boundary), nextDown(boundary), boundary + 0.5, boundary - 0.5]) operands.push(value, 0);
    }
    for (let i = 0; i < 300_000; i++) operands.push(random.anyDouble(), 0);
    for (let i = 0; i < 300_000; i++) operands.push(random.withExponent(random.between(1013, 1056)), 0);
    for (let i = 0; i < 200_000; i++) {
      const integer = random.between(-(2 ** 31) - 5, 2 ** 31 + 5);
      operands.push(random.pick([integer, nextUp(integer), nextDown(integer), integer + 0.5]), 0);
    }
    while (operands.count < RANDOM_PAIRS) operands.push(random.shortFraction(random.between(1000, 1060), random.below(53)), 0);

    const { lhs } = operands.words();
    const actual = await harness.run('toI32', lhs);
    const a = doublesOf(lhs);
    const mismatches: Mismatch[] = [];
    for (let i = 0; i < a.length; i++) {
      const expected = truncateToI32(a[i]);
      if ((actual[2 * i] | 0) === expected) continue;
      mismatches.push({
        index: i,
        message: `toI32(${formatDouble(lhs[2 * i], lhs[2 * i + 1])}): got ${actual[2 * i] | 0}, expected ${expected}`,
      });
    }
    expect(mismatches.length, report(mismatches, a.length)).toBe(0);
  });

  it('fromI32 and fromU32 are exact', async () => {
    const random = new Random(SEED ^ 0xf132);
    const words = new Uint32Array(2 * RANDOM_PAIRS);
    const edges = [0, 1, 2, 3, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe, 0x00ffffff, 0x01000001];
    for (let i = 0; i < 32; i++) edges.push(2 ** i, 2 ** i - 1, 2 ** i + 1);
    for (let i = 0; i < RANDOM_PAIRS; i++) {
      // Random words, with a random number of leading zero bits so every magnitude occurs.
      words[2 * i] = i < edges.length ? edges[i] >>> 0 : random.word() >>> random.below(32);
    }
    const unsigned = Float64Array.from({ length: RANDOM_PAIRS }, (_, i) => words[2 * i]);
    const signed = Float64Array.from({ length: RANDOM_PAIRS }, (_, i) => words[2 * i] | 0);
    const fromU32 = findDoubleMismatches('fromU32', { lhs: words }, await harness.run('fromU32', words), unsigned);
    expect(fromU32.length, report(fromU32, RANDOM_PAIRS)).toBe(0);
    const fromI32 = findDoubleMismatches('fromI32', { lhs: words }, await harness.run('fromI32', words), signed);
    expect(fromI32.length, report(fromI32, RANDOM_PAIRS)).toBe(0);
  });

  it('harness batches return the same bits', async () => {
    const random = new Random(SEED ^ 0xba7c);
    const pairs = new PairList();
    for (let i = 0; i < 10_007; i++) pairs.push(random.anyDouble(), random.anyDouble());
    const { lhs, rhs } = pairs.words();
    const whole = await harness.run('mul', lhs, rhs);
    const batched = await (await F64Harness.create(gpu!.device, { maxElementsPerBatch: 1000 })).run('mul', lhs, rhs);
    expect(batched).toEqual(whole);
  });

  it('harness splits large dispatches over two dimensions', async () => {
    // More workgroups of 64 than maxComputeWorkgroupsPerDimension allows in x alone.
    const count = gpu!.device.limits.maxComputeWorkgroupsPerDimension * 64 + 100;
    const operands = new Uint32Array(2 * count);
    for (let i = 0; i < count; i++) operands[2 * i + 1] = i;
    const negated = await harness.run('neg', operands);
    let wrong = -1;
    for (let i = 0; i < count && wrong < 0; i++) {
      if (negated[2 * i] !== 0 || negated[2 * i + 1] !== (i ^ 0x80000000) >>> 0) wrong = i;
    }
    expect(wrong, `first wrong index ${wrong} of ${count}`).toBe(-1);
  });
});
