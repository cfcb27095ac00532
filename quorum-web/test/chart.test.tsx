import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../src/api/http';
import type { Bar } from '../src/api/types';
import { PriceChart, medianVolume, tradeMarkers, withVolumeHeadroom } from '../src/components/PriceChart';
import type { TradeMark } from '../src/state/desk';
import { charts, forgetCharts, type FakeChart, type FakeSeries } from './fakeCharts';
import { position, proposal } from './fixtures';

vi.mock('lightweight-charts', async () => (await import('./fakeCharts')).fakeChartsModule());

const START = 1_764_000_000;
const bars = [0, 60, 120].map((offset) => ({ time: START + offset, open: '187.00', high: '187.50', low: '186.50', close: '187.20', volume: 1000 }));
const sell: TradeMark = { clientOrderId: 'q-p1', ticker: 'AAPL', side: 'SELL', quantity: 117, price: '186.81', reason: 'decision APPROVED', cause: 'DECISION', seq: 30, time: new Date((START + 130) * 1000).toISOString() };
/** 260 minutes of a steady climb: enough for every study but the 200-bar average to have many values. */
const climb: Bar[] = Array.from({ length: 260 }, (_, i) => {
  const close = (170 + i * 0.05).toFixed(2);
  return { time: START + i * 60, open: close, high: close, low: close, close, volume: 100 };
});

function chartOf(props: Partial<Parameters<typeof PriceChart>[0]> = {}, served?: Bar[]) {
  const asked: { interval: string; count: number }[] = [];
  const api = {
    bars: async (_ticker: string, interval: string, count: number) => {
      asked.push({ interval, count });
      return served ?? (props.position || props.proposal ? climb : bars);
    },
  } as unknown as ApiClient;
  const onChangeStops = vi.fn(async () => undefined);
  const onShowDecision = vi.fn();
  render(<PriceChart api={api} ticker="AAPL" trades={[]} position={undefined} proposal={undefined} onChangeStops={onChangeStops} onShowDecision={onShowDecision} {...props} />);
  return { asked, onChangeStops, onShowDecision, chart: () => charts.filter((c) => !c.removed)[0] };
}

const studySeries = (chart: FakeChart) => chart.shown().filter((s) => s.type === 'Line' || (s.type === 'Histogram' && s.pane > 0));
const linesOf = (chart: FakeChart) => chart.shown()[0].priceLines.map((line) => [line.options.title, line.options.price]);

describe('tradeMarkers', () => {
  it('marks a fill on its bar with a label short enough to fit beside the newest bars on a phone', () => {
    const [marker] = tradeMarkers([sell], 'AAPL', bars);
    expect(marker).toMatchObject({ time: 1_764_000_120, position: 'aboveBar', shape: 'arrowDown', text: 'SELL 117', id: 'q-p1' });
    expect(marker.text!.length).toBeLessThanOrEqual(10);
  });
});

