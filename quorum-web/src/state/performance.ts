import type { Performance } from '../api/types';
import { num } from '../format';

export interface TimedValue {
  time: number;
  value: number;
}

/**
 * The equity curve and its drawdown (as a negative amount, drawn below zero) for a chart, whose times
 * must rise strictly: of the trades closed in one second, the point after the last one stands.
 */
export function equityCurves(points: Performance['equity']): { equity: TimedValue[]; drawdown: TimedValue[] } {
  const equity: TimedValue[] = [];
  const drawdown: TimedValue[] = [];
  for (const point of points) {
    const time = Math.floor(Date.parse(point.time) / 1000);
    if (equity.length > 0 && equity[equity.length - 1].time >= time) {
      equity.pop();
      drawdown.pop();
    }
    equity.push({ time, value: num(point.equity) });
    drawdown.push({ time, value: 0 - num(point.drawdown) });
  }
  return { equity, drawdown };
}

export interface DailyBar {
  time: string;
  value: number;
  color: string;
}

export const GAIN_COLOUR = '#26a69a';
export const LOSS_COLOUR = '#ef5350';

/** One bar a trading day, green for a gain and red for a loss. */
export function dailyBars(daily: Performance['daily']): DailyBar[] {
  return daily.map((day) => ({ time: day.date, value: num(day.pnl), color: num(day.pnl) >= 0 ? GAIN_COLOUR : LOSS_COLOUR }));
}
