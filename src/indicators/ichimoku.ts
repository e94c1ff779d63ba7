import { ichimoku } from '../reference/ichimoku.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

/** First defined bar of each output: conversion, base, lead1 (needs both), lead2. */
function outputLookback([conversion, base, lead]: readonly number[], output: number): number {
  switch (output) {
    case 0:
      return conversion - 1;
    case 1:
      return base - 1;
    case 2:
      return Math.max(conversion, base) - 1;
    default:
      return lead - 1;
  }
}

export const spec: IndicatorSpec = {
  id: 'ichimoku',
  title: 'Ichimoku cloud lines',
  group: 'trend',
  description:
    'Midpoint (highest high + lowest low) / 2 over `conversion` bars (conversion line) and over `base` bars (base ' +
    'line); lead1 = (conversion + base) / 2; lead2 = the midpoint over `lead` bars. All undisplaced; each is ' +
    'undefined until its windows are full.',
  source: 'Pine built-in Ichimoku Cloud (Goichi Hosoda); not in TA-Lib',
  inputs: ['high', 'low'],
  params: [
    period('conversion', 9, 1, 'conversion line window in bars'),
    period('base', 26, 1, 'base line window in bars'),
    period('lead', 52, 1, 'leading span B window in bars'),
  ],
  outputs: [
    { name: 'conversion', description: 'conversion line (tenkan-sen)', scale: 'price' },
    { name: 'base', description: 'base line (kijun-sen)', scale: 'price' },
    { name: 'lead1', description: 'leading span A, undisplaced', scale: 'price' },
    { name: 'lead2', description: 'leading span B, undisplaced', scale: 'price' },
  ],
  lookback: (params) => Math.min(outputLookback(params, 0), outputLookback(params, 1), outputLookback(params, 3)),
  outputLookback,
  // The high and low lanes, two slots per bar, then two suffix buffers of two lanes for the longest window.
  scratch: ([conversion, base, lead], maxLength) => 2 * maxLength + 4 * (Math.max(conversion, base, lead) + 1),
  reference: ichimoku,
  notes: [
    'Charts draw the leading spans 26 bars ahead and the lagging span 26 bars back; these are the values computed at each bar, and the lagging span (the close) is not an output.',
    'tradingview: the same under both conventions; TA-Lib has no Ichimoku, so both use Pine\'s donchian lines.',
  ],
};
