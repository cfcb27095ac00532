import {
  CandlestickSeries,
  HistogramSeries,
  createChart,
  createSeriesMarkers,
  type AutoscaleInfo,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type MouseEventParams,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { messageOf, type ApiClient } from '../api/http';
import type { Bar, OrderCause, Position, Proposal, StopsChange } from '../api/types';
import { aggregateBars, barRequest, type ChartInterval } from '../chart/intervals';
import { useLevelDrag, useLevelLines, useLevelsInView } from '../chart/levelDrag';
import { levelLines, stopsOf, type LevelField, type LevelLine, type StopsForm } from '../chart/levels';
import { ChartToolbar } from './ChartToolbar';
import { useStudyLayers } from '../chart/studyLayers';
import { formatCount, num } from '../format';
import { useChartStudies } from '../state/chartStudies';
import { proposalOfOrder, type TradeMark } from '../state/desk';
import { DeskTimeZone } from '../state/deskTimeZone';
import { ThemeContext } from '../state/theme';
import { CHART_LOOK, fitWhenShown, inDeskTimeZone, inTheme } from './chartLook';
import { StopsEditor } from './PositionsDashboard';

interface PriceChartProps {
  api: ApiClient;
  ticker: string;
  trades: readonly TradeMark[];
  position: Position | undefined;
  /** The proposal put to the vote, when it is for this ticker: its entry, stop and target are drawn. */
  proposal: Proposal | undefined;
  onChangeStops: (ticker: string, stops: StopsChange) => Promise<unknown>;
  /** Opens the decision log at the decision of the proposal whose order a marker shows. */
  onShowDecision: (proposalId: string) => void;
}

const REFRESH_MS = { '1m': 30_000, '1d': 300_000 } as const;

/**
 * Candles and volume for a ticker with the studies the user picked, the desk's fills marked (each
 * opening its decision), the entry, stop and target drawn, and the stop and target draggable into
 * the stops form.
 */
export function PriceChart({ api, ticker, trades, position, proposal, onChangeStops, onShowDecision }: PriceChartProps) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [drawn, setDrawn] = useState<{ chart: IChartApi; candles: ISeriesApi<'Candlestick'>; volume: ISeriesApi<'Histogram'>; markers: ISeriesMarkersPluginApi<Time> } | null>(null);
  const [interval, setInterval] = useState<ChartInterval>('1m');
  const { bars, error } = useBars(api, ticker, interval);
  const studies = useChartStudies();
  const [draft, setDraft] = useState<StopsForm | null>(null);
  // The form opens on the drop: opened during the drag, it would shrink the chart under the pointer.
  const [dropped, setDropped] = useState(false);
  const closeDraft = useCallback(() => {
    setDraft(null);
    setDropped(false);
  }, []);

  // Declared before the chart is made: on unmount their clean-ups, which take their series and lines
  // off the chart, run before the chart is removed.
  useStudyLayers(drawn?.chart ?? null, bars, studies.shown);

  // A draft belongs to the position it was dragged from.
  const heldTicker = position?.ticker;
  useEffect(closeDraft, [heldTicker, ticker, closeDraft]);
  const proposalHere = proposal?.ticker === ticker ? proposal : undefined;
  // Drawn again when a level changes, not on every tick that brings a new position object.
  const levelsKey = JSON.stringify([position && [position.entryPrice, position.stopLoss, position.takeProfit], proposalHere && [proposalHere.id, proposalHere.entry, proposalHere.stop, proposalHere.target], draft]);
  const lines = useMemo(() => levelLines(position, proposalHere, draft), [levelsKey]);
  const saved = useMemo(() => levelLines(position, proposalHere, null), [levelsKey]);
  useLevelLines(drawn?.candles ?? null, lines);
  useLevelsInView(drawn?.candles ?? null, saved);
  const drag = useCallback(
    (field: LevelField, price: string) => position && setDraft((current) => ({ ...(current ?? stopsOf(position)), [field]: price })),
    [position],
  );
  const drop = useCallback(() => setDropped(true), []);
  useLevelDrag(element, drawn?.chart ?? null, drawn?.candles ?? null, lines, drag, drop);

  // The median volume of the bars drawn, read by the volume scale each time it is fitted.
  const typicalVolume = useRef(0);
  // Fits the view to the bars and markers drawn now (again when a hidden chart is shown); and cancels a widening not yet made.
  const fitView = useRef<() => void>(() => undefined);
  const cancelRoom = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (!element) return;
    const chart = createChart(element, { ...CHART_LOOK, timeScale: { ...CHART_LOOK.timeScale, rightOffsetPixels: markerRoom([]) } });
    const candles = chart.addSeries(CandlestickSeries, { upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350' });
    // Candles above the volume bars (the bottom fifth), with room for the markers above and below them.
    chart.priceScale('right').applyOptions({ scaleMargins: { top: 0.08, bottom: 0.25 } });
    // The volume scale is an overlay on the price axis: its last-value label would sit on the price labels.
    const volume = chart.addSeries(HistogramSeries, {
      priceScaleId: 'volume',
      priceFormat: { type: 'volume' },
      color: '#3a4a60',
      lastValueVisible: false,
      priceLineVisible: false,
      autoscaleInfoProvider: (base: () => AutoscaleInfo | null) => withVolumeHeadroom(base(), typicalVolume.current),
    });
    chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    const markers = createSeriesMarkers(candles, []);
    setDrawn({ chart, candles, volume, markers });
    const stopFitting = fitWhenShown(element, [chart], () => fitView.current());
    return () => {
      stopFitting();
      cancelRoom.current();
      chart.remove();
      setDrawn(null);
    };
  }, [element]);

  const timeZone = useContext(DeskTimeZone);
  const theme = useContext(ThemeContext);
  useEffect(() => {
    if (!drawn) return;
    inDeskTimeZone(drawn.chart, timeZone);
    inTheme(drawn.chart, theme);
  }, [drawn, timeZone, theme]);

  useEffect(() => {
    if (!drawn) return;
    drawn.candles.setData(bars.map((bar) => ({ time: bar.time as UTCTimestamp, open: num(bar.open), high: num(bar.high), low: num(bar.low), close: num(bar.close) })));
    typicalVolume.current = medianVolume(bars);
    drawn.volume.setData(bars.map((bar) => ({ time: bar.time as UTCTimestamp, value: num(bar.volume), color: num(bar.close) >= num(bar.open) ? '#1f4d47' : '#5a2a2e' })));
  }, [drawn, bars]);

  // The live price moves the last candle between bar refreshes.
  const live = position ? num(position.currentPrice) : Number.NaN;
  useEffect(() => {
    const last = bars[bars.length - 1];
    if (!last || !Number.isFinite(live) || !drawn) return;
    drawn.candles.update({ time: last.time as UTCTimestamp, open: num(last.open), high: Math.max(num(last.high), live), low: Math.min(num(last.low), live), close: live });
  }, [live, bars, drawn]);

  useEffect(() => {
    if (!drawn) return;
    const marks = tradeMarkers(trades, ticker, bars);
    drawn.markers.setMarkers(marks);
    // Room right of the newest bar, so that a marker on it keeps its label clear of the price axis.
    drawn.chart.timeScale().applyOptions({ rightOffsetPixels: markerRoom(marks) });
    fitView.current = () => {
      cancelRoom.current();
      cancelRoom.current = fitWithMarkers(drawn.chart, marks, bars);
    };
    fitView.current();
  }, [drawn, trades, ticker, bars]);

  useEffect(() => {
    if (!drawn) return;
    const open = (param: MouseEventParams<Time>) => {
      const proposalId = typeof param.hoveredObjectId === 'string' ? proposalOfOrder(param.hoveredObjectId) : null;
      if (proposalId) onShowDecision(proposalId);
    };
    drawn.chart.subscribeClick(open);
    return () => drawn.chart.unsubscribeClick(open);
  }, [drawn, onShowDecision]);


  return (
    <section className="panel chart-panel" aria-label={`${ticker} price chart`}>
      <ChartToolbar ticker={ticker} interval={interval} onInterval={setInterval} studies={studies.shown} onToggleStudy={studies.toggle} error={error} />
      <div className="chart-stage">
        <div
          ref={setElement}
          className="chart-container"
          role="figure"
          aria-label={`${ticker} candles with volume, studies, trade markers that open their decision, entry, stop and target lines`}
        />
        <LineLegend lines={lines} />
        {position && draft && dropped && <DraggedStops position={position} draft={draft} onDraft={setDraft} onClose={closeDraft} onChangeStops={onChangeStops} />}
      </div>
    </section>
  );
}

