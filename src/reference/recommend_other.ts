import { recommendOtherSeries } from './ratings-other.js';

/** recommend_other. Inputs: high, low, close. */
export function recommendOther(inputs: readonly Float64Array[], _params: readonly number[], outputs: readonly Float64Array[]): void {
  recommendOtherSeries(inputs[0], inputs[1], inputs[2], outputs[0]);
}
