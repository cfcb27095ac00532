import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followTokenOfOtherTabs, takeToken } from '../src/api/auth';
import { ApiError } from '../src/api/http';
import type { Confirmation, TickerMatch } from '../src/api/types';

const TICKERS: TickerMatch[] = [
  { symbol: 'NVDA', name: 'NVIDIA Corporation', exchange: 'NMS' },
  { symbol: 'MSFT', name: 'Microsoft Corporation', exchange: 'NMS' },
];
import { SessionFlow } from '../src/components/SessionFlow';
import { TradeConfirmation } from '../src/components/TradeConfirmation';
import { position, proposal, session } from './fixtures';

function confirmation(overrides: Partial<Confirmation> = {}): Confirmation {
  return {
    id: 'c1',
    proposalId: 'p1',
    ticker: 'AAPL',
    side: 'BUY',
    quantity: 120,
    notional: '21420.00',
    expiresAt: '2025-03-03T14:31:05Z',
    status: 'PENDING',
    ...overrides,
  };
}

describe('SessionFlow', () => {
  const handlers = () => ({
    onCreate: vi.fn(async () => undefined),
    onApprove: vi.fn(async () => undefined),
    onReject: vi.fn(async () => undefined),
    onStop: vi.fn(async () => undefined),
    onArchive: vi.fn(async () => undefined),
    searchTickers: vi.fn(async (query: string) => TICKERS.filter((t) => t.symbol.startsWith(query) || t.name.toUpperCase().includes(query))),
  });

  it('suggests the tickers the feed offers for what is typed, with their names', async () => {
    const user = userEvent.setup();
    const h = handlers();
    render(<SessionFlow session={null} reasoning={[]} {...h} />);
    await user.type(screen.getByLabelText('Analyse a ticker'), 'nv');
    const suggestions = screen.getByTestId('ticker-suggestions');
    await waitFor(() => expect(suggestions.querySelectorAll('option')).toHaveLength(1));
    const option = suggestions.querySelector('option')!;
    expect(option.value).toBe('NVDA');
    expect(option.label).toBe('NVIDIA Corporation · NMS');
    expect(h.searchTickers).toHaveBeenLastCalledWith('NV');
  });

  it('shows the server’s sentence for a ticker the feed does not know', async () => {
    const user = userEvent.setup();
    const h = handlers();
    h.onCreate.mockRejectedValueOnce(
      new ApiError(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'ticker: ZZZZ is not a ticker the market data knows', errors: [{ field: 'ticker', message: 'ZZZZ is not a ticker the market data knows' }] }),
    );
    render(<SessionFlow session={null} reasoning={[]} {...h} />);
    await user.type(screen.getByLabelText('Analyse a ticker'), 'zzzz');
    await user.click(screen.getByRole('button', { name: 'Analyse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ZZZZ is not a ticker the market data knows');
  });

  it('creates a session for a valid ticker only', async () => {
    const user = userEvent.setup();
    const h = handlers();
    render(<SessionFlow session={null} reasoning={[]} {...h} />);
    await user.type(screen.getByLabelText('Analyse a ticker'), '12');
    await user.click(screen.getByRole('button', { name: 'Analyse' }));
    expect(screen.getByText('Enter a ticker symbol, e.g. AAPL.')).toBeInTheDocument();
    expect(h.onCreate).not.toHaveBeenCalled();
    await user.clear(screen.getByLabelText('Analyse a ticker'));
    await user.type(screen.getByLabelText('Analyse a ticker'), 'msft');
    await user.click(screen.getByRole('button', { name: 'Analyse' }));
    expect(h.onCreate).toHaveBeenCalledWith('MSFT');
  });

  it('streams the reasoning while the desk analyses', () => {
    render(
      <SessionFlow
        session={session({ state: 'ANALYZING' })}
        reasoning={[{ seq: 4, time: 't', sender: 'TECHNICAL', text: 'RSI 61, above the 50-day' }]}
        {...handlers()}
      />,
    );
    expect(screen.getByText('The desk is analysing…')).toBeInTheDocument();
    expect(screen.getByText('RSI 61, above the 50-day')).toBeInTheDocument();
  });

  it('shows the proposal’s terms, approves it, or rejects it with a reason', async () => {
    const user = userEvent.setup();
    const h = handlers();
    render(<SessionFlow session={session({ state: 'PROPOSAL', proposal })} reasoning={[]} {...h} />);
    const card = screen.getByRole('article', { name: 'Proposal' });
    for (const text of ['178.50', '175.00', '190.00', '120 sh', '$21,420.00', 'Breakout above the 200-day SMA on volume']) expect(card).toHaveTextContent(text);

    await user.click(screen.getByRole('button', { name: 'Reject…' }));
    const reject = screen.getByRole('button', { name: 'Reject and re-analyse' });
    expect(reject).toBeDisabled();
    await user.type(screen.getByLabelText(/Why reject/), 'stop too wide');
    await user.click(reject);
    expect(h.onReject).toHaveBeenCalledWith(proposal.id, 'stop too wide');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(h.onApprove).toHaveBeenCalledExactlyOnceWith(proposal.id);
  });

  it('archives a stopped session with nothing open, and says why it cannot while a position is open', async () => {
    const user = userEvent.setup();
    const h = handlers();
    const { rerender } = render(<SessionFlow session={session({ state: 'STOPPED' })} reasoning={[]} {...h} />);
    await user.click(screen.getByRole('button', { name: 'Archive session' }));
    expect(h.onArchive).toHaveBeenCalledTimes(1);

    rerender(<SessionFlow session={session({ state: 'STOPPED' })} position={position()} reasoning={[]} {...h} />);
    expect(screen.getByRole('button', { name: 'Archive session' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Archive session' })).toHaveAttribute('title', expect.stringContaining('Close the position first'));
  });

  it('shows when the session may only reduce, or is halted, and why', () => {
    const reason = 'the desk holds 10 AAPL but the broker reports 0';
    const { rerender } = render(<SessionFlow session={session({ state: 'AUTO_TRADING', trading: { state: 'REDUCING', reason } })} reasoning={[]} {...noop()} />);
    expect(screen.getByText('Reducing only')).toHaveAttribute('title', reason);

    rerender(<SessionFlow session={session({ state: 'STOPPED', trading: { state: 'HALTED', reason: 'the session stopped' } })} reasoning={[]} {...noop()} />);
    expect(screen.getByText('Halted')).toBeInTheDocument();

    rerender(<SessionFlow session={session({ state: 'AUTO_TRADING' })} reasoning={[]} {...noop()} />);
    expect(screen.queryByText('Reducing only')).not.toBeInTheDocument();
  });
});

describe('SessionFlow once approved', () => {
  it('says whether the desk may trade, from the auto-trading switch', () => {
    const { rerender } = render(<SessionFlow session={session({ state: 'AUTO_TRADING', ticker: 'NVDA', autoTrading: { enabled: false } })} reasoning={[]} {...noop()} />);
    expect(screen.queryByText(/The desk manages NVDA/)).not.toBeInTheDocument();
    expect(screen.getByText(/Auto-trading is off: the desk places no new order/)).toBeInTheDocument();
    expect(screen.getByText('approved, auto-trading off')).toBeInTheDocument();

    rerender(<SessionFlow session={session({ state: 'AUTO_TRADING', ticker: 'NVDA', autoTrading: { enabled: true } })} reasoning={[]} {...noop()} />);
    expect(screen.getByText('Approved. Auto-trading is on: the desk manages NVDA within your limits.')).toBeInTheDocument();
    expect(screen.getByText('auto-trading on')).toBeInTheDocument();
  });

  it('shows the position held now, not the first trade approved: after a reversal and an edit of its stops', () => {
    const approved = session({ state: 'AUTO_TRADING', proposal });
    const { rerender } = render(<SessionFlow session={approved} position={position({ direction: 'LONG', quantity: 120, stopLoss: '175.00', takeProfit: '190.00' })} reasoning={[]} {...noop()} />);
    expect(screen.getByLabelText('AAPL held now')).toHaveTextContent('HeldLong 120 sh');

    rerender(<SessionFlow session={approved} position={position({ direction: 'SHORT', quantity: 80, entryPrice: '181.00', stopLoss: '186.00', takeProfit: '170.00' })} reasoning={[]} {...noop()} />);
    const held = screen.getByLabelText('AAPL held now');
    expect(held).toHaveTextContent('HeldShort 80 sh');
    expect(held).toHaveTextContent('Entry181.00');
    expect(held).toHaveTextContent('Stop186.00');
    expect(held).toHaveTextContent('Target170.00');

    rerender(<SessionFlow session={approved} reasoning={[]} {...noop()} />);
    expect(screen.queryByLabelText('AAPL held now')).not.toBeInTheDocument();
    expect(screen.getByText('No open AAPL position.')).toBeInTheDocument();
  });
});

describe('ProposalCard verdict', () => {
  it('says whether approving places the trade, from the desk’s own vote', () => {
    const tally = { approvals: 1, rejections: 0, abstentions: 4, vetoed: false, quorum: 3, voters: 5 };
    const { rerender } = render(<SessionFlow session={session({ state: 'PROPOSAL', proposal })} reasoning={[]} verdict={{ outcome: 'TIMED_OUT', tally }} {...noop()} />);
    expect(screen.getByRole('note')).toHaveTextContent('Desk vote: Timed out — hold · 1 of 5 approve — approving hands the desk authority but places no trade');
    rerender(<SessionFlow session={session({ state: 'PROPOSAL', proposal })} reasoning={[]} verdict={{ outcome: 'APPROVED', tally: { ...tally, approvals: 4 } }} {...noop()} />);
    expect(screen.getByRole('note')).toHaveTextContent('Desk vote: Approved · 4 of 5 approve — approving places this trade now.');
  });
});

function noop() {
  return { onCreate: async () => undefined, searchTickers: async () => [], onApprove: async () => undefined, onReject: async () => undefined, onStop: async () => undefined, onArchive: async () => undefined };
}

describe('TradeConfirmation', () => {
  afterEach(() => vi.useRealTimers());

  it('counts down to expiry and then drops the request without trading', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-03T14:31:00Z') });
    const onApprove = vi.fn(async () => confirmation({ status: 'APPROVED' }));
    const load = vi.fn(async () => [confirmation({ expiresAt: '2025-03-03T14:31:05Z' })]);
    render(<TradeConfirmation load={load} onApprove={onApprove} onDeny={async () => confirmation({ status: 'DENIED' })} refreshKey={0} active={false} />);
    await act(async () => undefined);
    expect(screen.getByRole('alertdialog', { name: 'Confirm trade' })).toHaveTextContent('BUY 120 AAPL · $21,420.00');
    expect(screen.getByText('5s')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByText('2s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2500));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onApprove).not.toHaveBeenCalled();
  });

  it('approves the pending trade by its id', async () => {
    const user = userEvent.setup();
    const expiresAt = new Date(Date.now() + 30_000).toISOString();
    const pending = confirmation({ id: 'c9', side: 'SELL', quantity: 50, notional: '9000.00', expiresAt });
    const onApprove = vi.fn(async () => ({ ...pending, status: 'APPROVED' as const }));
    render(<TradeConfirmation load={async () => [pending]} onApprove={onApprove} onDeny={async () => pending} refreshKey={0} active={false} />);
    await user.click(await screen.findByRole('button', { name: 'Approve trade' }));
    expect(onApprove).toHaveBeenCalledWith('c9');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('Approved: SELL 50 AAPL goes to the broker.');
  });

  it('shows only the requests still pending, counted down on the desk’s clock', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T04:00:00Z') });
    // The desk runs a simulated market whose clock is a day behind the wall's.
    const deskNow = () => Date.parse('2026-11-25T15:00:00Z') + (Date.now() - Date.parse('2026-11-26T04:00:00Z'));
    const load = async () => [
      confirmation({ id: 'old', status: 'EXPIRED', expiresAt: '2026-11-25T14:59:00Z' }),
      confirmation({ id: 'c2', expiresAt: '2026-11-25T15:00:20Z' }),
    ];
    render(<TradeConfirmation load={load} onApprove={async () => confirmation()} onDeny={async () => confirmation()} refreshKey={0} active={false} now={deskNow} />);
    await act(async () => undefined);
    expect(screen.getByText('20s')).toBeInTheDocument();
    expect(screen.queryByText(/more waiting/)).not.toBeInTheDocument();
  });
});

describe('access token', () => {
  it('takes the token from the fragment, keeps it for the browser and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/desk?x=1#token=abc123');
    localStorage.clear();
    expect(takeToken()).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/desk?x=1');
    expect(localStorage.getItem('quorum.token')).toBe('abc123');
    expect(takeToken()).toBe('abc123');
  });

  it('hears the token another tab signed in with, and its sign-out, but not changes to other keys', () => {
    const heard: (string | null)[] = [];
    const stop = followTokenOfOtherTabs((token) => heard.push(token));
    window.dispatchEvent(new StorageEvent('storage', { key: 'quorum.token', newValue: 'xyz' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'quorum.alertsRead.s1', newValue: '12' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'quorum.token', newValue: null }));
    stop();
    window.dispatchEvent(new StorageEvent('storage', { key: 'quorum.token', newValue: 'after' }));
    expect(heard).toEqual(['xyz', null]);
  });
});
