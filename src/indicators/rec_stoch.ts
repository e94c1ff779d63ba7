import { recStoch } from '../reference/rec_stoch.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_stoch',
  title: 'Stochastic vote of the oscillator rating',
  group: 'rating',
  description:
    'Stochastic 14, 3, 3 (K = sma(stoch, 3), D = sma(K, 3)): buy when K < 20, D < 20 and K > D, sell when K > 80, D > 80 and K < D; null while D[1] is. ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.Stoch, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 18,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recStoch,
};
