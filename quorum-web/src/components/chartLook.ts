import { ColorType, TickMarkType, type IChartApi, type Time } from 'lightweight-charts';
import { formatChartTick, formatDeskTime } from '../format';

/** The desk's charts share one look: dark, quiet grid, small labels. */
export const CHART_LOOK = {
  autoSize: true,
  layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#9aa4b2', fontSize: 11 },
  grid: { vertLines: { color: '#1c2330' }, horzLines: { color: '#1c2330' } },
  rightPriceScale: { borderColor: '#2a3342' },
  timeScale: { borderColor: '#2a3342', timeVisible: true, secondsVisible: false },
} as const;

/**
 * A chart drawn while its panel is hidden (a phone's tab, a centre tab not chosen) is drawn at no
 * width: fitting its data then crams it at the right edge. This fits it again each time it is shown;
 * the answer stops watching.
 */
export function fitWhenShown(element: HTMLElement, charts: readonly IChartApi[]): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  let shown = element.clientWidth > 0;
  const visibility = new ResizeObserver(() => {
    const now = element.clientWidth > 0;
    if (now && !shown) for (const chart of charts) chart.timeScale().fitContent();
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
