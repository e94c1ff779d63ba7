import { recRsi } from '../reference/rec_rsi.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_rsi',
  title: 'RSI vote of the oscillator rating',
  group: 'rating',
  description:
    'RSI(14): buy when rsi < 30 and rising (rsi > rsi[1]), sell when rsi > 70 and falling; null while rsi[1] is. ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.RSI, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 15,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recRsi,
};
