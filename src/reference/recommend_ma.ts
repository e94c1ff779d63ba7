import { recommendMaSeries } from './ratings.js';

/**
 * recommend_ma. Inputs: high, low, close, then volume (all NaN for a symbol without volume,
 * which leaves 14 members); params: the ratings profile.
 */
export function recommendMa(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  recommendMaSeries(inputs[0], inputs[1], inputs[2], inputs[3], outputs[0], params[0]);
}
