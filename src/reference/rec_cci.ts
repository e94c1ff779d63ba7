import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_cci: vote 2 of recommend_other. Inputs: high, low, close. */
export function recCci(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(2, inputs[0], inputs[1], inputs[2], outputs[0]);
}
