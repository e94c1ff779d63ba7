import { ichimokuVoteSeries } from './ratings.js';

/** rec_ichimoku: the Ichimoku vote of the rating. Inputs: high, low, close; params: the profile. */
export function recIchimoku(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  ichimokuVoteSeries(inputs[0], inputs[1], inputs[2], outputs[0], params[0]);
}
