import { describe, expect, it } from 'vitest';
import { GAIN_COLOUR, LOSS_COLOUR, dailyBars, equityCurves } from '../src/state/performance';

describe('performance charts', () => {
  it('draw the equity and its drawdown below zero, keeping the last of the points closed in one second', () => {
    const curves = equityCurves([
      { time: '2025-03-03T14:30:00Z', equity: '100000.00', drawdown: '0.00', drawdownPct: '0.00' },
      { time: '2025-03-03T14:35:00Z', equity: '100500.00', drawdown: '0.00', drawdownPct: '0.00' },
      { time: '2025-03-03T14:35:00.400Z', equity: '99700.00', drawdown: '800.00', drawdownPct: '0.80' },
    ]);
    expect(curves.equity).toEqual([
      { time: 1741012200, value: 100000 },
      { time: 1741012500, value: 99700 },
    ]);
    expect(curves.drawdown.map((p) => p.value)).toEqual([0, -800]);
  });

  it('colour each day’s bar by its sign', () => {
    expect(dailyBars([{ date: '2025-03-03', pnl: '150.00' }, { date: '2025-03-04', pnl: '-30.00' }])).toEqual([
      { time: '2025-03-03', value: 150, color: GAIN_COLOUR },
      { time: '2025-03-04', value: -30, color: LOSS_COLOUR },
    ]);
  });
});