/**
 * The lines the price axis does not label (an entry, at or near the last price, whose label its own
 * would cover), named with their prices over the chart's top left corner.
 */
function LineLegend({ lines }: { lines: readonly LevelLine[] }) {
  const named = lines.filter((line) => !line.axisLabel);
  if (named.length === 0) return null;
  return (
    <p className="chart-legend" data-testid="chart-legend">
      {named.map((line) => (
        <span key={line.id}>
          <span className="legend-line" style={{ borderTopColor: line.colour }} aria-hidden="true" />
          {line.title}
        </span>
      ))}
    </p>
  );
}

/**
 * The stops form with what was dragged, over the foot of the chart (the study panes): beside it, it
 * would shrink the price pane the lines are dragged on.
 */
function DraggedStops({
  position,
  draft,
  onDraft,
  onClose,
  onChangeStops,
}: {
  position: Position;
  draft: StopsForm;
  onDraft: (stops: StopsForm) => void;
  onClose: () => void;
  onChangeStops: PriceChartProps['onChangeStops'];
}) {
  return (
    <div className="chart-stops">
      <p className="small muted">Moved on the chart: nothing is sent until you save.</p>
      <StopsEditor
        position={position}
        stops={draft}
        onStops={onDraft}
        checkAtOnce
        onCancel={onClose}
        onSave={async (stops) => {
          await onChangeStops(position.ticker, stops);
          onClose();
        }}
      />
    </div>
  );
}

