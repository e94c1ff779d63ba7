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
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n - 1,
  // Two suffix buffers of n + 1, then the packed series and its output for series with gaps;
  // the tradingview path needs the packed series and its output only.
  scratch: ([n], maxLength) => 2 * (n + 1) + 2 * maxLength,
  reference: wma,
  notes: [
    'TA-Lib updates two running sums over the whole series, so rounding errors carry from window to window.',
    'Here each window is a weighted suffix sum of one block of n closes plus a weighted prefix sum of the next, with TA-Lib\'s recurrence restarted at every block; the values differ from TA-Lib\'s in the last bits only.',
    'hma and the ratings keep Pine\'s wma, each window summed oldest first.',
    'tradingview: Pine\'s ta.wma, each window of n closes weighted and summed oldest first from 0, as hma and the ratings do; it differs from the talib value in the last bits only.',
    'TA-Lib requires a period of at least 2; period 1 is accepted here and returns the close.',
  ],
};
