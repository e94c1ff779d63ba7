import { hma } from '../reference/hma.js';
import { isqrt } from '../reference/lib.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'hma',
  title: 'Hull moving average',
  group: 'moving average',
  description:
    'wma(2 * wma(close, floor(n/2)) - wma(close, n), floor(sqrt(n))), with the WMA weights n (newest) down to 1. ' +
    'Undefined before bar (n - 1) + (floor(sqrt(n)) - 1): bar 10 for n = 9.',
  source: 'Pine ta.hma (Alan Hull); not in TA-Lib',
  inputs: ['close'],
  // n = 1 would make the inner half-length WMA empty.
  params: [period('period', 9, 2)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n - 1 + (isqrt(n) - 1),
  // The full-length WMA, then the packed series and its output for a WMA input with gaps; one slot per bar each.
  scratch: (_params, maxLength) => 3 * maxLength,
  reference: hma,
  notes: ['tradingview: the same under both conventions; TA-Lib has no HMA, so both use Pine\'s ta.hma, each wma window summed oldest first.'],
};
