import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/http';
import type { Session } from '../api/types';

/** The tabs of one browser tell each other on this channel that the sessions changed. */
export const SESSIONS_CHANNEL = 'quorum.sessions';
/** Sessions created elsewhere (another browser, the command line) show within this. */
export const SESSIONS_POLL_MS = 10_000;

export interface SessionList {
  sessions: Session[];
  reload(): Promise<void>;
  /** Reloads, and has every other tab of this browser reload too. */
  announce(): Promise<void>;
}

/**
 * The server's sessions, kept fresh: on open, when `changed` moves, when another tab announces a
 * change, when the tab is shown again, and every few seconds.
 */
export function useSessionList(api: ApiClient, changed: unknown): SessionList {
  const [sessions, setSessions] = useState<Session[]>([]);
  const channel = useRef<BroadcastChannel | null>(null);

  const reload = useCallback(() => api.listSessions().then(setSessions, () => undefined), [api]);

  useEffect(() => {
    void reload();
  }, [reload, changed]);

  useEffect(() => {
    const other = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSIONS_CHANNEL);
    channel.current = other;
    if (other) other.onmessage = () => void reload();
    const shown = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', shown);
    const timer = window.setInterval(() => document.visibilityState === 'visible' && void reload(), SESSIONS_POLL_MS);
    return () => {
      other?.close();
      channel.current = null;
      document.removeEventListener('visibilitychange', shown);
      window.clearInterval(timer);
    };
  }, [reload]);

  const announce = useCallback(async () => {
    channel.current?.postMessage('changed');
    await reload();
  }, [reload]);

  return { sessions, reload, announce };
}
