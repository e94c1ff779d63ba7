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
  outputs: [{ name: 'value', description: 'the rating, a multiple of 1/15 (1/14 without volume) once all members vote' }],
  // SMA(10) and EMA(10) vote first.
  lookback: () => 9,
  // Vote count, one vote, three buffers for Ichimoku (also the HMA and VWMA buffer), and a ring for SMA(200).
  scratch: (_params, maxLength) => 5 * maxLength + 200,
  reference: recommendMa,
  notes: [
    'Values within the first ~500 bars depend on the seed of EMA(200) and can differ from a screener that has seen longer history.',
    'Ratings from unadjusted prices jump at splits; TradingView charts are split-adjusted.',
  ],
};
