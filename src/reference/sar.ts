/**
 * Parabolic SAR with acceleration step `acceleration` and cap `maximum`. The last param selects
 * the conventions: 0 follows TA-Lib's SAR, 1 Pine's ta.sar(acceleration, acceleration, maximum).
 * Both start at bar 1. kernels/as/sar.ts mirrors both operation for operation.
 */
export function sar(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const out = outputs[0];
  const [acceleration, maximum] = params;
  const conventions = params[params.length - 1];
  if (out.length > 0) out[0] = NaN;
  if (out.length < 2) return;
  if (conventions === 1) pineSar(high, low, close, out, acceleration, maximum);
  else talibSar(high, low, out, acceleration, maximum);
}

/**
 * TA-Lib's SAR: long unless bar 1 has a -DM(1), i.e. low[0] - low[1] > 0 and above
 * high[1] - high[0]. The first SAR is the previous bar's extreme, a reversal takes the extreme
 * point clamped to the last two bars' range, and a bar whose low touches the SAR (<=) reverses.
 */
function talibSar(high: Float64Array, low: Float64Array, out: Float64Array, acceleration: number, maximum: number): void {
  // TA-Lib lowers an acceleration above the maximum to the maximum.
  const step = acceleration > maximum ? maximum : acceleration;
  let af = step;
  const up = high[1] - high[0];
  const down = low[0] - low[1];
  let isLong = !(down > 0 && up < down);
  let ep = isLong ? high[1] : low[1];
  let sar = isLong ? low[0] : high[0];
  let newLow = low[1];
  let newHigh = high[1];
  for (let i = 1; i < out.length; i++) {
    const prevLow = newLow;
    const prevHigh = newHigh;
    newLow = low[i];
    newHigh = high[i];
    if (isLong) {
      if (newLow <= sar) {
        isLong = false;
        sar = ep;
        if (sar < prevHigh) sar = prevHigh;
        if (sar < newHigh) sar = newHigh;
        out[i] = sar;
        af = step;
        ep = newLow;
        sar = sar + af * (ep - sar);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < newHigh) sar = newHigh;
      } else {
        out[i] = sar;
        if (newHigh > ep) {
          ep = newHigh;
          af += step;
          if (af > maximum) af = maximum;
        }
        sar = sar + af * (ep - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > newLow) sar = newLow;
      }
    } else if (newHigh >= sar) {
      isLong = true;
      sar = ep;
      if (sar > prevLow) sar = prevLow;
      if (sar > newLow) sar = newLow;
      out[i] = sar;
      af = step;
      ep = newHigh;
      sar = sar + af * (ep - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > newLow) sar = newLow;
    } else {
      out[i] = sar;
      if (newLow < ep) {
        ep = newLow;
        af += step;
        if (af > maximum) af = maximum;
      }
      sar = sar + af * (ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < newHigh) sar = newHigh;
    }
  }
}

/**
 * Pine's ta.sar, after the equivalent script in the Pine reference: long when close[1] >
 * close[0], each bar first advances the SAR, a bar whose low is strictly below it (high strictly
 * above when short) reverses, and the SAR is clamped to the lows (highs) of the last two bars.
 */
function pineSar(high: Float64Array, low: Float64Array, close: Float64Array, out: Float64Array, acceleration: number, maximum: number): void {
  let isBelow = close[1] > close[0];
  let extreme = isBelow ? high[1] : low[1];
  let result = isBelow ? low[0] : high[0];
  let af = acceleration;
  for (let i = 1; i < out.length; i++) {
    let firstTrendBar = i === 1;
    result = result + af * (extreme - result);
    if (isBelow) {
      if (result > low[i]) {
        firstTrendBar = true;
        isBelow = false;
        result = high[i] < extreme ? extreme : high[i];
        extreme = low[i];
        af = acceleration;
      }
    } else if (result < high[i]) {
      firstTrendBar = true;
      isBelow = true;
      result = extreme < low[i] ? extreme : low[i];
      extreme = high[i];
      af = acceleration;
    }
    if (!firstTrendBar) {
      if (isBelow) {
        if (high[i] > extreme) {
          extreme = high[i];
          const next = af + acceleration;
          af = next < maximum ? next : maximum;
        }
      } else if (low[i] < extreme) {
        extreme = low[i];
        const next = af + acceleration;
        af = next < maximum ? next : maximum;
      }
    }
    if (isBelow) {
      if (low[i - 1] < result) result = low[i - 1];
      if (i > 1 && low[i - 2] < result) result = low[i - 2];
    } else {
      if (high[i - 1] > result) result = high[i - 1];
      if (i > 1 && high[i - 2] > result) result = high[i - 2];
    }
    out[i] = result;
  }
}
