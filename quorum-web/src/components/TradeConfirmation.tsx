import { useCallback, useEffect, useRef, useState } from 'react';
import type { Confirmation } from '../api/types';
import { formatMoney, titleCase } from '../format';
import { useAction } from '../state/useAction';

interface TradeConfirmationProps {
  load: () => Promise<Confirmation[]>;
  onApprove: (id: string) => Promise<Confirmation>;
  onDeny: (id: string) => Promise<Confirmation>;
  /** Anything that may have produced a new request (a decision, a status change) bumps this to look at once. */
  refreshKey: unknown;
  active: boolean;
  pollMs?: number;
  /** The wall clock, on which the server sets expiresAt: a person has real seconds to answer, whatever the market's speed. */
  now?: () => number;
}

/**
 * Trades above the confirmation threshold wait here for the user. The countdown runs to the server's
 * expiresAt; when it reaches zero the request disappears and the desk does not trade.
 */
export function TradeConfirmation({ load, onApprove, onDeny, refreshKey, active, pollMs = 2000, now: clock = Date.now }: TradeConfirmationProps) {
  const [pending, setPending] = useState<Confirmation[]>([]);
  const [now, setNow] = useState(clock);
  const { busy, error, act } = useAction();
  const [answered, setAnswered] = useState<string | null>(null);
  /** Seconds each request had when first seen: the full length of its countdown bar. */
  const countdownLength = useRef(new Map<string, number>());

  const refresh = useCallback(
    () =>
      load().then((list) => {
        setNow(clock());
        setPending(list.filter((c) => c.status === 'PENDING'));
      }, () => undefined),
    [load, clock],
  );

  useEffect(() => {
    void refresh();
    if (!active) return;
    const timer = window.setInterval(refresh, pollMs);
    return () => window.clearInterval(timer);
  }, [refresh, refreshKey, active, pollMs]);

  const live = pending.filter((p) => Date.parse(p.expiresAt) > now);
  useEffect(() => {
    if (live.length === 0) return;
    const timer = window.setInterval(() => setNow(clock()), 250);
    return () => window.clearInterval(timer);
  }, [live.length, clock]);

  useEffect(() => {
    if (!answered) return;
    const timer = window.setTimeout(() => setAnswered(null), 4000);
    return () => window.clearTimeout(timer);
  }, [answered]);

  const current = live[0];
  if (!current) {
    return answered ? (
      <div className="toasts toasts-centre" role="status">
        <div className="toast">{answered}</div>
      </div>
    ) : null;
  }
  const secondsLeft = Math.max(0, Math.ceil((Date.parse(current.expiresAt) - now) / 1000));
  if (!countdownLength.current.has(current.id)) countdownLength.current.set(current.id, Math.max(1, secondsLeft));
  const totalSeconds = countdownLength.current.get(current.id) ?? secondsLeft;

  const answer = (action: (id: string) => Promise<Confirmation>) =>
    act(async () => {
      const result = await action(current.id);
      setPending((list) => list.filter((p) => p.id !== current.id));
      setAnswered(
        result.status === 'APPROVED'
          ? `Approved: ${current.side} ${current.quantity} ${current.ticker} goes to the broker.`
          : `${titleCase(result.status)}: no trade.`,
      );
    });

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
        <progress max={totalSeconds} value={Math.min(totalSeconds, secondsLeft)} aria-label="Time left to confirm" />
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
