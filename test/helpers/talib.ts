import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { createReferenceBackend } from '../../src/backends/reference.js';
import type { Backend } from '../../src/backends/types.js';
import { WasmBackend } from '../../src/backends/wasm.js';
import { computeColumns } from '../../src/engine/compute.js';
import { readUniverse } from '../../src/io/read.js';
import type { Field, Universe } from '../../src/io/types.js';
import { planFeatures } from '../../src/registry/request.js';
import type { IndicatorSpec } from '../../src/registry/types.js';
import { lookbackOfOutput } from '../../src/registry/types.js';
import { requireSp500 } from './universe.js';

/** The output of `talib.execute`: `result` contains `nbElement` values per output, from bar `begIndex` on. */
export interface TalibResult {
  begIndex: number;
  nbElement: number;
  result: Record<string, number[]>;
}

/** One input of a TA-Lib function as `talib.explain` lists it: a `real` series or price fields named by `flags`. */
interface TalibInput {
  name: string;
  type: string;
  flags?: Record<string, string>;
}

/** The part of the `talib` package (node-talib 1.1.6, TA-Lib 0.4) these tests call. */
interface Talib {
  execute(request: Record<string, unknown>): TalibResult;
  explain(name: string): { inputs: TalibInput[] };
}

export const talib = createRequire(import.meta.url)('talib') as Talib;

/** Relative bound after the lookback: |ours - theirs| <= TOLERANCE * max(|ours|, |theirs|, unit). */
export const TOLERANCE = 1e-9;

/** Symbols in the S&P 500 daily universe that every agreement check covers. */
export const SP500_SYMBOLS = 504;

let universe: Promise<Universe> | undefined;

/**
 * Loads the S&P 500 daily universe, open to volume, without adjustment. The load (about 7 s)
 * happens once per test file, because vitest runs each file in its own process.
 */
export function loadSp500(): Promise<Universe> {
  universe ??= readUniverse(requireSp500(), {
    adjust: 'none',
    requiredFields: ['open', 'high', 'low', 'close', 'volume'],
    optionalFields: [],
  });
  return universe;
}

/**
 * Returns the columns `fields` of one symbol at the bars where all of them are numbers, as the
 * host compacts a series before a kernel reads it.
 */
export function seriesOf(universe: Universe, symbol: string, fields: readonly Field[]): Float64Array[] {
  const s = universe.symbols.indexOf(symbol);
  if (s < 0) throw new Error(`The universe has no symbol ${symbol}.`);
  const columns = fields.map((field) => {
    const values = universe.fields[field];
    if (!values) throw new Error(`The universe has no ${field} column.`);
    return values.subarray(universe.offsets[s], universe.offsets[s + 1]);
  });
  const definedBars: number[] = [];
  for (let i = 0; i < columns[0].length; i++) {
    if (columns.every((column) => !Number.isNaN(column[i]))) definedBars.push(i);
  }
  return columns.map((column) => Float64Array.from(definedBars, (i) => column[i]));
}

/**
 * Calls TA-Lib function `name` on one series. `fields` are the series' columns by field name:
 * price inputs (`inPriceHLC`, ...) take the fields their flags name, and a `real` input
 * (`inReal`) takes the one field of `fields` that no price input takes. The binding misreads
 * typed arrays, so the columns are plain arrays.
 */
export function runTalib(name: string, options: Record<string, number>, fields: Partial<Record<Field, readonly number[]>>): TalibResult {
  const passedFields = Object.keys(fields) as Field[];
  const priced = new Set<string>();
  const request: Record<string, unknown> = { name, ...options, startIdx: 0 };
  const inputs = talib.explain(name).inputs;
  for (const input of inputs) {
    if (input.type !== 'price') continue;
    for (const field of Object.values(input.flags ?? {})) {
      if (!fields[field as Field]) throw new Error(`TA-Lib ${name} reads ${field}, which the call does not pass.`);
      request[field] = fields[field as Field];
      priced.add(field);
    }
  }
  const reals = inputs.filter((input) => input.type === 'real');
  const rest = passedFields.filter((field) => !priced.has(field));
  if (reals.length !== rest.length) {
    throw new Error(`TA-Lib ${name} takes ${reals.length} real input(s), found ${rest.length} field(s) left for them (${rest.join(', ')}).`);
  }
  reals.forEach((input, k) => (request[input.name] = fields[rest[k]]));
  const length = fields[passedFields[0]]!.length;
  request.endIdx = length - 1;
  // TA-Lib rejects an empty range (endIdx < startIdx) with an error, so an empty series gets no values here.
  if (length === 0) return { begIndex: 0, nbElement: 0, result: {} };
  return talib.execute(request);
}

