import { ParameterError } from '../errors.js';
import type { IndicatorSpec } from './types.js';
import { spec as sma } from '../indicators/sma.js';
import { spec as ema } from '../indicators/ema.js';
import { spec as wma } from '../indicators/wma.js';
import { spec as hma } from '../indicators/hma.js';
import { spec as vwma } from '../indicators/vwma.js';
import { spec as rsi } from '../indicators/rsi.js';
import { spec as macd } from '../indicators/macd.js';
import { spec as bbands } from '../indicators/bbands.js';
import { spec as atr } from '../indicators/atr.js';
import { spec as ichimoku } from '../indicators/ichimoku.js';
import { spec as recSma } from '../indicators/rec_sma.js';
import { spec as recEma } from '../indicators/rec_ema.js';
import { spec as recHma } from '../indicators/rec_hma.js';
import { spec as recVwma } from '../indicators/rec_vwma.js';
import { spec as recIchimoku } from '../indicators/rec_ichimoku.js';
import { spec as recommendMa } from '../indicators/recommend_ma.js';
import { spec as rmaSpec } from '../indicators/rma.js';
import { spec as demaSpec } from '../indicators/dema.js';
import { spec as temaSpec } from '../indicators/tema.js';
import { spec as trimaSpec } from '../indicators/trima.js';
import { spec as kamaSpec } from '../indicators/kama.js';
import { spec as trangeSpec } from '../indicators/trange.js';
import { spec as natrSpec } from '../indicators/natr.js';
import { spec as stddevSpec } from '../indicators/stddev.js';
import { spec as varSpec } from '../indicators/var.js';
import { spec as donchianSpec } from '../indicators/donchian.js';
import { spec as keltnerSpec } from '../indicators/keltner.js';
import { spec as midpriceSpec } from '../indicators/midprice.js';
import { spec as midpointSpec } from '../indicators/midpoint.js';
import { spec as linearregSpec } from '../indicators/linearreg.js';
import { spec as retSpec } from '../indicators/ret.js';
import { spec as sarSpec } from '../indicators/sar.js';
import { spec as stochSpec } from '../indicators/stoch.js';
import { spec as stochfSpec } from '../indicators/stochf.js';
import { spec as willrSpec } from '../indicators/willr.js';
import { spec as cciSpec } from '../indicators/cci.js';
import { spec as momSpec } from '../indicators/mom.js';
import { spec as rocSpec } from '../indicators/roc.js';
import { spec as cmoSpec } from '../indicators/cmo.js';
import { spec as stochrsiSpec } from '../indicators/stochrsi.js';
import { spec as trixSpec } from '../indicators/trix.js';
import { spec as ppoSpec } from '../indicators/ppo.js';
import { spec as apoSpec } from '../indicators/apo.js';
import { spec as bopSpec } from '../indicators/bop.js';
import { spec as adxTrendSpec } from '../indicators/adx.js';
import { spec as aroonTrendSpec } from '../indicators/aroon.js';
import { spec as mfiTrendSpec } from '../indicators/mfi.js';
import { spec as ultoscTrendSpec } from '../indicators/ultosc.js';
import { spec as aoTrendSpec } from '../indicators/ao.js';
import { spec as bullbearTrendSpec } from '../indicators/bullbear.js';
import { spec as obvTrendSpec } from '../indicators/obv.js';
import { spec as adTrendSpec } from '../indicators/ad.js';
import { spec as adoscTrendSpec } from '../indicators/adosc.js';
import { spec as cmfTrendSpec } from '../indicators/cmf.js';
import { spec as logretSpec } from '../indicators/logret.js';
import { spec as recommendOtherSpec } from '../indicators/recommend_other.js';
import { spec as recommendAllSpec } from '../indicators/recommend_all.js';
import { spec as recRsiSpec } from '../indicators/rec_rsi.js';
import { spec as recStochSpec } from '../indicators/rec_stoch.js';
import { spec as recCciSpec } from '../indicators/rec_cci.js';
import { spec as recAdxSpec } from '../indicators/rec_adx.js';
import { spec as recAoSpec } from '../indicators/rec_ao.js';
import { spec as recMomSpec } from '../indicators/rec_mom.js';
import { spec as recMacdSpec } from '../indicators/rec_macd.js';
import { spec as recStochrsiSpec } from '../indicators/rec_stochrsi.js';
import { spec as recWrSpec } from '../indicators/rec_wr.js';
import { spec as recBbpowerSpec } from '../indicators/rec_bbpower.js';
import { spec as recUoSpec } from '../indicators/rec_uo.js';
import { spec as recommendLabelSpec } from '../indicators/recommend_label.js';

/** Every indicator ta-backfill computes, in the order `ta-backfill features` lists them. */
export const REGISTRY: readonly IndicatorSpec[] = [
  sma,
  ema,
  wma,
  hma,
  vwma,
  rsi,
  macd,
  bbands,
  atr,
  ichimoku,
  recommendMa,
  recSma,
  recEma,
  recHma,
  recVwma,
  recIchimoku,
  rmaSpec,
  demaSpec,
  temaSpec,
  trimaSpec,
  kamaSpec,
  trangeSpec,
  natrSpec,
  stddevSpec,
  varSpec,
  donchianSpec,
  keltnerSpec,
  midpriceSpec,
  midpointSpec,
  linearregSpec,
  retSpec,
  stochSpec,
  stochfSpec,
  willrSpec,
  cciSpec,
  momSpec,
  rocSpec,
  cmoSpec,
  stochrsiSpec,
  trixSpec,
  ppoSpec,
  apoSpec,
  bopSpec,
  adxTrendSpec,
  aroonTrendSpec,
  mfiTrendSpec,
  ultoscTrendSpec,
  aoTrendSpec,
  bullbearTrendSpec,
  obvTrendSpec,
  adTrendSpec,
  adoscTrendSpec,
  cmfTrendSpec,
  sarSpec,
  logretSpec,
  recommendOtherSpec,
  recommendAllSpec,
  recRsiSpec,
  recStochSpec,
  recCciSpec,
  recAdxSpec,
  recAoSpec,
  recMomSpec,
  recMacdSpec,
  recStochrsiSpec,
  recWrSpec,
  recBbpowerSpec,
  recUoSpec,
  recommendLabelSpec,
];

const byId = new Map(REGISTRY.map((spec) => [spec.id, spec]));

export function findIndicator(id: string): IndicatorSpec | undefined {
  return byId.get(id);
}

export function getIndicator(id: string): IndicatorSpec {
  const spec = byId.get(id);
  if (!spec) {
    throw new ParameterError(`Unknown indicator "${id}". Run \`ta-backfill features\` for the list.`, { feature: id });
  }
  return spec;
}
