import { oscillatorVoteSeries } from './ratings-other.js';

/** rec_macd: vote 6 of recommend_other. Inputs: high, low, close. */
export function recMacd(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  oscillatorVoteSeries(6, inputs[0], inputs[1], inputs[2], outputs[0]);
}
