// A stand-in for lightweight-charts in jsdom, which has no canvas: it keeps what a component asked
// each chart to draw (options, series with their data, price lines and markers) for the tests to read.
import { vi } from 'vitest';

export interface FakeSeries {
  type: string;
  options: Record<string, unknown>;
  pane: number;
  data: { time: unknown; value?: number; close?: number }[];
  priceLines: FakePriceLine[];
  markers: Record<string, unknown>[];
  removed: boolean;
}

export interface FakePriceLine {
  options: Record<string, unknown>;
}

export interface FakeChart {
  options: Record<string, unknown>;
  /** The bars in view, as logical indexes; null before the first fit. */
  visibleRange: { from: number; to: number } | null;
  series: FakeSeries[];
  clickHandlers: ((param: Record<string, unknown>) => void)[];
  crosshairHandlers: ((param: Record<string, unknown>) => void)[];
  removed: boolean;
  /** The series still drawn, by their title. */
  shown(): FakeSeries[];
}

export const charts: FakeChart[] = [];

function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object') merge(current as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
}

function fakeSeries(type: string, options: Record<string, unknown> = {}, pane = 0, chartRemoved: () => boolean = () => false): FakeSeries & Record<string, unknown> {
  const series: FakeSeries & Record<string, unknown> = {
    type,
    options: { ...options },
    pane,
    data: [],
    priceLines: [],
    markers: [],
    removed: false,
    setData(data: FakeSeries['data']) {
      series.data = [...data];
    },
    update(point: FakeSeries['data'][number]) {
      const last = series.data[series.data.length - 1];
      if (last && last.time === point.time) series.data[series.data.length - 1] = point;
      else series.data.push(point);
    },
    applyOptions(more: Record<string, unknown>) {
      merge(series.options, more);
    },
    createPriceLine(lineOptions: Record<string, unknown>) {
      const line: FakePriceLine & Record<string, unknown> = {
        options: { ...lineOptions },
        applyOptions(more: Record<string, unknown>) {
          merge(line.options, more);
        },
      };
      series.priceLines.push(line);
      return line;
    },
    removePriceLine(line: FakePriceLine) {
      // As the library does: a removed chart's series are gone.
      if (chartRemoved()) throw new Error('Value is undefined');
      series.priceLines = series.priceLines.filter((l) => l !== line);
    },
    /** The options given to the series' own price scale. */
    scale: {} as Record<string, unknown>,
    priceScale() {
      return { applyOptions: (more: Record<string, unknown>) => merge(series.scale as Record<string, unknown>, more) };
    },
    priceToCoordinate: (price: number) => 1000 - price,
    coordinateToPrice: (y: number) => 1000 - y,
  };
  return series;
}

export function createChart(_element: HTMLElement, options: Record<string, unknown> = {}) {
  const scales: Record<string, Record<string, unknown>> = {};
  const chart: FakeChart & Record<string, unknown> = {
    options: JSON.parse(JSON.stringify(options, (_k, v) => (typeof v === 'function' ? undefined : v))),
    series: [],
    clickHandlers: [],
    crosshairHandlers: [],
    removed: false,
    shown: () => chart.series.filter((s) => !s.removed),
    applyOptions(more: Record<string, unknown>) {
      merge(chart.options, more);
    },
    addSeries(definition: { type: string }, seriesOptions: Record<string, unknown>, pane = 0) {
      const series = fakeSeries(definition.type, seriesOptions, pane, () => chart.removed);
      chart.series.push(series);
      return series;
    },
    removeSeries(series: FakeSeries) {
      if (chart.removed) throw new Error('Value is undefined');
      series.removed = true;
    },
    priceScale(id: string) {
      scales[id] ??= {};
      return { applyOptions: (more: Record<string, unknown>) => merge(scales[id], more), options: () => scales[id] };
    },
    panes: () => [0, 1, 2, 3].map(() => ({ setHeight: () => undefined, setStretchFactor: () => undefined })),
    // A time scale 600 px wide: fitting shows every bar of the first series.
    visibleRange: null as { from: number; to: number } | null,
    timeScale: () => ({
      fitContent: () => {
        chart.visibleRange = { from: -0.5, to: Math.max(1, chart.series[0]?.data.length ?? 1) - 0.5 };
      },
      applyOptions: (more: Record<string, unknown>) => merge(chart.options, { timeScale: more }),
      width: () => 600,
      getVisibleLogicalRange: () => chart.visibleRange,
      setVisibleLogicalRange: (range: { from: number; to: number }) => {
        chart.visibleRange = range;
      },
    }),
    subscribeClick(handler: (param: Record<string, unknown>) => void) {
      chart.clickHandlers.push(handler);
    },
    unsubscribeClick() {},
    subscribeCrosshairMove(handler: (param: Record<string, unknown>) => void) {
      chart.crosshairHandlers.push(handler);
    },
    unsubscribeCrosshairMove() {},
    remove() {
      chart.removed = true;
    },
  };
  // Functions (formatters) are kept as given: the JSON copy above drops them.
  merge(chart.options, options);
  charts.push(chart);
  return chart;
}

export function createSeriesMarkers(series: FakeSeries, markers: Record<string, unknown>[] = []) {
  series.markers = markers;
  return {
    setMarkers(next: Record<string, unknown>[]) {
      series.markers = next;
    },
    markers: () => series.markers,
    detach() {},
  };
}

/** The module's exports a component imports, for `vi.mock('lightweight-charts', () => fakeChartsModule())`. */
export function fakeChartsModule() {
  return {
    createChart,
    createSeriesMarkers,
    CandlestickSeries: { type: 'Candlestick' },
    HistogramSeries: { type: 'Histogram' },
    LineSeries: { type: 'Line' },
    ColorType: { Solid: 'solid' },
    LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
    TickMarkType: { Year: 0, Month: 1, DayOfMonth: 2, Time: 3, TimeWithSeconds: 4 },
  };
}

export function forgetCharts(): void {
  charts.length = 0;
  vi.clearAllMocks();
}
