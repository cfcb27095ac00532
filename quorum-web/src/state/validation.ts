import type { AutoTradingConfig, Direction, SizingRuleName, StopsChange } from '../api/types';

/** The limits form as typed: every number is kept as the text the user entered until it is valid. */
export interface ConfigForm {
  maxPositionPct: string;
  maxDailyLossPct: string;
  maxTradesPerDay: string;
  tradingHoursStart: string;
  tradingHoursEnd: string;
  timeZone: string;
  requireConfirmationAbove: string;
  decisionTimeoutSeconds: string;
  quorum: string;
  trailingStopPct: string;
  flattenOnMaxLoss: boolean;
  /** The sizing rule and its inputs, under the names the server gives their errors. */
  'sizing.rule': SizingRuleName;
  'sizing.riskPct': string;
  'sizing.atrMultiple': string;
  'sizing.targetDailyVolPct': string;
  'sizing.amount': string;
}

/** The inputs each sizing rule reads, in the order the form shows them. */
export const SIZING_INPUTS: Record<SizingRuleName, readonly ('sizing.riskPct' | 'sizing.atrMultiple' | 'sizing.targetDailyVolPct' | 'sizing.amount')[]> = {
  FIXED_FRACTIONAL: ['sizing.riskPct'],
  ATR_MULTIPLE: ['sizing.riskPct', 'sizing.atrMultiple'],
  VOLATILITY_TARGET: ['sizing.targetDailyVolPct'],
  FIXED_AMOUNT: ['sizing.amount'],
};

export type FieldErrors = Partial<Record<string, string>>;

export const LIMITS = {
  maxTradesPerDay: { min: 1, max: 1000 },
  decisionTimeoutSeconds: { min: 1, max: 600 },
  quorum: { min: 1, max: 5 },
} as const;

const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export function toForm(config: AutoTradingConfig): ConfigForm {
  return {
    maxPositionPct: config.maxPositionPct,
    maxDailyLossPct: config.maxDailyLossPct,
    maxTradesPerDay: String(config.maxTradesPerDay),
    tradingHoursStart: config.tradingHoursStart,
    tradingHoursEnd: config.tradingHoursEnd,
    timeZone: config.timeZone,
    requireConfirmationAbove: config.requireConfirmationAbove,
    decisionTimeoutSeconds: String(config.decisionTimeoutSeconds),
    quorum: String(config.quorum),
    trailingStopPct: config.trailingStopPct ?? '',
    flattenOnMaxLoss: config.flattenOnMaxLoss,
    'sizing.rule': config.sizing.rule,
    'sizing.riskPct': config.sizing.riskPct ?? '1',
    'sizing.atrMultiple': config.sizing.atrMultiple ?? '2',
    'sizing.targetDailyVolPct': config.sizing.targetDailyVolPct ?? '1',
    'sizing.amount': config.sizing.amount ?? '10000',
  };
}

export function toConfig(form: ConfigForm): AutoTradingConfig {
  return {
    maxPositionPct: form.maxPositionPct.trim(),
    maxDailyLossPct: form.maxDailyLossPct.trim(),
    maxTradesPerDay: Number(form.maxTradesPerDay),
    tradingHoursStart: form.tradingHoursStart.trim(),
    tradingHoursEnd: form.tradingHoursEnd.trim(),
    timeZone: form.timeZone.trim(),
    requireConfirmationAbove: form.requireConfirmationAbove.trim(),
    decisionTimeoutSeconds: Number(form.decisionTimeoutSeconds),
    quorum: Number(form.quorum),
    trailingStopPct: form.trailingStopPct.trim() === '' ? null : form.trailingStopPct.trim(),
    flattenOnMaxLoss: form.flattenOnMaxLoss,
    sizing: toSizing(form),
  };
}

/** The chosen rule with the inputs it reads; the others go as null. */
function toSizing(form: ConfigForm): AutoTradingConfig['sizing'] {
  const reads = SIZING_INPUTS[form['sizing.rule']];
  const input = (field: (typeof reads)[number]) => (reads.includes(field) ? form[field].trim() : null);
  return {
    rule: form['sizing.rule'],
    riskPct: input('sizing.riskPct'),
    atrMultiple: input('sizing.atrMultiple'),
    targetDailyVolPct: input('sizing.targetDailyVolPct'),
    amount: input('sizing.amount'),
  };
}

