import { isTradingView } from './lib-momentum.js';

/**
 * Balance of power: (close - open) / (high - low). TA-Lib's BOP gives 0 when the range is not
 * positive; Pine's formula is undefined when the range is 0.
 */
export function bop(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [open, high, low, close] = inputs;
  const out = outputs[0];
  const tv = isTradingView(params);
  for (let i = 0; i < close.length; i++) {
    const range = high[i] - low[i];
    if (tv) out[i] = range === 0 ? NaN : (close[i] - open[i]) / range;
    else out[i] = range <= 0 ? 0 : (close[i] - open[i]) / range;
  }
}
