import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionStream, backoffDelay, type Access, type ConnectionState } from '../src/api/stream';
import type { StreamEvent } from '../src/api/types';
import { socketFactory } from './fakeSocket';

function message(seq: number) {
  return { type: 'agent_message', seq, sessionId: 's1', time: '2025-01-01T00:00:00Z', data: { seq, text: `m${seq}` } };
}

function streamWith(options: { random?: () => number; lastSeq?: number; checkAccess?: () => Promise<Access> } = {}) {
  const factory = socketFactory();
  const events: StreamEvent[] = [];
  const states: ConnectionState[] = [];
  const stream = new SessionStream({
    url: 'ws://desk/ws/sessions/s1',
    token: 'tok',
    lastSeq: options.lastSeq,
    onEvent: (event) => events.push(event),
    onState: (state) => states.push(state),
    createSocket: factory.create,
    checkAccess: options.checkAccess,
    random: options.random ?? (() => 0.5),
    now: () => Date.now(),
  });
  return { stream, factory, events, states };
}

describe('SessionStream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('authenticates with the bearer subprotocol and names the resume point in the URL, never the token', () => {
    const { stream, factory } = streamWith({ lastSeq: 41 });
    stream.start();
    const socket = factory.latest();
    expect(socket.protocols).toEqual(['quorum.bearer.tok']);
    expect(socket.url).toBe('ws://desk/ws/sessions/s1?lastSeq=41');
    socket.open();
    // With the subprotocol the server is already streaming: an auth message would be noise.
    expect(socket.sent).toEqual([]);
  });

  it('resumes after a drop from the last seq it delivered, with no duplicate and no gap', () => {
    const { stream, factory, events } = streamWith();
    stream.start();
    const first = factory.latest();
    first.open();
    [1, 2, 3].forEach((seq) => first.emit(message(seq)));
    first.drop();

    vi.runOnlyPendingTimers();
    const second = factory.latest();
    expect(second).not.toBe(first);
    expect(second.url).toBe('ws://desk/ws/sessions/s1?lastSeq=3');
    second.open();
    // The server's replay overlaps what was already shown: the overlap must vanish.
    [2, 3, 4, 5].forEach((seq) => second.emit(message(seq)));

    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(stream.lastSeq).toBe(5);
  });

  it('resumes across every journaled frame type by seq, each frame once, whatever its type', () => {
    const { stream, factory, events } = streamWith();
    stream.start();
    const first = factory.latest();
    first.open();
    const typed = (type: string, seq: number) => ({ type, seq, sessionId: 's1', time: 't', data: { seq } });
    first.emit(typed('reasoning', 1));
    first.emit(typed('status', 2));
    first.emit(typed('complete', 3));
    first.emit(typed('proposal', 4));
    first.drop();

    vi.runOnlyPendingTimers();
    const second = factory.latest();
    expect(second.url).toBe('ws://desk/ws/sessions/s1?lastSeq=4');
    second.open();
    [typed('proposal', 4), typed('agent_message', 5), typed('decision', 7), typed('position', 8), typed('trade_executed', 9), typed('market_alert', 11)].forEach(
      (frame) => second.emit(frame),
    );

    expect(events.map((event) => `${event.type}:${event.seq}`)).toEqual([
      'reasoning:1',
      'status:2',
      'complete:3',
      'proposal:4',
      'agent_message:5',
      'decision:7',
      'position:8',
      'trade_executed:9',
      'market_alert:11',
    ]);
    expect(stream.lastSeq).toBe(11);
  });

  it('passes position and risk updates through without letting their borrowed seq skip journal events', () => {
    const { stream, factory, events } = streamWith();
    stream.start();
    const socket = factory.latest();
    socket.open();
    socket.emit(message(1));
    socket.emit({ type: 'position_update', seq: 9, sessionId: 's1', time: 't', data: { positions: [] } });
    socket.emit({ type: 'position_update', seq: 9, sessionId: 's1', time: 't', data: { positions: [] } });
    socket.emit({ type: 'risk_update', seq: 9, sessionId: 's1', time: 't', data: { portfolio: {}, risk: {} } });
    socket.emit(message(2));
    expect(events.map((event) => `${event.type}:${event.seq}`))
      .toEqual(['agent_message:1', 'position_update:9', 'position_update:9', 'risk_update:9', 'agent_message:2']);
    expect(stream.lastSeq).toBe(2);
  });

  it('waits longer after each failed attempt, up to the ceiling', () => {
    const { stream, factory, states } = streamWith({ random: () => 0 });
    stream.start();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = Date.now();
      factory.latest().drop();
      const state = states[states.length - 1];
      expect(state.kind).toBe('reconnecting');
      if (state.kind === 'reconnecting') delays.push(state.retryAt - before);
      const sockets = factory.sockets.length;
      vi.advanceTimersByTime(delays[i] - 1);
      expect(factory.sockets.length).toBe(sockets);
      vi.advanceTimersByTime(1);
      expect(factory.sockets.length).toBe(sockets + 1);
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[delays.length - 1]).toBe(15_000);
  });

  it('spreads retries with jitter inside the upper half of the ceiling', () => {
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
  });

  it('starts again from the shortest wait once a reconnected server has spoken', () => {
    const { stream, factory, states } = streamWith({ random: () => 1 });
    stream.start();
    factory.latest().drop();
    vi.runOnlyPendingTimers();
    factory.latest().drop();
    vi.runOnlyPendingTimers();
    const socket = factory.latest();
    socket.open();
    socket.emit(message(1));
    const before = Date.now();
    socket.drop();
    const state = states[states.length - 1];
    expect(state.kind === 'reconnecting' && state.retryAt - before).toBe(500);
  });

  it('reconnects at once with its last seq when the server asks for a resync', () => {
    const { stream, factory } = streamWith();
    stream.start();
    const first = factory.latest();
    first.open();
    first.emit(message(7));
    first.emit({ type: 'resync', seq: 7, sessionId: 's1', time: 't', data: {} });
    expect(first.closedWith).toBe(4000);
    const second = factory.latest();
    expect(second).not.toBe(first);
    expect(second.url).toBe('ws://desk/ws/sessions/s1?lastSeq=7');
  });

  it('pings after silence and gives a dead link up for a new one', () => {
    const { stream, factory } = streamWith();
    stream.start();
    const first = factory.latest();
    first.open();
    vi.advanceTimersByTime(20_000);
    expect(first.sent).toContainEqual({ type: 'ping' });
    vi.advanceTimersByTime(25_000);
    expect(first.closedWith).toBe(4000);
    vi.runOnlyPendingTimers();
    expect(factory.sockets.length).toBe(2);
  });

  it('keeps a link alive while heartbeats arrive, and does not hand them to the page', () => {
    const { stream, factory, events } = streamWith();
    stream.start();
    const socket = factory.latest();
    socket.open();
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(15_000);
      socket.emit({ type: 'heartbeat', seq: 0, sessionId: 's1', time: 't', data: {} });
    }
    expect(socket.closedWith).toBeNull();
    expect(events).toEqual([]);
  });

  it('stops retrying when the server closes with a policy violation (1008: authentication failed)', () => {
    const { stream, factory, states } = streamWith();
    stream.start();
    factory.latest().drop(1008);
    vi.runAllTimers();
    expect(factory.sockets.length).toBe(1);
    expect(states[states.length - 1]).toEqual({ kind: 'offline', reason: 'unauthorized' });
  });

  it('asks whether the token is still good when an upgrade fails, and gives up on a 401', async () => {
    const checkAccess = vi.fn(async (): Promise<Access> => 'unauthorized');
    const { stream, factory, states } = streamWith({ checkAccess });
    stream.start();
    // A refused upgrade reaches a browser as a bare close, before any open.
    factory.latest().drop(1006);
    await vi.waitFor(() => expect(states[states.length - 1]).toEqual({ kind: 'offline', reason: 'unauthorized' }));
    vi.runAllTimers();
    expect(factory.sockets.length).toBe(1);
    expect(checkAccess).toHaveBeenCalledTimes(1);
  });

  it('gives up when the session is gone, and keeps retrying while the server is merely unreachable', async () => {
    const gone = streamWith({ checkAccess: async () => 'gone' });
    gone.stream.start();
    gone.factory.latest().drop(1006);
    await vi.waitFor(() => expect(gone.states[gone.states.length - 1]).toEqual({ kind: 'offline', reason: 'gone' }));

    const down = streamWith({ checkAccess: async () => 'ok' });
    down.stream.start();
    down.factory.latest().drop(1006);
    await Promise.resolve();
    vi.runOnlyPendingTimers();
    expect(down.factory.sockets.length).toBe(2);
  });

  it('does not question the token when an open link drops', () => {
    const checkAccess = vi.fn(async (): Promise<Access> => 'ok');
    const { stream, factory } = streamWith({ checkAccess });
    stream.start();
    factory.latest().open();
    factory.latest().drop(1006);
    expect(checkAccess).not.toHaveBeenCalled();
  });

  it('closes the socket and schedules nothing once stopped', () => {
    const { stream, factory } = streamWith();
    stream.start();
    const socket = factory.latest();
    socket.open();
    stream.stop();
    expect(socket.closedWith).toBe(1000);
    vi.runAllTimers();
    expect(factory.sockets.length).toBe(1);
    expect(stream.state).toEqual({ kind: 'offline', reason: 'stopped' });
  });
});
