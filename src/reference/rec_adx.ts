import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_adx: vote 3 of recommend_other. Inputs: high, low, close. */
export function recAdx(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(3, inputs[0], inputs[1], inputs[2], outputs[0]);
}
