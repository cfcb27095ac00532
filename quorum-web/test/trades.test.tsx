import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../src/api/http';
import type { ClosedTrade } from '../src/api/types';
import { TradeHistory } from '../src/components/TradeHistory';
import { NO_TRADE_FILTER, filterTrades, tradesCsv } from '../src/state/trades';

function trade(overrides: Partial<ClosedTrade> = {}): ClosedTrade {
  return {
    sessionId: 's1',
    ticker: 'AAPL',
    direction: 'LONG',
    quantity: 100,
    entryPrice: '187.00',
    exitPrice: '190.50',
    openedAt: '2025-03-03T14:30:00Z',
    closedAt: '2025-03-03T14:35:00Z',
    pnl: '350.00',
    pnlPct: '1.87',
    exitReason: 'TAKE_PROFIT',
    exitDetail: 'the take-profit target was reached',
    entryOrderIds: ['q-1'],
    exitOrderId: 'x-2',
    ...overrides,
  };
}

const won = trade();
const stopped = trade({ ticker: 'MSFT', pnl: '-120.00', pnlPct: '-0.30', exitReason: 'STOP_LOSS', exitDetail: 'the stop-loss was hit', exitOrderId: 'x-3', closedAt: '2025-03-03T15:00:00Z' });

describe('trade filters and export', () => {
  it('list the newest trade first and let through only the ticker, exit reason and result asked for', () => {
    expect(filterTrades([won, stopped], NO_TRADE_FILTER)).toEqual([stopped, won]);
    expect(filterTrades([won, stopped], { ...NO_TRADE_FILTER, ticker: 'msft' })).toEqual([stopped]);
    expect(filterTrades([won, stopped], { ...NO_TRADE_FILTER, exitReason: 'TAKE_PROFIT' })).toEqual([won]);
    expect(filterTrades([won, stopped], { ...NO_TRADE_FILTER, result: 'lost' })).toEqual([stopped]);
  });

  it('write one CSV line per trade with its fill prices as the server sent them, quoting a field with a comma', () => {
    const csv = tradesCsv([trade({ exitDetail: 'approved by the desk, confirmed by user', exitReason: 'DECISION', entryOrderIds: ['q-1', 'q-4'] })]);
    const [header, line] = csv.trimEnd().split('\r\n');
    expect(header).toBe('session,ticker,direction,quantity,opened_at,entry_fill_price,closed_at,exit_fill_price,pnl,pnl_pct,exit_reason,exit_detail,entry_orders,exit_order');
    expect(line).toBe('s1,AAPL,LONG,100,2025-03-03T14:30:00Z,187.00,2025-03-03T14:35:00Z,190.50,350.00,1.87,DECISION,"approved by the desk, confirmed by user",q-1 q-4,x-2');
  });
});

describe('TradeHistory', () => {
  const api = {
    trades: async () => [won],
    accountTrades: async () => [won, stopped],
  } as unknown as ApiClient;

  it('shows the session’s trades with entry, exit, P&L and exit reason, and the account’s on demand', async () => {
    render(<TradeHistory api={api} sessionId="s1" changedAt={0} />);
    const row = await screen.findByRole('row', { name: /AAPL/ });
    expect(row).toHaveTextContent('Mar 3, 09:35:00 EST');
    expect(row).toHaveTextContent('187.00');
    expect(row).toHaveTextContent('190.50');
    expect(row).toHaveTextContent('+$350.00');
    expect(row).toHaveTextContent('Target');
    expect(screen.queryByRole('row', { name: /MSFT/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Account' }));
    await screen.findByRole('row', { name: /MSFT/ });
    expect(within(screen.getByRole('row', { name: /MSFT/ })).getByText('Stop-loss')).toBeInTheDocument();
  });

  it('filters by exit reason', async () => {
    render(<TradeHistory api={api} sessionId={null} changedAt={0} />);
    await screen.findByRole('row', { name: /MSFT/ });
    await userEvent.selectOptions(screen.getByLabelText('Exit'), 'STOP_LOSS');
    await waitFor(() => expect(screen.queryByRole('row', { name: /AAPL/ })).toBeNull());
    expect(screen.getByText('1 of 2 trades')).toBeInTheDocument();
  });
});
