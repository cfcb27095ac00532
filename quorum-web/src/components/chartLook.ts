import { ColorType, TickMarkType, type AutoscaleInfo, type IChartApi, type Time } from 'lightweight-charts';
import { formatChartDay, formatChartTick, formatDeskTime } from '../format';
import type { Theme } from '../state/theme';

/**
 * The desk's charts share one look: a quiet grid and small labels on the panel's background. An
 * axis label that would be cut by its pane's edge (the top of the price pane, the foot of the MACD)
 * is left out rather than drawn in half.
 */
export const CHART_LOOK = {
  autoSize: true,
  layout: { background: { type: ColorType.Solid, color: 'transparent' }, fontSize: 11 },
  timeScale: { timeVisible: true, secondsVisible: false },
  rightPriceScale: { entireTextOnly: true },
  leftPriceScale: { entireTextOnly: true },
} as const;

/** The range a series of values that are never above zero (a drawdown) shows: down to its lowest, up to zero and no further. */
export function atOrBelowZero(range: AutoscaleInfo | null): AutoscaleInfo | null {
  if (!range?.priceRange) return range;
  const lowest = Math.min(range.priceRange.minValue, 0);
  // A curve at zero throughout still needs a range below zero to be drawn on.
  return { ...range, priceRange: { minValue: lowest < 0 ? lowest : -1, maxValue: 0 } };
}

const INK: Record<Theme, { text: string; grid: string; border: string }> = {
  dark: { text: '#9aa4b2', grid: '#1c2330', border: '#2a3342' },
  light: { text: '#4d596b', grid: '#e7ebf1', border: '#c6cedb' },
};

/** Draws a chart's labels, grid and borders in the theme's ink (a canvas does not read the style sheet). */
export function inTheme(chart: IChartApi, theme: Theme): void {
  const ink = INK[theme];
  chart.applyOptions({
    layout: { textColor: ink.text },
    grid: { vertLines: { color: ink.grid }, horzLines: { color: ink.grid } },
    rightPriceScale: { borderColor: ink.border },
    leftPriceScale: { borderColor: ink.border },
    timeScale: { borderColor: ink.border },
  });
}

/**
 * A chart drawn while its panel is hidden (a phone's tab, a centre tab not chosen) is drawn at no
 * width: fitting its data then crams it at the right edge. This fits it again each time it is shown;
 * the answer stops watching.
 */
export function fitWhenShown(element: HTMLElement, charts: readonly IChartApi[], fit: (chart: IChartApi) => void = (chart) => chart.timeScale().fitContent()): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  let shown = element.clientWidth > 0;
  const visibility = new ResizeObserver(() => {
    const now = element.clientWidth > 0;
    if (now && !shown) for (const chart of charts) fit(chart);
    shown = now;
  });
  visibility.observe(element);
  return () => visibility.disconnect();
}

/** Chart times are stamped in UTC; the axis and the crosshair read in the exchange's zone, as every other time on the page. */
export function inDeskTimeZone(chart: IChartApi, timeZone: string): void {
  chart.applyOptions({
    localization: { timeFormatter: (time: Time) => formatDeskTime(new Date((time as number) * 1000).toISOString(), timeZone) },
    timeScale: { tickMarkFormatter: (time: Time, type: TickMarkType) => formatChartTick(time as number, type < TickMarkType.Time, timeZone) },
  });
}

/**
 * A chart of the exchange's days (the daily P&L bars): every label and the crosshair name the day
 * ("Mar 3"); the library's own label for a day is its number alone ("3").
 */
export function inExchangeDays(chart: IChartApi): void {
  const day = (time: Time) => formatChartDay(time);
  chart.applyOptions({ localization: { timeFormatter: day }, timeScale: { tickMarkFormatter: day } });
}
