import { trima } from '../reference/trima.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'trima',
  title: 'Triangular moving average',
  group: 'moving average',
  description:
    'Weights 1, 2, ..., 2, 1 over the last n closes, computed as sma(sma(close, a), b) with a = b = (n + 1) / 2 for odd ' +
    'n, a = n / 2 and b = n / 2 + 1 for even n. Undefined before bar n - 1.',
  source: 'TA-Lib TRIMA',
  inputs: ['close'],
  params: [period('period', 30, 2)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n - 1,
  // The inner mean, then windowMeanSeries' two suffix buffers (the longer half b <= n / 2 + 1) and packed series.
  scratch: ([n], maxLength) => maxLength + 2 * (Math.floor(n / 2) + 2) + 2 * maxLength,
  reference: trima,
  notes: [
    'TA-Lib keeps running sums; here each window of both means is summed from its own values (block sums, as sma), which differs in the last bits only.',
    'Pine has no built-in trima, so both conventions use this definition.',
  ],
};
