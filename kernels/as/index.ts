// The wasm module's exports: one kernel per indicator, named by its registry id.
export { sma } from './sma';
export { ema } from './ema';
export { wma } from './wma';
export { hma } from './hma';
export { vwma } from './vwma';
export { rsi } from './rsi';
export { macd } from './macd';
export { bbands } from './bbands';
export { atr } from './atr';
export { ichimoku } from './ichimoku';
export { rec_sma } from './rec_sma';
export { rec_ema } from './rec_ema';
export { rec_hma } from './rec_hma';
export { rec_vwma } from './rec_vwma';
export { rec_ichimoku } from './rec_ichimoku';
export { recommend_ma } from './recommend_ma';
