import { recommendAllSeries } from './ratings-other.js';

/**
 * recommend_all. Inputs: high, low, close, then volume (all NaN for a symbol without volume);
 * params: the ratings profile.
 */
export function recommendAll(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  recommendAllSeries(inputs[0], inputs[1], inputs[2], inputs[3], outputs[0], params[0]);
}
