import { recWr } from '../reference/rec_wr.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_wr',
  title: 'Williams %R vote of the oscillator rating',
  group: 'rating',
  description:
    'Williams %R(14): buy when wr < -80 and rising, sell when wr > -20 and falling; null while wr[1] is. ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.WR, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 14,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recWr,
};
