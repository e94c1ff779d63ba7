import { midRangeSeries } from './lib-misc.js';

/** midprice(n), TA-Lib's MIDPRICE: (highest high + lowest low) / 2 over the last n bars. */
export function midprice(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low] = inputs;
  midRangeSeries(high, low, outputs[0], params[0], new Float64Array(high.length));
}
