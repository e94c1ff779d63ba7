import { emaSeries } from './lib.js';
import { cumulativeSeries, moneyFlowVolumeSeries } from './lib-trend.js';

/**
 * Chaikin oscillator: ema(ad, fast) - ema(ad, slow), from bar max(fast, slow) - 1.
 * TA-Lib (flag 0): both EMAs start at bar 0's ad and step k * ad + (1 - k) * ema with
 * k = 2 / (n + 1). Pine (flag 1): `ta.ema`, seeded with the mean of the first n values, then
 * prev + k * (ad - prev).
 */
export function adosc(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close, volume] = inputs;
  const out = outputs[0];
  const [fast, slow] = params;
  const pine = params[params.length - 1] === 1;
  const len = high.length;
  const line = new Float64Array(len);
  moneyFlowVolumeSeries(high, low, close, volume, line, pine);
  cumulativeSeries(line, line);
  const first = (fast > slow ? fast : slow) - 1;

  if (pine) {
    const slowAverage = new Float64Array(len);
    emaSeries(line, out, fast);
    emaSeries(line, slowAverage, slow);
    for (let i = 0; i < len; i++) out[i] = out[i] - slowAverage[i];
    return;
  }

  const fastK = 2 / (fast + 1);
  const slowK = 2 / (slow + 1);
  const fastKeep = 1 - fastK;
  const slowKeep = 1 - slowK;
  let fastAverage = 0;
  let slowAverage = 0;
  for (let i = 0; i < len; i++) {
    const x = line[i];
    if (i === 0) {
      fastAverage = x;
      slowAverage = x;
    } else {
      fastAverage = fastK * x + fastKeep * fastAverage;
      slowAverage = slowK * x + slowKeep * slowAverage;
    }
    out[i] = i < first ? NaN : fastAverage - slowAverage;
  }
}
