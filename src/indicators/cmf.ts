import { cmf } from '../reference/cmf.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'cmf',
  title: 'Chaikin money flow',
  group: 'volume',
  description:
    'sum(mfv, n) / sum(volume, n) with mfv = ((2 * close - low - high) / (high - low)) * volume, 0 when high == low. ' +
    'Undefined before bar n - 1 and where the volume sum is 0.',
  source: 'Marc Chaikin; TradingView\'s Chaikin Money Flow (not in TA-Lib)',
  inputs: ['high', 'low', 'close', 'volume'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the money flow, -1 to 1', scale: 'none' }],
  lookback: ([n]) => n - 1,
  scratch: ([n], maxLength) => 2 * maxLength + n,
  reference: cmf,
  notes: [
    'TA-Lib has no Chaikin money flow; both conventions use Pine\'s built-in, with the compensated rolling sum of math.sum.',
  ],
};
