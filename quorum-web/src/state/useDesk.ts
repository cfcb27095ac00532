import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../api/http';
import { SessionStream, sessionStreamUrl, type Access, type ConnectionState, type SocketFactory } from '../api/stream';
import type { Portfolio, Session, StreamEvent } from '../api/types';
import { coalesce } from './coalesce';
import { EMPTY_DESK, deskReducer, type DeskState } from './desk';

/** Position updates reach the page at most this often. */
export const POSITION_UPDATE_INTERVAL_MS = 100;

export interface Desk {
  state: DeskState;
  connection: ConnectionState;
  setSession(session: Session): void;
  /** Shows a portfolio the server answered with (close, flatten) without waiting for the stream. */
  setPortfolio(portfolio: Portfolio): void;
  refreshPortfolio(): Promise<void>;
}

/**
 * Everything live about one session: its REST snapshot, then the WebSocket stream from seq 0 (the
 * server replays the journal), events batched per frame and position updates coalesced. The stream
 * starts once the snapshot is in, so that its `lastSeq` tells replayed history from live events.
 */
export function useDesk(api: ApiClient, sessionId: string | null, createSocket?: SocketFactory, onUnauthorized?: () => void): Desk {
  const [state, dispatch] = useReducer(deskReducer, EMPTY_DESK);
  const [connection, setConnection] = useState<ConnectionState>({ kind: 'offline', reason: 'stopped' });
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const refreshPortfolio = useCallback(async () => {
    if (!sessionId) return;
    const portfolio = await api.positions(sessionId);
    dispatch({ kind: 'portfolio', portfolio });
  }, [api, sessionId]);

  useEffect(() => {
    dispatch({ kind: 'reset' });
    if (!sessionId) return;
    let alive = true;
    api.positions(sessionId).then((portfolio) => alive && dispatch({ kind: 'portfolio', portfolio }), () => undefined);

    const portfolioUpdates = coalesce<StreamEvent>(POSITION_UPDATE_INTERVAL_MS, (event) =>
      dispatch({ kind: 'portfolio', portfolio: event.data as Portfolio, time: event.time }),
    );
    let batch: StreamEvent[] = [];
    let scheduled = false;
    const flushBatch = () => {
      scheduled = false;
      const events = batch;
      batch = [];
      if (alive && events.length) dispatch({ kind: 'events', events });
    };
    const stream = new SessionStream({
      url: sessionStreamUrl(sessionId),
      token: api.token,
      createSocket,
      checkAccess: () => accessTo(api, sessionId),
      onEvent: (event) => {
        if (event.type === 'position_update') {
          portfolioUpdates.push(event);
          return;
        }
        batch.push(event);
        if (!scheduled) {
          scheduled = true;
          // A frame's worth of events lands in one render.
          setTimeout(flushBatch, 16);
        }
      },
      onState: (next) => {
        if (!alive) return;
        setConnection(next);
        if (next.kind === 'offline' && next.reason === 'unauthorized') unauthorized.current?.();
      },
    });
    api.getSession(sessionId).then(
      (session) => {
        if (!alive) return;
        dispatch({ kind: 'opened', session });
        stream.start();
      },
      (error) => {
        if (!alive) return;
        if (error instanceof ApiError && error.status === 404) setConnection({ kind: 'offline', reason: 'gone' });
        else stream.start();
      },
    );
    const online = () => stream.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      alive = false;
      window.removeEventListener('online', online);
      stream.stop();
      portfolioUpdates.cancel();
    };
  }, [api, sessionId, createSocket]);

  const setSession = useCallback((session: Session) => dispatch({ kind: 'session', session }), []);
  const setPortfolio = useCallback((portfolio: Portfolio) => dispatch({ kind: 'portfolio', portfolio }), []);
  return { state, connection, setSession, setPortfolio, refreshPortfolio };
}

async function accessTo(api: ApiClient, sessionId: string): Promise<Access> {
  try {
    await api.getSession(sessionId);
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError && error.unauthorized) return 'unauthorized';
    if (error instanceof ApiError && error.status === 404) return 'gone';
    return 'ok';
  }
}
