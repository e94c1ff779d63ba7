import { linearRegSeries } from './lib-misc.js';

/** linearreg(n) of close: TA-Lib's LINEARREG, LINEARREG_SLOPE, LINEARREG_INTERCEPT and TSF. */
export function linearreg(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [value, slope, intercept, forecast] = outputs;
  linearRegSeries(inputs[0], value, slope, intercept, forecast, params[0]);
}
