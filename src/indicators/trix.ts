import { trix } from '../reference/trix.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'trix',
  title: 'TRIX',
  group: 'momentum',
  description:
    'One-bar rate of change in percent of ema(ema(ema(close, n), n), n); each EMA is seeded with the mean of the ' +
    'first n values of its input. A zero earlier value gives 0.',
  source: 'TA-Lib TRIX',
  inputs: ['close'],
  params: [period('period', 30)],
  outputs: [{ name: 'value', description: 'the rate of change in percent', scale: 'none' }],
  lookback: ([n]) => 3 * (n - 1) + 1,
  scratch: (_, maxLength) => maxLength,
  reference: trix,
  notes: [
    'The same under both conventions: Pine has no ta.trix, and TradingView\'s TRIX script takes 10000 * change of the triple EMA of log(close), which needs a logarithm the backends do not share.',
    'TA-Lib seeds each EMA with a plain sum; the compensated sum here changes the seeds in the last bits only.',
  ],
};
