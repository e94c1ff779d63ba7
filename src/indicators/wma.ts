import { wma } from '../reference/wma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'wma',
  title: 'Weighted moving average',
  group: 'moving average',
  description:
    'Weights n (newest close) down to 1 (oldest of the last n), divided by n(n + 1)/2. Undefined before bar n - 1.',
  source: 'TA-Lib WMA; Pine ta.wma',
  inputs: ['close'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the average' }],
  lookback: ([n]) => n - 1,
  scratch: ([n]) => n,
  reference: wma,
  notes: [
    'TA-Lib updates two running sums from bar to bar; each window here is summed afresh, oldest first, which differs in the last bits only and does not drift.',
    'TA-Lib requires a period of at least 2; period 1 is accepted here and returns the close.',
  ],
};
