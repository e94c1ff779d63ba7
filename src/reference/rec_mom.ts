import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_mom: vote 5 of recommend_other. Inputs: high, low, close. */
export function recMom(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(5, inputs[0], inputs[1], inputs[2], outputs[0]);
}
