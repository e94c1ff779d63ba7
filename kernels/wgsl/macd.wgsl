// macd(fast, slow, signal) of close; the mirror of src/reference/macd.ts, pass by pass (the
// tradingview path of kernels/as/macd.ts). params: fast, slow, signal, ratings profile,
// conventions. Scratch: maxLength slots for the slow EMA.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let line = output_column(0u) + start;
  let signal_line = output_column(1u) + start;
  let hist = output_column(2u) + start;
  let fast = param_i32(0u);
  let slow = param_i32(1u);
  let signal = param_i32(2u);
  let pine = f64_eq(param(4u), F64_ONE);
  let slow_ema = scratch_of(s);

  // TA-Lib starts the fast EMA at bar slow - fast, so both EMAs' first values land on bar
  // slow - 1; Pine seeds both from bar 0.
  let skip = select(slow - fast, 0, pine);
  fill_nan(line, 0, min_i32(skip, len));
  if (skip < len) {
    ema_series(close + u32(skip), line + u32(skip), len - skip, fast);
  }
  ema_series(close, slow_ema, len, slow);
  for (var i = 0; i < len; i++) {
    st_at(line, i, f64_sub(ld_at(line, i), ld_at(slow_ema, i)));
  }

  ema_series(line, signal_line, len, signal);
  for (var i = 0; i < len; i++) {
    st_at(hist, i, f64_sub(ld_at(line, i), ld_at(signal_line, i)));
  }
  if (pine) {
    return;
  }

  // TA-Lib outputs the MACD line only from the signal's first bar.
  fill_nan(line, 0, min_i32(slow - 1 + (signal - 1), len));
}
