import { mom } from '../reference/mom.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'mom',
  title: 'Momentum',
  group: 'momentum',
  description: 'close - close n bars earlier. The same under both conventions.',
  source: 'TA-Lib MOM; Pine ta.mom',
  inputs: ['close'],
  params: [period('period', 10)],
  outputs: [{ name: 'value', description: 'the change in price over n bars', scale: 'price' }],
  lookback: ([n]) => n,
  scratch: () => 0,
  reference: mom,
};
