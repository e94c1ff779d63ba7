import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_ao: vote 4 of recommend_other. Inputs: high, low, close. */
export function recAo(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(4, inputs[0], inputs[1], inputs[2], outputs[0]);
}
