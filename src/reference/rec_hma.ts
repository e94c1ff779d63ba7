import { hmaVoteSeries } from './ratings.js';

/** rec_hma(n): the rating vote of close against Pine's hma(close, n). */
export function recHma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  hmaVoteSeries(inputs[0], outputs[0], params[0]);
}
