import { windowMeanSeries } from './lib.js';

/** Lengths of the two means whose composition is trima(n): weights 1, 2, ..., 2, 1 over n bars. */
export function trimaHalves(n: number): [number, number] {
  return n % 2 === 1 ? [(n + 1) / 2, (n + 1) / 2] : [n / 2, n / 2 + 1];
}

/** trima(n) of close, TA-Lib's TRIMA: the block-sum mean of the block-sum mean, lengths from `trimaHalves`. */
export function trima(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const [a, b] = trimaHalves(params[0]);
  const inner = new Float64Array(close.length);
  windowMeanSeries(close, inner, a);
  windowMeanSeries(inner, outputs[0], b);
}
