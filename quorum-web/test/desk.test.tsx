import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type FetchLike } from '../src/api/http';
import { AgentChatPanel } from '../src/components/AgentChatPanel';
import { PositionsDashboard } from '../src/components/PositionsDashboard';
import { ConnectionIndicator } from '../src/components/ConnectionIndicator';
import { useDesk } from '../src/state/useDesk';
import { agentMessage, frame, portfolio, position, session } from './fixtures';
import { socketFactory } from './fakeSocket';

function fakeServer(routes: Record<string, unknown>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetcher: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const body = routes[`${init?.method ?? 'GET'} ${url}`];
    if (body === undefined) return new Response(JSON.stringify({ status: 404, title: 'Not found' }), { status: 404 });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetcher, calls };
}

function Harness({ api, create }: { api: ApiClient; create: ReturnType<typeof socketFactory>['create'] }) {
  const { state, connection } = useDesk(api, 's1', create);
  return (
    <>
      <ConnectionIndicator state={connection} />
      <AgentChatPanel messages={state.messages} isAutoTradingEnabled={state.session?.autoTrading.enabled ?? false} />
      <PositionsDashboard portfolio={state.portfolio} priceHistory={state.priceHistory} onClose={async () => undefined} onChangeStops={async () => undefined} />
    </>
  );
}


describe('useDesk', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: false }));
  afterEach(() => vi.useRealTimers());

  it('loads the snapshot with the bearer token, then streams the conversation across a reconnect without loss or repeat', async () => {
    const server = fakeServer({
      'GET /api/sessions/s1': session({ state: 'AUTO_TRADING', autoTrading: { enabled: true } }),
      'GET /api/sessions/s1/positions': portfolio(),
    });
    const sockets = socketFactory();
    const api = new ApiClient('secret', server.fetcher);
    render(<Harness api={api} create={sockets.create} />);
    await act(async () => undefined);

    expect(server.calls.every((call) => (call.init?.headers as Record<string, string>).Authorization === 'Bearer secret')).toBe(true);
    expect(screen.getByText('Auto-trading on')).toBeInTheDocument();

    const first = sockets.latest();
    expect(first.url).toBe('ws://localhost:3000/ws/sessions/s1?lastSeq=0');
    expect(first.protocols).toEqual(['quorum.bearer.secret']);
    act(() => first.open());
    expect(screen.getByText('Live')).toBeInTheDocument();
    act(() => {
      for (let seq = 1; seq <= 3; seq++) first.emit(frame('agent_message', seq, agentMessage('TECHNICAL', 'UPDATE', { text: `step ${seq}` }, seq)));
      vi.advanceTimersByTime(20);
    });
    expect(screen.getAllByTestId('chat-bubble')).toHaveLength(3);

    act(() => first.drop());
    expect(screen.getByText(/Reconnecting in \ds/)).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    const second = sockets.latest();
    expect(second.url).toBe('ws://localhost:3000/ws/sessions/s1?lastSeq=3');
    act(() => second.open());
    act(() => {
      for (let seq = 2; seq <= 5; seq++) second.emit(frame('agent_message', seq, agentMessage('TECHNICAL', 'UPDATE', { text: `step ${seq}` }, seq)));
      vi.advanceTimersByTime(20);
    });
    expect(screen.getAllByTestId('chat-bubble').map((b) => b.textContent?.match(/step \d/)?.[0])).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
  });

  it('coalesces a burst of position updates into at most one render per 100 ms, ending on the newest price', async () => {
    const server = fakeServer({
      'GET /api/sessions/s1': session(),
      'GET /api/sessions/s1/positions': portfolio(),
    });
    const sockets = socketFactory();
    render(<Harness api={new ApiClient('t', server.fetcher)} create={sockets.create} />);
    await act(async () => undefined);
    const socket = sockets.latest();
    act(() => socket.open());

    const shown: string[] = [];
    for (let i = 1; i <= 50; i++) {
      act(() => {
        socket.emit(frame('position_update', 0, portfolio({ positions: [position({ currentPrice: (180 + i / 100).toFixed(2) })] })));
        vi.advanceTimersByTime(4);
      });
      shown.push(screen.getByLabelText('AAPL price').textContent!);
    }
    act(() => vi.advanceTimersByTime(100));
    // 50 updates in 200 ms: the first shows at once, then at most one per 100 ms.
    const distinct = [...new Set(shown)];
    expect(distinct[0]).toBe('180.01');
    expect(distinct.length).toBeLessThanOrEqual(3);
    expect(screen.getByLabelText('AAPL price')).toHaveTextContent('180.50');
  });
});
