import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/http';
import type { BrokerAccount, TicketReceipt } from '../src/api/types';
import { AccountPanel } from '../src/components/AccountPanel';
import { BrokerBadge, BrokerBanner } from '../src/components/BrokerBanner';
import { OrderTicket } from '../src/components/OrderTicket';
import { EMPTY_TICKET, toTicketRequest, validateTicket } from '../src/state/ticket';

// The shape GET /api/broker answers (docs/api.md).
const paper: BrokerAccount = {
  broker: 'paper',
  brokerName: 'Paper broker',
  live: false,
  awaitingLiveConfirmation: false,
  accountNumber: 'PAPER',
  cash: '58000.00',
  buyingPower: '116000.00',
  equity: '100250.10',
  asOf: '2025-03-03T15:00:05Z',
  orders: [
    {
      clientOrderId: 'm-2',
      ticker: 'AAPL',
      side: 'BUY',
      quantity: 10,
      type: 'LIMIT',
      limitPrice: '178.00',
      state: 'PARTIALLY_FILLED',
      filledQuantity: 4,
      averagePrice: '177.9500',
      stopsKeptBy: 'DESK',
      bracketLeg: null,
      stopLoss: null,
      takeProfit: null,
      updatedAt: '2025-03-03T15:00:04Z',
    },
    {
      clientOrderId: 'q-1',
      ticker: 'AAPL',
      side: 'BUY',
      quantity: 25,
      type: 'MARKET',
      limitPrice: null,
      state: 'FILLED',
      filledQuantity: 25,
      averagePrice: '178.0100',
      stopsKeptBy: 'VENUE',
      bracketLeg: null,
      stopLoss: '170.00',
      takeProfit: '195.00',
      updatedAt: '2025-03-03T15:00:01Z',
    },
    {
      clientOrderId: 'q-1:sl',
      ticker: 'AAPL',
      side: 'SELL',
      quantity: 25,
      type: 'STOP',
      limitPrice: null,
      state: 'ACCEPTED',
      filledQuantity: 0,
      averagePrice: null,
      stopsKeptBy: 'VENUE',
      bracketLeg: 'STOP_LOSS',
      stopLoss: null,
      takeProfit: null,
      updatedAt: '2025-03-03T15:00:01Z',
    },
  ],
};
const live: BrokerAccount = { ...paper, broker: 'alpaca', brokerName: 'Alpaca', live: true, awaitingLiveConfirmation: true, accountNumber: '…2WQ1' };

