// TA-Lib C throughput of every TA-Lib function that matches a registry indicator, at the
// registry's default parameters, one thread, best of three passes over the universe.
// Where one registry indicator has several outputs that TA-Lib computes in separate calls
// (adx, linearreg, aroon), or a chain of calls (stochrsi with k_smooth 3), its time is the
// sum of those calls. Prints one line per indicator: "<registry request> <bars per second>", as "sma(20) 555471025".
// Input: int32 series count, then per series int32 n and n float64 each of open, high, low,
// close, volume (written by dump-universe.ts).
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "ta_libc.h"

static int ns, *len;
static double **o, **h, **l, **c, **v;
static double *o1, *o2, *o3;
static int beg, nb;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static double *read_series(FILE *f, int n) {
  double *x = malloc((size_t)n * 8);
  if (fread(x, 8, n, f) != (size_t)n) { fprintf(stderr, "universe file is truncated\n"); exit(1); }
  return x;
}

#define E (len[s] - 1)
static void f_sma(int s) { TA_SMA(0, E, c[s], 20, &beg, &nb, o1); }
static void f_ema(int s) { TA_EMA(0, E, c[s], 20, &beg, &nb, o1); }
static void f_wma(int s) { TA_WMA(0, E, c[s], 20, &beg, &nb, o1); }
static void f_rsi(int s) { TA_RSI(0, E, c[s], 14, &beg, &nb, o1); }
static void f_macd(int s) { TA_MACD(0, E, c[s], 12, 26, 9, &beg, &nb, o1, o2, o3); }
static void f_bbands(int s) { TA_BBANDS(0, E, c[s], 20, 2, 2, TA_MAType_SMA, &beg, &nb, o1, o2, o3); }
static void f_atr(int s) { TA_ATR(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1); }
static void f_dema(int s) { TA_DEMA(0, E, c[s], 30, &beg, &nb, o1); }
static void f_tema(int s) { TA_TEMA(0, E, c[s], 30, &beg, &nb, o1); }
static void f_trima(int s) { TA_TRIMA(0, E, c[s], 30, &beg, &nb, o1); }
static void f_kama(int s) { TA_KAMA(0, E, c[s], 30, &beg, &nb, o1); }
static void f_trange(int s) { TA_TRANGE(0, E, h[s], l[s], c[s], &beg, &nb, o1); }
static void f_natr(int s) { TA_NATR(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1); }
static void f_stddev(int s) { TA_STDDEV(0, E, c[s], 5, 1, &beg, &nb, o1); }
static void f_var(int s) { TA_VAR(0, E, c[s], 5, 1, &beg, &nb, o1); }
static void f_midprice(int s) { TA_MIDPRICE(0, E, h[s], l[s], 14, &beg, &nb, o1); }
static void f_midpoint(int s) { TA_MIDPOINT(0, E, c[s], 14, &beg, &nb, o1); }
static void f_linearreg(int s) {
  TA_LINEARREG(0, E, c[s], 14, &beg, &nb, o1);
  TA_LINEARREG_SLOPE(0, E, c[s], 14, &beg, &nb, o1);
  TA_LINEARREG_INTERCEPT(0, E, c[s], 14, &beg, &nb, o1);
  TA_TSF(0, E, c[s], 14, &beg, &nb, o1);
}
static void f_ret(int s) { TA_ROCP(0, E, c[s], 1, &beg, &nb, o1); }
static void f_stoch(int s) { TA_STOCH(0, E, h[s], l[s], c[s], 14, 3, TA_MAType_SMA, 3, TA_MAType_SMA, &beg, &nb, o1, o2); }
static void f_stochf(int s) { TA_STOCHF(0, E, h[s], l[s], c[s], 5, 3, TA_MAType_SMA, &beg, &nb, o1, o2); }
static void f_willr(int s) { TA_WILLR(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1); }
static void f_cci(int s) { TA_CCI(0, E, h[s], l[s], c[s], 20, &beg, &nb, o1); }
static void f_mom(int s) { TA_MOM(0, E, c[s], 10, &beg, &nb, o1); }
static void f_roc(int s) { TA_ROC(0, E, c[s], 10, &beg, &nb, o1); }
static void f_cmo(int s) { TA_CMO(0, E, c[s], 14, &beg, &nb, o1); }
// k_smooth 3 is TA-Lib's STOCH over its RSI (STOCHRSI has no K smoothing).
static void f_stochrsi(int s) {
  TA_RSI(0, E, c[s], 14, &beg, &nb, o3);
  if (nb > 0) TA_STOCH(0, nb - 1, o3, o3, o3, 14, 3, TA_MAType_SMA, 3, TA_MAType_SMA, &beg, &nb, o1, o2);
}
static void f_trix(int s) { TA_TRIX(0, E, c[s], 30, &beg, &nb, o1); }
static void f_ppo(int s) { TA_PPO(0, E, c[s], 12, 26, TA_MAType_SMA, &beg, &nb, o1); }
static void f_apo(int s) { TA_APO(0, E, c[s], 12, 26, TA_MAType_SMA, &beg, &nb, o1); }
static void f_bop(int s) { TA_BOP(0, E, o[s], h[s], l[s], c[s], &beg, &nb, o1); }
static void f_adx(int s) {
  TA_ADX(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1);
  TA_ADXR(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1);
  TA_PLUS_DI(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1);
  TA_MINUS_DI(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1);
  TA_DX(0, E, h[s], l[s], c[s], 14, &beg, &nb, o1);
}
static void f_aroon(int s) {
  TA_AROON(0, E, h[s], l[s], 14, &beg, &nb, o1, o2);
  TA_AROONOSC(0, E, h[s], l[s], 14, &beg, &nb, o1);
}
static void f_mfi(int s) { TA_MFI(0, E, h[s], l[s], c[s], v[s], 14, &beg, &nb, o1); }
static void f_ultosc(int s) { TA_ULTOSC(0, E, h[s], l[s], c[s], 7, 14, 28, &beg, &nb, o1); }
static void f_obv(int s) { TA_OBV(0, E, c[s], v[s], &beg, &nb, o1); }
static void f_ad(int s) { TA_AD(0, E, h[s], l[s], c[s], v[s], &beg, &nb, o1); }
static void f_adosc(int s) { TA_ADOSC(0, E, h[s], l[s], c[s], v[s], 3, 10, &beg, &nb, o1); }
static void f_sar(int s) { TA_SAR(0, E, h[s], l[s], 0.02, 0.2, &beg, &nb, o1); }

