import { sar } from '../reference/sar.js';
import type { IndicatorSpec, ParamSpec } from '../registry/types.js';

const acceleration: ParamSpec = {
  name: 'acceleration',
  kind: 'float',
  default: 0.02,
  min: 0,
  max: 1,
  description: 'acceleration factor: its start and its step at each new extreme point',
};

const maximum: ParamSpec = { name: 'maximum', kind: 'float', default: 0.2, min: 0, max: 1, description: 'cap of the acceleration factor' };

export const spec: IndicatorSpec = {
  id: 'sar',
  title: 'Parabolic SAR',
  group: 'trend',
  description:
    'Stop and reverse: each bar, sar += af * (ep - sar), with ep the extreme point of the trend and af rising by ' +
    'acceleration at each new ep up to maximum; when price crosses the sar the trend reverses and the sar jumps to the ' +
    'ep. Undefined on bar 0.',
  source: 'TA-Lib SAR (J. Welles Wilder, 1978); Pine ta.sar(acceleration, acceleration, maximum) under --conventions tradingview',
  inputs: ['high', 'low', 'close'],
  params: [acceleration, maximum],
  outputs: [{ name: 'value', description: 'the stop level, in price units', scale: 'price' }],
  lookback: () => 1,
  scratch: () => 0,
  reference: sar,
  notes: [
    'Start: talib starts long unless bar 1 has a minus directional movement (low[0] - low[1] > 0 and above high[1] - high[0]), tradingview starts long when close[1] > close[0].',
    'Reversal: under talib a low that touches the sar (low <= sar) reverses a long trend and the next sar is clamped to the lows of the current and previous bar. Under tradingview the sar is advanced first, a low strictly below it reverses, and the sar is clamped to the lows of the previous two bars (highs when short).',
    'Reversal value: talib outputs the old ep clamped to the range of the current and previous bar, tradingview max(high, ep) when turning short or min(low, ep) when turning long, then the two-bar clamp.',
    'talib lowers an acceleration above maximum to maximum, while tradingview starts at the acceleration whatever the maximum.',
    'Close is an input for Pine\'s start rule, so a bar without a close is skipped under both conventions, though TA-Lib\'s SAR reads only high and low.',
  ],
};
