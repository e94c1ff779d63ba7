import { donchian } from '../reference/donchian.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'donchian',
  title: 'Donchian channel',
  group: 'volatility',
  description:
    'upper = highest high, lower = lowest low of the last n bars, middle = (upper + lower) / 2. Undefined before bar n - 1.',
  source: 'Richard Donchian; Pine ta.highest, ta.lowest (TradingView\'s Donchian Channels); TA-Lib has no such function',
  inputs: ['high', 'low'],
  params: [period('period', 20)],
  outputs: [
    { name: 'upper', description: 'the highest high', scale: 'price' },
    { name: 'middle', description: 'the midpoint of the channel', scale: 'price' },
    { name: 'lower', description: 'the lowest low', scale: 'price' },
  ],
  lookback: ([n]) => n - 1,
  scratch: ([n]) => n + 1,
  reference: donchian,
  notes: ['TA-Lib has no Donchian channel, so both conventions use Pine\'s definition; the middle equals TA-Lib\'s MIDPRICE.'],
};
