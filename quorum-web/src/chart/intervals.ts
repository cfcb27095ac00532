import type { Bar } from '../api/types';
import { num } from '../format';

/** The bar sizes the chart offers. The server keeps 1-minute and daily bars; the others are made of minutes. */
export const CHART_INTERVALS = ['1m', '5m', '15m', '1h', '1d'] as const;
export type ChartInterval = (typeof CHART_INTERVALS)[number];

/** What the server is asked for, and how many of its bars make one of the chart's. */
const MADE_OF: Record<ChartInterval, { served: '1m' | '1d'; per: number }> = {
  '1m': { served: '1m', per: 1 },
  '5m': { served: '1m', per: 5 },
  '15m': { served: '1m', per: 15 },
  '1h': { served: '1m', per: 60 },
  '1d': { served: '1d', per: 1 },
};

/** Bars shown, plus the bars the slowest study (the 200-bar average) needs before the first one shown. */
const SHOWN = 300;
const WARM_UP = 200;
/** The most bars `GET /api/market/{ticker}/bars` answers at once. */
const MAX_SERVED = 5000;
/** A pause this long between two minutes is a night or a weekend: the next bar opens a new session. */
const SESSION_GAP_SECONDS = 4 * 3600;

export interface BarRequest {
  served: '1m' | '1d';
  count: number;
  per: number;
}

export function barRequest(interval: ChartInterval): BarRequest {
  const { served, per } = MADE_OF[interval];
  return { served, per, count: Math.min(MAX_SERVED, (SHOWN + WARM_UP) * per) };
}

/**
 * Minutes gathered into bars of `per` minutes, counted from each session's first minute, so that a
 * New York hour runs 09:30–10:30 as the exchange's does. Prices stay the server's strings.
 */
export function aggregateBars(minutes: readonly Bar[], per: number): Bar[] {
  if (per === 1) return [...minutes];
  const length = per * 60;
  const result: Bar[] = [];
  let sessionStart = Number.NaN;
  let bucketStart = Number.NaN;
  let previous = Number.NaN;
  for (const minute of minutes) {
    if (!(minute.time - previous < SESSION_GAP_SECONDS)) sessionStart = minute.time;
    previous = minute.time;
    const start = sessionStart + Math.floor((minute.time - sessionStart) / length) * length;
    const open = result[result.length - 1];
    if (start !== bucketStart) {
      bucketStart = start;
      result.push({ ...minute, time: start });
      continue;
    }
    open.high = num(minute.high) > num(open.high) ? minute.high : open.high;
    open.low = num(minute.low) < num(open.low) ? minute.low : open.low;
    open.close = minute.close;
    open.volume += minute.volume;
  }
  return result;
}