/** Calls `runTalib` with one column per field of `fields`, typed or plain. */
export function runTalibOn(name: string, options: Record<string, number>, fields: readonly Field[], columns: readonly ArrayLike<number>[]): TalibResult {
  const named: Partial<Record<Field, readonly number[]>> = {};
  fields.forEach((field, k) => (named[field] = Array.from(columns[k])));
  return runTalib(name, options, named);
}

/**
 * Aligns TA-Lib output `output` with a series of `length` bars: bar i is
 * result[output][i - begIndex], and bars outside [begIndex, begIndex + nbElement) are NaN.
 */
export function alignTalib(run: TalibResult, output: string, length: number): Float64Array {
  const aligned = new Float64Array(length).fill(NaN);
  const values = run.result[output];
  if (run.nbElement > 0 && !values) throw new Error(`TA-Lib has no output ${output} (outputs: ${Object.keys(run.result).join(', ')}).`);
  for (let j = 0; j < run.nbElement; j++) aligned[run.begIndex + j] = values[j];
  return aligned;
}

/** Where a value lies: the symbol, the bar of its series, our value and TA-Lib's. */
export interface Location {
  symbol: string;
  bar: number;
  ours: number;
  theirs: number;
}

/** One bar of one symbol, as the unit and accept hooks of a case see it. */
export interface BarContext {
  symbol: string;
  /** The bar in the compacted series: the index into `inputs`. */
  bar: number;
  /** The compacted series' columns, in the order of `spec.inputs`. */
  inputs: readonly (readonly number[])[];
  /** Our compacted outputs, in the order of `spec.outputs`. */
  outputs: readonly Float64Array[];
  /** TA-Lib's output aligned with the compacted series (see `alignTalib`). */
  talib: Float64Array;
  ours: number;
  theirs: number;
}

/** Our output `output` checked against TA-Lib output `talibOutput`. */
export interface OutputPair {
  output: number;
  talibOutput: string;
}

/** One agreement check: an indicator instance against one TA-Lib call per symbol. */
export interface TalibCase {
  spec: IndicatorSpec;
  params: number[];
  /** TA-Lib function name, for the label, and its options. */
  name: string;
  options?: Record<string, number>;
  /** Fields passed to TA-Lib (see `runTalib`); `spec.inputs` by default. */
  fields?: readonly Field[];
  pairs: readonly OutputPair[];
  /** Computes TA-Lib's side from the compacted columns when one call is not enough. */
  run?(fields: Partial<Record<Field, readonly number[]>>): TalibResult;
  /**
   * The smallest magnitude a difference of our output `output` is measured against at this
   * bar, in the output's unit; 0 (a plain relative difference) when absent.
   */
  unit?(context: BarContext, output: number): number;
  /**
   * Accepts a difference beyond the bound where the case documents why TA-Lib is off there
   * (and checks ours against an exact value). Accepted values are counted apart.
   */
  accept?(context: BarContext, output: number): boolean;
}

/** How one of our outputs agrees with TA-Lib over the universe. */
export interface Agreement {
  label: string;
  symbols: number;
  /** Values compared: the bars from the lookback on, of every symbol. */
  values: number;
  /** Worst |ours - theirs| / max(|ours|, |theirs|, unit) among the values inside the bound. */
  worst: number;
  worstAt?: Location;
  /** Worst |ours - theirs| / max(|ours|, |theirs|) among the values inside the bound, ignoring the unit. */
  worstPlain: number;
  /** Values outside the bound that `accept` did not accept, and the first of them. */
  outside: number;
  firstOutside?: Location;
  /** The first few values outside the bound, for the report. */
  examples: Location[];
  /** Values outside the bound that `accept` accepted, and the worst finite relative difference there. */
  accepted: number;
  worstAccepted: number;
  /** Symbols where TA-Lib's begIndex or nbElement differ from our lookback and length. */
  misaligned: number;
  firstMisaligned?: string;
  /** Values we define before the lookback. */
  early: number;
  firstEarly?: Location;
}

