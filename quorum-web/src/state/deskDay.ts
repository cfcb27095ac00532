import { useEffect, useRef, useState } from 'react';

/** The calendar day of `epochMillis` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(timeZone: string, epochMillis: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMillis);
}

/** How often the desk's day is looked at: the simulated clock may run hundreds of times faster than the wall's. */
export const DAY_CHECK_MS = 1000;

/**
 * Calls `onNewDay` when the desk's day (in the exchange's time zone) turns over while the page is
 * open: counts kept per day (trades today) are then out of date, and nothing on the stream says so.
 */
export function useOnNewDeskDay(now: () => number, timeZone: string | null, onNewDay: () => void): void {
  const [day, setDay] = useState<string | null>(null);
  const seen = useRef<string | null>(null);
  const callback = useRef(onNewDay);
  callback.current = onNewDay;

  useEffect(() => {
    if (!timeZone) return;
    const check = () => setDay(dayIn(timeZone, now()));
    check();
    const timer = window.setInterval(check, DAY_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [now, timeZone]);

  useEffect(() => {
    if (day === null) return;
    const before = seen.current;
    seen.current = day;
    if (before !== null && before !== day) callback.current();
  }, [day]);
}
