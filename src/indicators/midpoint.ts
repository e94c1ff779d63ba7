import { midpoint } from '../reference/midpoint.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'midpoint',
  title: 'Midpoint',
  group: 'trend',
  description: '(highest close + lowest close) / 2 over the last n bars. Undefined before bar n - 1.',
  source: 'TA-Lib MIDPOINT',
  inputs: ['close'],
  params: [period('period', 14, 2)],
  outputs: [{ name: 'value', description: 'the midpoint, in price units', scale: 'price' }],
  lookback: ([n]) => n - 1,
  // The extremes of each bar, then two block buffers.
  scratch: ([n], maxLength) => 2 * maxLength + 4 * (n + 1),
  reference: midpoint,
  notes: ['Pine has no built-in midpoint; (ta.highest(close, n) + ta.lowest(close, n)) / 2 is the same, so both conventions agree.'],
};
