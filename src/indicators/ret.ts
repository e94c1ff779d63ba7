import { ret } from '../reference/ret.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'ret',
  title: 'Simple return',
  group: 'momentum',
  description:
    'close / close[n] - 1, computed as (close - close[n]) / close[n]. Undefined before bar n and where close[n] is 0.',
  source: 'TA-Lib ROCP (rate of change percentage, as a fraction)',
  inputs: ['close'],
  params: [period('period', 1)],
  outputs: [{ name: 'value', description: 'the return as a fraction (0.01 is 1%)', scale: 'none' }],
  lookback: ([n]) => n,
  scratch: () => 0,
  reference: ret,
  notes: [
    'The difference is taken before the division, as TA-Lib\'s ROCP does, so small returns keep their digits.',
    'TA-Lib\'s ROCP returns 0 where close[n] is 0; here that is undefined, since the ratio has no value.',
    'Pine has no built-in return; both conventions use this definition.',
  ],
};
