import { useEffect, useState } from 'react';
import type { ConnectionState } from '../api/stream';

/** Connected, reconnecting with a countdown, or offline; announced politely to screen readers. */
export function ConnectionIndicator({ state, now = Date.now }: { state: ConnectionState; now?: () => number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (state.kind !== 'reconnecting') return;
    const timer = window.setInterval(() => tick((n) => n + 1), 250);
    return () => window.clearInterval(timer);
  }, [state]);

  const { label, tone } = describe(state, now());
  return (
    <span className={`connection connection-${tone}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {label}
    </span>
  );
}

const OFFLINE_LABEL = { stopped: 'Offline', unauthorized: 'Offline — token refused', gone: 'Offline — session not found' } as const;

export function describe(state: ConnectionState, now: number): { label: string; tone: 'ok' | 'warn' | 'down' } {
  switch (state.kind) {
    case 'connected':
      return { label: 'Live', tone: 'ok' };
    case 'connecting':
      return { label: 'Connecting…', tone: 'warn' };
    case 'reconnecting':
      return { label: `Reconnecting in ${Math.max(0, Math.ceil((state.retryAt - now) / 1000))}s`, tone: 'warn' };
    case 'offline':
      return { label: OFFLINE_LABEL[state.reason], tone: 'down' };
  }
}
