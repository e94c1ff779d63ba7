import { midprice } from '../reference/midprice.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'midprice',
  title: 'Midpoint price',
  group: 'trend',
  description: '(highest high + lowest low) / 2 over the last n bars. Undefined before bar n - 1.',
  source: 'TA-Lib MIDPRICE',
  inputs: ['high', 'low'],
  params: [period('period', 14, 2)],
  outputs: [{ name: 'value', description: 'the midpoint, in price units', scale: 'price' }],
  lookback: ([n]) => n - 1,
  // The extremes of each bar, then two block buffers.
  scratch: ([n], maxLength) => 2 * maxLength + 4 * (n + 1),
  reference: midprice,
  notes: ['Pine has no built-in midprice; (ta.highest(high, n) + ta.lowest(low, n)) / 2 is the same, so both conventions agree.'],
};
