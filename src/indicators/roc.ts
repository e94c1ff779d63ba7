import { roc } from '../reference/roc.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'roc',
  title: 'Rate of change',
  group: 'momentum',
  description:
    'Change of the close over n bars in percent of the earlier close. A zero earlier close gives 0 (TA-Lib) or ' +
    'undefined (tradingview).',
  source: 'TA-Lib ROC; Pine ta.roc',
  inputs: ['close'],
  params: [period('period', 10)],
  outputs: [{ name: 'value', description: 'the change in percent', scale: 'none' }],
  lookback: ([n]) => n,
  scratch: () => 0,
  reference: roc,
  notes: [
    'TA-Lib computes ((close / close[n]) - 1) * 100; tradingview computes 100 * (close - close[n]) / close[n], as Pine; they differ in the last bits.',
    'TA-Lib gives 0 when close[n] is 0; tradingview gives undefined.',
  ],
};
