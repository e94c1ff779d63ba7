import { recommendMa } from '../reference/recommend_ma.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'recommend_ma',
  title: 'Moving-average technical rating',
  group: 'rating',
  description:
    'Mean of the defined votes of 15 members: rec_sma and rec_ema for 10, 20, 30, 50, 100 and 200, rec_hma(9), ' +
    'rec_vwma(20) and rec_ichimoku; from -1 (all sell) to +1 (all buy), null while no vote is defined. ' +
    'A symbol without volume has no VWMA vote, so 14 members.',
  source: 'TradingView technical ratings (Recommend.MA), with Pine\'s definitions of every average',
  inputs: ['high', 'low', 'close'],
  optionalInputs: ['volume'],
  params: [],
  outputs: [{ name: 'value', description: 'the rating, a multiple of 1/15 (1/14 without volume) once all members vote', scale: 'none' }],
  // SMA(10) and EMA(10) vote first.
  lookback: () => 9,
  // A table of the 528 possible means, then the vote tally and one vote per bar. Then work shared by the members:
  // Ichimoku's lines, input copies and window extremes (as rec_ichimoku), HMA's three series, or the realized
  // SMA addends (six per bar), the SMA and EMA states and VWMA's rings and state.
  scratch: (_params, maxLength) =>
    528 +
    2 * maxLength +
    Math.max(5 * maxLength + 20 * (Math.floor(maxLength / 2) + 14), 3 * maxLength, 6 * maxLength + 42 + 40 + 6),
  reference: recommendMa,
  notes: [
    'Values within the first ~500 bars depend on the seed of EMA(200) and can differ from a screener that has seen longer history.',
    'Ratings from unadjusted prices jump at splits; TradingView charts are split-adjusted.',
  ],
};
