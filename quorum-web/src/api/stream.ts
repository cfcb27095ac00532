import type { StreamEvent, StreamEventType } from './types';

/** What the connection indicator shows. `retryAt` is an epoch-millis instant. */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; retryAt: number }
  | { kind: 'offline'; reason: 'stopped' | 'unauthorized' | 'gone' };

/** The part of the browser WebSocket the stream uses, so tests can drive a fake one. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

export interface Backoff {
  initialMs: number;
  maxMs: number;
  factor: number;
}

/** What a failed upgrade meant: a browser sees only a close (1006), never the HTTP status behind it. */
export type Access = 'ok' | 'unauthorized' | 'gone';

export interface StreamOptions {
  /** The session's stream URL without a query; `?lastSeq=` is added on every connect. */
  url: string;
  token: string;
  /** The last journal seq already shown; the server replays everything after it. */
  lastSeq?: number;
  onEvent: (event: StreamEvent) => void;
  onState?: (state: ConnectionState) => void;
  /** Asked when a socket closes before it opened: a refused token (401) or an unknown session (404) must not be retried forever. */
  checkAccess?: () => Promise<Access>;
  createSocket?: SocketFactory;
  random?: () => number;
  now?: () => number;
  backoff?: Backoff;
  /** Silence after which the client pings, and after which it gives the socket up for dead. */
  heartbeat?: { pingAfterMs: number; deadAfterMs: number };
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000, factor: 2 };
const DEFAULT_HEARTBEAT = { pingAfterMs: 20_000, deadAfterMs: 45_000 };

/** Events that are not journal entries: their seq is only the latest journal seq, so it neither dedups nor advances. */
const UNJOURNALED: ReadonlySet<StreamEventType> = new Set(['position_update', 'risk_update', 'agent_activity', 'heartbeat', 'resync', 'pong']);

/** The server closes with 1008 (policy violation) when authentication fails after the upgrade; retrying would only hammer it. */
const POLICY_VIOLATION = 1008;

export const BEARER_SUBPROTOCOL_PREFIX = 'quorum.bearer.';

/**
 * Equal-jitter exponential backoff: the ceiling doubles per attempt up to `maxMs`, and the delay is
 * drawn from its upper half, so delays grow while clients that dropped together do not retry together.
 */
export function backoffDelay(attempt: number, random: () => number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * Math.pow(backoff.factor, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * One session's live stream. It resumes from the last journal seq it delivered after every drop, and
 * drops anything at or below that seq, so the caller sees each journal event exactly once and in order,
 * with no gap across reconnects.
 */
export class SessionStream {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private seq: number;
  private stopped = true;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setTimeout> | null = null;
  private deadTimer: ReturnType<typeof setTimeout> | null = null;
  private current: ConnectionState = { kind: 'offline', reason: 'stopped' };
  private readonly createSocket: SocketFactory;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly backoff: Backoff;
  private readonly heartbeat: { pingAfterMs: number; deadAfterMs: number };

  constructor(private readonly options: StreamOptions) {
    this.seq = options.lastSeq ?? 0;
    this.createSocket = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike);
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.heartbeat = options.heartbeat ?? DEFAULT_HEARTBEAT;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.dropSocket(1000, 'client closed');
    this.setState({ kind: 'offline', reason: 'stopped' });
  }

  /** Skips the wait of a scheduled retry, e.g. when the browser comes back online. */
  reconnectNow(): void {
    if (this.stopped || this.current.kind !== 'reconnecting') return;
    this.clearRetry();
    this.connect();
  }

  private connect(): void {
    this.setState({ kind: 'connecting' });
    let socket: SocketLike;
    let opened = false;
    try {
      // The subprotocol carries the token (never the URL); the query names the resume point, and
      // the server replays every journal event after it before going live.
      socket = this.createSocket(`${this.options.url}?lastSeq=${this.seq}`, [BEARER_SUBPROTOCOL_PREFIX + this.options.token]);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      opened = true;
      this.setState({ kind: 'connected' });
      this.armHeartbeat();
    };
    socket.onmessage = (message) => {
      if (this.socket !== socket) return;
      this.onFrame(message.data);
    };
    socket.onerror = () => {
      // A close event always follows an error; the retry is scheduled there.
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearHeartbeat();
      if (this.stopped) return;
      if (event.code === POLICY_VIOLATION) {
        this.giveUp('unauthorized');
        return;
      }
      if (!opened && this.options.checkAccess) {
        this.afterRefusedUpgrade(this.options.checkAccess);
        return;
      }
      this.scheduleRetry();
    };
  }

  private onFrame(raw: unknown): void {
    let event: StreamEvent;
    try {
      event = JSON.parse(String(raw)) as StreamEvent;
    } catch {
      return;
    }
    this.armHeartbeat();
    // The link works end to end once the server speaks, so the next drop starts again from a short wait.
    this.attempt = 0;
    if (event.type === 'resync') {
      this.dropSocket(4000, 'resync');
      this.connect();
      return;
    }
    if (event.type === 'heartbeat' || (event.type as string) === 'pong') return;
    if (!UNJOURNALED.has(event.type)) {
      if (typeof event.seq !== 'number' || event.seq <= this.seq) return;
      this.seq = event.seq;
    }
    this.options.onEvent(event);
  }

  private afterRefusedUpgrade(checkAccess: () => Promise<Access>): void {
    // Wait as for any retry, so that a server that is merely down is not asked twice as often.
    this.scheduleRetry();
    checkAccess().then(
      (access) => {
        if (access === 'ok' || this.stopped) return;
        this.dropSocket(1000, 'access refused');
        this.giveUp(access);
      },
      () => undefined,
    );
  }

  private giveUp(reason: 'unauthorized' | 'gone'): void {
    this.stopped = true;
    this.clearTimers();
    this.setState({ kind: 'offline', reason });
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, this.random, this.backoff);
    this.attempt += 1;
    this.setState({ kind: 'reconnecting', attempt: this.attempt, retryAt: this.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  private armHeartbeat(): void {
    this.clearHeartbeat();
    const socket = this.socket;
    this.pingTimer = setTimeout(() => {
      if (this.socket === socket) socket?.send(JSON.stringify({ type: 'ping' }));
    }, this.heartbeat.pingAfterMs);
    this.deadTimer = setTimeout(() => {
      if (this.socket !== socket || this.stopped) return;
      // A half-open TCP link never fires close by itself: give it up and resume elsewhere.
      this.dropSocket(4000, 'heartbeat lost');
      this.scheduleRetry();
    }, this.heartbeat.deadAfterMs);
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    this.clearHeartbeat();
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(code, reason);
    } catch {
      // Already closed or never opened: nothing left to release.
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearHeartbeat(): void {
    if (this.pingTimer) clearTimeout(this.pingTimer);
    if (this.deadTimer) clearTimeout(this.deadTimer);
    this.pingTimer = this.deadTimer = null;
  }

  private clearTimers(): void {
    this.clearRetry();
    this.clearHeartbeat();
  }

  private setState(state: ConnectionState): void {
    this.current = state;
    this.options.onState?.(state);
  }
}

export function sessionStreamUrl(sessionId: string, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws/sessions/${encodeURIComponent(sessionId)}`;
}
