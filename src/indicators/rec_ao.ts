import { recAo } from '../reference/rec_ao.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_ao',
  title: 'Awesome Oscillator vote of the oscillator rating',
  group: 'rating',
  description:
    'AO = sma(hl2, 5) - sma(hl2, 34): buy on an exact zero-line cross up (ao > 0, ao[1] <= 0) or when ao and ao[1] are above 0, ao > ao[1] and ao[2] > ao[1]; sell on the mirror; null while ao[1] is. ' +
    'Compares use Pine\'s 1e-10 tolerance; the parameters are fixed to the rating\'s.',
  source: 'TradingView technical ratings (Rec.AO, a Recommend.Other member), with Pine\'s definitions',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: () => 34,
  // The vote's intermediate series, then rings and window suffixes.
  scratch: (_params, maxLength) => 8 * maxLength + 64,
  reference: recAo,
};
