import { emaVoteSeries } from './ratings.js';

/** rec_ema(n): the rating vote of close against Pine's ema(close, n), seeded by the sma. */
export function recEma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  emaVoteSeries(inputs[0], outputs[0], params[0]);
}
