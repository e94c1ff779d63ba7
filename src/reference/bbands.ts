import { windowBandsSeries } from './lib.js';

/**
 * bbands(n, mult) of close: middle = sma(n), upper and lower = middle +- mult * sd, where sd
 * is the population standard deviation of the last n closes.
 */
export function bbands(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [upper, middle, lower] = outputs;
  const [n, mult] = params;
  windowBandsSeries(inputs[0], upper, middle, lower, n, mult);
}
