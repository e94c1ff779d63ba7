import { recBbpower } from '../reference/rec_bbpower.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_bbpower',
  title: 'Bull/Bear Power vote of the oscillator rating',
  group: 'rating',
  description:
    'Bull/Bear Power(13), bull = high - ema(close, 13), bear = low - ema(close, 13): buy in an uptrend (close > ema(close, 50)) when bear < 0 and rising, sell in a downtrend when bull > 0 and falling; null while ema(close, 50) is. ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.BBPower, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 49,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recBbpower,
};