/** Returns the relative difference of two values: 0 where equal (NaN included), Infinity where one is NaN. */
export function relativeDifference(ours: number, theirs: number, unit = 0): number {
  if (ours === theirs || (Number.isNaN(ours) && Number.isNaN(theirs))) return 0;
  if (Number.isNaN(ours) || Number.isNaN(theirs)) return Infinity;
  return Math.abs(ours - theirs) / Math.max(Math.abs(ours), Math.abs(theirs), unit);
}

export function describeLocation(location: Location | undefined): string {
  if (!location) return 'none';
  return `${location.symbol} bar ${location.bar}: ${location.ours} vs TA-Lib ${location.theirs}`;
}

/** Returns the label of one output pair of a case, such as `macd(12,26,9).signal vs MACD.outMACDSignal`. */
export function labelOf(talibCase: TalibCase, pair: OutputPair): string {
  const { spec, params, name } = talibCase;
  return `${spec.id}(${params.join(',')}).${spec.outputs[pair.output].name} vs ${name}.${pair.talibOutput}`;
}

/** The bars of one symbol that have every field an indicator reads, and their columns as plain arrays. */
interface Compacted {
  /** Indices of the kept bars in the symbol's series; undefined when every bar is kept. */
  kept?: Int32Array;
  columns: Map<Field, number[]>;
}

/**
 * Compares indicator instances with TA-Lib over a whole universe. Our side runs through
 * computeColumns on a backend: wasm by default, which the bit-identity suite holds to the
 * reference. TA-Lib runs one symbol at a time on the bars that have every field the
 * indicator reads, as the host compacts them for the kernels.
 */
export class TalibComparison {
  /** Plain-array columns by symbol, keyed by the kept-bar set (`all` or the fields it is for) and the field. */
  private readonly columns = new Map<string, number[]>();
  private readonly kept = new Map<string, Int32Array | null>();

  private constructor(
    readonly universe: Universe,
    private readonly backend: Backend,
  ) {}

  /**
   * Starts a backend, `wasm` with two workers or `reference`, for `universe` (the S&P 500
   * universe when absent).
   */
  static async open(backend: 'wasm' | 'reference' = 'wasm', universe?: Universe): Promise<TalibComparison> {
    const loaded = universe ?? (await loadSp500());
    return new TalibComparison(loaded, backend === 'wasm' ? new WasmBackend(2) : createReferenceBackend());
  }

  async close(): Promise<void> {
    await this.backend.close();
  }

  /** Runs one case on every symbol and returns one agreement per output pair. */
  async compare(talibCase: TalibCase): Promise<Agreement[]> {
    const { spec, params, pairs } = talibCase;
    const { symbols, offsets } = this.universe;
    const request = params.length > 0 ? `${spec.id}(${params.join(',')})` : spec.id;
    const results = pairs.map((pair) => emptyAgreement(labelOf(talibCase, pair)));

    const mark = this.backend.mark();
    try {
      const columns = await computeColumns(this.universe, planFeatures([request]), this.backend, { ratingsProfile: 0, conventions: 0 });
      for (let s = 0; s < symbols.length; s++) {
        const compacted = this.compact(spec.inputs, s);
        const fields = talibCase.fields ?? spec.inputs;
        const talibFields: Partial<Record<Field, readonly number[]>> = {};
        for (const field of fields) talibFields[field] = compacted.columns.get(field) ?? this.column(field, s, compacted.kept, spec.inputs);
        const length = compacted.kept ? compacted.kept.length : offsets[s + 1] - offsets[s];
        const run = talibCase.run ? talibCase.run(talibFields) : runTalib(talibCase.name, talibCase.options ?? {}, talibFields);
        const inputs = spec.inputs.map((field) => compacted.columns.get(field)!);
        // planFeatures lists every output of an instance requested without one, in spec order.
        const outputs = columns.map((column) => this.ourSeries(column.values, s, compacted.kept));

        pairs.forEach((pair, p) => {
          const theirs = alignTalib(run, pair.talibOutput, length);
          compareSymbol(results[p], talibCase, pair, { symbol: symbols[s], inputs, outputs, kept: compacted.kept }, theirs, run);
        });
      }
    } finally {
      this.backend.release(mark);
    }
    return results;
  }

