import { aroon } from '../reference/aroon.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'aroon',
  title: 'Aroon',
  group: 'trend',
  description:
    'Over the last n + 1 bars: up = (100 / n) * (n - bars since the highest high), down = (100 / n) * (n - bars since ' +
    'the lowest low), osc = up - down, computed as (100 / n) * (bar of the highest - bar of the lowest). On a tie the ' +
    'most recent bar counts. Undefined before bar n.',
  source: 'TA-Lib AROON and AROONOSC (Tushar Chande)',
  inputs: ['high', 'low'],
  params: [period('period', 14, 2)],
  outputs: [
    { name: 'up', description: 'Aroon up, 0 to 100', scale: 'none' },
    { name: 'down', description: 'Aroon down, 0 to 100', scale: 'none' },
    { name: 'osc', description: 'Aroon oscillator, up - down, -100 to 100', scale: 'none' },
  ],
  lookback: ([n]) => n,
  // Two block buffers of n + 2 values and their indices, two lanes each.
  scratch: ([n]) => 8 * (n + 2),
  reference: aroon,
  notes: [
    'TA-Lib requires a period of at least 2, as here.',
    'The tradingview conventions change nothing: Pine\'s Aroon, 100 * (highestbars(n + 1) + n) / n, may differ from (100 / n) * (n - d) in the last bit, and its tie rule is not documented, so this follows TA-Lib under both conventions.',
  ],
};
