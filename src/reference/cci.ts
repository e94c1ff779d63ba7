import { smaSeries } from './lib.js';
import { isTradingView } from './lib-momentum.js';

/**
 * Commodity channel index over n bars: (x - mean) / (0.015 * mean absolute deviation from the
 * mean). TA-Lib's CCI takes x = typical price (high + low + close) / 3, sums each window oldest
 * first and gives 0 when x equals the mean or the deviation is 0. Pine's `ta.cci` as the
 * ratings use it takes x = close, the mean from `ta.sma`, the deviation summed newest first
 * (`ta.dev`), and is undefined when the deviation is 0.
 */
export function cci(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const out = outputs[0];
  const n = params[0];
  const len = close.length;
  if (isTradingView(params)) {
    smaSeries(close, out, n, new Float64Array(n));
    for (let i = 0; i < len; i++) {
      const mean = out[i];
      if (mean !== mean) continue;
      let sum = 0;
      for (let j = 0; j < n; j++) sum += Math.abs(close[i - j] - mean);
      const dev = sum / n;
      out[i] = dev === 0 ? NaN : (close[i] - mean) / (0.015 * dev);
    }
    return;
  }
  for (let i = 0; i < len; i++) {
    if (i < n - 1) {
      out[i] = NaN;
      continue;
    }
    let sum = 0;
    for (let j = i - n + 1; j <= i; j++) sum += (high[j] + low[j] + close[j]) / 3;
    const mean = sum / n;
    let deviation = 0;
    for (let j = i - n + 1; j <= i; j++) deviation += Math.abs((high[j] + low[j] + close[j]) / 3 - mean);
    const last = (high[i] + low[i] + close[i]) / 3 - mean;
    out[i] = last !== 0 && deviation !== 0 ? last / (0.015 * (deviation / n)) : 0;
  }
}
