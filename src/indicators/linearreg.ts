import { linearreg } from '../reference/linearreg.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'linearreg',
  title: 'Linear regression',
  group: 'trend',
  description:
    'Least-squares line through the last n closes at x = 0 (oldest) to n - 1 (newest): value at x = n - 1, slope per ' +
    'bar, intercept at x = 0, tsf at x = n. Each window is summed from its own closes, as deviations from its newest ' +
    'close. Undefined before bar n - 1.',
  source: 'TA-Lib LINEARREG, LINEARREG_SLOPE, LINEARREG_INTERCEPT, TSF; Pine ta.linreg(close, n, 0) for the value',
  inputs: ['close'],
  params: [period('period', 14, 2)],
  outputs: [
    { name: 'value', description: 'the line at the newest bar', scale: 'price' },
    { name: 'slope', description: 'the slope, in price units per bar', scale: 'price' },
    { name: 'intercept', description: 'the line at the oldest bar of the window', scale: 'price' },
    { name: 'tsf', description: 'time series forecast: the line one bar ahead', scale: 'price' },
  ],
  lookback: ([n]) => n - 1,
  scratch: () => 0,
  reference: linearreg,
  notes: [
    'TA-Lib sums the raw closes; here the sums take deviations from the newest close, which is added back, so a flat window has slope exactly 0 and the results differ in the last bits only.',
    'Pine\'s ta.linreg(close, n, 0) is the same line at the newest bar, so both conventions agree.',
    'Each bar costs O(n).',
  ],
};