describe('the account panel', () => {
  it('shows the broker, paper, the money and each order in the venue’s words with who keeps its stops', () => {
    render(<AccountPanel account={paper} error={null} />);
    const panel = screen.getByRole('region', { name: 'Account' });
    expect(panel).toHaveTextContent('Paper broker · paper · PAPER');
    expect(within(panel).getByText('Buying power').nextSibling).toHaveTextContent('$116,000.00');
    expect(panel).toHaveTextContent(/As the broker reported it on Mar 3, 10:00:05/);
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('partially filled');
    expect(rows[0]).toHaveTextContent('4/10');
    expect(rows[0]).toHaveTextContent('desk');
    expect(rows[1]).toHaveTextContent('filled');
    expect(rows[1]).toHaveTextContent('venue (bracket)');
    expect(rows[2]).toHaveTextContent('venue (stop-loss leg)');
    expect(within(rows[2]).getByTitle('the stop-loss the venue works for q-1')).toBeInTheDocument();
  });

  it('keeps the last figures and says why they are old when a read fails', () => {
    render(<AccountPanel account={paper} error="HTTP 503" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Figures as last read: HTTP 503');
    expect(screen.getByText('Cash').nextSibling).toHaveTextContent('$58,000.00');
  });
});

describe('the live banner', () => {
  it('shows nothing on paper but a quiet badge', () => {
    const { container } = render(<BrokerBanner account={paper} onConfirm={vi.fn()} />);
    expect(container).toBeEmptyDOMElement();
    render(<BrokerBadge account={paper} />);
    expect(screen.getByText('paper')).toHaveClass('badge-muted');
  });

  it('is red and asks for the number until it is confirmed', () => {
    const { rerender } = render(<BrokerBanner account={live} onConfirm={vi.fn()} />);
    const banner = screen.getByRole('region', { name: 'Live trading' });
    expect(banner).toHaveClass('live-banner');
    expect(banner).toHaveTextContent('LIVE');
    expect(banner).toHaveTextContent('Real money: Alpaca account …2WQ1');
    expect(within(banner).getByLabelText(/type this account’s number/)).toBeInTheDocument();

    rerender(<BrokerBanner account={{ ...live, awaitingLiveConfirmation: false }} onConfirm={vi.fn()} />);
    expect(screen.getByRole('region', { name: 'Live trading' })).toHaveTextContent('LIVE');
    expect(screen.queryByLabelText(/type this account’s number/)).toBeNull();
  });

  it('says the desk’s sentence when the number is wrong', async () => {
    const sentence = 'That is not the number of the account the desk trades: copy it from your broker’s account page and type it again.';
    const onConfirm = vi.fn().mockRejectedValue(new ApiError(422, { status: 422, title: 'Invalid', errors: [{ field: 'accountNumber', message: sentence }] }));
    render(<BrokerBanner account={live} onConfirm={onConfirm} />);

    fireEvent.change(screen.getByLabelText(/type this account’s number/), { target: { value: ' PA9 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start live trading' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(sentence));
    expect(onConfirm).toHaveBeenCalledWith('PA9');
  });
});

describe('the order ticket', () => {
  it('bounds every number before anything is sent', () => {
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '0' }).quantity).toBe('whole shares from 1 to 1,000,000');
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '1000001' }).quantity).toBeDefined();
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '1.5' }).quantity).toBeDefined();
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '10', type: 'LIMIT' }).limitPrice).toBe('required for a limit order');
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '10', stopLoss: '1E+30' }).stopLoss).toContain('at most 4 decimal places');
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '10', stopLoss: '95.12345' }).stopLoss).toBeDefined();
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '10', stopLoss: '0' }).stopLoss).toBe('must be above 0');
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '10', takeProfit: '1000000.01' }).takeProfit).toBeDefined();
    expect(validateTicket({ ...EMPTY_TICKET, quantity: '10', stopLoss: '110', takeProfit: '100' }).takeProfit).toBe('a buy’s target must be above its stop-loss');
    expect(validateTicket({ ...EMPTY_TICKET, side: 'SELL', quantity: '10', stopLoss: '110', takeProfit: '100' })).toEqual({});
    expect(toTicketRequest({ ...EMPTY_TICKET, quantity: ' 10 ', limitPrice: '99' })).toEqual({
      side: 'BUY', type: 'MARKET', quantity: 10, limitPrice: null, stopLoss: null, takeProfit: null,
    });
  });

  it('sends a limit order and says who keeps its stops', async () => {
    const receipt: TicketReceipt = { outcome: 'SENT', clientOrderId: 'm-7', stopsKeptBy: 'VENUE', reason: null, sentence: null };
    const onSend = vi.fn().mockResolvedValue(receipt);
    render(<OrderTicket tickers={['AAPL']} onSend={onSend} />);

    fireEvent.click(screen.getByLabelText('Limit'));
    fireEvent.change(screen.getByLabelText('Shares'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Limit price'), { target: { value: '178.50' } });
    fireEvent.change(screen.getByLabelText('Stop-loss (optional)'), { target: { value: '170' } });
    fireEvent.change(screen.getByLabelText('Target (optional)'), { target: { value: '195' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buy 10 AAPL at $178.50 or better' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Sent as m-7; its stops are kept by the venue, as a bracket.'));
    expect(onSend).toHaveBeenCalledWith({ ticker: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: '178.50', stopLoss: '170', takeProfit: '195' });
    expect(screen.queryByLabelText('Ticker')).toBeNull();
  });

  it('trades any ticker of the watchlist, the session’s own unless another is picked', async () => {
    const onSend = vi.fn().mockResolvedValue({ outcome: 'SENT', clientOrderId: 'm-8', stopsKeptBy: 'DESK', reason: null, sentence: null });
    render(<OrderTicket tickers={['AAPL', 'MSFT']} onSend={onSend} />);

    expect(screen.getByLabelText('Ticker')).toHaveValue('AAPL');
    fireEvent.change(screen.getByLabelText('Ticker'), { target: { value: 'MSFT' } });
    fireEvent.change(screen.getByLabelText('Shares'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buy 3 MSFT at market' }));

    await waitFor(() => expect(onSend).toHaveBeenCalledWith(expect.objectContaining({ ticker: 'MSFT', quantity: 3 })));
  });

  it('shows the risk engine’s refusal in its own words and sends nothing when a field is wrong', async () => {
    const onSend = vi.fn().mockResolvedValue({ outcome: 'REFUSED', clientOrderId: null, stopsKeptBy: null, reason: 'AUTO_TRADING_DISABLED', sentence: 'Refused: auto-trading is switched off' });
    render(<OrderTicket tickers={['AAPL']} onSend={onSend} />);

    fireEvent.change(screen.getByLabelText('Shares'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: /Buy 0 AAPL/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('whole shares from 1 to 1,000,000');
    expect(onSend).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Shares'), { target: { value: '5' } });
    fireEvent.click(screen.getByLabelText('Sell'));
    fireEvent.click(screen.getByRole('button', { name: 'Sell 5 AAPL at market' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Not sent: Refused: auto-trading is switched off'));
  });
});
