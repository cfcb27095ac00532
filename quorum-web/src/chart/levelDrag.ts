import { LineStyle, type AutoscaleInfo, type IChartApi, type IPriceLine, type ISeriesApi } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { lineAt, priceText, type LevelField, type LevelLine } from './levels';

/** Draws the entry, stop and target lines on the candles. */
export function useLevelLines(candles: ISeriesApi<'Candlestick'> | null, lines: readonly LevelLine[]): void {
  useEffect(() => {
    if (!candles) return;
    const drawn: IPriceLine[] = lines.map((line) =>
      candles.createPriceLine({ id: line.id, price: line.price, color: line.colour, lineWidth: line.field ? 2 : 1, lineStyle: line.dashed ? LineStyle.Dashed : LineStyle.Solid, axisLabelVisible: line.axisLabel, title: line.axisLabel ? line.title : '' }),
    );
    return () => drawn.forEach((line) => candles.removePriceLine(line));
  }, [candles, lines]);
}

/**
 * Widens the price scale to hold the lines, so that a stop or a target far from the price is in view
 * (and within reach of the pointer). Given the lines as saved, not as dragged: a scale that followed
 * the pointer would move the line away from it.
 */
export function useLevelsInView(candles: ISeriesApi<'Candlestick'> | null, lines: readonly LevelLine[]): void {
  useEffect(() => {
    if (!candles) return;
    const prices = lines.map((line) => line.price);
    candles.applyOptions({
      autoscaleInfoProvider: (original: () => AutoscaleInfo | null) => {
        const info = original();
        if (!info?.priceRange || prices.length === 0) return info;
        return { ...info, priceRange: { minValue: Math.min(info.priceRange.minValue, ...prices), maxValue: Math.max(info.priceRange.maxValue, ...prices) } };
      },
    });
  }, [candles, lines]);
}

/**
 * Lets the pointer (a mouse, a finger, a pen) drag the stop and target lines: over a line the cursor
 * offers to move it, a drag moves it and reports each new price, in cents, then the drop. Meanwhile
 * the chart neither pans nor zooms, and its price scale holds still: a bar that made a new high would
 * otherwise rescale the pane under the pointer, and the price under it would change while it rests.
 */
export function useLevelDrag(
  element: HTMLElement | null,
  chart: IChartApi | null,
  candles: ISeriesApi<'Candlestick'> | null,
  lines: readonly LevelLine[],
  onDrag: (field: LevelField, price: string) => void,
  onDrop: () => void,
): void {
  // Read by the listeners, which are added once per chart.
  const current = useRef({ lines, onDrag, onDrop });
  current.current = { lines, onDrag, onDrop };

  useEffect(() => {
    if (!element || !chart || !candles) return;
    let dragging: LevelField | null = null;
    const heightIn = (event: PointerEvent) => event.clientY - element.getBoundingClientRect().top;
    const lineUnder = (event: PointerEvent) => lineAt(current.current.lines, heightIn(event), (price) => candles.priceToCoordinate(price));

    const move = (event: PointerEvent) => {
      if (dragging) {
        const price = candles.coordinateToPrice(heightIn(event));
        if (price !== null && price > 0) current.current.onDrag(dragging, priceText(price));
        event.stopPropagation();
        return;
      }
      element.style.cursor = lineUnder(event) ? 'ns-resize' : '';
    };
    const down = (event: PointerEvent) => {
      const line = lineUnder(event);
      if (!line?.field) return;
      dragging = line.field;
      // Cancelling the press keeps it from the chart, which would pan instead.
      event.preventDefault();
      event.stopPropagation();
      element.setPointerCapture?.(event.pointerId);
      chart.applyOptions({ handleScroll: false, handleScale: false });
      candles.priceScale().applyOptions({ autoScale: false });
    };
    const up = (event: PointerEvent) => {
      if (!dragging) return;
      dragging = null;
      element.releasePointerCapture?.(event.pointerId);
      chart.applyOptions({ handleScroll: true, handleScale: true });
      candles.priceScale().applyOptions({ autoScale: true });
      current.current.onDrop();
    };
    // A finger's drag would scroll the page after a few pixels, and the browser would then cancel
    // the pointer: the touches of a drag are cancelled instead (each follows its pointer event).
    const holdTouch = (event: TouchEvent) => {
      if (!dragging) return;
      event.preventDefault();
      event.stopPropagation();
    };
    element.addEventListener('pointermove', move, true);
    element.addEventListener('pointerdown', down, true);
    element.addEventListener('pointerup', up, true);
    element.addEventListener('pointercancel', up, true);
    element.addEventListener('touchstart', holdTouch, { capture: true, passive: false });
    element.addEventListener('touchmove', holdTouch, { capture: true, passive: false });
    return () => {
      element.removeEventListener('pointermove', move, true);
      element.removeEventListener('pointerdown', down, true);
      element.removeEventListener('pointerup', up, true);
      element.removeEventListener('pointercancel', up, true);
      element.removeEventListener('touchstart', holdTouch, true);
      element.removeEventListener('touchmove', holdTouch, true);
    };
  }, [element, chart, candles]);
}
