import { recommendMaSeries } from './ratings.js';
import { ratingBand, recommendAllSeries, recommendOtherSeries } from './ratings-other.js';

/** Values of the `rating` parameter of recommend_label. */
export const LABEL_ALL = 0;
export const LABEL_MA = 1;
export const LABEL_OTHER = 2;

/**
 * recommend_label. Inputs: high, low, close, then volume; params: the rating (0 all, 1 ma,
 * 2 other), then the ratings profile.
 */
export function recommendLabel(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close, volume] = inputs;
  const dst = outputs[0];
  const rating = params[0];
  if (rating === LABEL_MA) recommendMaSeries(high, low, close, volume, dst, params[1]);
  else if (rating === LABEL_OTHER) recommendOtherSeries(high, low, close, dst);
  else recommendAllSeries(high, low, close, volume, dst, params[1]);
  for (let i = 0; i < dst.length; i++) dst[i] = ratingBand(dst[i]);
}
