/**
 * aroon(n) as TA-Lib computes it over the last n + 1 bars: up = (100 / n) * (n - bars since
 * the highest high), down likewise with the lowest low, osc = (100 / n) * (index of the highest
 * - index of the lowest). On a tie the most recent bar counts. Defined from bar n.
 */
export function aroon(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low] = inputs;
  const [up, down, osc] = outputs;
  const n = params[0];
  const factor = 100 / n;
  for (let i = 0; i < high.length; i++) {
    if (i < n) {
      up[i] = NaN;
      down[i] = NaN;
      osc[i] = NaN;
      continue;
    }
    let highest = i - n;
    let lowest = i - n;
    for (let j = i - n + 1; j <= i; j++) {
      if (high[j] >= high[highest]) highest = j;
      if (low[j] <= low[lowest]) lowest = j;
    }
    up[i] = factor * (n - (i - highest));
    down[i] = factor * (n - (i - lowest));
    osc[i] = factor * (highest - lowest);
  }
}
