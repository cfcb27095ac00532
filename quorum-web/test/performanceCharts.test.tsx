import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../src/api/http';
import type { Performance } from '../src/api/types';
import { PerformancePanel } from '../src/components/PerformancePanel';
import { charts, forgetCharts } from './fakeCharts';

vi.mock('lightweight-charts', async () => (await import('./fakeCharts')).fakeChartsModule());

const performance: Performance = {
  capital: '100000.00',
  equity: [
    { time: '2026-12-01T15:34:00Z', equity: '100000.00', drawdown: '0.00', drawdownPct: '0.00' },
    { time: '2026-12-01T16:55:00Z', equity: '99862.40', drawdown: '137.60', drawdownPct: '0.14' },
  ],
  daily: [{ date: '2026-12-01', pnl: '-137.60' }],
  stats: { trades: 2, wins: 0, losses: 2, winRate: '0', profitFactor: '0', averageWin: null, averageLoss: '-68.80', totalPnl: '-137.60', maxDrawdown: '137.60', maxDrawdownPct: '0.14', sharpe: null },
};

async function drawn() {
  const api = { performance: async () => performance, accountPerformance: async () => performance } as unknown as ApiClient;
  render(<PerformancePanel api={api} sessionId="s1" changedAt={0} />);
  await screen.findByText('2 (0 won, 2 lost)');
  await waitFor(() => expect(charts.filter((c) => !c.removed).flatMap((c) => c.series).some((s) => s.data.length > 0)).toBe(true));
  const [equityChart, dailyChart] = charts.filter((c) => !c.removed);
  return { equityChart, dailyChart };
}

describe('the performance charts', () => {
  afterEach(forgetCharts);

  it('label each daily P&L bar with its date, never with the day’s number alone', async () => {
    const { dailyChart } = await drawn();
    const timeScale = dailyChart.options.timeScale as { tickMarkFormatter: (time: unknown, type: number) => string };
    const localization = dailyChart.options.localization as { timeFormatter: (time: unknown) => string };
    expect(dailyChart.series[0].data[0].time).toBe('2026-12-01');
    for (const tickType of [1, 2]) expect(timeScale.tickMarkFormatter('2026-12-01', tickType)).toBe('Dec 1');
    expect(timeScale.tickMarkFormatter({ year: 2026, month: 12, day: 1 }, 2)).toBe('Dec 1');
    expect(localization.timeFormatter('2026-12-01')).toBe('Dec 1');
  });

  it('draw the drawdown in a pane of its own below the curve, on an axis that ends at zero and never shows a range above it', async () => {
    const { equityChart } = await drawn();
    const [equity, drawdown] = equityChart.series;
    expect(equity.pane).toBe(0);
    expect(drawdown.pane).toBe(1);
    expect(drawdown.options.priceScaleId ?? 'right').toBe('right');
    expect(drawdown.options.lastValueVisible).toBe(false);
    expect(drawdown.data.map((p) => p.value)).toEqual([0, -137.6]);

    const scale = drawdown.options.autoscaleInfoProvider as (original: () => unknown) => { priceRange: { minValue: number; maxValue: number } };
    // The library pads a range around the values; the axis still stops at zero.
    expect(scale(() => ({ priceRange: { minValue: -137.6, maxValue: 12 } })).priceRange).toEqual({ minValue: -137.6, maxValue: 0 });
    expect(scale(() => ({ priceRange: { minValue: 0, maxValue: 0 } })).priceRange).toEqual({ minValue: -1, maxValue: 0 });
  });
});
