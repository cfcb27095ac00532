import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/http';
import { EXIT_REASONS, type ClosedTrade, type ExitReason } from '../api/types';
import { saveFile } from '../download';
import { formatCount, formatPct, formatPrice, formatSignedMoney, signClass } from '../format';
import { useDeskTimeFormat } from '../state/deskTimeZone';
import { useLoaded } from '../state/useLoaded';
import { ScopeChips, shownScope, type Scope } from './ScopeChips';
import { EXIT_LABEL, NO_TRADE_FILTER, filterTrades, tradesCsv, type TradeFilter, type TradeResult } from '../state/trades';

interface TradeHistoryProps {
  api: ApiClient;
  sessionId: string | null;
  /** Changes when the desk reports an execution, so the history reloads. */
  changedAt: number;
}

const NO_TRADES: ClosedTrade[] = [];

/** Closed trades of the session or of the whole account: entry, exit, P&L and why it was closed; filterable, exportable. */
export function TradeHistory({ api, sessionId, changedAt }: TradeHistoryProps) {
  const deskTime = useDeskTimeFormat();
  const [scope, setScope] = useState<Scope>(sessionId ? 'session' : 'account');
  const [filter, setFilter] = useState<TradeFilter>(NO_TRADE_FILTER);
  const scopeShown = shownScope(scope, sessionId);

  const load = useCallback(
    () => (scopeShown === 'session' && sessionId ? api.trades(sessionId) : api.accountTrades()),
    // changedAt: a new execution may have closed a trade.
    [api, sessionId, scopeShown, changedAt],
  );
  const { value: trades, error } = useLoaded<ClosedTrade[]>(load, NO_TRADES);

  const shown = useMemo(() => filterTrades(trades, filter), [trades, filter]);
  const set = <K extends keyof TradeFilter>(field: K, value: TradeFilter[K]) => setFilter((current) => ({ ...current, [field]: value }));
  const exportCsv = () => saveFile(new Blob([tradesCsv(shown)], { type: 'text/csv' }), `quorum-trades-${scopeShown === 'session' ? sessionId : 'account'}.csv`);

  return (
    <section className="panel trade-history" aria-label="Trade history">
      <header className="panel-header">
        <h2>Trade history</h2>
        <ScopeChips scope={scopeShown} hasSession={sessionId !== null} onScope={setScope} label="Trades of" />
        <span className="muted small">
          {shown.length} of {trades.length} trade{trades.length === 1 ? '' : 's'}
        </span>
        <button type="button" className="btn btn-small" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
      </header>
      <form className="filters row gap wrap" onSubmit={(event) => event.preventDefault()} aria-label="Trade filters">
        <label>
          Ticker
          <input value={filter.ticker} onChange={(e) => set('ticker', e.target.value)} placeholder="any" size={6} />
        </label>
        <label>
          Exit
          <select value={filter.exitReason} onChange={(e) => set('exitReason', e.target.value as ExitReason | '')}>
            <option value="">any</option>
            {EXIT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {EXIT_LABEL[reason]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Result
          <select value={filter.result} onChange={(e) => set('result', e.target.value as TradeResult | '')}>
            <option value="">any</option>
            <option value="won">won</option>
            <option value="lost">lost or even</option>
          </select>
        </label>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {trades.length === 0 ? (
        <p className="empty">No closed trade yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="trades">
            <thead>
              <tr>
                <th scope="col">Closed</th>
                <th scope="col">Ticker</th>
                <th scope="col">Side</th>
                <th scope="col">Qty</th>
                <th scope="col">Entry</th>
                <th scope="col">Exit</th>
                <th scope="col">P&L</th>
                <th scope="col">Exit reason</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((trade) => (
                <tr key={`${trade.exitOrderId}:${trade.closedAt}:${trade.ticker}`}>
                  <td>{deskTime(trade.closedAt)}</td>
                  <td>{trade.ticker}</td>
                  <td>{trade.direction}</td>
                  <td>{formatCount(trade.quantity)}</td>
                  <td>{formatPrice(trade.entryPrice)}</td>
                  <td>{formatPrice(trade.exitPrice)}</td>
                  <td className={signClass(trade.pnl)}>
                    {formatSignedMoney(trade.pnl)} <span className="small">({formatPct(trade.pnlPct)})</span>
                  </td>
                  <td title={trade.exitDetail}>{EXIT_LABEL[trade.exitReason]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">P&L at the fill prices, before commissions: the session’s P&L, after them, can be a few dollars less.</p>
        </div>
      )}
    </section>
  );
}
