/**
 * On-balance volume: a running total that adds the bar's volume when close rose and subtracts
 * it when close fell. TA-Lib (flag 0) starts the total at bar 0's volume; Pine's
 * `ta.obv` (flag 1) starts at 0, as bar 0 has no change.
 */
export function obv(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [close, volume] = inputs;
  const out = outputs[0];
  const pine = params[params.length - 1] === 1;
  if (close.length === 0) return;
  let total = pine ? 0 : volume[0];
  out[0] = total;
  for (let i = 1; i < close.length; i++) {
    if (close[i] > close[i - 1]) total = total + volume[i];
    else if (close[i] < close[i - 1]) total = total - volume[i];
    out[i] = total;
  }
}
