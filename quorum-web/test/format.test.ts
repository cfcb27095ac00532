import { describe, expect, it } from 'vitest';
import { formatChartTick, formatCount, formatDeskTime, formatPctOf, formatPrice, groupDigits } from '../src/format';
import { priceMovedNote } from '../src/state/priceMoved';

describe('desk times', () => {
  it('show the date and the exchange zone, whatever the browser zone', () => {
    expect(formatDeskTime('2025-03-03T14:31:05Z', 'America/New_York')).toBe('Mar 3, 09:31:05 EST');
    expect(formatDeskTime('2025-07-01T13:30:00Z', 'America/New_York')).toBe('Jul 1, 09:30:00 EDT');
  });

  it('label the chart axis in the exchange zone: the day where one begins, else the time', () => {
    const marketOpen = Date.parse('2025-03-03T14:30:00Z') / 1000;
    expect(formatChartTick(marketOpen, false, 'America/New_York')).toBe('09:30');
    expect(formatChartTick(marketOpen, true, 'America/New_York')).toBe('Mar 3');
  });

  it('follow the session zone when it is another exchange', () => {
    expect(formatDeskTime('2025-03-03T08:00:00Z', 'Europe/London')).toBe('Mar 3, 08:00:00 GMT');
  });
});

describe('numbers', () => {
  it('group whole shares and show prices in cents', () => {
    expect(formatCount(252453827)).toBe('252,453,827');
    expect(formatPrice('121.2652')).toBe('121.27');
  });

  it('show a loss measured as a size, or a share of equity, in per cent without a sign', () => {
    expect(formatPctOf('1.8')).toBe('1.80%');
    expect(formatPctOf('61.10')).toBe('61.10%');
    expect(formatPctOf(null)).toBe('—');
  });

  it('group the long numbers of an agent sentence and leave ids, years and short prices alone', () => {
    expect(groupDigits('Equity $100000.00; average daily volume 252453827 shares.')).toBe('Equity $100,000.00; average daily volume 252,453,827 shares.');
    expect(groupDigits('Order q-2f0c6c5e-12345678 filled in 2025 at $187.04.')).toBe('Order q-2f0c6c5e-12345678 filled in 2025 at $187.04.');
    expect(groupDigits('ratio 0.123456')).toBe('ratio 0.123456');
  });
});

describe('price moved note', () => {
  it('says how far above the approved entry a fill landed', () => {
    expect(priceMovedNote('188.00', '190.00')).toBe('Price moved: filled at 190.00, 1.06% above the approved entry 188.00.');
  });

  it('says below for a fill under the entry', () => {
    expect(priceMovedNote('200.00', '198.00')).toBe('Price moved: filled at 198.00, 1.00% below the approved entry 200.00.');
  });

  it('stays silent for a fill within half a percent of the entry', () => {
    expect(priceMovedNote('188.00', '188.50')).toBeNull();
  });
});
