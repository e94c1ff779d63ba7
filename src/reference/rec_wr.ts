import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_wr: vote 8 of recommend_other. Inputs: high, low, close. */
export function recWr(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(8, inputs[0], inputs[1], inputs[2], outputs[0]);
}
