import { useEffect, useId, useRef, useState } from 'react';
import { fieldErrorsOf, messageOf } from '../api/http';
import type { AutoTradingConfig, RiskDisclosure, Session, Sizing, SizingRuleName } from '../api/types';
import { formatMoney } from '../format';
import { SIZING_INPUTS, hasErrors, toConfig, toForm, validateConfig, type ConfigForm, type FieldErrors } from '../state/validation';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';
import { useAction } from '../state/useAction';

export interface AutoTradingControlProps {
  session: Session;
  loadDisclosure: () => Promise<RiskDisclosure>;
  onConfigChange: (config: AutoTradingConfig) => Promise<unknown>;
  onEnable: (acceptedDisclosureVersion: string) => Promise<unknown>;
  onDisable: () => Promise<unknown>;
  /** Closes the session's positions in its ticker (the only ones a session's flatten closes). */
  onFlatten: () => Promise<unknown>;
  /** Shares the session holds in its ticker: nothing to flatten at 0. */
  heldQuantity: number;
  /** The desk's clock, on which the trading hours are kept. */
  now?: () => number;
}

const ACCEPTED_KEY = 'quorum.acceptedDisclosureVersion';

/** Hands trading authority to the desk, within limits, and takes it back. */
export function AutoTradingControl({ session, loadDisclosure, onConfigChange, onEnable, onDisable, onFlatten, heldQuantity, now = Date.now }: AutoTradingControlProps) {
  const enabled = session.autoTrading.enabled;
  const [disclosure, setDisclosure] = useState<RiskDisclosure | null>(null);
  const [accepted, setAccepted] = useState(() => sessionStorage.getItem(ACCEPTED_KEY));
  const { busy, error, setError, act } = useAction();
  const [confirmFlatten, setConfirmFlatten] = useState(false);

  useEffect(() => {
    loadDisclosure().then(setDisclosure, (e) => setError(`Risk disclosure unavailable: ${messageOf(e)}`));
  }, [loadDisclosure]);

  const disclosureAccepted = disclosure !== null && accepted === disclosure.version;
  const canEnable = !enabled && disclosureAccepted && session.state !== 'STOPPED';

  const toggle = () => {
    if (enabled) void act(onDisable);
    else if (canEnable && disclosure) void act(() => onEnable(disclosure.version));
  };

  const accept = (value: boolean) => {
    if (!disclosure) return;
    const next = value ? disclosure.version : null;
    if (next) sessionStorage.setItem(ACCEPTED_KEY, next);
    else sessionStorage.removeItem(ACCEPTED_KEY);
    setAccepted(next);
  };

  return (
    <section className="panel control-panel" aria-label="Auto-trading control">
      <header className="panel-header">
        <h2>Auto-trading</h2>
        <span className={`badge ${enabled ? 'badge-live' : session.state === 'STOPPED' ? 'badge-danger' : 'badge-muted'}`} role="status">
          {enabled ? 'ON — desk may trade' : session.state === 'STOPPED' ? `STOPPED${session.stopReason ? ` (${session.stopReason.replaceAll('_', ' ')})` : ''}` : 'OFF'}
        </span>
      </header>

      {!enabled && disclosure && (
        <Disclosure disclosure={disclosure} accepted={disclosureAccepted} onAccept={accept} />
      )}

      <div className="switch-row">
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label="Auto-trading"
          className={`switch ${enabled ? 'switch-on' : ''}`}
          disabled={busy || (!enabled && !canEnable)}
          onClick={toggle}
        >
          <span className="switch-knob" aria-hidden="true" />
        </button>
        <span>{enabled ? 'Disable: no new orders from now on (protective stops stay)' : disclosureAccepted ? 'Enable auto-trading' : 'Accept the risk disclosure to enable'}</span>
      </div>

      <StatusSummary session={session} now={new Date(now())} />

      <div className="row gap">
        <button type="button" className="btn btn-danger" onClick={() => setConfirmFlatten(true)} disabled={busy || heldQuantity === 0}>
          Flatten {session.ticker}
        </button>
        {heldQuantity === 0 && <span className="muted small">No {session.ticker} position to flatten.</span>}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <LimitsForm key={session.id} config={session.config} onSave={onConfigChange} />

      {confirmFlatten && (
        <ConfirmDialog
          title={`Flatten ${session.ticker}?`}
          confirmLabel={`Flatten ${session.ticker}`}
          danger
          busy={busy}
          onCancel={() => setConfirmFlatten(false)}
          onConfirm={() => {
            setConfirmFlatten(false);
            void act(onFlatten);
          }}
        >
          <p>
            The {heldQuantity} {session.ticker} shares this session holds are closed at market now. Positions in other tickers stay open. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function Disclosure({ disclosure, accepted, onAccept }: { disclosure: RiskDisclosure; accepted: boolean; onAccept: (value: boolean) => void }) {
  const text = useRef<HTMLDivElement>(null);
  const [readToEnd, setReadToEnd] = useState(false);

  // Acceptance is offered only once the whole text has been in view.
  const check = () => {
    const element = text.current;
    if (element && element.scrollTop + element.clientHeight >= element.scrollHeight - 4) setReadToEnd(true);
  };
  useEffect(check, [disclosure]);

  return (
    <div className="disclosure">
      <h3>Risk disclosure (v{disclosure.version})</h3>
      <div ref={text} className="disclosure-text" tabIndex={0} onScroll={check} aria-label="Risk disclosure text">
        {disclosure.text.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={accepted} disabled={!readToEnd && !accepted} onChange={(event) => onAccept(event.target.checked)} />
        I have read the risk disclosure and accept it{!readToEnd && !accepted ? ' (scroll to the end first)' : ''}
      </label>
    </div>
  );
}

/** The session's sizing rule in a few words, as the limits in force show it. */
function sizingWords(sizing: Sizing): string {
  switch (sizing.rule) {
    case 'FIXED_FRACTIONAL':
      return `${sizing.riskPct}% risked at the stop`;
    case 'ATR_MULTIPLE':
      return `${sizing.riskPct}% risked at ${sizing.atrMultiple}× ATR`;
    case 'VOLATILITY_TARGET':
      return `${sizing.targetDailyVolPct}% of equity a day's move`;
    case 'FIXED_AMOUNT':
      return `${formatMoney(sizing.amount ?? '0')} a trade`;
  }
}

function StatusSummary({ session, now }: { session: Session; now: Date }) {
  const config = session.config;
  const left = Math.max(0, config.maxTradesPerDay - session.tradesToday);
  const open = isWithinHours(config.tradingHoursStart, config.tradingHoursEnd, config.timeZone, now);
  return (
    <dl className="status-grid" aria-label="Limits in force">
      <div>
        <dt>Trades left today</dt>
        <dd>
          {left} / {config.maxTradesPerDay}
        </dd>
      </div>
      <div>
        <dt>Trading hours</dt>
        <dd>
          {config.tradingHoursStart}–{config.tradingHoursEnd} {shortZone(config.timeZone)} <span className={open ? 'up' : 'muted'}>{open ? '· open' : '· closed'}</span>
        </dd>
      </div>
      <div>
        <dt>Max position</dt>
        <dd>{config.maxPositionPct}% of portfolio</dd>
      </div>
      <div>
        <dt>Max daily loss</dt>
        <dd>
          {config.maxDailyLossPct}%{config.flattenOnMaxLoss ? ', then flatten' : ''}
        </dd>
      </div>
      <div>
        <dt>Confirm above</dt>
        <dd>{formatMoney(config.requireConfirmationAbove)}</dd>
      </div>
      <div>
        <dt>Quorum · timeout</dt>
        <dd>
          {config.quorum} of 5 · {config.decisionTimeoutSeconds}s
        </dd>
      </div>
      <div>
        <dt>Sizing</dt>
        <dd>{sizingWords(config.sizing)}</dd>
      </div>
    </dl>
  );
}

const FIELDS: { name: keyof ConfigForm; label: string; hint?: string; inputMode?: 'decimal' | 'numeric' }[] = [
  { name: 'maxPositionPct', label: 'Max position (% of portfolio)', inputMode: 'decimal' },
  { name: 'maxDailyLossPct', label: 'Max daily loss (%)', inputMode: 'decimal' },
  { name: 'maxTradesPerDay', label: 'Max trades per day', inputMode: 'numeric' },
  { name: 'tradingHoursStart', label: 'Trading starts (HH:mm)' },
  { name: 'tradingHoursEnd', label: 'Trading ends (HH:mm)' },
  { name: 'timeZone', label: 'Exchange time zone' },
  { name: 'requireConfirmationAbove', label: 'Confirm trades above ($)', inputMode: 'decimal' },
  { name: 'decisionTimeoutSeconds', label: 'Vote timeout (s)', inputMode: 'numeric' },
  { name: 'quorum', label: 'Quorum (approvals of 5)', inputMode: 'numeric' },
  { name: 'trailingStopPct', label: 'Default trailing stop (%)', hint: 'Empty for none', inputMode: 'decimal' },
];

const SIZING_RULES: { rule: SizingRuleName; label: string }[] = [
  { rule: 'FIXED_FRACTIONAL', label: 'Fixed fraction at the proposal’s stop' },
  { rule: 'ATR_MULTIPLE', label: 'Fixed fraction at a stop k × ATR away' },
  { rule: 'VOLATILITY_TARGET', label: 'Volatility target (one ATR a day)' },
  { rule: 'FIXED_AMOUNT', label: 'Fixed amount per trade' },
];

const SIZING_LABELS: Record<(typeof SIZING_INPUTS)[SizingRuleName][number], string> = {
  'sizing.riskPct': 'Risk per trade (% of equity)',
  'sizing.atrMultiple': 'Stop distance (× ATR 14)',
  'sizing.targetDailyVolPct': 'Daily volatility target (% of equity)',
  'sizing.amount': 'Amount per trade ($)',
};

/** The sizing rule, and the one or two inputs the chosen rule reads. */
function SizingFields({ form, shown, onChange }: { form: ConfigForm; shown: (field: string) => string | undefined; onChange: (field: keyof ConfigForm, value: string) => void }) {
  const id = useId();
  const ruleError = shown('sizing.rule');
  return (
    <>
      <div className={`field ${ruleError ? 'field-invalid' : ''}`}>
        <label htmlFor={id}>Sizing rule</label>
        <select id={id} value={form['sizing.rule']} onChange={(event) => onChange('sizing.rule', event.target.value)} aria-invalid={ruleError ? true : undefined}>
          {SIZING_RULES.map(({ rule, label }) => (
            <option key={rule} value={rule}>
              {label}
            </option>
          ))}
        </select>
        {ruleError && (
          <span className="field-error" role="alert">
            {ruleError}
          </span>
        )}
      </div>
      {SIZING_INPUTS[form['sizing.rule']].map((name) => (
        <Field key={name} label={SIZING_LABELS[name]} inputMode="decimal" value={form[name]} error={shown(name)} onValue={(value) => onChange(name, value)} />
      ))}
    </>
  );
}

/** The limits, validated as typed by the same rules the server applies; the server's own refusals land on their fields. */
export function LimitsForm({ config, onSave }: { config: AutoTradingConfig; onSave: (config: AutoTradingConfig) => Promise<unknown> }) {
  const [form, setForm] = useState<ConfigForm>(() => toForm(config));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const clientErrors = validateConfig(form);
  const shown = (field: string) => serverErrors[field] ?? (touched.has(field) ? clientErrors[field] : undefined);

  const set = (field: keyof ConfigForm, value: string | boolean) => {
    setForm((current) => ({ ...current, [field]: value }));
    setTouched((current) => new Set(current).add(field));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
    setStatus(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(new Set(Object.keys(form)));
    if (hasErrors(clientErrors)) {
      setStatus('Fix the highlighted limits first.');
      return;
    }
    setSaving(true);
    try {
      await onSave(toConfig(form));
      setServerErrors({});
      setStatus('Limits saved.');
    } catch (e) {
      const byField = fieldErrorsOf(e);
      setServerErrors(byField);
      setStatus(hasErrors(byField) ? 'The desk refused some limits.' : messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="limits-form" onSubmit={submit} noValidate aria-label="Risk limits">
      <h3>Limits</h3>
      <div className="form-grid">
        {FIELDS.map(({ name, label, hint, inputMode }) => (
          <Field key={name} label={label} hint={hint} inputMode={inputMode} value={form[name] as string} error={shown(name)} onValue={(value) => set(name, value)} />
        ))}
        <SizingFields form={form} shown={shown} onChange={set} />
        <label className="checkbox">
          <input type="checkbox" checked={form.flattenOnMaxLoss} onChange={(event) => set('flattenOnMaxLoss', event.target.checked)} />
          Flatten all when the daily loss limit is hit
        </label>
      </div>
      <div className="row gap">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          Save limits
        </button>
        {status && (
          <span className="muted small" role="status">
            {status}
          </span>
        )}
      </div>
    </form>
  );
}

export function isWithinHours(start: string, end: string, timeZone: string, now: Date): boolean {
  try {
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
    return clock >= start && clock < end;
  } catch {
    return false;
  }
}

function shortZone(zone: string): string {
  return zone.split('/').pop()?.replaceAll('_', ' ') ?? zone;
}
