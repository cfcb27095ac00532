import type { Decimal, Session } from './api/types';

/** Parses a decimal string for display and comparison only; amounts sent back stay the strings the user typed. */
export function num(value: Decimal | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  return typeof value === 'number' ? value : Number(value);
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
// US equities trade in cents: a price the desk averaged to more places still reads in cents.
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

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

/** A size in per cent with no sign ("1.80%"): a loss measured as a positive amount, or a share of equity. */
export function formatPctOf(value: Decimal | number | null | undefined): string {
  const n = num(value);
  return Number.isFinite(n) ? `${n.toFixed(2)}%` : '—';
}

export function signClass(value: Decimal | number | null | undefined): string {
  const n = num(value);
  if (!Number.isFinite(n) || n === 0) return 'flat';
  return n > 0 ? 'up' : 'down';
}

/** The exchange's zone when no session says otherwise: the simulated desk trades New York's hours. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

const timeFormats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let formats = timeFormats.get(timeZone);
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }),
      time: new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }),
    };
    timeFormats.set(timeZone, formats);
  }
  return formats;
}

/**
 * A desk time in the exchange's zone, with its date and the zone's name ("Mar 3, 09:31:00 EST"),
 * so that it reads beside the trading hours "09:30–16:00 New York" whatever the browser's zone.
 */
export function formatDeskTime(iso: string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const formats = formatsFor(timeZone);
  return `${formats.date.format(date)}, ${formats.time.format(date)}`;
}

const tickFormats = new Map<string, { day: Intl.DateTimeFormat; clock: Intl.DateTimeFormat }>();

/** A chart axis label in the exchange's zone: the day ("Mar 3") where a day begins, else the time ("09:35"). */
export function formatChartTick(epochSeconds: number, showsDay: boolean, timeZone: string = DEFAULT_TIME_ZONE): string {
  let formats = tickFormats.get(timeZone);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }),
      clock: new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    tickFormats.set(timeZone, formats);
  }
  return (showsDay ? formats.day : formats.clock).format(new Date(epochSeconds * 1000));
}

const exchangeDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });

/**
 * A chart label for one of the exchange's own days ("Mar 3"), given as the chart holds it: the day
 * string the server sent ("2025-03-03"), a business day, or that day's midnight in UTC. A day has no
 * zone to convert: it is read as written.
 */
export function formatChartDay(day: string | { year: number; month: number; day: number } | number): string {
  if (typeof day === 'number') return exchangeDay.format(new Date(day * 1000));
  if (typeof day === 'string') {
    const [year, month, date] = day.split('-').map(Number);
    return exchangeDay.format(new Date(Date.UTC(year, month - 1, date)));
  }
  return exchangeDay.format(new Date(Date.UTC(day.year, day.month - 1, day.day)));
}

/** Whole shares, grouped ("1,250"). */
export function formatCount(value: number | string | null | undefined): string {
  const n = num(value);
  return Number.isFinite(n) ? count.format(n) : '—';
}

/**
 * Groups the thousands of the long numbers in an agent's sentence ("$100000.00" → "$100,000.00",
 * "252453827 shares" → "252,453,827 shares"); digits inside a word, such as an order id, are left alone.
 */
export function groupDigits(text: string): string {
  return text.replace(/(?<![\w.-])\d{5,}(?=\.\d|(?![\w-]))/g, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
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
