import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_stochrsi: vote 7 of recommend_other. Inputs: high, low, close. */
export function recStochrsi(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(7, inputs[0], inputs[1], inputs[2], outputs[0]);
}
