import { smaSeries } from './lib.js';

/** Awesome Oscillator: sma(hl2, fast) - sma(hl2, slow), hl2 = (high + low) / 2, from bar slow - 1. */
export function ao(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low] = inputs;
  const out = outputs[0];
  const [fast, slow] = params;
  const len = high.length;
  const median = new Float64Array(len);
  const slowAverage = new Float64Array(len);
  const ring = new Float64Array(slow);
  for (let i = 0; i < len; i++) median[i] = (high[i] + low[i]) / 2;
  smaSeries(median, out, fast, ring);
  smaSeries(median, slowAverage, slow, ring);
  for (let i = 0; i < len; i++) out[i] = out[i] - slowAverage[i];
}
