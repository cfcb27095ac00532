import { describe, expect, it } from 'vitest';
import { tradeMarkers } from '../src/components/PriceChart';
import type { TradeMark } from '../src/state/desk';

const bars = [0, 60, 120].map((offset) => ({ time: 1_764_000_000 + offset, open: '187.00', high: '187.50', low: '186.50', close: '187.20', volume: 1000 }));
const sell: TradeMark = { clientOrderId: 'q-p1', ticker: 'AAPL', side: 'SELL', quantity: 117, price: '186.81', reason: 'decision APPROVED', seq: 30, time: new Date((1_764_000_000 + 130) * 1000).toISOString() };

describe('tradeMarkers', () => {
  it('marks a fill on its bar with a label short enough to fit beside the newest bars on a phone', () => {
    const [marker] = tradeMarkers([sell], 'AAPL', bars);
    expect(marker).toMatchObject({ time: 1_764_000_120, position: 'aboveBar', shape: 'arrowDown', text: 'SELL 117', id: 'q-p1' });
    expect(marker.text!.length).toBeLessThanOrEqual(10);
  });
});
