import { mfi } from '../reference/mfi.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'mfi',
  title: 'Money flow index',
  group: 'volume',
  description:
    'Typical price tp = (high + low + close) / 3; from bar 1, tp * volume is positive flow when tp rose and negative ' +
    'flow when it fell (neither when unchanged); mfi = 100 * (pos / (pos + neg)) over the last n bars. Undefined before ' +
    'bar n and where pos + neg is 0 (tp unchanged, or no volume, over the window).',
  source: 'TA-Lib MFI (Gene Quong and Avrum Soudack)',
  inputs: ['high', 'low', 'close', 'volume'],
  params: [period('period', 14, 2)],
  outputs: [{ name: 'value', description: 'the index, 0 to 100', scale: 'none' }],
  lookback: ([n]) => n,
  scratch: ([n], maxLength) => 4 * maxLength + 4 * (n + 1),
  reference: mfi,
  notes: [
    'TA-Lib returns 0 when pos + neg is below 1.0 (in volume times price); here a sum of exactly 0 gives undefined, and any positive sum gives the ratio.',
    'TA-Lib keeps running sums, which leave residue of flows that left the window (values near 1e-13 where the exact value is 0 or 100); here each window is summed on its own, so those windows give exactly 0 or 100.',
    'TA-Lib requires a period of at least 2, as here.',
    'Pine\'s ta.mfi(hlc3, n) computes 100 - 100 / (1 + pos / neg), which equals the TA-Lib form up to rounding; the tradingview conventions keep the TA-Lib form, as rsi does.',
  ],
};