/** The ticker's bars at the interval, made of the minutes or days the server keeps, refreshed as new ones complete. */
function useBars(api: ApiClient, ticker: string, interval: ChartInterval): { bars: Bar[]; error: string | null } {
  const [bars, setBars] = useState<Bar[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const request = barRequest(interval);
    const load = () =>
      api.bars(ticker, request.served, request.count).then(
        (loaded) => {
          if (!alive) return;
          setBars(aggregateBars(loaded, request.per));
          setError(null);
        },
        (e) => alive && setError(messageOf(e)),
      );
    void load();
    const timer = window.setInterval(load, REFRESH_MS[request.served]);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, [api, ticker, interval]);
  return { bars, error };
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
      text: `${trade.side} ${formatCount(trade.quantity)}${CAUSE_TAG[trade.cause] ? ` ${CAUSE_TAG[trade.cause]}` : ''}`,
      id: trade.clientOrderId,
    });
  }
  return result.sort((a, b) => (a.time as number) - (b.time as number));
}

/** How a marker names an exit the desk made without a vote; a decision's fill needs no tag. */
const CAUSE_TAG: Record<OrderCause, string> = {
  DECISION: '',
  STOP_LOSS: 'stop',
  TAKE_PROFIT: 'target',
  TRAILING_STOP: 'trail',
  MANUAL: 'ticket',
  USER_CLOSE: 'close',
  FLATTEN: 'flatten',
  LOSS_LIMIT: 'loss limit',
};

/** A marker's label is centred on its bar: the newest bar needs half the widest label's width to its right, and a margin. */
export function markerRoom(markers: readonly SeriesMarker<Time>[]): number {
  const widest = Math.max(0, ...markers.map((marker) => (marker.text ?? '').length));
  return Math.ceil((widest * CHART_LOOK.layout.fontSize * LABEL_EM) / 2) + MARKER_MARGIN_PX;
}

/**
 * The volume band's range: up to at least three times the typical (median) bar's
 * volume. Scaled to the tallest bar alone, a session's first bars, all alike, each filled the band;
 * now a usual bar takes at most a third of it, as it does later in a day with its bursts, and only a burst reaches the top.
 */
export function withVolumeHeadroom(range: AutoscaleInfo | null, typical: number): AutoscaleInfo | null {
  if (!range?.priceRange || !(typical > 0)) return range;
  return { ...range, priceRange: { minValue: 0, maxValue: Math.max(range.priceRange.maxValue, typical * VOLUME_HEADROOM) } };
}

const VOLUME_HEADROOM = 3;

export function medianVolume(bars: readonly Bar[]): number {
  if (bars.length === 0) return 0;
  const volumes = bars.map((bar) => num(bar.volume)).sort((a, b) => a - b);
  const middle = volumes.length >> 1;
  return volumes.length % 2 ? volumes[middle] : (volumes[middle - 1] + volumes[middle]) / 2;
}

/**
 * Fits the bars to the chart's width, then widens the view to the left as far as a marker on one of
 * the first bars needs: its label is centred on its bar, and half of it would fall off the left edge.
 * The fit is laid out on the next frame (a chart just shown is sized then too), so the room is
 * measured on that frame; the answer cancels it, for a chart that goes first.
 */
function fitWithMarkers(chart: IChartApi, marks: readonly SeriesMarker<Time>[], bars: readonly Bar[]): () => void {
  const time = chart.timeScale();
  time.fitContent();
  if (marks.length === 0) return () => undefined;
  const frame = requestAnimationFrame(() => {
    const range = time.getVisibleLogicalRange();
    const width = time.width();
    if (!range || width <= 0 || range.to <= range.from) return;
    const room = leftMarkerRoom(marks, barIndexOf(bars, marks[0].time as number), width / (range.to - range.from), range.from);
    if (room > 0) time.setVisibleLogicalRange({ from: range.from - room, to: range.to });
  });
  return () => cancelAnimationFrame(frame);
}

/** The logical index of the bar that starts at {@code time}, or null when no bar does. */
function barIndexOf(bars: readonly Bar[], time: number): number | null {
  const index = bars.findIndex((bar) => bar.time === time);
  return index < 0 ? null : index;
}

/**
 * How many bars' width of room to add left of the view so that the earliest marker's label, centred
 * on its bar at logical index {@code markerIndex}, is whole: none when it is far enough in already.
 */
export function leftMarkerRoom(marks: readonly SeriesMarker<Time>[], markerIndex: number | null, barSpacing: number, viewFrom: number): number {
  if (marks.length === 0 || markerIndex === null || barSpacing <= 0) return 0;
  const firstTime = marks[0].time;
  const widest = Math.max(0, ...marks.filter((marker) => marker.time === firstTime).map((marker) => (marker.text ?? '').length));
  const halfLabel = (widest * CHART_LOOK.layout.fontSize * LABEL_EM) / 2 + MARKER_MARGIN_PX;
  const inFromLeft = (markerIndex - viewFrom) * barSpacing;
  return inFromLeft >= halfLabel ? 0 : (halfLabel - inFromLeft) / barSpacing;
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
