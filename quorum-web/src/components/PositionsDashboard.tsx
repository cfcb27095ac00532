import { memo, useState } from 'react';
import { fieldErrorsOf, messageOf } from '../api/http';
import type { Portfolio, Position, StopsChange } from '../api/types';
import { formatCount, formatMoney, formatPct, formatPrice, formatSignedMoney, num, signClass } from '../format';
import { hasErrors, toStopsChange, validateStops, type FieldErrors } from '../state/validation';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';
import { Sparkline } from './Sparkline';
import { useAction } from '../state/useAction';
import { stopsOf, type StopsForm } from '../chart/levels';

export interface PositionsDashboardProps {
  portfolio: Portfolio | null;
  priceHistory: Record<string, number[]>;
  onClose: (ticker: string) => Promise<unknown>;
  onChangeStops: (ticker: string, stops: StopsChange) => Promise<unknown>;
  onSelect?: (ticker: string) => void;
}

/** Live P&L of the session and one card per open position. */
export function PositionsDashboard({ portfolio, priceHistory, onClose, onChangeStops, onSelect }: PositionsDashboardProps) {
  const positions = portfolio?.positions ?? [];
  return (
    <section className="panel positions-panel" aria-label="Positions">
      <header className="panel-header">
        <h2>Positions</h2>
        <span className="muted small">
          {positions.length} open
        </span>
      </header>
      <div className="pnl-stats">
        <Stat label="Daily P&L" value={portfolio?.dailyPnl} signed />
        <Stat label="Total P&L" value={portfolio?.totalPnl} signed />
        <Stat label="Account equity" value={portfolio?.equity} />
        <Stat label="Account cash" value={portfolio?.cash} />
      </div>
      <p className="muted small pnl-note">
        Daily P&L is this session’s realised and unrealised P&L since the desk’s day began; a card’s P&L is its position’s since its entry, so
        the two differ by what was realised today and by a position opened before today. Account equity and cash are the whole account’s: every
        session’s positions at their last price.
      </p>
      {positions.length === 0 ? (
        <p className="empty">No open position.</p>
      ) : (
        <div className="position-cards">
          {positions.map((position) => (
            <PositionCard
              key={position.ticker}
              position={position}
              prices={priceHistory[position.ticker] ?? []}
              onClose={onClose}
              onChangeStops={onChangeStops}
              onSelect={onSelect}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function Stat({ label, value, signed }: { label: string; value: string | undefined; signed?: boolean }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className={`stat-value ${signed ? signClass(value) : ''}`} aria-label={label}>
        {signed ? formatSignedMoney(value) : formatMoney(value)}
      </span>
    </div>
  );
}

const PositionCard = memo(function PositionCard({
  position,
  prices,
  onClose,
  onChangeStops,
  onSelect,
}: {
  position: Position;
  prices: number[];
  onClose: PositionsDashboardProps['onClose'];
  onChangeStops: PositionsDashboardProps['onChangeStops'];
  onSelect?: (ticker: string) => void;
}) {
  // The stops being edited; null while the card only shows them.
  const [draft, setDraft] = useState<StopsForm | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const { busy, error, act } = useAction();

  const close = async () => {
    await act(() => onClose(position.ticker));
    setConfirmClose(false);
  };

  return (
    <article className="position-card" aria-label={`${position.ticker} position`}>
      <header className="row between">
        <button type="button" className="link-button ticker" onClick={() => onSelect?.(position.ticker)} aria-label={`Show ${position.ticker} chart`}>
          {position.ticker}
        </button>
        <span className={`badge ${position.direction === 'LONG' ? 'badge-live' : 'badge-danger'}`}>{position.direction}</span>
        <span className="price" aria-label={`${position.ticker} price`}>
          {formatPrice(position.currentPrice)}
        </span>
      </header>
      <div className="row between">
        <dl className="mini-grid">
          <div>
            <dt>Qty</dt>
            <dd>{formatCount(position.quantity)}</dd>
          </div>
          <div>
            <dt>Entry</dt>
            <dd>{formatPrice(position.entryPrice)}</dd>
          </div>
          <div>
            <dt>P&L</dt>
            <dd className={signClass(position.unrealizedPnl)}>{formatSignedMoney(position.unrealizedPnl)}</dd>
          </div>
          <div>
            <dt>P&L %</dt>
            <dd className={signClass(position.unrealizedPnlPct)}>{formatPct(position.unrealizedPnlPct)}</dd>
          </div>
        </dl>
        <Sparkline values={prices} label={`${position.ticker} recent prices`} />
      </div>
      {draft ? (
        <StopsEditor
          position={position}
          stops={draft}
          onStops={setDraft}
          onCancel={() => setDraft(null)}
          onSave={async (stops) => {
            await onChangeStops(position.ticker, stops);
            setDraft(null);
          }}
        />
      ) : (
        <div className="row between stops-line">
          <span className="small">
            Stop <strong>{formatPrice(position.stopLoss)}</strong> · Target <strong>{formatPrice(position.takeProfit)}</strong> · Trail{' '}
            <strong>{position.trailingStopPct ? `${position.trailingStopPct}%` : '—'}</strong>
          </span>
          <span className="row gap">
            <button type="button" className="btn btn-small" onClick={() => setDraft(stopsOf(position))} aria-label={`Edit ${position.ticker} stops`}>
              Edit
            </button>
            <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirmClose(true)} disabled={busy} aria-label={`Close ${position.ticker} position`}>
              Close
            </button>
          </span>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirmClose && (
        <ConfirmDialog title={`Close ${position.ticker}?`} confirmLabel="Close position" danger busy={busy} onCancel={() => setConfirmClose(false)} onConfirm={close}>
          <p>
            {position.direction === 'LONG' ? 'Sell' : 'Buy back'} {position.quantity} {position.ticker} at market (last {formatPrice(position.currentPrice)}, P&L{' '}
            {formatSignedMoney(position.unrealizedPnl)}).
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
});

interface StopsEditorProps {
  position: Position;
  /** The stops as typed (or dragged on the chart). */
  stops: StopsForm;
  onStops: (stops: StopsForm) => void;
  onSave: (stops: StopsChange) => Promise<void>;
  onCancel: () => void;
  /** Shows what is wrong before the first Save: stops dragged on the chart are checked as they move. */
  checkAtOnce?: boolean;
}

/** Inline stop/target/trailing editor; refuses stops on the wrong side of the live price before sending. */
export function StopsEditor({ position, stops, onStops, onSave, onCancel, checkAtOnce = false }: StopsEditorProps) {
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(checkAtOnce);
  const clientErrors = validateStops(position.direction, num(position.currentPrice), stops);
  const shown = (field: string) => serverErrors[field] ?? (submitted ? clientErrors[field] : undefined);

  const set = (field: keyof StopsForm, value: string) => {
    onStops({ ...stops, [field]: value });
    setServerErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(clientErrors)) return;
    try {
      await onSave(toStopsChange(stops));
    } catch (e) {
      const byField = fieldErrorsOf(e);
      setServerErrors(byField);
      if (!hasErrors(byField)) setError(messageOf(e));
    }
  };

  return (
    <form className="stops-editor" onSubmit={submit} noValidate aria-label={`${position.ticker} stops`}>
      <Field label="Stop loss" inputMode="decimal" value={stops.stopLoss} error={shown('stopLoss')} onValue={(v) => set('stopLoss', v)} />
      <Field label="Take profit" inputMode="decimal" value={stops.takeProfit} error={shown('takeProfit')} onValue={(v) => set('takeProfit', v)} />
      <Field label="Trailing %" inputMode="decimal" value={stops.trailingStopPct} error={shown('trailingStopPct')} onValue={(v) => set('trailingStopPct', v)} />
      <div className="row gap">
        <button type="submit" className="btn btn-primary btn-small">
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
