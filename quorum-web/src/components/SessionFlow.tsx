import { useEffect, useState } from 'react';
import { listenForShortcuts } from '../state/shortcuts';
import { messageOf } from '../api/http';
import type { Position, Proposal, Session, TickerMatch } from '../api/types';
import { formatCount, formatMoney, formatPrice, sessionStateLabel, titleCase } from '../format';
import type { ReasoningLine, Verdict } from '../state/desk';
import { agentLook, outcomeLabel } from './agents';
import { ConfirmDialog } from './ConfirmDialog';
import { useAction } from '../state/useAction';
import { tickerSymbol } from '../state/validation';

interface SessionFlowProps {
  session: Session | null;
  /** What the session holds in its ticker now, as the portfolio last said; none when flat. */
  position?: Position;
  reasoning: readonly ReasoningLine[];
  /** The desk's vote on the proposal shown, when it has been decided. */
  verdict?: Verdict;
  onCreate: (ticker: string) => Promise<unknown>;
  /** The tickers the market-data feed offers for what was typed, for the ticker box's suggestions. */
  searchTickers: (query: string) => Promise<TickerMatch[]>;
  /** Answers name the proposal they answer: the desk refuses an answer to a card it has since replaced. */
  onApprove: (proposalId: string) => Promise<unknown>;
  onReject: (proposalId: string, reason: string) => Promise<unknown>;
  onStop: () => Promise<unknown>;
  /** Puts away a stopped session with nothing open; the desk refuses while it still holds a position. */
  onArchive: () => Promise<unknown>;
}


/** Ticker → analysis streaming in → proposal card → approve, or reject with a reason and get a new one. */
export function SessionFlow({ session, position, reasoning, verdict, onCreate, searchTickers, onApprove, onReject, onStop, onArchive }: SessionFlowProps) {
  return (
    <section className="panel flow-panel" aria-label="Analysis and proposal">
      <NewAnalysis onCreate={onCreate} searchTickers={searchTickers} />
      {session && <SessionStage session={session} position={position} reasoning={reasoning} verdict={verdict} onApprove={onApprove} onReject={onReject} onStop={onStop} onArchive={onArchive} />}
    </section>
  );
}

/** How long the box waits after the last key before it asks the feed, so that typing "NVDA" asks once. */
const SEARCH_DELAY_MS = 150;

