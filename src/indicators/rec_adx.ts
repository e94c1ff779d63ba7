import { recAdx } from '../reference/rec_adx.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_adx',
  title: 'ADX vote of the oscillator rating',
  group: 'rating',
  description:
    'ADX 14, 14 (Pine dmi): buy when adx > 20, adx rising and +DI > -DI, sell when adx > 20, adx rising and +DI < -DI; null while adx is. ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.ADX, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 27,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recAdx,
};
