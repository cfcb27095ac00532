import { useState, type FormEvent } from 'react';
import type { Session } from '../api/types';
import { useAction } from '../state/useAction';
import { tickerSymbol } from '../state/validation';
import { Field } from './Field';

interface WatchlistPanelProps {
  session: Session;
  /** The ticker the chart shows, so that its chip reads as chosen. */
  charted: string | null;
  onAdd: (ticker: string) => Promise<void>;
  onRemove: (ticker: string) => Promise<void>;
  /** Shows the ticker's chart. */
  onChart: (ticker: string) => void;
}

/**
 * The tickers the session watches and trades: its own (which stays) and those the user adds while
 * it runs, each with five agents of its own. A ticker comes off only once nothing of it is held or
 * working; the desk says why when it does not.
 */
export function WatchlistPanel({ session, charted, onAdd, onRemove, onChart }: WatchlistPanelProps) {
  const [symbol, setSymbol] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const { busy, error, act } = useAction();
  const watchlist = session.watchlist ?? [session.ticker];
  const stopped = session.state === 'STOPPED';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ticker = tickerSymbol(symbol);
    if (!ticker) {
      setInvalid('a ticker symbol such as MSFT');
      return;
    }
    setInvalid(undefined);
    if (await act(() => onAdd(ticker))) setSymbol('');
  };

  return (
    <section className="panel watchlist" aria-label="Watchlist">
      <header className="panel-header">
        <h2>Watchlist</h2>
        <span className="muted small">
          {watchlist.length} {watchlist.length === 1 ? 'ticker' : 'tickers'}, each with its five agents
        </span>
      </header>
      <ul className="chips watchlist-chips">
        {watchlist.map((ticker) => (
          <li key={ticker} className="watchlist-item">
            <button type="button" className="chip" aria-pressed={charted === ticker} onClick={() => onChart(ticker)} title={`Show ${ticker}'s chart`}>
              {ticker}
              {ticker === session.ticker && <span className="muted"> · own</span>}
            </button>
            {ticker !== session.ticker && (
              <button type="button" className="chip chip-remove" aria-label={`Take ${ticker} off the watchlist`} disabled={busy} onClick={() => void act(() => onRemove(ticker))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!stopped && (
        <form className="watchlist-add" onSubmit={add} noValidate>
          <Field label="Add a ticker" value={symbol} error={invalid} onValue={setSymbol} maxLength={10} autoCapitalize="characters" spellCheck={false} />
          <button type="submit" className="btn btn-small" disabled={busy}>
            Watch
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
