import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchLike } from '../src/api/http';
import type { DecisionEntry } from '../src/api/types';
import { AlertCenter } from '../src/components/AlertCenter';
import { DecisionLog } from '../src/components/DecisionLog';
import type { AlertItem } from '../src/state/desk';

function entry(seq: number, outcome: DecisionEntry['outcome']): DecisionEntry {
  return {
    seq,
    time: '2026-11-25T15:18:00Z',
    proposalId: `p${seq}`,
    ticker: 'AAPL',
    action: 'OPEN_SHORT',
    outcome,
    tally: { approvals: 4, rejections: 0, abstentions: 1, vetoed: false, quorum: 3, voters: 5 },
    votes: [],
    terms: {
      id: `p${seq}`,
      action: 'OPEN_SHORT',
      ticker: 'AAPL',
      direction: 'SHORT',
      size: { unit: 'SHARES', amount: '117' },
      entry: '187.25',
      stop: '195.79',
      target: '174.44',
      trailingStopPct: null,
      rationale: 'bearish MACD',
      text: 'Sell short 117 AAPL',
      notional: '21908.25',
    },
    text: 'Approved',
    orders: [],
  };
}

describe('DecisionLog', () => {
  it('reloads from the server when a DECISION message arrives, instead of building entries itself', async () => {
    const server: DecisionEntry[] = [entry(20, 'APPROVED')];
    const asked: string[] = [];
    const fetcher: FetchLike = async (url) => {
      asked.push(url);
      return new Response(JSON.stringify({ items: [...server].reverse(), total: server.length }), { status: 200 });
    };
    const api = new ApiClient('t', fetcher);
    const { rerender } = render(<DecisionLog api={api} sessionId="s1" changedAtSeq={20} />);
    expect(await screen.findByText('1 decision')).toBeInTheDocument();

    server.push(entry(57, 'VETOED'));
    rerender(<DecisionLog api={api} sessionId="s1" changedAtSeq={57} />);
    expect(await screen.findByText('2 decisions')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('.outcome-label')?.textContent)).toEqual(['Vetoed', 'Approved']);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe('/api/sessions/s1/decisions?limit=50&offset=0');
  });

  it('shows the fill of an approved decision once its order has filled, though the decision came first', async () => {
    const approved = entry(20, 'APPROVED');
    let answer: DecisionEntry = approved;
    const api = new ApiClient('t', async () => new Response(JSON.stringify({ items: [answer], total: 1 }), { status: 200 }));
    const { rerender } = render(<DecisionLog api={api} sessionId="s1" changedAtSeq={20} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Details of decision 20' }));
    expect(screen.getByText('No order.')).toBeInTheDocument();

    answer = { ...approved, orders: [{ clientOrderId: 'q-p20', side: 'SELL', quantity: 117, status: 'FILLED', refusal: null, fills: [{ price: '187.04', quantity: 117, time: '2026-11-25T15:18:01Z' }] }] };
    rerender(<DecisionLog api={api} sessionId="s1" changedAtSeq={23} />);
    expect(await screen.findByText(/SELL 117 · FILLED · q-p20/)).toHaveTextContent('fill 117 @ 187.04');
    expect(screen.queryByText('No order.')).not.toBeInTheDocument();
  });

  it('says why an approved decision sent no order when the desk refused it before sending', async () => {
    const refused: DecisionEntry = {
      ...entry(20, 'APPROVED'),
      orders: [{ clientOrderId: 'q-p20', side: null, quantity: null, status: 'REJECTED', refusal: 'the maximum trades per day is reached (10 of 10)', fills: [] }],
    };
    const api = new ApiClient('t', async () => new Response(JSON.stringify({ items: [refused], total: 1 }), { status: 200 }));
    render(<DecisionLog api={api} sessionId="s1" changedAtSeq={20} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Details of decision 20' }));

    expect(screen.getByText(/not sent · REJECTED/)).toHaveTextContent('not sent · REJECTED: the maximum trades per day is reached (10 of 10) · q-p20');
  });
});

describe('DecisionLog, asked by a chart marker', () => {
  it('finds the marker’s decision on whichever page it is, with the filters cleared, and opens it', async () => {
    // 120 decisions, newest first: p5 is on the third page of 50.
    const all = Array.from({ length: 120 }, (_, i) => entry(120 - i, 'APPROVED'));
    const api = new ApiClient('t', async (url) => {
      const query = new URL(url, 'http://desk').searchParams;
      const offset = Number(query.get('offset'));
      const matching = query.get('outcome') ? [] : all;
      return new Response(JSON.stringify({ items: matching.slice(offset, offset + 50), total: matching.length }), { status: 200 });
    });
    const { rerender } = render(<DecisionLog api={api} sessionId="s1" changedAtSeq={0} />);
    await screen.findByText('120 decisions');
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'VETOED');
    await screen.findByText('0 decisions');

    rerender(<DecisionLog api={api} sessionId="s1" changedAtSeq={0} shown={{ proposalId: 'p5', at: 1 }} />);
    const details = await screen.findByRole('button', { name: 'Details of decision 5' });
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('Outcome')).toHaveValue('');
    expect(screen.getByText('101–120 of 120')).toBeInTheDocument();
    expect(details.closest('tr')).toHaveAttribute('data-focused', 'true');
  });
});

describe('AlertCenter', () => {
  const alert = (seq: number, live: boolean, severity: AlertItem['severity'] = 'INFO'): AlertItem => ({
    key: `alert-${seq}`,
    seq,
    category: 'market',
    severity,
    title: `alert ${seq}`,
    text: `text ${seq}`,
    // The desk's clock: far from the wall's on a simulated market, so freshness cannot be judged by time.
    time: '2026-11-25T15:18:00Z',
    live,
  });

  it('pops up only what arrived while the page was open, and counts every unread alert', async () => {
    sessionStorage.clear();
    const { rerender } = render(<AlertCenter alerts={[alert(8, false), alert(9, false)]} sessionId="s1" />);
    expect(screen.queryByText(/Market · alert/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Alerts, 2 unread' })).toBeInTheDocument();

    await act(async () => rerender(<AlertCenter alerts={[alert(8, false), alert(9, false), alert(31, true, 'CRITICAL')]} sessionId="s1" />));
    expect(screen.getByRole('alert')).toHaveTextContent('Market · alert 31');
    expect(screen.queryByText('Market · alert 9')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Alerts, 3 unread' })).toBeInTheDocument();
  });
});
