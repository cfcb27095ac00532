import { describe, expect, it } from 'vitest';
import type { Bar } from '../src/api/types';
import { aggregateBars, barRequest } from '../src/chart/intervals';

// Mar 3, 2025, 09:30 New York.
const OPEN = Date.UTC(2025, 2, 3, 14, 30) / 1000;
const minute = (offset: number, open: string, high: string, low: string, close: string): Bar => ({ time: OPEN + offset * 60, open, high, low, close, volume: 100 });

describe('bar intervals', () => {
  it('gather minutes into five-minute bars: first open, highest high, lowest low, last close, summed volume', () => {
    const minutes = [
      minute(0, '100.00', '100.50', '99.90', '100.20'),
      minute(1, '100.20', '101.10', '100.10', '101.00'),
      minute(4, '101.00', '101.20', '99.80', '100.10'),
      minute(5, '100.10', '100.30', '100.00', '100.25'),
    ];
    expect(aggregateBars(minutes, 5)).toEqual([
      { time: OPEN, open: '100.00', high: '101.20', low: '99.80', close: '100.10', volume: 300 },
      { time: OPEN + 300, open: '100.10', high: '100.30', low: '100.00', close: '100.25', volume: 100 },
    ]);
  });

  it('count an hour from the session’s first minute, so that the first New York hour runs from 09:30 to 10:30', () => {
    const minutes = [minute(0, '1', '1', '1', '1'), minute(59, '2', '2', '2', '2'), minute(60, '3', '3', '3', '3')];
    const nextDay = { ...minute(0, '4', '4', '4', '4'), time: OPEN + 24 * 3600 };
    expect(aggregateBars([...minutes, nextDay], 60).map((bar) => [bar.time, bar.close])).toEqual([
      [OPEN, '2'],
      [OPEN + 3600, '3'],
      [OPEN + 24 * 3600, '4'],
    ]);
  });

  it('ask the server for enough minutes to show 300 bars after the 200 the slowest average needs, within its 5,000', () => {
    expect(barRequest('1m')).toEqual({ served: '1m', per: 1, count: 500 });
    expect(barRequest('5m')).toEqual({ served: '1m', per: 5, count: 2500 });
    expect(barRequest('1h')).toEqual({ served: '1m', per: 60, count: 5000 });
    expect(barRequest('1d')).toEqual({ served: '1d', per: 1, count: 500 });
  });
});
