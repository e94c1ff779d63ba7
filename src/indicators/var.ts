import { variance } from '../reference/var.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'var',
  title: 'Variance',
  group: 'volatility',
  description:
    'Population variance of the last n closes. Each window is summed twice from its own closes, as deviations from its ' +
    'newest close: a flat window gives exactly 0. Undefined before bar n - 1.',
  source: 'TA-Lib VAR; Pine ta.variance (biased)',
  inputs: ['close'],
  params: [period('period', 5)],
  outputs: [{ name: 'value', description: 'the variance, in squared price units', scale: 'price^2' }],
  lookback: ([n]) => n - 1,
  scratch: () => 0,
  reference: variance,
  notes: [
    'TA-Lib takes the variance from running sums of x and x * x, which leaves noise on flat or nearly flat windows; here the two-pass variance is exactly 0 on a flat window and never negative.',
    'TA-Lib\'s nbdev option of VAR is unused, so it is not a parameter here.',
    'Pine\'s ta.variance (biased = true) is the same population variance, so both conventions agree.',
    'Each bar costs O(n).',
  ],
};
