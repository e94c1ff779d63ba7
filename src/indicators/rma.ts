import { rma } from '../reference/rma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rma',
  title: "Wilder's moving average",
  group: 'moving average',
  description:
    'Seeded at bar n - 1 with the mean of the first n closes (a compensated sum), then (prev * (n - 1) + close) / n. ' +
    'Undefined before bar n - 1.',
  source: "Pine ta.rma (Wilder's smoothing, also called SMMA); TA-Lib has no such function",
  inputs: ['close'],
  params: [period('period', 14)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n - 1,
  scratch: () => 0,
  reference: rma,
  notes: ['TA-Lib has no RMA, so both conventions use Pine\'s definition.'],
};
