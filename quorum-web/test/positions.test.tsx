import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/http';
import type { Portfolio, StreamEvent } from '../src/api/types';
import { PositionsDashboard } from '../src/components/PositionsDashboard';
import { coalesce } from '../src/state/coalesce';
import { EMPTY_DESK, deskReducer } from '../src/state/desk';
import { validateStops } from '../src/state/validation';
import { portfolio as portfolioOf, position } from './fixtures';

describe('position update coalescing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers at most ten updates a second and always ends on the newest', () => {
    const delivered: number[] = [];
    const updates = coalesce<number>(100, (value) => delivered.push(value));
    // 1,000 ticks over one second: one every millisecond.
    for (let tick = 1; tick <= 1000; tick++) {
      updates.push(tick);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    expect(delivered.length).toBeLessThanOrEqual(11);
    expect(delivered.length).toBeGreaterThanOrEqual(10);
    expect(delivered[delivered.length - 1]).toBe(1000);
    for (let i = 1; i < delivered.length; i++) expect(delivered[i]).toBeGreaterThan(delivered[i - 1]);
  });

  it('sends the first update of a quiet period at once', () => {
    const delivered: string[] = [];
    const updates = coalesce<string>(100, (value) => delivered.push(value));
    updates.push('first');
    expect(delivered).toEqual(['first']);
    updates.push('second');
    updates.push('third');
    expect(delivered).toEqual(['first']);
    vi.advanceTimersByTime(100);
    expect(delivered).toEqual(['first', 'third']);
  });

  it('drops a pending update once cancelled', () => {
    const delivered: number[] = [];
    const updates = coalesce<number>(100, (value) => delivered.push(value));
    updates.push(1);
    updates.push(2);
    updates.cancel();
    vi.advanceTimersByTime(500);
    expect(delivered).toEqual([1]);
  });
});

describe('desk state', () => {
  const event = (type: StreamEvent['type'], seq: number, data: unknown): StreamEvent => ({ type, seq, sessionId: 's1', time: '2025-03-03T14:31:00Z', data });

  it('keeps a price history per ticker from position updates for the sparklines', () => {
    const snapshot = (price: string): Portfolio => portfolioOf({ positions: [position({ currentPrice: price })], dailyPnl: '10', totalPnl: '20' });
    let state = deskReducer(EMPTY_DESK, { kind: 'portfolio', portfolio: snapshot('180.00') });
    state = deskReducer(state, { kind: 'events', events: [event('position_update', 5, snapshot('181.50')), event('position_update', 5, snapshot('179.25'))] });
    expect(state.priceHistory.AAPL).toEqual([180, 181.5, 179.25]);
    expect(state.portfolio?.positions[0].currentPrice).toBe('179.25');
  });
});

describe('stop validation', () => {
  it('keeps a long position’s stop below and its target above the price', () => {
    expect(validateStops('LONG', 180, { stopLoss: '181', takeProfit: '179', trailingStopPct: '' })).toEqual({
      stopLoss: 'A long position’s stop must be below the current price.',
      takeProfit: 'A long position’s target must be above the current price.',
    });
    expect(validateStops('LONG', 180, { stopLoss: '175', takeProfit: '190', trailingStopPct: '2.5' })).toEqual({});
  });

  it('keeps a short position’s stop above and its target below the price', () => {
    expect(Object.keys(validateStops('SHORT', 180, { stopLoss: '175', takeProfit: '190', trailingStopPct: '' }))).toEqual(['stopLoss', 'takeProfit']);
    expect(validateStops('SHORT', 180, { stopLoss: '185', takeProfit: '170', trailingStopPct: '' })).toEqual({});
  });

  it('refuses a trailing stop outside (0, 100)', () => {
    expect(Object.keys(validateStops('LONG', 180, { stopLoss: '', takeProfit: '', trailingStopPct: '0' }))).toEqual(['trailingStopPct']);
  });
});

describe('PositionsDashboard', () => {
  const portfolio: Portfolio = portfolioOf({ dailyPnl: '-42.10', totalPnl: '180.00' });

  function renderDashboard(overrides: Partial<Parameters<typeof PositionsDashboard>[0]> = {}) {
    const props = {
      portfolio,
      priceHistory: { AAPL: [178, 179, 180] },
      onClose: vi.fn(async () => undefined),
      onChangeStops: vi.fn(async () => undefined),
      ...overrides,
    };
    render(<PositionsDashboard {...props} />);
    return props;
  }

  it('shows daily and total P&L and each position’s price, quantity, entry and P&L', () => {
    renderDashboard();
    expect(screen.getByLabelText('Daily P&L')).toHaveTextContent('-$42.10');
    expect(screen.getByLabelText('Daily P&L')).toHaveClass('down');
    expect(screen.getByLabelText('Total P&L')).toHaveTextContent('+$180.00');
    const card = within(screen.getByRole('article', { name: 'AAPL position' }));
    expect(card.getByLabelText('AAPL price')).toHaveTextContent('180.00');
    expect(card.getByText('120')).toBeInTheDocument();
    expect(card.getByText('178.50')).toBeInTheDocument();
    expect(card.getByText('+0.84%')).toBeInTheDocument();
    expect(card.getByRole('img', { name: 'AAPL recent prices: rising' })).toBeInTheDocument();
  });

  it('closes a position only after confirmation', async () => {
    const user = userEvent.setup();
    const props = renderDashboard();
    await user.click(screen.getByRole('button', { name: 'Close AAPL position' }));
    expect(screen.getByRole('alertdialog', { name: 'Close AAPL?' })).toHaveTextContent('Sell 120 AAPL at market');
    expect(props.onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Close position' }));
    await waitFor(() => expect(props.onClose).toHaveBeenCalledWith('AAPL'));
  });

  it('refuses a stop above a long position’s price, then sends a valid one, and shows the server’s field refusal', async () => {
    const user = userEvent.setup();
    const onChangeStops = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(400, { status: 400, errors: [{ field: 'takeProfit', message: 'beyond the price collar' }] }))
      .mockResolvedValue(undefined);
    renderDashboard({ onChangeStops });
    await user.click(screen.getByRole('button', { name: 'Edit AAPL stops' }));
    const stop = screen.getByLabelText('Stop loss');
    await user.clear(stop);
    await user.type(stop, '182');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('A long position’s stop must be below the current price.')).toBeInTheDocument();
    expect(onChangeStops).not.toHaveBeenCalled();

    await user.clear(stop);
    await user.type(stop, '176.50');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onChangeStops).toHaveBeenCalledWith('AAPL', { stopLoss: '176.50', takeProfit: '190.00', trailingStopPct: null });
    expect(await screen.findByText('beyond the price collar')).toBeInTheDocument();

    expect(screen.getByRole('form', { name: 'AAPL stops' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onChangeStops).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'AAPL stops' })).not.toBeInTheDocument());
  });
});
