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
