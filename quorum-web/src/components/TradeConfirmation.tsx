import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/http';
import type { PendingConfirmation } from '../api/types';
import { formatMoney } from '../format';

interface TradeConfirmationProps {
  load: () => Promise<PendingConfirmation[]>;
  onApprove: (id: string) => Promise<unknown>;
  onDeny: (id: string) => Promise<unknown>;
  /** Anything that may have produced a new request (a decision, a status change) bumps this to look at once. */
  refreshKey: unknown;
  active: boolean;
  pollMs?: number;
}

/**
 * Trades above the confirmation threshold wait here for the user. The countdown runs to the server's
 * expiresAt; when it reaches zero the request disappears and the desk does not trade.
 */
export function TradeConfirmation({ load, onApprove, onDeny, refreshKey, active, pollMs = 2000 }: TradeConfirmationProps) {
  const [pending, setPending] = useState<PendingConfirmation[]>([]);
  const [now, setNow] = useState(Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => load().then(setPending, () => undefined), [load]);

  useEffect(() => {
    void refresh();
    if (!active) return;
    const timer = window.setInterval(refresh, pollMs);
    return () => window.clearInterval(timer);
  }, [refresh, refreshKey, active, pollMs]);

  const live = pending.filter((p) => Date.parse(p.expiresAt) > now);
  useEffect(() => {
    if (live.length === 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [live.length]);

  const current = live[0];
  if (!current) return null;
  const secondsLeft = Math.max(0, Math.ceil((Date.parse(current.expiresAt) - now) / 1000));

  const answer = async (action: (id: string) => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action(current.id);
      setPending((list) => list.filter((p) => p.id !== current.id));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="modal confirm-trade" role="alertdialog" aria-modal="true" aria-labelledby="confirm-trade-title">
        <h3 id="confirm-trade-title">Confirm trade</h3>
        <p className="big">
          {current.side} {current.quantity} {current.ticker} · {formatMoney(current.notional)}
        </p>
        <p>
          Above your confirmation threshold. <strong aria-live="polite">{secondsLeft}s</strong> left; no answer means no trade.
        </p>
        <progress max={30} value={Math.min(30, secondsLeft)} aria-label="Time left to confirm" />
        {live.length > 1 && <p className="muted small">{live.length - 1} more waiting</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => answer(onDeny)} autoFocus>
            Deny
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => answer(onApprove)}>
            Approve trade
          </button>
        </div>
      </div>
    </div>
  );
}
