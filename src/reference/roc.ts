import { isTradingView } from './lib-momentum.js';

/**
 * Rate of change in percent over n bars. TA-Lib's ROC: ((x / x[n]) - 1) * 100, 0 when x[n] is
 * 0. Pine's `ta.roc`: 100 * (x - x[n]) / x[n], undefined when x[n] is 0.
 */
export function roc(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  const tv = isTradingView(params);
  for (let i = 0; i < close.length; i++) {
    if (i < n) {
      out[i] = NaN;
      continue;
    }
    const prev = close[i - n];
    if (tv) out[i] = prev === 0 ? NaN : (100 * (close[i] - prev)) / prev;
    else out[i] = prev === 0 ? 0 : (close[i] / prev - 1) * 100;
  }
}
