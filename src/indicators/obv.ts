import { obv } from '../reference/obv.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'obv',
  title: 'On-balance volume',
  group: 'volume',
  description:
    'A running total from bar 0 that adds the volume when close rose, subtracts it when close fell and keeps it when ' +
    'close is unchanged. Bar 0 starts at its own volume.',
  source: 'TA-Lib OBV (Joe Granville)',
  inputs: ['close', 'volume'],
  params: [],
  outputs: [{ name: 'value', description: 'the running total, in volume units', scale: 'volume' }],
  lookback: () => 0,
  scratch: () => 0,
  reference: obv,
  notes: [
    'tradingview conventions (Pine ta.obv, the cumulative sum of sign(change(close)) * volume): the total starts at 0 on bar 0, so every value is TA-Lib\'s minus bar 0\'s volume.',
    'The total depends on where the series starts; a symbol with more history has another level.',
  ],
};