function NewAnalysis({ onCreate, searchTickers }: Pick<SessionFlowProps, 'onCreate' | 'searchTickers'>) {
  const [ticker, setTicker] = useState('');
  const [suggestions, setSuggestions] = useState<TickerMatch[]>([]);
  const { busy, error, setError, act } = useAction();

  useEffect(() => {
    const query = ticker.trim();
    if (!query) {
      setSuggestions([]);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      // A failed search leaves the box as it is: the server still answers the symbol when it is sent.
      searchTickers(query).then((found) => current && setSuggestions(found), () => undefined);
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [ticker, searchTickers]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const symbol = tickerSymbol(ticker);
    if (!symbol) {
      setError('Enter a ticker symbol, e.g. AAPL.');
      return;
    }
    if (await act(() => onCreate(symbol))) setTicker('');
  };

  return (
    <form className="new-analysis" onSubmit={submit} noValidate aria-label="New analysis">
      <label htmlFor="ticker-input">Analyse a ticker</label>
      <div className="row gap">
        <input
          id="ticker-input"
          value={ticker}
          onChange={(e) => setTicker(e.target.value.toUpperCase())}
          placeholder="AAPL"
          list="ticker-suggestions"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ticker-error' : undefined}
        />
        <datalist id="ticker-suggestions" data-testid="ticker-suggestions">
          {suggestions.map((match) => (
            <option key={match.symbol} value={match.symbol} label={[match.name, match.exchange].filter((part) => part && part !== match.symbol).join(' · ') || match.symbol} />
          ))}
        </datalist>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Analyse
        </button>
      </div>
      {error && (
        <span id="ticker-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function SessionStage({ session, position, reasoning, verdict, onApprove, onReject, onStop, onArchive }: Omit<SessionFlowProps, 'onCreate' | 'searchTickers' | 'session'> & { session: Session }) {
  const [confirmStop, setConfirmStop] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const analysing = session.state === 'ANALYZING' || session.state === 'RE_ANALYZING';

  const stop = async () => {
    setConfirmStop(false);
    try {
      await onStop();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="stage">
      <div className="row between">
        <h2>
          {session.ticker} <span className={`badge state-${session.state}`}>{sessionStateLabel(session)}</span>
          {session.trading.state !== 'ACTIVE' && (
            <span className="badge badge-danger" title={session.trading.reason ?? undefined}>
              {session.trading.state === 'REDUCING' ? 'Reducing only' : 'Halted'}
            </span>
          )}
        </h2>
        {session.state !== 'STOPPED' && (
          <button type="button" className="btn btn-small" onClick={() => setConfirmStop(true)}>
            Stop session
          </button>
        )}
        {session.state === 'STOPPED' && <ArchiveButton hasPosition={position !== undefined && position !== null} onArchive={onArchive} />}
      </div>
      {analysing && (
        <div className="analysis" aria-live="polite" aria-busy="true">
          <p className="muted">
            <span className="spinner" aria-hidden="true" /> {session.state === 'RE_ANALYZING' ? 'Re-analysing with your feedback…' : 'The desk is analysing…'}
          </p>
          <ReasoningList lines={reasoning.slice(-8)} />
        </div>
      )}
      {session.state === 'PROPOSAL' && session.proposal && <ProposalCard proposal={session.proposal} verdict={verdict} onApprove={onApprove} onReject={onReject} />}
      {session.state === 'AUTO_TRADING' && (
        <>
          {session.autoTrading.enabled ? (
            <p className="up">Approved. Auto-trading is on: the desk manages {session.ticker} within your limits.</p>
          ) : (
            <p className="muted">Approved. Auto-trading is off: the desk places no new order until you switch it on; stops and targets of open positions still run.</p>
          )}
          <HeldNow ticker={session.ticker} position={position} />
        </>
      )}
      {session.state === 'STOPPED' && <p className="muted">Session stopped{session.stopReason ? `: ${session.stopReason.replaceAll('_', ' ')}` : ''}.</p>}
      {!analysing && reasoning.length > 0 && (
        <details className="analysis-steps">
          <summary>How the desk got there ({reasoning.length} steps)</summary>
          <ReasoningList lines={reasoning} />
        </details>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirmStop && (
        <ConfirmDialog title={`Stop the ${session.ticker} session?`} confirmLabel="Stop session" danger onCancel={() => setConfirmStop(false)} onConfirm={stop}>
          <p>The desk stops trading this session. Open positions are not closed; flatten them separately if you want out.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

const RECOMMENDS: ReadonlySet<string> = new Set(['APPROVED', 'APPROVED_MODIFIED']);

/** Approving what the desk did not recommend hands it authority but places no trade: say so before the click. */
function VerdictLine({ verdict }: { verdict: Verdict }) {
  const recommends = RECOMMENDS.has(verdict.outcome);
  const tally = verdict.tally ? ` · ${verdict.tally.approvals} of ${verdict.tally.voters} approve` : '';
  return (
    <p className={`verdict ${recommends ? 'verdict-yes' : 'verdict-no'}`} role="note">
      <strong>
        Desk vote: {outcomeLabel(verdict.outcome)}
        {tally}
      </strong>
      {recommends ? ' — approving places this trade now.' : ' — approving hands the desk authority but places no trade; reject to have it analysed again.'}
    </p>
  );
}

function ReasoningList({ lines }: { lines: readonly ReasoningLine[] }) {
  return (
    <ol className="reasoning">
      {lines.map((line) => (
        <li key={line.seq}>
          {line.sender && <strong style={{ color: agentLook(line.sender).color }}>{agentLook(line.sender).name}: </strong>}
          {line.text}
        </li>
      ))}
    </ol>
  );
}

/** One labelled term of a trade, as a card shows it. */
function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The session's position as it is now, not the first trade approved: the desk may since have closed
 * it, reversed it, or the user moved its stop and target.
 */
function HeldNow({ ticker, position }: { ticker: string; position: Position | undefined }) {
  if (!position) return <p className="muted small">No open {ticker} position.</p>;
  return (
    <dl className="terms held-now" aria-label={`${ticker} held now`}>
      <Term label="Held">
        {titleCase(position.direction)} {formatCount(position.quantity)} sh
      </Term>
      <Term label="Entry">{formatPrice(position.entryPrice)}</Term>
      <Term label="Stop">{formatPrice(position.stopLoss)}</Term>
      <Term label="Target">{formatPrice(position.takeProfit)}</Term>
    </dl>
  );
}

export function ProposalCard({
  proposal,
  verdict,
  onApprove,
  onReject,
}: {
  proposal: Proposal;
  verdict?: Verdict;
  /** Answers name the proposal they answer: the desk refuses an answer to a card it has since replaced. */
  onApprove: (proposalId: string) => Promise<unknown>;
  onReject: (proposalId: string, reason: string) => Promise<unknown>;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [confirmApprove, setConfirmApprove] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, act } = useAction();

  // "a" asks to confirm the approval; "r" opens the reason to reject with. Neither acts on one key.
  useEffect(
    () =>
      listenForShortcuts((shortcut, event) => {
        if (shortcut === 'approve') setConfirmApprove(true);
        if (shortcut !== 'reject') return;
        event.preventDefault();
        setRejecting(true);
      }),
    [],
  );

  return (
    <article className="proposal-card" aria-label="Proposal">
      <header className="row between">
        <strong>
          {titleCase(proposal.action)} {proposal.ticker}
        </strong>
        <span className={`badge ${proposal.direction === 'LONG' ? 'badge-live' : 'badge-danger'}`}>{proposal.direction}</span>
      </header>
      <dl className="terms">
        <Term label="Entry">{formatPrice(proposal.entry)}</Term>
        <Term label="Stop">{formatPrice(proposal.stop)}</Term>
        <Term label="Target">{formatPrice(proposal.target)}</Term>
        <Term label="Size">{proposal.size.unit === 'SHARES' ? `${formatCount(proposal.size.amount)} sh` : `${proposal.size.amount}% of position`}</Term>
        {/* The server prices the size at the last trade, not at the proposed entry. */}
        <Term label="Notional at last price">{formatMoney(proposal.notional)}</Term>
        {proposal.trailingStopPct && (
          <Term label="Trailing">{proposal.trailingStopPct}%</Term>
        )}
      </dl>
      {verdict && <VerdictLine verdict={verdict} />}
      {rejecting ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) void act(() => onReject(proposal.id, reason.trim()));
          }}
          aria-label="Reject proposal"
        >
          <label htmlFor="reject-reason">Why reject? The desk re-analyses with your reason.</label>
          <textarea id="reject-reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required placeholder="e.g. stop too wide" />
          <div className="row gap">
            <button type="submit" className="btn btn-danger" disabled={busy || !reason.trim()}>
              Reject and re-analyse
            </button>
            <button type="button" className="btn" onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="row gap">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => act(() => onApprove(proposal.id))}>
            Approve
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => setRejecting(true)}>
            Reject…
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p>{proposal.text}</p>
      <p className="muted small">{proposal.rationale}</p>
      {confirmApprove && (
        <ConfirmDialog
          title={`Approve: ${titleCase(proposal.action)} ${proposal.ticker}?`}
          confirmLabel="Approve"
          busy={busy}
          onCancel={() => setConfirmApprove(false)}
          onConfirm={async () => {
            setConfirmApprove(false);
            await act(() => onApprove(proposal.id));
          }}
        >
          <p>{proposal.text}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}

/** Archiving puts the stopped session away; with a position still open the desk would refuse, so the button says why it is off. */
function ArchiveButton({ hasPosition, onArchive }: { hasPosition: boolean; onArchive: () => Promise<unknown> }) {
  const { busy, error, act } = useAction();
  return (
    <span className="row gap">
      <button
        type="button"
        className="btn btn-small"
        disabled={busy || hasPosition}
        title={hasPosition ? 'Close the position first: a session is archived only with nothing open.' : 'The desk forgets it; its journal is kept.'}
        onClick={() => act(onArchive)}
      >
        Archive session
      </button>
      {error && <span className="down" role="alert">{error}</span>}
    </span>
  );
}
