import { column, emaSeries, ld, param, seriesStart, slots, st } from './lib';

/**
 * macd(fast, slow, signal) of close; the mirror of src/reference/macd.ts. The reference runs
 * the two EMAs, the line and the signal EMA as separate passes. Here one loop advances all
 * three recurrences per bar, so their latencies overlap. Each EMA does the operations of
 * emaSeries: a compensated sum of its first n defined inputs, then prev + alpha * (x - prev),
 * skipping NaN inputs. params: fast, slow, signal, ratings profile, conventions. Scratch: none
 * (talib); maxLength slots for the slow EMA (tradingview, which runs the reference's passes).
 */
export function macd(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const lineOut = column(outputs, 0);
  const signalOut = column(outputs, 1);
  const histOut = column(outputs, 2);
  const fast = <i32>param(params, 0);
  const slow = <i32>param(params, 1);
  const signal = <i32>param(params, 2);
  const pine = param(params, 4) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    if (pine) {
      pineMacdSeries(close + at, lineOut + at, signalOut + at, histOut + at, len, fast, slow, signal, scratch);
      continue;
    }
    macdSeries(close + at, lineOut + at, signalOut + at, histOut + at, len, fast, slow, signal);
  }
}

function macdSeries(src: usize, line: usize, signalLine: usize, hist: usize, len: i32, fast: i32, slow: i32, signal: i32): void {
  // The fast EMA starts at bar slow - fast, so that both EMAs' first values land on bar slow - 1.
  const skip = slow - fast;
  // TA-Lib outputs the MACD line only from the signal's first bar.
  const first = slow - 1 + (signal - 1);
  const slowCount = <f64>slow;
  const fastCount = <f64>fast;
  const signalCount = <f64>signal;
  const slowAlpha = 2.0 / (slowCount + 1.0);
  const fastAlpha = 2.0 / (fastCount + 1.0);
  const signalAlpha = 2.0 / (signalCount + 1.0);
  let slowSum: f64 = 0;
  let slowError: f64 = 0;
  let slowSeen: i32 = 0;
  let slowEma: f64 = NaN;
  let fastSum: f64 = 0;
  let fastError: f64 = 0;
  let fastSeen: i32 = 0;
  let fastEma: f64 = NaN;
  let signalSum: f64 = 0;
  let signalError: f64 = 0;
  let signalSeen: i32 = 0;
  let signalEma: f64 = NaN;

  // Until all three EMAs have their seeds: every case of emaSeries, bar by bar.
  let i: i32 = 0;
  for (; i < len; i++) {
    if (slowSeen >= slow && fastSeen >= fast && signalSeen >= signal) break;
    const x = ld(src, i);
    let slowValue: f64 = NaN;
    let fastValue: f64 = NaN;
    if (x == x) {
      if (slowSeen < slow) {
        const y = x - slowError;
        const t = slowSum + y;
        slowError = t - slowSum - y;
        slowSum = t;
        slowSeen++;
        if (slowSeen == slow) {
          slowEma = slowSum / slowCount;
          slowValue = slowEma;
        }
      } else {
        slowEma = slowEma + slowAlpha * (x - slowEma);
        slowValue = slowEma;
      }
      if (i >= skip) {
        if (fastSeen < fast) {
          const y = x - fastError;
          const t = fastSum + y;
          fastError = t - fastSum - y;
          fastSum = t;
          fastSeen++;
          if (fastSeen == fast) {
            fastEma = fastSum / fastCount;
            fastValue = fastEma;
          }
        } else {
          fastEma = fastEma + fastAlpha * (x - fastEma);
          fastValue = fastEma;
        }
      }
    }
    const macdValue = fastValue - slowValue;
    let signalValue: f64 = NaN;
    if (macdValue == macdValue) {
      if (signalSeen < signal) {
        const y = macdValue - signalError;
        const t = signalSum + y;
        signalError = t - signalSum - y;
        signalSum = t;
        signalSeen++;
        if (signalSeen == signal) {
          signalEma = signalSum / signalCount;
          signalValue = signalEma;
        }
      } else {
        signalEma = signalEma + signalAlpha * (macdValue - signalEma);
        signalValue = signalEma;
      }
    }
    st(line, i, i < first ? NaN : macdValue);
    st(signalLine, i, signalValue);
    st(hist, i, macdValue - signalValue);
  }

  // All three in their steady phase, past bar `first`: a NaN close keeps the two close EMAs,
  // and a NaN line (a NaN close, or infinite closes) keeps the signal EMA.
  for (; i < len; i++) {
    const x = ld(src, i);
    const slowValue = slowEma + slowAlpha * (x - slowEma);
    const fastValue = fastEma + fastAlpha * (x - fastEma);
    const macdValue = fastValue - slowValue;
    const signalValue = signalEma + signalAlpha * (macdValue - signalEma);
    st(line, i, macdValue);
    st(signalLine, i, signalValue);
    st(hist, i, macdValue - signalValue);
    const defined = x == x;
    slowEma = defined ? slowValue : slowEma;
    fastEma = defined ? fastValue : fastEma;
    signalEma = macdValue == macdValue ? signalValue : signalEma;
  }
}

/** Pine's ta.macd: both EMAs seeded from bar 0, as the tradingview path of the reference. */
function pineMacdSeries(src: usize, line: usize, signalLine: usize, hist: usize, len: i32, fast: i32, slow: i32, signal: i32, slowEma: usize): void {
  emaSeries(src, line, len, fast);
  emaSeries(src, slowEma, len, slow);
  for (let i: i32 = 0; i < len; i++) st(line, i, ld(line, i) - ld(slowEma, i));
  emaSeries(line, signalLine, len, signal);
  for (let i: i32 = 0; i < len; i++) st(hist, i, ld(line, i) - ld(signalLine, i));
}
