import { HistogramSeries, LineSeries, LineStyle, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { Bar } from '../api/types';
import { num } from '../format';
import type { Series } from './indicators';
import { RSI_LEVELS, STUDIES, paneOf, studyLines, type StudyId } from './studies';

/** The price pane keeps most of the height; each study pane below it a quarter of the price's. */
const PRICE_PANE_STRETCH = 4;
const LEVEL_COLOUR = '#7f8ea3';

/**
 * Draws the shown studies over the bars: averages and bands on the price, the RSI and the MACD in
 * their own panes below it. Drawn again whenever the bars or the choice change.
 */
export function useStudyLayers(chart: IChartApi | null, bars: readonly Bar[], shown: ReadonlySet<StudyId>): void {
  const drawn = useRef<ISeriesApi<'Line' | 'Histogram'>[]>([]);
  useEffect(() => {
    if (!chart) return;
    const times = bars.map((bar) => bar.time as UTCTimestamp);
    const closes = bars.map((bar) => num(bar.close));
    for (const study of STUDIES) {
      if (!shown.has(study.id)) continue;
      const pane = paneOf(study.id, shown);
      for (const line of studyLines(study.id, closes)) {
        // No title and no last-value tag: on the price axis they would cover the price's own labels; the toggles name the colours.
        const quiet = { color: line.colour, priceLineVisible: false, lastValueVisible: false };
        const series = line.histogram
          ? chart.addSeries(HistogramSeries, quiet, pane)
          : chart.addSeries(LineSeries, { ...quiet, lineWidth: 1, crosshairMarkerVisible: false }, pane);
        series.setData(points(times, line.values));
        if (study.id === 'rsi') {
          // Unlabelled: in a pane this low, their tags would cover the axis's own labels.
          for (const level of RSI_LEVELS) series.createPriceLine({ price: level, color: LEVEL_COLOUR, lineStyle: LineStyle.Dotted, lineWidth: 1, axisLabelVisible: false, title: '' });
        }
        drawn.current.push(series);
      }
    }
    const panes = chart.panes();
    panes.forEach((pane, index) => pane.setStretchFactor(index === 0 ? PRICE_PANE_STRETCH : 1));
    return () => {
      // An emptied pane goes with its last series.
      for (const series of drawn.current) chart.removeSeries(series);
      drawn.current = [];
    };
  }, [chart, bars, shown]);
}

/** A study's values as chart points, from its first defined value on. */
function points(times: readonly UTCTimestamp[], values: Series): { time: UTCTimestamp; value: number }[] {
  const result: { time: UTCTimestamp; value: number }[] = [];
  values.forEach((value, i) => value !== null && Number.isFinite(value) && result.push({ time: times[i], value }));
  return result;
}
