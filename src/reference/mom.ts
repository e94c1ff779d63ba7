/** Momentum: close - close[n], undefined for the first n bars. */
export function mom(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  for (let i = 0; i < close.length; i++) out[i] = i < n ? NaN : close[i] - close[i - n];
}
