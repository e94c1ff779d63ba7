import { smaVoteSeries } from './ratings.js';

/** rec_sma(n): the rating vote of close against Pine's sma(close, n). */
export function recSma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  smaVoteSeries(inputs[0], outputs[0], params[0]);
}
