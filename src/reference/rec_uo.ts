import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_uo: vote 10 of recommend_other. Inputs: high, low, close. */
export function recUo(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(10, inputs[0], inputs[1], inputs[2], outputs[0]);
}
