import { recStochrsi } from '../reference/rec_stochrsi.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_stochrsi',
  title: 'Stoch RSI vote of the oscillator rating',
  group: 'rating',
  description:
    'Stoch RSI 3, 3, 14, 14: buy in a downtrend (close < ema(close, 50)) when K < 20, D < 20 and K > D, sell in an uptrend when K > 80, D > 80 and K < D; null while ema(close, 50) is. ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.Stoch.RSI, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 49,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recStochrsi,
};