  /** Returns the kept bars and plain-array columns of symbol `s` for an indicator that reads `inputs`. */
  private compact(inputs: readonly Field[], s: number): Compacted {
    const key = `${inputs.join(',')}|${s}`;
    let kept = this.kept.get(key);
    if (kept === undefined) {
      kept = this.keptBars(inputs, s);
      this.kept.set(key, kept);
    }
    const columns = new Map<Field, number[]>();
    for (const field of inputs) columns.set(field, this.column(field, s, kept ?? undefined, inputs));
    return { kept: kept ?? undefined, columns };
  }

  /** Indices of the bars of symbol `s` where every field of `inputs` is a number; null when that is every bar. */
  private keptBars(inputs: readonly Field[], s: number): Int32Array | null {
    const { offsets, fields } = this.universe;
    const start = offsets[s];
    const end = offsets[s + 1];
    const kept: number[] = [];
    for (let i = start; i < end; i++) {
      if (inputs.every((field) => !Number.isNaN(fields[field]![i]))) kept.push(i - start);
    }
    return kept.length === end - start ? null : Int32Array.from(kept);
  }

  /** Field `field` of symbol `s` at the kept bars, as a plain array (cached). */
  private column(field: Field, s: number, kept: Int32Array | undefined, inputs: readonly Field[]): number[] {
    const key = `${kept ? inputs.join(',') : 'all'}|${field}|${s}`;
    let column = this.columns.get(key);
    if (!column) {
      const values = this.universe.fields[field];
      if (!values) throw new Error(`The universe has no ${field} column.`);
      const series = values.subarray(this.universe.offsets[s], this.universe.offsets[s + 1]);
      column = kept ? Array.from(kept, (i) => series[i]) : Array.from(series);
      this.columns.set(key, column);
    }
    return column;
  }

  /** Our output column of symbol `s` at the kept bars. */
  private ourSeries(values: Float64Array, s: number, kept: Int32Array | undefined): Float64Array {
    const series = values.subarray(this.universe.offsets[s], this.universe.offsets[s + 1]);
    return kept ? Float64Array.from(kept, (i) => series[i]) : series;
  }
}

function emptyAgreement(label: string): Agreement {
  return { label, symbols: 0, values: 0, worst: 0, worstPlain: 0, outside: 0, examples: [], accepted: 0, worstAccepted: 0, misaligned: 0, early: 0 };
}

/** Adds one symbol's comparison of one output pair to `result`. */
function compareSymbol(
  result: Agreement,
  talibCase: TalibCase,
  pair: OutputPair,
  series: { symbol: string; inputs: readonly (readonly number[])[]; outputs: readonly Float64Array[]; kept: Int32Array | undefined },
  theirs: Float64Array,
  run: TalibResult,
): void {
  const { symbol, inputs, outputs, kept } = series;
  const ours = outputs[pair.output];
  const length = ours.length;
  const lookback = lookbackOfOutput(talibCase.spec, talibCase.params, pair.output);
  const barOf = (i: number) => (kept ? kept[i] : i);
  result.symbols++;

  // TA-Lib returns no values (begIndex 0) on a series no longer than the lookback.
  const expectedCount = Math.max(0, length - lookback);
  const aligned = expectedCount === 0 ? run.nbElement === 0 : run.begIndex === lookback && run.nbElement === expectedCount;
  if (!aligned) {
    result.misaligned++;
    result.firstMisaligned ??= `${symbol}: TA-Lib begIndex ${run.begIndex} and nbElement ${run.nbElement}, expected ${lookback} and ${expectedCount}`;
  }

  for (let i = 0; i < Math.min(lookback, length); i++) {
    if (Number.isNaN(ours[i])) continue;
    result.early++;
    result.firstEarly ??= { symbol, bar: barOf(i), ours: ours[i], theirs: theirs[i] };
  }

  for (let i = lookback; i < length; i++) {
    const a = ours[i];
    const b = theirs[i];
    result.values++;
    if (a === b) continue;
    const context: BarContext = { symbol, bar: i, inputs, outputs, talib: theirs, ours: a, theirs: b };
    const unit = talibCase.unit?.(context, pair.output) ?? 0;
    const relative = relativeDifference(a, b, unit);
    if (relative <= TOLERANCE) {
      if (relative > result.worst) {
        result.worst = relative;
        result.worstAt = { symbol, bar: barOf(i), ours: a, theirs: b };
      }
      result.worstPlain = Math.max(result.worstPlain, relativeDifference(a, b));
    } else if (talibCase.accept?.(context, pair.output)) {
      result.accepted++;
      if (Number.isFinite(relative)) result.worstAccepted = Math.max(result.worstAccepted, relative);
    } else {
      result.outside++;
      const location = { symbol, bar: barOf(i), ours: a, theirs: b };
      result.firstOutside ??= location;
      if (result.examples.length < 12) result.examples.push(location);
    }
  }
}

