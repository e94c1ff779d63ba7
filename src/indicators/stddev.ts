import { stddev } from '../reference/stddev.js';
import { multiplier, period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'stddev',
  title: 'Standard deviation',
  group: 'volatility',
  description:
    'sqrt(population variance of the last n closes) * nbdev. Each window is summed twice from its own closes, as ' +
    'deviations from its newest close: a flat window gives exactly 0. Undefined before bar n - 1.',
  source: 'TA-Lib STDDEV; Pine ta.stdev (biased)',
  inputs: ['close'],
  params: [period('period', 5, 2), multiplier('nbdev', 1, 'multiplier of the deviation')],
  outputs: [{ name: 'value', description: 'the deviation, in price units', scale: 'price' }],
  lookback: ([n]) => n - 1,
  scratch: () => 0,
  reference: stddev,
  notes: [
    'TA-Lib takes the variance from running sums of x and x * x, which leaves noise on flat or nearly flat windows and gives 0 for a variance within 1e-14 of 0; here the two-pass variance is exactly 0 on a flat window and never negative.',
    'Pine\'s ta.stdev (biased = true) is the same population deviation, so both conventions agree.',
    'Each bar costs O(n).',
  ],
};
