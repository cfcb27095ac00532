import { useCallback, useEffect, useRef } from 'react';

/**
 * The desk's "now" in epoch millis. Deadlines (a confirmation's expiresAt, trading hours) are on the
 * desk's clock, which on a simulated market is not the wall's: the latest frame's time is taken as
 * the desk's now, moved on by the wall time since it arrived. Without a desk time, the wall clock.
 */
export function useDeskClock(deskTime: string | null | undefined, wall: () => number = Date.now): () => number {
  const anchor = useRef<{ desk: number; wall: number } | null>(null);
  useEffect(() => {
    const desk = deskTime ? Date.parse(deskTime) : Number.NaN;
    anchor.current = Number.isFinite(desk) ? { desk, wall: wall() } : null;
  }, [deskTime, wall]);
  return useCallback(() => {
    const at = anchor.current;
    return at ? at.desk + (wall() - at.wall) : wall();
  }, [wall]);
}
