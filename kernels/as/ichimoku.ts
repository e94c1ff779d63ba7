import { clearUndefinedWindows, column, donchianLanes, highLowLanes, ld, param, seriesStart, slots, st } from './lib';

/**
 * ichimoku(conversion, base, lead); the mirror of src/reference/ichimoku.ts. The high and low
 * lanes are built once for the three windows. Scratch: 2 * maxLength + 4 * (longest window + 1) slots.
 */
export function ichimoku(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highIn = column(inputs, 0);
  const lowIn = column(inputs, 1);
  const conversionOut = column(outputs, 0);
  const baseOut = column(outputs, 1);
  const lead1Out = column(outputs, 2);
  const lead2Out = column(outputs, 3);
  const conversion = <i32>param(params, 0);
  const base = <i32>param(params, 1);
  const lead = <i32>param(params, 2);
  const lanes = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const high = highIn + at;
    const low = lowIn + at;
    const conversionLine = conversionOut + at;
    const baseLine = baseOut + at;
    const lead1 = lead1Out + at;
    const lead2 = lead2Out + at;
    const buffers = lanes + slots(2 * len);
    const gaps = highLowLanes(high, low, len, lanes);
    donchianLanes(lanes, conversionLine, len, conversion, buffers);
    donchianLanes(lanes, baseLine, len, base, buffers);
    donchianLanes(lanes, lead2, len, lead, buffers);
    if (gaps) {
      clearUndefinedWindows(high, low, conversionLine, len, conversion);
      clearUndefinedWindows(high, low, baseLine, len, base);
      clearUndefinedWindows(high, low, lead2, len, lead);
    }
    for (let i: i32 = 0; i < len; i++) st(lead1, i, (ld(conversionLine, i) + ld(baseLine, i)) / 2.0);
  }
}
