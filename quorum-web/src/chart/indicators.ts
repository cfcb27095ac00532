// The chart's studies, computed from closing prices as TradingView and ta4j compute them. Each answer
// is aligned with its input: one value per bar, null until the study has seen enough bars.

export type Series = (number | null)[];

/** The simple moving average of the last `period` values. */
export function sma(values: readonly number[], period: number): Series {
  const result: Series = new Array(values.length).fill(null);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= period) sum -= values[i - period];
    if (i >= period - 1) result[i] = sum / period;
  }
  return result;
}

/** The exponential moving average (weight 2 / (period + 1)), started from the simple average of its first `period` values. */
export function ema(values: readonly number[], period: number): Series {
  const result: Series = new Array(values.length).fill(null);
  const weight = 2 / (period + 1);
  let average: number | null = null;
  for (let i = period - 1; i < values.length; i++) {
    average = average === null ? mean(values, i - period + 1, i + 1) : average + weight * (values[i] - average);
    result[i] = average;
  }
  return result;
}

export interface Band {
  middle: Series;
  upper: Series;
  lower: Series;
}

/** Bollinger bands: the simple average of `period` closes, and `width` standard deviations (of the population, as ta4j and TradingView take it) either side. */
export function bollinger(values: readonly number[], period = 20, width = 2): Band {
  const middle = sma(values, period);
  const upper: Series = new Array(values.length).fill(null);
  const lower: Series = new Array(values.length).fill(null);
  for (let i = period - 1; i < values.length; i++) {
    const centre = middle[i] as number;
    let squares = 0;
    for (let j = i - period + 1; j <= i; j++) squares += (values[j] - centre) ** 2;
    const deviation = Math.sqrt(squares / period);
    upper[i] = centre + width * deviation;
    lower[i] = centre - width * deviation;
  }
  return { middle, upper, lower };
}

/**
 * Wilder's relative strength index: the average gain against the average loss of the last `period`
 * moves, smoothed as Wilder did (each new move weighs 1 / period), from 0 to 100.
 */
export function rsi(values: readonly number[], period = 14): Series {
  const result: Series = new Array(values.length).fill(null);
  let gain = 0;
  let loss = 0;
  for (let i = 1; i < values.length; i++) {
    const move = values[i] - values[i - 1];
    const up = Math.max(move, 0);
    const down = Math.max(-move, 0);
    if (i <= period) {
      gain += up / period;
      loss += down / period;
    } else {
      gain = (gain * (period - 1) + up) / period;
      loss = (loss * (period - 1) + down) / period;
    }
    if (i >= period) result[i] = loss === 0 ? (gain === 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
  }
  return result;
}

export interface Macd {
  macd: Series;
  signal: Series;
  histogram: Series;
}

/** MACD: the 12-bar less the 26-bar exponential average, its 9-bar average as the signal, and the difference of the two. */
export function macd(values: readonly number[], fast = 12, slow = 26, signalPeriod = 9): Macd {
  const fastAverage = ema(values, fast);
  const slowAverage = ema(values, slow);
  const line: Series = values.map((_, i) => (fastAverage[i] === null || slowAverage[i] === null ? null : (fastAverage[i] as number) - (slowAverage[i] as number)));
  const firstDefined = line.findIndex((value) => value !== null);
  const signal: Series = new Array(values.length).fill(null);
  if (firstDefined >= 0) {
    const averaged = ema(line.slice(firstDefined) as number[], signalPeriod);
    averaged.forEach((value, i) => (signal[firstDefined + i] = value));
  }
  const histogram: Series = line.map((value, i) => (value === null || signal[i] === null ? null : value - (signal[i] as number)));
  return { macd: line, signal, histogram };
}

function mean(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}
