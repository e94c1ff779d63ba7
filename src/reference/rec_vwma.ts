import { vwmaVoteSeries } from './ratings.js';

/** rec_vwma(n): the rating vote of close against Pine's vwma(close, n). Inputs: close, volume. */
export function recVwma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  vwmaVoteSeries(inputs[0], inputs[1], outputs[0], params[0]);
}
