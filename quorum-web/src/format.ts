import type { Decimal, Session } from './api/types';

/** Parses a decimal string for display and comparison only; amounts sent back stay the strings the user typed. */
export function num(value: Decimal | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  return typeof value === 'number' ? value : Number(value);
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

export function formatMoney(value: Decimal | number | null | undefined): string {
  const n = num(value);
  return Number.isFinite(n) ? money.format(n) : '—';
}

export function formatSignedMoney(value: Decimal | number | null | undefined): string {
  const n = num(value);
  if (!Number.isFinite(n)) return '—';
  return (n > 0 ? '+' : '') + money.format(n);
}

export function formatPrice(value: Decimal | number | null | undefined): string {
  const n = num(value);
  return Number.isFinite(n) ? price.format(n) : '—';
}

export function formatPct(value: Decimal | number | null | undefined): string {
  const n = num(value);
  if (!Number.isFinite(n)) return '—';
  return `${n > 0 ? '+' : ''}${n.toFixed(2)}%`;
}

export function signClass(value: Decimal | number | null | undefined): string {
  const n = num(value);
  if (!Number.isFinite(n) || n === 0) return 'flat';
  return n > 0 ? 'up' : 'down';
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString('en-GB', { hour12: false });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 10)} ${date.toLocaleTimeString('en-GB', { hour12: false })}`;
}

export function titleCase(word: string): string {
  return word
    .toLowerCase()
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/**
 * A session's state as a trader reads it. AUTO_TRADING only means the proposal was approved:
 * whether the desk may trade is the auto-trading switch, so the label says which.
 */
export function sessionStateLabel(session: Pick<Session, 'state' | 'autoTrading'>): string {
  switch (session.state) {
    case 'IDLE':
      return 'idle';
    case 'ANALYZING':
      return 'analysing';
    case 'PROPOSAL':
      return 'proposal to answer';
    case 'RE_ANALYZING':
      return 're-analysing';
    case 'AUTO_TRADING':
      return session.autoTrading.enabled ? 'auto-trading on' : 'approved, auto-trading off';
    case 'STOPPED':
      return 'stopped';
  }
}