describe('the price chart', () => {
  beforeEach(() => localStorage.clear());
  afterEach(forgetCharts);

  it('leaves room right of the newest bar for half the widest marker label, so that a BUY on it is not clipped by the price axis', async () => {
    const buy: TradeMark = { ...sell, clientOrderId: 'q-p2', side: 'BUY', quantity: 1025, time: new Date((START + 125) * 1000).toISOString() };
    const { chart } = chartOf({ trades: [buy] });
    await waitFor(() => expect(chart().series[0].markers).toHaveLength(1));
    expect(chart().series[0].markers[0]).toMatchObject({ time: 1_764_000_120, text: 'BUY 1,025' });
    // "BUY 1,025" at 11 px: about 33 px wide, so at least 17 px right of its bar's centre.
    const room = (chart().options.timeScale as { rightOffsetPixels?: number }).rightOffsetPixels ?? 0;
    expect(room).toBeGreaterThanOrEqual(17 + 8);
  });

  it('widens the view left of the first bar when a marker sits on it, so that its label is not clipped by the chart’s left edge', async () => {
    const first: TradeMark = { ...sell, clientOrderId: 'q-p3', quantity: 2500, time: new Date(START * 1000).toISOString() };
    // 260 bars in 600 px: the first bar's centre is a pixel from the edge.
    const { chart } = chartOf({ trades: [first] }, climb);
    await waitFor(() => expect(chart().series[0].markers).toHaveLength(1));
    await waitFor(() => expect(chart().visibleRange?.from).toBeLessThan(-0.5));
    // "SELL 2,500" at 11 px is about 36 px wide: half of it and a margin left of the first bar's centre.
    const range = chart().visibleRange!;
    const spacing = 600 / (range.to - range.from);
    expect((0 - range.from) * spacing).toBeGreaterThanOrEqual(18 + 12 - 0.01);
  });

  it('leaves the view as fitted when the first marker is far enough from the left edge', async () => {
    const { chart } = chartOf({ trades: [sell] });
    await waitFor(() => expect(chart().series[0].markers).toHaveLength(1));
    expect(chart().visibleRange).toEqual({ from: -0.5, to: 2.5 });
  });

  it('scales the volume so that a session’s first bars, all alike, take a third of the volume band rather than all of it', async () => {
    const { chart } = chartOf();
    await waitFor(() => expect(chart().series.find((series) => series.type === 'Histogram')?.data).toHaveLength(3));
    const volume = chart().series.find((series) => series.type === 'Histogram')!;
    const scale = volume.options.autoscaleInfoProvider as (base: () => unknown) => { priceRange: { minValue: number; maxValue: number } };

    // Three bars of 1,000 shares: the library would scale them to 1,000, the top of the band.
    expect(scale(() => ({ priceRange: { minValue: 0, maxValue: 1000 } })).priceRange).toEqual({ minValue: 0, maxValue: 3000 });
    // A burst above three times the usual still reaches the top.
    expect(withVolumeHeadroom({ priceRange: { minValue: 0, maxValue: 5000 } }, 1000)!.priceRange).toEqual({ minValue: 0, maxValue: 5000 });
    expect(medianVolume([...bars, { ...bars[0], volume: 9000 }])).toBe(1000);
  });

  it('leaves out an axis label its pane would cut in half, at the top of the price and the foot of the MACD', async () => {
    const { chart } = chartOf();
    await waitFor(() => expect(chart()).toBeDefined());
    expect(chart().options.rightPriceScale).toMatchObject({ entireTextOnly: true });
  });

  it('tags the marker of an exit the desk made without a vote with its cause, and a decision’s fill with none', async () => {
    const stopped: TradeMark = { ...sell, clientOrderId: 'x-1', side: 'BUY', reason: 'the stop-loss was hit', cause: 'STOP_LOSS' };
    const flattened: TradeMark = { ...sell, clientOrderId: 'c-2', reason: 'flattened by user', cause: 'FLATTEN' };
    expect(tradeMarkers([sell, stopped, flattened], 'AAPL', bars).map((marker) => marker.text)).toEqual(['SELL 117', 'BUY 117 stop', 'SELL 117 flatten']);
  });

  it('opens the decision of the proposal whose order a clicked marker shows, and nothing for a stop’s exit', async () => {
    const { chart, onShowDecision } = chartOf({ trades: [sell] });
    await waitFor(() => expect(chart().series[0].markers).toHaveLength(1));
    act(() => chart().clickHandlers.forEach((handler) => handler({ hoveredObjectId: 'q-p1' })));
    act(() => chart().clickHandlers.forEach((handler) => handler({ hoveredObjectId: 'x-3f2a' })));
    expect(onShowDecision.mock.calls).toEqual([['p1']]);
  });

  it('draws the 20- and 50-bar averages on the price and the RSI and MACD in two panes below it, until the user switches them', async () => {
    const { chart } = chartOf({ proposal });
    await waitFor(() => expect(studySeries(chart())[0]?.data.length).toBeGreaterThan(0));
    // SMA 20 and 50 on the price; RSI in pane 1; the MACD's histogram, line and signal in pane 2.
    expect(studySeries(chart()).map((s) => s.pane)).toEqual([0, 0, 1, 2, 2, 2]);
    const sma20 = studySeries(chart())[0];
    expect(sma20.data[0]).toEqual({ time: START + 19 * 60, value: expect.closeTo(170 + 9.5 * 0.05, 9) });
    const rsiLine = studySeries(chart())[2];
    expect(rsiLine.data.at(-1)?.value).toBe(100);
    expect(rsiLine.priceLines.map((line) => line.options.price)).toEqual([70, 30]);

    await userEvent.click(screen.getByRole('button', { name: 'RSI' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bollinger' }));
    // Bollinger's three lines join the price; the MACD moves up to the first pane below it.
    expect(studySeries(chart()).map((s) => s.pane)).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    expect(screen.getByRole('button', { name: 'RSI' })).toHaveAttribute('aria-pressed', 'false');
    expect(JSON.parse(localStorage.getItem('quorum.chart.studies')!)).toEqual(['sma20', 'sma50', 'macd', 'bollinger']);
  });

  it('remembers the studies picked for the next chart the browser opens', async () => {
    localStorage.setItem('quorum.chart.studies', JSON.stringify(['sma200']));
    const { chart } = chartOf({ proposal });
    await waitFor(() => expect(studySeries(chart()).length).toBe(1));
    expect(screen.getByRole('button', { name: 'SMA 200' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'SMA 20' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('makes five-minute, quarter-hour and hourly candles of the minutes the server keeps, and asks for days at 1d', async () => {
    const { asked, chart } = chartOf({ proposal });
    await waitFor(() => expect(chart().series[0].data).toHaveLength(260));
    await userEvent.click(screen.getByRole('button', { name: '5m' }));
    await waitFor(() => expect(chart().series[0].data).toHaveLength(52));
    await userEvent.click(screen.getByRole('button', { name: '1h' }));
    await waitFor(() => expect(chart().series[0].data).toHaveLength(5));
    await userEvent.click(screen.getByRole('button', { name: '1d' }));
    await waitFor(() => expect(asked.at(-1)).toEqual({ interval: '1d', count: 500 }));
    expect(asked.slice(0, 3)).toEqual([
      { interval: '1m', count: 500 },
      { interval: '1m', count: 2500 },
      { interval: '1m', count: 5000 },
    ]);
  });

  it('takes its studies and lines off the chart before removing it, so that closing it throws nothing', async () => {
    const failures: unknown[] = [];
    const onError = (event: ErrorEvent) => failures.push(event.error);
    window.addEventListener('error', onError);
    const errors = vi.spyOn(console, 'error').mockImplementation((...args) => failures.push(args));
    try {
      const { chart } = chartOf({ position: position() });
      await waitFor(() => expect(studySeries(chart())[0]?.data.length).toBeGreaterThan(0));
      await waitFor(() => expect(linesOf(chart())).toHaveLength(3));
      const drawn = chart();
      cleanup();
      expect(drawn.removed).toBe(true);
      expect(failures).toEqual([]);
    } finally {
      window.removeEventListener('error', onError);
      errors.mockRestore();
    }
  });

  it('widens the price scale to keep a stop and a target far from the price in view', async () => {
    const { chart } = chartOf({ position: position({ stopLoss: '160.00', takeProfit: '205.00' }) });
    await waitFor(() => expect(linesOf(chart())).toHaveLength(3));
    const provider = chart().series[0].options.autoscaleInfoProvider as (original: () => unknown) => { priceRange: { minValue: number; maxValue: number } };
    expect(provider(() => ({ priceRange: { minValue: 179, maxValue: 183 } })).priceRange).toEqual({ minValue: 160, maxValue: 205 });
  });

  it('draws the proposal’s entry, stop and target, which cannot be dragged', async () => {
    const { chart } = chartOf({ proposal });
    await waitFor(() => expect(linesOf(chart())).toHaveLength(3));
    expect(linesOf(chart())).toEqual([
      ['', 178.5],
      ['proposed stop', 175],
      ['proposed target', 190],
    ]);
    drag(chart, 175, 172);
    expect(screen.queryByRole('form', { name: 'AAPL stops' })).toBeNull();
  });

  it('holds the price scale still while a line is dragged, so that the price under the pointer stays put, and lets it follow the bars again on the drop', async () => {
    const { chart } = chartOf({ position: position({ currentPrice: '180.00', stopLoss: '175.00', takeProfit: '190.00' }) });
    await waitFor(() => expect(linesOf(chart())).toHaveLength(3));
    const candles = chart().series[0] as FakeSeries & { scale: Record<string, unknown> };
    const figure = screen.getByRole('figure');
    const at = (price: number) => ({ clientY: 1000 - price, pointerId: 1, bubbles: true });

    act(() => {
      fireEvent.pointerMove(figure, at(175));
      fireEvent.pointerDown(figure, at(175));
      fireEvent.pointerMove(figure, at(176));
    });
    expect(candles.scale.autoScale).toBe(false);
    act(() => {
      fireEvent.pointerUp(figure, at(176));
    });
    expect(candles.scale.autoScale).toBe(true);
  });

  it('keeps a finger that drags a line from scrolling the page, which would cancel the drag, and leaves other touches to the page', async () => {
    const { chart } = chartOf({ position: position({ currentPrice: '180.00', stopLoss: '175.00', takeProfit: '190.00' }) });
    await waitFor(() => expect(linesOf(chart())).toHaveLength(3));
    const figure = screen.getByRole('figure');
    const at = (price: number) => ({ clientY: 1000 - price, pointerId: 2, pointerType: 'touch', bubbles: true });
    const touchAt = (price: number) => ({ touches: [{ clientY: 1000 - price }], bubbles: true, cancelable: true });

    expect(fireEvent.touchStart(figure, touchAt(183))).toBe(true);
    act(() => {
      fireEvent.pointerDown(figure, at(175));
    });
    expect(fireEvent.touchStart(figure, touchAt(175))).toBe(false);
    expect(fireEvent.touchMove(figure, touchAt(177))).toBe(false);
    act(() => {
      fireEvent.pointerMove(figure, at(177));
      fireEvent.pointerUp(figure, at(177));
    });
    expect(fireEvent.touchMove(figure, touchAt(178))).toBe(true);
    expect(screen.getByLabelText('Stop loss')).toHaveValue('177.00');
  });

  it('names an entry and its price in the legend, not on the price axis, where its label would cover the last price’s', async () => {
    const axisLabels = (chart: FakeChart) => chart.shown()[0].priceLines.map((line) => [line.options.price, line.options.axisLabelVisible]);
    const proposed = chartOf({ proposal });
    await waitFor(() => expect(linesOf(proposed.chart())).toHaveLength(3));
    expect(axisLabels(proposed.chart())).toEqual([
      [178.5, false],
      [175, true],
      [190, true],
    ]);
    expect(screen.getByTestId('chart-legend')).toHaveTextContent(/^proposed entry 178\.50$/);
    cleanup();

    const held = chartOf({ position: position() });
    await waitFor(() => expect(linesOf(held.chart())).toHaveLength(3));
    expect(axisLabels(held.chart())).toEqual([
      [178.5, false],
      [175, true],
      [190, true],
    ]);
    expect(screen.getByTestId('chart-legend')).toHaveTextContent(/^entry 178\.50$/);
  });

  it('moves a held position’s stop where it is dragged into the stops form, which refuses a stop above the price and sends nothing until saved valid', async () => {
    const held = position({ currentPrice: '180.00', stopLoss: '175.00', takeProfit: '190.00' });
    const { chart, onChangeStops } = chartOf({ position: held });
    await waitFor(() => expect(linesOf(chart())).toEqual([['', 178.5], ['stop', 175], ['target', 190]]));

    // The fake chart puts a price p at the height 1000 − p.
    drag(chart, 175, 181.4);
    const form = screen.getByRole('form', { name: 'AAPL stops' });
    expect(screen.getByLabelText('Stop loss')).toHaveValue('181.40');
    expect(form).toHaveTextContent('A long position’s stop must be below the current price.');
    expect(linesOf(chart())).toContainEqual(['stop', 181.4]);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onChangeStops).not.toHaveBeenCalled();

    drag(chart, 181.4, 176.25);
    expect(screen.getByLabelText('Stop loss')).toHaveValue('176.25');
    expect(form).not.toHaveTextContent('must be below');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onChangeStops).toHaveBeenCalledWith('AAPL', { stopLoss: '176.25', takeProfit: '190.00', trailingStopPct: null });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'AAPL stops' })).toBeNull());
  });
});

/** Presses on the line at `from`, moves to `to` and lets go, as a mouse would. */
function drag(chart: () => FakeChart, from: number, to: number) {
  const figure = screen.getByRole('figure');
  const at = (price: number) => ({ clientY: 1000 - price, pointerId: 1, bubbles: true });
  act(() => {
    fireEvent.pointerMove(figure, at(from));
    fireEvent.pointerDown(figure, at(from));
    fireEvent.pointerMove(figure, at(to));
    fireEvent.pointerUp(figure, at(to));
  });
  return chart;
}
