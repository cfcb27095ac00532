import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../api/http';
import type { BrokerAccount } from '../api/types';
import { useAction } from '../state/useAction';

interface BrokerBannerProps {
  account: BrokerAccount | null;
  /** Sends the number the user typed; resolves once the desk has taken it. */
  onConfirm: (accountNumber: string) => Promise<unknown>;
}

/**
 * A live account's red banner, on every view: real money is at stake. Until the user has typed the
 * account's number, trading stays off and the banner asks for it. A paper account shows nothing
 * here: its quiet badge is in the top bar.
 */
export function BrokerBanner({ account, onConfirm }: BrokerBannerProps) {
  if (!account?.live) return null;
  return (
    <div className="live-banner" role="region" aria-label="Live trading">
      <strong className="live-word">LIVE</strong>
      <span>
        Real money: {account.brokerName} account {account.accountNumber || '(number not read yet)'}
      </span>
      {account.awaitingLiveConfirmation && <LiveConfirmation onConfirm={onConfirm} />}
    </div>
  );
}

function LiveConfirmation({ onConfirm }: { onConfirm: (accountNumber: string) => Promise<unknown> }) {
  const [typed, setTyped] = useState('');
  const { busy, error, act } = useAction();
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    await act(async () => {
      try {
        await onConfirm(typed.trim());
      } catch (e) {
        const byField = fieldErrorsOf(e).accountNumber;
        if (byField) {
          setRefusal(byField);
          return;
        }
        throw e;
      }
    });
  };

  const problem = refusal ?? error;
  return (
    <form className="live-confirm" onSubmit={submit}>
      <label htmlFor="live-account-number">Trading is off until you type this account’s number, as your broker shows it:</label>
      <input
        id="live-account-number"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        maxLength={64}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'live-account-error' : undefined}
      />
      <button type="submit" className="btn btn-small" disabled={busy || typed.trim() === ''}>
        Start live trading
      </button>
      {problem && (
        <span id="live-account-error" className="live-error" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

/** The top bar's word for the account: a quiet "paper" badge, or a red "LIVE" one. */
export function BrokerBadge({ account }: { account: BrokerAccount | null }) {
  if (!account) return null;
  return account.live ? (
    <span className="badge badge-danger" title={`${account.brokerName} live account ${account.accountNumber}`}>
      LIVE
    </span>
  ) : (
    <span className="badge badge-muted" title={`${account.brokerName}: no real money`}>
      paper
    </span>
  );
}