// Labels are registry requests with every parameter, so the benchmark pairs a row only with
// the registry indicator at the same parameters. ppo and apo ma_type 0 is TA_MAType_SMA.
static const struct { const char *label; void (*run)(int); } INDICATORS[] = {
  {"sma(20)", f_sma}, {"ema(20)", f_ema}, {"wma(20)", f_wma}, {"rsi(14)", f_rsi}, {"macd(12,26,9)", f_macd},
  {"bbands(20,2)", f_bbands}, {"atr(14)", f_atr}, {"dema(30)", f_dema}, {"tema(30)", f_tema}, {"trima(30)", f_trima},
  {"kama(30)", f_kama}, {"trange()", f_trange}, {"natr(14)", f_natr}, {"stddev(5,1)", f_stddev}, {"var(5)", f_var},
  {"midprice(14)", f_midprice}, {"midpoint(14)", f_midpoint}, {"linearreg(14)", f_linearreg}, {"ret(1)", f_ret},
  {"stoch(14,3,3)", f_stoch}, {"stochf(5,3)", f_stochf}, {"willr(14)", f_willr}, {"cci(20)", f_cci}, {"mom(10)", f_mom},
  {"roc(10)", f_roc}, {"cmo(14)", f_cmo}, {"stochrsi(14,14,3,3)", f_stochrsi}, {"trix(30)", f_trix}, {"ppo(12,26,0)", f_ppo},
  {"apo(12,26,0)", f_apo}, {"bop()", f_bop}, {"adx(14)", f_adx}, {"aroon(14)", f_aroon}, {"mfi(14)", f_mfi},
  {"ultosc(7,14,28)", f_ultosc}, {"obv()", f_obv}, {"ad()", f_ad}, {"adosc(3,10)", f_adosc}, {"sar(0.02,0.2)", f_sar},
};
#define COUNT (sizeof INDICATORS / sizeof INDICATORS[0])

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s UNIVERSE_FILE\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f || fread(&ns, 4, 1, f) != 1) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
  len = malloc(ns * sizeof(int));
  double ***fields[] = {&o, &h, &l, &c, &v};
  for (int k = 0; k < 5; k++) *fields[k] = malloc(ns * sizeof(double *));
  long total = 0;
  int maxn = 1;
  for (int s = 0; s < ns; s++) {
    if (fread(&len[s], 4, 1, f) != 1) { fprintf(stderr, "universe file is truncated\n"); return 1; }
    total += len[s];
    if (len[s] > maxn) maxn = len[s];
    for (int k = 0; k < 5; k++) (*fields[k])[s] = read_series(f, len[s]);
  }
  fclose(f);
  TA_Initialize();
  o1 = malloc((size_t)maxn * 8);
  o2 = malloc((size_t)maxn * 8);
  o3 = malloc((size_t)maxn * 8);
  double best[COUNT];
  for (size_t k = 0; k < COUNT; k++) best[k] = 1e300;
  for (int rep = 0; rep < 3; rep++) {
    for (size_t k = 0; k < COUNT; k++) {
      double t0 = now();
      for (int s = 0; s < ns; s++) if (len[s] > 0) INDICATORS[k].run(s);
      double dt = now() - t0;
      if (dt < best[k]) best[k] = dt;
    }
  }
  printf("# %ld bars in %d series, best of 3\n", total, ns);
  for (size_t k = 0; k < COUNT; k++) printf("%s %.0f\n", INDICATORS[k].label, total / best[k]);
  return 0;
}
