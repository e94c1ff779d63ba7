import { varianceSeries } from './lib-misc.js';

/** stddev(n, nbdev) of close, TA-Lib's STDDEV: sqrt(population variance) * nbdev. */
export function stddev(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const out = outputs[0];
  const nbdev = params[1];
  varianceSeries(inputs[0], out, params[0]);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]) * nbdev;
}
