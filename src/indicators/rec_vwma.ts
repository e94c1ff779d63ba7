import { recVwma } from '../reference/rec_vwma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_vwma',
  title: 'VWMA vote of the moving-average rating',
  group: 'rating',
  description:
    'sign(close - vwma(close, n)) with exact compares: +1 above, -1 below, 0 equal; null while the VWMA is. ' +
    'vwma = sma(close * volume, n) / sma(volume, n), null when the volume average is 0.',
  source: 'TradingView technical ratings (Rec.VWMA); Pine ta.vwma',
  inputs: ['close', 'volume'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: ([n]) => n - 1,
  // The rings of the two SMAs, close * volume and volume, then their state (six slots).
  scratch: ([n]) => 2 * n + 6,
  reference: recVwma,
  notes: [
    'recommend_ma uses n = 20.',
    'A window of n zero-volume bars gives null, not a vote.',
  ],
};
