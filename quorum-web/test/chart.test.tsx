import { render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../src/api/http';
import { PriceChart, tradeMarkers } from '../src/components/PriceChart';
import type { TradeMark } from '../src/state/desk';
import { charts, forgetCharts } from './fakeCharts';

vi.mock('lightweight-charts', async () => (await import('./fakeCharts')).fakeChartsModule());

const bars = [0, 60, 120].map((offset) => ({ time: 1_764_000_000 + offset, open: '187.00', high: '187.50', low: '186.50', close: '187.20', volume: 1000 }));
const sell: TradeMark = { clientOrderId: 'q-p1', ticker: 'AAPL', side: 'SELL', quantity: 117, price: '186.81', reason: 'decision APPROVED', seq: 30, time: new Date((1_764_000_000 + 130) * 1000).toISOString() };

describe('tradeMarkers', () => {
  it('marks a fill on its bar with a label short enough to fit beside the newest bars on a phone', () => {
    const [marker] = tradeMarkers([sell], 'AAPL', bars);
    expect(marker).toMatchObject({ time: 1_764_000_120, position: 'aboveBar', shape: 'arrowDown', text: 'SELL 117', id: 'q-p1' });
    expect(marker.text!.length).toBeLessThanOrEqual(10);
  });
});

describe('the price chart', () => {
  afterEach(forgetCharts);

  it('leaves room right of the newest bar for half the widest marker label, so that a BUY on it is not clipped by the price axis', async () => {
    const buy: TradeMark = { ...sell, clientOrderId: 'q-p2', side: 'BUY', quantity: 1025, time: new Date((1_764_000_000 + 125) * 1000).toISOString() };
    const api = { bars: async () => bars } as unknown as ApiClient;
    render(<PriceChart api={api} ticker="AAPL" trades={[buy]} position={undefined} />);
    const [chart] = charts;
    await waitFor(() => expect(chart.series[0].markers).toHaveLength(1));
    expect(chart.series[0].markers[0]).toMatchObject({ time: 1_764_000_120, text: 'BUY 1,025' });
    // "BUY 1,025" at 11 px: about 33 px wide, so at least 17 px right of its bar's centre.
    const room = (chart.options.timeScale as { rightOffsetPixels?: number }).rightOffsetPixels ?? 0;
    expect(room).toBeGreaterThanOrEqual(17 + 8);
  });
});
