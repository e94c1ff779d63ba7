import { ultosc } from '../reference/ultosc.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'ultosc',
  title: 'Ultimate oscillator',
  group: 'momentum',
  description:
    'From bar 1, bp = close - min(low, close[1]) and tr = the true range; A_p = sum(bp, p) / sum(tr, p); the value is ' +
    '100 * (4 * A_p1 + 2 * A_p2 + A_p3) / 7, leaving out a term whose true-range sum is 0 (all 0 gives 0). ' +
    'Undefined before bar p3. Requires p1 <= p2 <= p3.',
  source: 'TA-Lib ULTOSC (Larry Williams)',
  inputs: ['high', 'low', 'close'],
  params: [
    period('period1', 7, 1, 'shortest window in bars, weight 4'),
    period('period2', 14, 1, 'middle window in bars, weight 2'),
    period('period3', 28, 1, 'longest window in bars, weight 1'),
  ],
  outputs: [{ name: 'value', description: 'the oscillator, 0 to 100', scale: 'none' }],
  lookback: ([, , p3]) => p3,
  check: ([p1, p2, p3]) =>
    p1 <= p2 && p2 <= p3
      ? undefined
      : { parameter: 'period1', message: `periods (${p1}, ${p2}, ${p3}) must not decrease. List them shortest first.` },
  // The wasm kernel's state of two series (18 + 2 * (p1 + p2 + p3) slots each), their values and
  // sums (16 * 256 slots) and its plain path for series with NaN (4 * maxLength + p3 slots).
  scratch: ([p1, p2, p3], maxLength) => 2 * (18 + 2 * (p1 + p2 + p3)) + 16 * 256 + 4 * maxLength + p3,
  reference: ultosc,
  notes: [
    'TA-Lib sorts the three periods so the shortest weighs 4; here out-of-order periods are rejected, so a feature name never describes other parameters than the ones computed.',
    'TA-Lib leaves out a term whose true-range sum is within 1e-14 of 0; here only an exact 0 counts.',
    'TA-Lib keeps running sums; the compensated rolling sum here (Pine\'s math.sum) changes the values in the last bits only.',
    'tradingview conventions: a true-range sum of 0 makes the value undefined (Pine divides by it), and the last step is Pine\'s (100 * x) / 7 in place of TA-Lib\'s 100 * (x / 7), a last-bit difference.',
    'TA-Lib requires periods of at least 1, as here.',
  ],
};
