import { sumSeries } from './lib.js';
import { moneyFlowVolumeSeries } from './lib-trend.js';

/**
 * Chaikin money flow, as Pine's built-in computes it: sum(mfv, n) / sum(volume, n) with
 * mfv = ((2 * close - low - high) / (high - low)) * volume, 0 when high == low. From bar n - 1;
 * undefined where the volume sum is 0.
 */
export function cmf(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close, volume] = inputs;
  const out = outputs[0];
  const n = params[0];
  const len = high.length;
  const flow = new Float64Array(len);
  const volumeSum = new Float64Array(len);
  const ring = new Float64Array(n);
  moneyFlowVolumeSeries(high, low, close, volume, flow, true);
  sumSeries(flow, out, n, ring);
  sumSeries(volume, volumeSum, n, ring);
  for (let i = 0; i < len; i++) {
    const total = volumeSum[i];
    out[i] = total === 0 ? NaN : out[i] / total;
  }
}
