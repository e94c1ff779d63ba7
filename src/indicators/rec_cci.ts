import { recCci } from '../reference/rec_cci.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_cci',
  title: 'CCI vote of the oscillator rating',
  group: 'rating',
  description:
    'CCI(20) of close: buy when cci < -100 and rising, sell when cci > 100 and falling; null while cci[1] is (a flat 20-bar window has no cci). ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.CCI, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 20,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recCci,
};
