import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_CHECK_MS, dayIn, useOnNewDeskDay } from '../src/state/deskDay';

describe('the desk’s day', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is the day in the exchange’s time zone, not the browser’s', () => {
    expect(dayIn('America/New_York', Date.parse('2026-11-25T03:00:00Z'))).toBe('2026-11-24');
    expect(dayIn('America/New_York', Date.parse('2026-11-25T05:00:00Z'))).toBe('2026-11-25');
  });

  it('asks for the session again when the day turns over, so that "Trades left" starts the new day afresh', () => {
    let deskNow = Date.parse('2026-11-25T04:59:58Z'); // 23:59:58 in New York
    const now = () => deskNow;
    const onNewDay = vi.fn();
    renderHook(() => useOnNewDeskDay(now, 'America/New_York', onNewDay));

    act(() => vi.advanceTimersByTime(DAY_CHECK_MS));
    expect(onNewDay).not.toHaveBeenCalled();

    deskNow = Date.parse('2026-11-25T05:00:30Z');
    act(() => vi.advanceTimersByTime(DAY_CHECK_MS));
    expect(onNewDay).toHaveBeenCalledOnce();

    act(() => vi.advanceTimersByTime(5 * DAY_CHECK_MS));
    expect(onNewDay).toHaveBeenCalledOnce();
  });
});
