import { isqrt } from '../reference/lib.js';
import { recHma } from '../reference/rec_hma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_hma',
  title: 'Hull MA vote of the moving-average rating',
  group: 'rating',
  description:
    'sign(close - hma(close, n)) with exact compares: +1 above, -1 below, 0 equal; null while the HMA is. ' +
    'hma(x, n) = wma(2 * wma(x, floor(n/2)) - wma(x, n), floor(sqrt(n))), WMA weights n (newest) down to 1.',
  source: 'TradingView technical ratings (Rec.HullMA9); Pine ta.hma',
  inputs: ['close'],
  params: [period('period', 9, 2)],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: ([n]) => n - 1 + isqrt(n) - 1,
  // The full-length WMA, then the packed series and its output for a WMA input with gaps; one slot per bar each.
  scratch: (_params, maxLength) => 3 * maxLength,
  reference: recHma,
  notes: ['recommend_ma uses n = 9, whose first vote is at bar 10.'],
};
