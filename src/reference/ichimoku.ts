import { donchianSeries } from './lib.js';

/**
 * ichimoku(conversion, base, lead) lines, undisplaced: conversion and base are the midpoints
 * of the highest high and lowest low over their windows, lead1 = (conversion + base) / 2, and
 * lead2 is the midpoint over `lead` bars.
 */
export function ichimoku(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low] = inputs;
  const [conversionLine, baseLine, lead1, lead2] = outputs;
  const [conversion, base, lead] = params;
  const tmp = new Float64Array(high.length);
  donchianSeries(high, low, conversionLine, conversion, tmp);
  donchianSeries(high, low, baseLine, base, tmp);
  donchianSeries(high, low, lead2, lead, tmp);
  for (let i = 0; i < high.length; i++) lead1[i] = (conversionLine[i] + baseLine[i]) / 2;
}
