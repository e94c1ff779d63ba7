import { highestSeries, lowestSeries } from './lib.js';

/** Donchian channel: upper = highest high, lower = lowest low of the last n bars, middle = their mean. */
export function donchian(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low] = inputs;
  const [upper, middle, lower] = outputs;
  const n = params[0];
  highestSeries(high, upper, n);
  lowestSeries(low, lower, n);
  for (let i = 0; i < high.length; i++) middle[i] = (upper[i] + lower[i]) / 2;
}
