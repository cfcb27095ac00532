import type { OrderTicketRequest, Side } from '../api/types';

/** The order ticket as typed: numbers stay text until they are valid. */
export interface TicketForm {
  side: Side;
  type: 'MARKET' | 'LIMIT';
  quantity: string;
  limitPrice: string;
  stopLoss: string;
  takeProfit: string;
}

export type TicketErrors = Partial<Record<keyof TicketForm, string>>;

/** The bounds the server holds a ticket to: whole shares, and prices above 0 with at most 4 places. */
export const TICKET_LIMITS = { maxShares: 1_000_000, maxPrice: 1_000_000, priceScale: 4 } as const;

export const EMPTY_TICKET: TicketForm = { side: 'BUY', type: 'MARKET', quantity: '', limitPrice: '', stopLoss: '', takeProfit: '' };

const WHOLE = /^\d{1,7}$/;
const PRICE = /^\d{1,7}(\.\d{1,4})?$/;

function priceError(text: string, required: boolean): string | undefined {
  const value = text.trim();
  if (value === '') return required ? 'required for a limit order' : undefined;
  if (!PRICE.test(value)) return `a price such as 178.50, with at most ${TICKET_LIMITS.priceScale} decimal places`;
  const n = Number(value);
  if (n <= 0) return 'must be above 0';
  if (n > TICKET_LIMITS.maxPrice) return 'at most $1,000,000';
  return undefined;
}

/** What is wrong with the ticket, field by field, before it is sent; empty when it may go. */
export function validateTicket(form: TicketForm): TicketErrors {
  const errors: TicketErrors = {};
  const quantity = form.quantity.trim();
  if (!WHOLE.test(quantity) || Number(quantity) < 1 || Number(quantity) > TICKET_LIMITS.maxShares) {
    errors.quantity = 'whole shares from 1 to 1,000,000';
  }
  const limit = form.type === 'LIMIT' ? priceError(form.limitPrice, true) : undefined;
  if (limit) errors.limitPrice = limit;
  const stop = priceError(form.stopLoss, false);
  if (stop) errors.stopLoss = stop;
  const target = priceError(form.takeProfit, false);
  if (target) errors.takeProfit = target;
  if (!stop && !target && form.stopLoss.trim() && form.takeProfit.trim()) {
    const above = Number(form.takeProfit) > Number(form.stopLoss);
    if (form.side === 'BUY' && !above) errors.takeProfit = 'a buy’s target must be above its stop-loss';
    if (form.side === 'SELL' && (above || Number(form.takeProfit) === Number(form.stopLoss))) errors.takeProfit = 'a sale’s target must be below its stop-loss';
  }
  return errors;
}

export function toTicketRequest(form: TicketForm): OrderTicketRequest {
  const price = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    side: form.side,
    type: form.type,
    quantity: Number(form.quantity.trim()),
    limitPrice: form.type === 'LIMIT' ? price(form.limitPrice) : null,
    stopLoss: price(form.stopLoss),
    takeProfit: price(form.takeProfit),
  };
}

/** The order in words, for the button and the answer: "Buy 10 AAPL at market", "Sell 5 AAPL at $101.00 or better". */
export function describeTicket(form: TicketForm, ticker: string): string {
  const verb = form.side === 'BUY' ? 'Buy' : 'Sell';
  const shares = form.quantity.trim() || '…';
  const price = form.type === 'MARKET' ? 'at market' : `at $${form.limitPrice.trim() || '…'} or better`;
  return `${verb} ${shares} ${ticker} ${price}`;
}
