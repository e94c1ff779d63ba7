import { windowMeanSeries } from './lib.js';

/**
 * mfi(n) as TA-Lib computes it: typical price tp = (high + low + close) / 3; from bar 1, tp * volume
 * is positive flow when tp rose and negative flow when it fell; mfi = 100 * (pos / (pos + neg))
 * over the last n bars, from bar n. Undefined where pos + neg is exactly 0.
 *
 * The sums are the block sums of `windowMeanSeries`, taken as means, which leaves the ratio
 * unchanged. Each window adds only its own values, so a window without a rise gives exactly 0
 * and one without a fall exactly 100. Running sums keep residue of the flows that left.
 */
export function mfi(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close, volume] = inputs;
  const out = outputs[0];
  const n = params[0];
  const len = high.length;
  const positive = new Float64Array(len);
  const negative = new Float64Array(len);
  let previous = 0;
  for (let i = 0; i < len; i++) {
    const typical = (high[i] + low[i] + close[i]) / 3;
    const flow = typical * volume[i];
    if (i === 0) {
      positive[i] = NaN;
      negative[i] = NaN;
    } else {
      const change = typical - previous;
      positive[i] = change > 0 ? flow : 0;
      negative[i] = change < 0 ? flow : 0;
    }
    previous = typical;
  }

  windowMeanSeries(positive, out, n);
  windowMeanSeries(negative, positive, n);
  for (let i = 0; i < len; i++) {
    const pos = out[i];
    const total = pos + positive[i];
    out[i] = total === 0 ? NaN : 100 * (pos / total);
  }
}
