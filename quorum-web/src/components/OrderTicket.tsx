import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../api/http';
import type { OrderTicketRequest, TicketReceipt } from '../api/types';
import { EMPTY_TICKET, describeTicket, toTicketRequest, validateTicket, type TicketErrors, type TicketForm } from '../state/ticket';
import { useAction } from '../state/useAction';
import { Field } from './Field';

interface OrderTicketProps {
  /** The tickers the session watches, its own first: the ticket trades one of them, its own unless the user picks another. */
  tickers: string[];
  /** Sends the order; the desk checks it as it checks the agents' orders. */
  onSend: (ticket: OrderTicketRequest) => Promise<TicketReceipt>;
}

/** The user's own order on a ticker of the session's watchlist: market or limit, with an optional stop and target. */
export function OrderTicket({ tickers, onSend }: OrderTicketProps) {
  const [form, setForm] = useState<TicketForm>(EMPTY_TICKET);
  const [picked, setPicked] = useState(tickers[0]);
  // A ticker taken off the watchlist meanwhile is no longer one the ticket may trade.
  const ticker = tickers.includes(picked) ? picked : tickers[0];
  const [errors, setErrors] = useState<TicketErrors>({});
  const [receipt, setReceipt] = useState<TicketReceipt | null>(null);
  const { busy, error, act } = useAction();
  const set = <K extends keyof TicketForm>(key: K, value: TicketForm[K]) => setForm((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateTicket(form);
    setErrors(found);
    setReceipt(null);
    if (Object.keys(found).length > 0) return;
    await act(async () => {
      try {
        setReceipt(await onSend({ ...toTicketRequest(form), ticker }));
      } catch (e) {
        setErrors(fieldErrorsOf(e) as TicketErrors);
        throw e;
      }
    });
  };

  return (
    <section className="panel order-ticket" aria-label="Order ticket">
      <header className="panel-header">
        <h2>Order ticket</h2>
        <span className="muted small">{ticker}, checked by the desk’s risk limits</span>
      </header>
      <form onSubmit={submit} noValidate>
        {tickers.length > 1 && (
          <label className="ticket-ticker">
            <span>Ticker</span>
            <select value={ticker} onChange={(event) => setPicked(event.target.value)}>
              {tickers.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="ticket-choices">
          <Segmented legend="Side" name="ticket-side" options={SIDES} chosen={form.side} onChoose={(side) => set('side', side)} />
          <Segmented legend="Order type" name="ticket-type" options={TYPES} chosen={form.type} onChoose={(type) => set('type', type)} />
        </div>
        <div className="form-grid">
          <Field label="Shares" inputMode="numeric" value={form.quantity} error={errors.quantity} onValue={(v) => set('quantity', v)} maxLength={7} />
          {form.type === 'LIMIT' && (
            <Field label="Limit price" inputMode="decimal" value={form.limitPrice} error={errors.limitPrice} onValue={(v) => set('limitPrice', v)} maxLength={12} />
          )}
          <Field label="Stop-loss (optional)" inputMode="decimal" value={form.stopLoss} error={errors.stopLoss} onValue={(v) => set('stopLoss', v)} maxLength={12} />
          <Field label="Target (optional)" inputMode="decimal" value={form.takeProfit} error={errors.takeProfit} onValue={(v) => set('takeProfit', v)} maxLength={12} />
        </div>
        <button type="submit" className={`btn ${form.side === 'BUY' ? 'btn-primary' : 'btn-danger'}`} disabled={busy}>
          {describeTicket(form, ticker)}
        </button>
      </form>
      {error && Object.keys(errors).length === 0 && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {receipt && <ReceiptLine receipt={receipt} />}
    </section>
  );
}

const SIDES = [
  { value: 'BUY', label: 'Buy' },
  { value: 'SELL', label: 'Sell' },
] as const;
const TYPES = [
  { value: 'MARKET', label: 'Market' },
  { value: 'LIMIT', label: 'Limit' },
] as const;

interface SegmentedProps<V extends string> {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  chosen: V;
  onChoose: (value: V) => void;
}

/** One choice of a few, as radio buttons drawn side by side. */
function Segmented<V extends string>({ legend, name, options, chosen, onChoose }: SegmentedProps<V>) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={chosen === option.value ? 'chosen' : ''}>
          <input type="radio" name={name} value={option.value} checked={chosen === option.value} onChange={() => onChoose(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

function ReceiptLine({ receipt }: { receipt: TicketReceipt }) {
  if (receipt.outcome === 'REFUSED') {
    return (
      <p className="error ticket-receipt" role="alert">
        Not sent: {receipt.sentence}
      </p>
    );
  }
  return (
    <p className="ticket-receipt" role="status">
      Sent as {receipt.clientOrderId}; its stops are kept by {receipt.stopsKeptBy === 'VENUE' ? 'the venue, as a bracket' : 'the desk'}.
    </p>
  );
}
