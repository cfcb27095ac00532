export type Scope = 'session' | 'account';

/** Whether a panel shows the open session's figures or the whole account's; without a session, only the account's. */
export function ScopeChips({ scope, hasSession, onScope, label }: { scope: Scope; hasSession: boolean; onScope: (scope: Scope) => void; label: string }) {
  return (
    <div className="chips" role="group" aria-label={label}>
      <button type="button" className="chip" aria-pressed={scope === 'session'} disabled={!hasSession} onClick={() => onScope('session')}>
        This session
      </button>
      <button type="button" className="chip" aria-pressed={scope === 'account'} onClick={() => onScope('account')}>
        Account
      </button>
    </div>
  );
}

/** The scope a panel shows: the one chosen, or the account's when no session is open. */
export function shownScope(chosen: Scope, sessionId: string | null): Scope {
  return sessionId ? chosen : 'account';
}
