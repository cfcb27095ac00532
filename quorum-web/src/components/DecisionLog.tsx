import { Fragment, useCallback, useEffect, useState } from 'react';
import { messageOf, type ApiClient } from '../api/http';
import { OUTCOMES, type DecisionEntry } from '../api/types';
import { formatCount, formatPrice, groupDigits, titleCase } from '../format';
import { priceMovedNote } from '../state/priceMoved';
import { useDeskTimeFormat } from '../state/deskTimeZone';
import { VoteChip, outcomeLabel } from './agents';
import { saveFile } from '../download';

interface DecisionLogProps {
  api: ApiClient;
  sessionId: string;
  /** Changes when a decision or its order's fill is streamed, so the page shown refreshes. */
  changedAtSeq: number;
  /** A decision to open and show, by its proposal (a chart marker's); a new `at` shows it again. */
  shown?: { proposalId: string; at: number } | null;
}

const PAGE = 50;

/** Every decision of the session, filtered server-side, each opening to its votes and orders; exportable. */
export function DecisionLog({ api, sessionId, changedAtSeq, shown }: DecisionLogProps) {
  const deskTime = useDeskTimeFormat();
  const [ticker, setTicker] = useState('');
  const [outcome, setOutcome] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: DecisionEntry[]; total: number }>({ items: [], total: 0 });
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      const result = await api.decisions(sessionId, {
        ticker: ticker.trim().toUpperCase() || undefined,
        outcome: outcome || undefined,
        from: from ? `${from}T00:00:00Z` : undefined,
        to: to ? `${to}T23:59:59Z` : undefined,
        limit: PAGE,
        offset,
      });
      setPage(result);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api, sessionId, ticker, outcome, from, to, offset]);

  useEffect(() => {
    void load();
  }, [load, changedAtSeq]);

  // A marker's decision: found page by page in the unfiltered log, opened, and scrolled to.
  useEffect(() => {
    if (!shown) return;
    let alive = true;
    void (async () => {
      try {
        for (let pageStart = 0; alive; pageStart += PAGE) {
          const result = await api.decisions(sessionId, { limit: PAGE, offset: pageStart });
          const entry = result.items.find((item) => item.proposalId === shown.proposalId);
          if (entry && alive) {
            setTicker('');
            setOutcome('');
            setFrom('');
            setTo('');
            setOffset(pageStart);
            setOpen((current) => new Set(current).add(entry.seq));
            setFocused(entry.seq);
            return;
          }
          if (pageStart + PAGE >= result.total) return;
        }
      } catch (e) {
        if (alive) setError(messageOf(e));
      }
    })();
    return () => {
      alive = false;
    };
  }, [api, sessionId, shown]);
  const focusedRow = useCallback((row: HTMLTableRowElement | null) => row?.scrollIntoView?.({ block: 'nearest' }), []);

  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  const exportCsv = async () => {
    try {
      saveFile(await api.exportDecisions(sessionId, 'csv'), `quorum-decisions-${sessionId}.csv`);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const resetPage = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setOffset(0);
  };

  return (
    <section className="panel decision-log" aria-label="Decision log">
      <header className="panel-header">
        <h2>Decision log</h2>
        <span className="muted small">
          {page.total} decision{page.total === 1 ? '' : 's'}
        </span>
        <button type="button" className="btn btn-small" onClick={exportCsv}>
          Export CSV
        </button>
      </header>
      <form className="filters row gap wrap" onSubmit={(event) => event.preventDefault()} aria-label="Decision filters">
        <label>
          Ticker
          <input value={ticker} onChange={(e) => resetPage(setTicker)(e.target.value)} placeholder="any" size={6} />
        </label>
        <label>
          Outcome
          <select value={outcome} onChange={(e) => resetPage(setOutcome)(e.target.value)}>
            <option value="">any</option>
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {outcomeLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(e) => resetPage(setFrom)(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => resetPage(setTo)(e.target.value)} />
        </label>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll">
        <table className="decisions">
          <thead>
            <tr>
              <th scope="col" aria-label="Details" />
              <th scope="col">Time</th>
              <th scope="col">Ticker</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Tally</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((entry) => (
              <Fragment key={entry.seq}>
                <tr className={`outcome-${entry.outcome}`} data-focused={focused === entry.seq} ref={focused === entry.seq ? focusedRow : undefined}>
                  <td>
                    <button type="button" className="link-button" aria-expanded={open.has(entry.seq)} aria-label={`Details of decision ${entry.seq}`} onClick={() => toggle(entry.seq)}>
                      {open.has(entry.seq) ? '▾' : '▸'}
                    </button>
                  </td>
                  <td>{deskTime(entry.time)}</td>
                  <td>{entry.ticker}</td>
                  <td>{titleCase(entry.action)}</td>
                  <td>
                    <span className="outcome-label">{outcomeLabel(entry.outcome)}</span>
                  </td>
                  <td>
                    {entry.tally.approvals}/{entry.tally.voters} (q{entry.tally.quorum})
                  </td>
                </tr>
                {open.has(entry.seq) && (
                  <tr className="details">
                    <td colSpan={6}>
                      <p>{groupDigits(entry.text)}</p>
                      <p className="small muted">
                        Terms: {entry.terms.direction} {entry.terms.size.amount} {entry.terms.size.unit === 'SHARES' ? 'sh' : '% of position'} @ {formatPrice(entry.terms.entry)}, stop{' '}
                        {formatPrice(entry.terms.stop)}, target {formatPrice(entry.terms.target)}
                      </p>
                      <ul className="vote-list">
                        {entry.votes.map((vote) => (
                          <li key={vote.voter}>
                            <span className="vote-voter">{titleCase(vote.voter)}</span> <VoteChip choice={vote.choice} /> {vote.received ? vote.reason : 'no answer in time'}
                          </li>
                        ))}
                      </ul>
                      {entry.orders.length > 0 ? (
                        <ul className="orders">
                          {entry.orders.map((order) => (
                            <li key={order.clientOrderId}>
                              {order.side === null || order.quantity === null ? 'not sent' : `${order.side} ${formatCount(order.quantity)}`} · {order.status}
                              {order.refusal && `: ${order.refusal}`} · {order.clientOrderId}
                              {order.fills.map((fill, i) => {
                                const moved = priceMovedNote(entry.terms.entry, fill.price);
                                return (
                                  <span key={i} className="muted small">
                                    {' '}
                                    fill {formatCount(fill.quantity)} @ {formatPrice(fill.price)}
                                    {moved && (
                                      <span className="price-moved" role="note">
                                        {' '}
                                        {moved}
                                      </span>
                                    )}
                                  </span>
                                );
                              })}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p className="muted small">No order.</p>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row gap pager">
        <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Newer
        </button>
        <span className="muted small">
          {page.total === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE, page.total)} of {page.total}
        </span>
        <button type="button" className="btn btn-small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
          Older
        </button>
      </div>
    </section>
  );
}
