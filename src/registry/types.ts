import type { Field } from '../io/types.js';

/** One numeric parameter of an indicator. Integer parameters reject fractional values. */
export interface ParamSpec {
  name: string;
  kind: 'int' | 'float';
  default: number;
  min: number;
  max: number;
  description: string;
}

/**
 * Scale of an output under a change of units. Multiplying open, high, low and close by c
 * multiplies a 'price' output by c and a 'price^2' output by c * c. Multiplying volume by c
 * multiplies a 'volume' output by c. A 'none' output (ratios, oscillators, votes) changes with
 * neither. An output that mixes scales, such as the accumulation/distribution line (a price
 * ratio times volume), is listed by the scale that remains once the ratio cancels.
 */
export type OutputScale = 'price' | 'price^2' | 'volume' | 'none';

export interface OutputSpec {
  name: string;
  description: string;
  /** Scale of the output under a change of price or volume units, which test/properties.test.ts checks. */
  scale?: OutputScale;
}

/** Formula conventions of the plain indicators: TA-Lib's (the default) or TradingView's (Pine's). */
export type Conventions = 'talib' | 'tradingview';

/**
 * Run-wide settings that some kernels read. They travel to every kernel after the
 * indicator's own parameters (see `kernelParams`), so all kernels keep one signature.
 */
export interface KernelOptions {
  /** Ichimoku rule of the moving-average rating: 0 = screener, 1 = pine_v3. */
  ratingsProfile: 0 | 1;
  /** Formula conventions of the plain indicators: 0 = TA-Lib (the default), 1 = TradingView. */
  conventions?: 0 | 1;
}

/**
 * The reference kernel of an indicator: one series, one thread. `inputs` follow
 * `IndicatorSpec.inputs` then `optionalInputs` (an optional input the run lacks is all NaN);
 * `outputs` follow `IndicatorSpec.outputs` and must be written at every index, NaN where
 * the output is undefined. `params` are the indicator's parameters then the kernel options.
 */
export type ReferenceKernel = (
  inputs: readonly Float64Array[],
  params: readonly number[],
  outputs: readonly Float64Array[],
) => void;

export type IndicatorGroup = 'moving average' | 'momentum' | 'volatility' | 'volume' | 'trend' | 'rating';

/** A registry entry: everything the CLI, validation, docs and backends know of an indicator. */
export interface IndicatorSpec {
  id: string;
  title: string;
  group: IndicatorGroup;
  /** The formula in a sentence or two, with the undefined cases. */
  description: string;
  /** Source of the formula: the library, script or paper it follows. */
  source: string;
  /** Fields a bar needs: a bar missing any of them is skipped by this indicator. */
  inputs: readonly Field[];
  /** Fields read when present. A bar missing one is not skipped: the kernel reads NaN there. */
  optionalInputs?: readonly Field[];
  params: readonly ParamSpec[];
  outputs: readonly OutputSpec[];
  /**
   * Index of the first bar with a defined value on a series without missing bars, under the
   * formula conventions of the run (TA-Lib's when omitted). Where the outputs start at
   * different bars, this is the earliest, and `outputLookback` gives each. A window with no
   * change or no range can leave a bar undefined after it (see the description).
   */
  lookback(params: readonly number[], conventions?: Conventions): number;
  /**
   * Index of the first defined bar of output `output` (an index into `outputs`) under the
   * formula conventions of the run (TA-Lib's when omitted). Absent when every output starts at
   * `lookback`.
   */
  outputLookback?(params: readonly number[], output: number, conventions?: Conventions): number;
  /** Extra checks across parameters; returns a message naming the parameter, or undefined. */
  check?(params: readonly number[]): { parameter: string; message: string } | undefined;
  /** Float64 slots of scratch memory the wasm kernel needs for a series of `maxLength` bars. */
  scratch(params: readonly number[], maxLength: number): number;
  reference: ReferenceKernel;
  /** Deliberate differences from TA-Lib or TradingView, one sentence each. */
  notes?: readonly string[];
}

/**
 * Index of the first defined bar of one output of `spec` under `conventions`: `outputLookback`
 * where given, else `lookback`.
 */
export function lookbackOfOutput(spec: IndicatorSpec, params: readonly number[], output: number, conventions: Conventions = 'talib'): number {
  return spec.outputLookback ? spec.outputLookback(params, output, conventions) : spec.lookback(params, conventions);
}

/** Name of the conventions that the kernel flag `KernelOptions.conventions` selects. */
export function conventionsOf(options: Pick<KernelOptions, 'conventions'>): Conventions {
  return options.conventions === 1 ? 'tradingview' : 'talib';
}

export function kernelParams(params: readonly number[], options: KernelOptions): number[] {
  return [...params, options.ratingsProfile, options.conventions ?? 0];
}
