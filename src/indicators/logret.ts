import { logret } from '../reference/logret.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'logret',
  title: 'Log return',
  group: 'momentum',
  description:
    'ln(close / close[n]), computed as log(close / close[n]) with the project\'s own natural logarithm. Undefined ' +
    'before bar n, where close[n] is 0, and where the ratio is 0 or negative, since the logarithm of a non-positive ' +
    'number has no real value.',
  source: 'The continuously compounded return; the logarithm follows fdlibm e_log.c (within 1 ulp)',
  inputs: ['close'],
  params: [period('period', 1)],
  outputs: [{ name: 'value', description: 'the return in nepers (0.01 is about 1%)', scale: 'none' }],
  lookback: ([n]) => n,
  scratch: () => 0,
  reference: logret,
  notes: [
    'The ratio is divided first and its logarithm taken once: rounding the ratio moves the result by at most about 1.1e-16, less than the cancellation in ln(close) - ln(close[n]) costs.',
    'The logarithm is not Math.log, which differs between runtimes; it is within 1 ulp of the exact value and gives the same bits on every backend.',
    'TA-Lib and Pine have no built-in log return; both conventions use this definition.',
  ],
};
