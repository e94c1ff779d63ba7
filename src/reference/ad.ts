import { cumulativeSeries, moneyFlowVolumeSeries } from './lib-trend.js';

/**
 * Chaikin accumulation/distribution line: the running total of each bar's money flow volume,
 * in TA-Lib's form (flag 0) or Pine's `ta.accdist` form (flag 1), from bar 0.
 */
export function ad(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close, volume] = inputs;
  const pine = params[params.length - 1] === 1;
  moneyFlowVolumeSeries(high, low, close, volume, outputs[0], pine);
  cumulativeSeries(outputs[0], outputs[0]);
}