/** Asserts that `result` covers every symbol, starts where TA-Lib starts and stays inside the bound. */
export function expectAgreement(result: Agreement, symbols = SP500_SYMBOLS): void {
  expect(result.symbols, `${result.label}: symbols compared`).toBe(symbols);
  expect(result.misaligned, `${result.label}: ${result.firstMisaligned}`).toBe(0);
  expect(result.early, `${result.label}: defined before the lookback at ${describeLocation(result.firstEarly)}`).toBe(0);
  expect(result.outside, `${result.label}: outside ${TOLERANCE}, first at ${describeLocation(result.firstOutside)}`).toBe(0);
}

/** Writes one line per agreement to stderr: the worst differences, where, and the accepted exceptions. */
export function reportAgreements(results: readonly Agreement[]): void {
  for (const r of results) {
    const accepted = r.accepted > 0 ? `, ${r.accepted} accepted (TA-Lib off by up to ${r.worstAccepted.toExponential(2)})` : '';
    process.stderr.write(
      `${r.label}: ${r.symbols} symbols, ${r.values} values, worst ${r.worst.toExponential(2)} (plain ${r.worstPlain.toExponential(2)}) ` +
        `at ${describeLocation(r.worstAt)}, ${r.outside} outside${accepted}\n`,
    );
    for (const example of r.examples) process.stderr.write(`  outside: ${describeLocation(example)}\n`);
  }
}

/**
 * Splits finite doubles into integers over one power of two, exactly:
 * values[j] = ints[j] * 2^-shift. The exact oracles below sum these integers without rounding.
 */
export function toScaledIntegers(values: ArrayLike<number>): { ints: bigint[]; shift: number } {
  const view = new DataView(new ArrayBuffer(8));
  const parts = Array.from(values, (value) => {
    view.setFloat64(0, value);
    const highWord = view.getUint32(0);
    const exponentBits = (highWord >>> 20) & 0x7ff;
    const fraction = (BigInt(highWord & 0xfffff) << 32n) | BigInt(view.getUint32(4));
    const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
    const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
    return { mantissa: highWord >>> 31 ? -mantissa : mantissa, exponent };
  });
  const shift = -Math.min(0, ...parts.map((p) => p.exponent));
  return { ints: parts.map((p) => p.mantissa << BigInt(p.exponent + shift)), shift };
}

/** Returns the integer square root of a non-negative bigint, rounded down (Newton's method). */
export function bigIntSqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = 1n << BigInt(Math.ceil(value.toString(2).length / 2));
  for (;;) {
    const next = (x + value / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** Returns the weighted mean of a window with weights 1 (oldest) to n (newest), from exact sums, rounded twice. */
export function exactWma(window: ArrayLike<number>): number {
  const { ints, shift } = toScaledIntegers(window);
  const weighted = ints.reduce((sum, value, k) => sum + BigInt(k + 1) * value, 0n);
  const norm = (ints.length * (ints.length + 1)) / 2;
  return (Number(weighted) / norm) * 2 ** -shift;
}

/**
 * Accepts values where TA-Lib is off and ours is near an exact value: within `bound` of it,
 * relative to `scale`, and closer to it than TA-Lib's. Counts them and keeps our worst error.
 */
export class ExactOracle {
  count = 0;
  worstOurs = 0;

  constructor(
    readonly label: string,
    readonly bound = 1e-12,
  ) {}

  accept(exact: number, scale: number, ours: number, theirs: number): boolean {
    const ourError = Math.abs(ours - exact);
    const closer = ourError <= this.bound * scale && ourError < Math.abs(theirs - exact);
    if (closer) {
      this.count++;
      this.worstOurs = Math.max(this.worstOurs, ourError / scale);
    }
    return closer;
  }

  /** Writes the count and our worst error to stderr. */
  report(): void {
    process.stderr.write(`${this.label}: ${this.count} values where TA-Lib is off, ours within ${this.worstOurs.toExponential(2)} of exact there\n`);
  }
}
