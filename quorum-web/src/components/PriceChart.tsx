import {
  CandlestickSeries,
  HistogramSeries,
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useContext, useEffect, useRef, useState } from 'react';
import { messageOf, type ApiClient } from '../api/http';
import type { Bar, Position } from '../api/types';
import { formatCount, num } from '../format';
import { DeskTimeZone } from '../state/deskTimeZone';
import { ThemeContext } from '../state/theme';
import { CHART_LOOK, fitWhenShown, inDeskTimeZone, inTheme } from './chartLook';
import type { TradeMark } from '../state/desk';

interface PriceChartProps {
  api: ApiClient;
  ticker: string;
  trades: readonly TradeMark[];
  position: Position | undefined;
}

type Interval = '1m' | '1d';
const REFRESH_MS: Record<Interval, number> = { '1m': 30_000, '1d': 300_000 };

/** Candles and volume for a ticker, with the desk's entries and exits marked and the live stop and target drawn. */
export function PriceChart({ api, ticker, trades, position }: PriceChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const candles = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const volume = useRef<ISeriesApi<'Histogram'> | null>(null);
  const markers = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const lines = useRef<IPriceLine[]>([]);
  const [interval, setInterval] = useState<Interval>('1m');
  const [bars, setBars] = useState<Bar[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = createChart(element, { ...CHART_LOOK, timeScale: { ...CHART_LOOK.timeScale, rightOffsetPixels: markerRoom([]) } });
    candles.current = created.addSeries(CandlestickSeries, { upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350' });
    // Candles above the volume bars (the bottom fifth), with room for the markers above and below them.
    created.priceScale('right').applyOptions({ scaleMargins: { top: 0.08, bottom: 0.25 } });
    // The volume scale is an overlay on the price axis: its last-value label would sit on the price labels.
    volume.current = created.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, color: '#3a4a60', lastValueVisible: false, priceLineVisible: false });
    created.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    markers.current = createSeriesMarkers(candles.current, []);
    chart.current = created;
    const stopFitting = fitWhenShown(element, [created]);
    return () => {
      stopFitting();
      created.remove();
      chart.current = candles.current = volume.current = markers.current = null;
      lines.current = [];
    };
  }, []);

  const timeZone = useContext(DeskTimeZone);
  const theme = useContext(ThemeContext);
  useEffect(() => {
    if (!chart.current) return;
    inDeskTimeZone(chart.current, timeZone);
    inTheme(chart.current, theme);
  }, [timeZone, theme]);

  useEffect(() => {
    let alive = true;
    const load = () =>
      api.bars(ticker, interval, 300).then(
        (loaded) => {
          if (!alive) return;
          setBars(loaded);
          setError(null);
        },
        (e) => alive && setError(messageOf(e)),
      );
    void load();
    const timer = window.setInterval(load, REFRESH_MS[interval]);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, [api, ticker, interval]);

  useEffect(() => {
    candles.current?.setData(bars.map((bar) => ({ time: bar.time as UTCTimestamp, open: num(bar.open), high: num(bar.high), low: num(bar.low), close: num(bar.close) })));
    volume.current?.setData(
      bars.map((bar) => ({ time: bar.time as UTCTimestamp, value: num(bar.volume), color: num(bar.close) >= num(bar.open) ? '#1f4d47' : '#5a2a2e' })),
    );
    chart.current?.timeScale().fitContent();
  }, [bars]);

  // The live price moves the last candle between bar refreshes.
  const live = position ? num(position.currentPrice) : Number.NaN;
  useEffect(() => {
    const last = bars[bars.length - 1];
    if (!last || !Number.isFinite(live) || !candles.current) return;
    candles.current.update({ time: last.time as UTCTimestamp, open: num(last.open), high: Math.max(num(last.high), live), low: Math.min(num(last.low), live), close: live });
  }, [live, bars]);

  useEffect(() => {
    const marks = tradeMarkers(trades, ticker, bars);
    markers.current?.setMarkers(marks);
    // Room right of the newest bar, so that a marker on it keeps its label clear of the price axis.
    chart.current?.timeScale().applyOptions({ rightOffsetPixels: markerRoom(marks) });
    chart.current?.timeScale().fitContent();
  }, [trades, ticker, bars]);

  const stop = position?.stopLoss ?? null;
  const target = position?.takeProfit ?? null;
  useEffect(() => {
    const series = candles.current;
    if (!series) return;
    for (const line of lines.current) series.removePriceLine(line);
    lines.current = [];
    if (stop) lines.current.push(series.createPriceLine({ price: num(stop), color: '#ef5350', lineWidth: 1, lineStyle: 2, axisLabelVisible: true, title: 'stop' }));
    if (target) lines.current.push(series.createPriceLine({ price: num(target), color: '#26a69a', lineWidth: 1, lineStyle: 2, axisLabelVisible: true, title: 'target' }));
  }, [stop, target]);

  return (
    <section className="panel chart-panel" aria-label={`${ticker} price chart`}>
      <header className="panel-header">
        <h2>{ticker}</h2>
        <div className="chips" role="group" aria-label="Bar interval">
          {(['1m', '1d'] as Interval[]).map((value) => (
            <button key={value} type="button" className="chip" aria-pressed={interval === value} onClick={() => setInterval(value)}>
              {value}
            </button>
          ))}
        </div>
        {error && (
          <span className="error small" role="alert">
            {error}
          </span>
        )}
      </header>
      <div ref={container} className="chart-container" role="figure" aria-label={`${ticker} candles with volume, trade markers, stop and target lines`} />
    </section>
  );
}

/** Places each execution on the bar it happened in; markers must be sorted by time. */
export function tradeMarkers(trades: readonly TradeMark[], ticker: string, bars: readonly Bar[]): SeriesMarker<Time>[] {
  if (bars.length === 0) return [];
  const result: SeriesMarker<Time>[] = [];
  for (const trade of trades) {
    if (trade.ticker !== ticker) continue;
    const at = Math.floor(Date.parse(trade.time) / 1000);
    if (!Number.isFinite(at) || at < bars[0].time) continue;
    const bar = barAtOrBefore(bars, at);
    const buy = trade.side === 'BUY';
    result.push({
      time: bar.time as UTCTimestamp,
      position: buy ? 'belowBar' : 'aboveBar',
      shape: buy ? 'arrowUp' : 'arrowDown',
      color: buy ? '#26a69a' : '#ef5350',
      // Short, so that it fits beside the newest bars on a phone; the price is in the conversation and the log.
      text: `${trade.side} ${formatCount(trade.quantity)}`,
      id: trade.clientOrderId,
    });
  }
  return result.sort((a, b) => (a.time as number) - (b.time as number));
}

/** A marker's label is centred on its bar: the newest bar needs half the widest label's width to its right, and a margin. */
export function markerRoom(markers: readonly SeriesMarker<Time>[]): number {
  const widest = Math.max(0, ...markers.map((marker) => (marker.text ?? '').length));
  return Math.ceil((widest * CHART_LOOK.layout.fontSize * LABEL_EM) / 2) + MARKER_MARGIN_PX;
}

// The average width of a label's character, in ems of its font (digits and capitals of a sans-serif).
const LABEL_EM = 0.65;
const MARKER_MARGIN_PX = 12;

function barAtOrBefore(bars: readonly Bar[], time: number): Bar {
  let low = 0;
  let high = bars.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (bars[mid].time <= time) low = mid;
    else high = mid - 1;
  }
  return bars[low];
}
