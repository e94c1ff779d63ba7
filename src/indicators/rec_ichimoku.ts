import { recIchimoku } from '../reference/rec_ichimoku.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_ichimoku',
  title: 'Ichimoku vote of the moving-average rating',
  group: 'rating',
  description:
    'Ichimoku 9, 26, 52 on undisplaced lines (conv, base, lead1 = (conv + base)/2, lead2), compared with Pine\'s ' +
    '1e-10 tolerance; null before bar 51. The ratings profile picks the rule. screener: buy when lead1 > lead2, ' +
    'close > lead1, close < base, close[1] < conv and close > conv; sell when lead2 > lead1, close < lead2, ' +
    'close > base, close[1] > conv and close < conv. pine_v3: with ' +
    'l1 = lead1[26] and l2 = lead2[26], buy when l1 > l2, base > l1, conv > base and close > conv; sell when ' +
    'all four are reversed; 0 while l1 or l2 is undefined.',
  source: 'TradingView technical ratings (Rec.Ichimoku): the screener rule as measured, pine_v3 from the TechnicalRating Pine library',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 51,
  // conv, base and lead2, copies of high and low, one slot per bar each, then 20 slots of window extremes per
  // two bars (after 13 blocks for the bars before the first).
  scratch: (_params, maxLength) => 5 * maxLength + 20 * (Math.floor(maxLength / 2) + 14),
  reference: recIchimoku,
  notes: ['Under the pine_v3 profile the vote is 0 on bars 51 to 76, because lead2[26] is first defined at bar 77.'],
};