/** The server's rules for a limits change, checked before sending so the user sees them as they type. */
export function validateConfig(form: ConfigForm): FieldErrors {
  const errors: FieldErrors = {};
  percent(errors, 'maxPositionPct', form.maxPositionPct, 'Max position');
  percent(errors, 'maxDailyLossPct', form.maxDailyLossPct, 'Max daily loss');
  integer(errors, 'maxTradesPerDay', form.maxTradesPerDay, LIMITS.maxTradesPerDay, 'Trades per day');
  integer(errors, 'decisionTimeoutSeconds', form.decisionTimeoutSeconds, LIMITS.decisionTimeoutSeconds, 'Decision timeout');
  integer(errors, 'quorum', form.quorum, LIMITS.quorum, 'Quorum');

  const start = form.tradingHoursStart.trim();
  const end = form.tradingHoursEnd.trim();
  if (!CLOCK.test(start)) errors.tradingHoursStart = 'Use HH:mm, e.g. 09:30.';
  if (!CLOCK.test(end)) errors.tradingHoursEnd = 'Use HH:mm, e.g. 16:00.';
  else if (CLOCK.test(start) && end <= start) errors.tradingHoursEnd = 'The session must end after it starts.';

  if (!isTimeZone(form.timeZone.trim())) errors.timeZone = 'Not a known time zone (e.g. America/New_York).';

  const threshold = form.requireConfirmationAbove.trim();
  if (!DECIMAL.test(threshold)) errors.requireConfirmationAbove = 'A dollar amount of 0 or more, e.g. 10000.';

  const trailing = form.trailingStopPct.trim();
  if (trailing !== '' && !(DECIMAL.test(trailing) && Number(trailing) > 0 && Number(trailing) < 100)) {
    errors.trailingStopPct = 'Leave empty, or a percentage above 0 and below 100.';
  }
  validateSizing(errors, form);
  return errors;
}

/** The desk's bounds on the chosen rule's inputs: per cents above 0 and at most 10, a multiple of the ATR up to 10, an amount in cents up to a billion. */
function validateSizing(errors: FieldErrors, form: ConfigForm): void {
  const reads = SIZING_INPUTS[form['sizing.rule']];
  const within = (value: string, most: number, places: number) =>
    DECIMAL.test(value) && Number(value) > 0 && Number(value) <= most && (value.split('.')[1]?.length ?? 0) <= places;
  if (reads.includes('sizing.riskPct') && !within(form['sizing.riskPct'].trim(), 10, 8)) errors['sizing.riskPct'] = 'Risk per trade must be a percentage above 0 and at most 10.';
  if (reads.includes('sizing.atrMultiple') && !within(form['sizing.atrMultiple'].trim(), 10, 4)) errors['sizing.atrMultiple'] = 'The stop distance must be above 0 and at most 10 ATR.';
  if (reads.includes('sizing.targetDailyVolPct') && !within(form['sizing.targetDailyVolPct'].trim(), 10, 8)) {
    errors['sizing.targetDailyVolPct'] = 'The daily volatility target must be a percentage above 0 and at most 10.';
  }
  if (reads.includes('sizing.amount') && !within(form['sizing.amount'].trim(), 1_000_000_000, 2)) errors['sizing.amount'] = 'An amount in dollars above 0 and at most 1,000,000,000.';
}

/** Stops that would trigger at once or on the wrong side are refused before they reach the desk. */
export function validateStops(direction: Direction, currentPrice: number, stops: { stopLoss: string; takeProfit: string; trailingStopPct: string }): FieldErrors {
  const errors: FieldErrors = {};
  const long = direction === 'LONG';
  const stop = stops.stopLoss.trim();
  const target = stops.takeProfit.trim();
  const trailing = stops.trailingStopPct.trim();
  if (stop !== '') {
    if (!DECIMAL.test(stop) || Number(stop) <= 0) errors.stopLoss = 'A price above 0.';
    else if (long && Number(stop) >= currentPrice) errors.stopLoss = 'A long position’s stop must be below the current price.';
    else if (!long && Number(stop) <= currentPrice) errors.stopLoss = 'A short position’s stop must be above the current price.';
  }
  if (target !== '') {
    if (!DECIMAL.test(target) || Number(target) <= 0) errors.takeProfit = 'A price above 0.';
    else if (long && Number(target) <= currentPrice) errors.takeProfit = 'A long position’s target must be above the current price.';
    else if (!long && Number(target) >= currentPrice) errors.takeProfit = 'A short position’s target must be below the current price.';
  }
  if (trailing !== '' && !(DECIMAL.test(trailing) && Number(trailing) > 0 && Number(trailing) < 100)) {
    errors.trailingStopPct = 'Leave empty, or a percentage above 0 and below 100.';
  }
  return errors;
}

export function toStopsChange(stops: { stopLoss: string; takeProfit: string; trailingStopPct: string }): StopsChange {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return { stopLoss: orNull(stops.stopLoss), takeProfit: orNull(stops.takeProfit), trailingStopPct: orNull(stops.trailingStopPct) };
}

function percent(errors: FieldErrors, field: string, value: string, label: string): void {
  const text = value.trim();
  if (!DECIMAL.test(text) || Number(text) <= 0 || Number(text) > 100) errors[field] = `${label} must be a percentage above 0 and at most 100.`;
}

function integer(errors: FieldErrors, field: string, value: string, range: { min: number; max: number }, label: string): void {
  const text = value.trim();
  if (!INTEGER.test(text) || Number(text) < range.min || Number(text) > range.max) errors[field] = `${label} must be a whole number from ${range.min} to ${range.max}.`;
}

function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** A ticker symbol as the desk reads it, once typed text is trimmed and upper-cased (`Ticker` on the server); null when it is not one. */
export function tickerSymbol(typed: string): string | null {
  const symbol = typed.trim().toUpperCase();
  return /^[A-Z][A-Z0-9.-]{0,9}$/.test(symbol) ? symbol : null;
}
