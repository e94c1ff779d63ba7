import { vwma } from '../reference/vwma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'vwma',
  title: 'Volume-weighted moving average',
  group: 'volume',
  description:
    'sma(close * volume, n) / sma(volume, n). Undefined before bar n - 1 and where the volume of the last n bars sums to 0.',
  source: 'Pine ta.vwma; not in TA-Lib',
  inputs: ['close', 'volume'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n - 1,
  // The rings of the two SMAs, close * volume and volume, then their state (six slots).
  scratch: ([n]) => 2 * n + 6,
  reference: vwma,
  notes: ['tradingview: the same under both conventions; TA-Lib has no VWMA, so both use Pine\'s ta.vwma with the compensated rolling sum of ta.sma.'],
};
