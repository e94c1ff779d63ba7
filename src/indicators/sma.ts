import { sma } from '../reference/sma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'sma',
  title: 'Simple moving average',
  group: 'moving average',
  description: 'Mean of the last n closes, kept as a compensated rolling sum so it does not drift.',
  source: 'TA-Lib SMA; the compensated rolling sum follows TradingView math.sum as measured by PyneCore',
  inputs: ['close'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the average' }],
  lookback: ([n]) => n - 1,
  scratch: ([n]) => n,
  reference: sma,
  notes: ['TA-Lib keeps a plain running sum; the compensated sum here differs from it in the last bits only.'],
};
