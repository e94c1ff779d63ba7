import { midRangeSeries } from './lib-misc.js';

/** midpoint(n) of close, TA-Lib's MIDPOINT: (highest close + lowest close) / 2 over the last n bars. */
export function midpoint(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  midRangeSeries(close, close, outputs[0], params[0], new Float64Array(close.length));
}
