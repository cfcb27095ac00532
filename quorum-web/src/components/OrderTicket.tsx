import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../api/http';
import type { OrderTicketRequest, TicketReceipt } from '../api/types';
import { EMPTY_TICKET, describeTicket, toTicketRequest, validateTicket, type TicketErrors, type TicketForm } from '../state/ticket';
import { useAction } from '../state/useAction';
import { Field } from './Field';

interface OrderTicketProps {
  ticker: string;
  /** Sends the order; the desk checks it as it checks the agents' orders. */
  onSend: (ticket: OrderTicketRequest) => Promise<TicketReceipt>;
}

/** The user's own order on the session's ticker: market or limit, with an optional stop and target. */
export function OrderTicket({ ticker, onSend }: OrderTicketProps) {
  const [form, setForm] = useState<TicketForm>(EMPTY_TICKET);
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
        setReceipt(await onSend(toTicketRequest(form)));
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
        <div className="ticket-choices">
          <fieldset className="segmented">
            <legend className="visually-hidden">Side</legend>
            {(['BUY', 'SELL'] as const).map((side) => (
              <label key={side} className={form.side === side ? 'chosen' : ''}>
                <input type="radio" name="ticket-side" value={side} checked={form.side === side} onChange={() => set('side', side)} />
                {side === 'BUY' ? 'Buy' : 'Sell'}
              </label>
            ))}
          </fieldset>
          <fieldset className="segmented">
            <legend className="visually-hidden">Order type</legend>
            {(['MARKET', 'LIMIT'] as const).map((type) => (
              <label key={type} className={form.type === type ? 'chosen' : ''}>
                <input type="radio" name="ticket-type" value={type} checked={form.type === type} onChange={() => set('type', type)} />
                {type === 'MARKET' ? 'Market' : 'Limit'}
              </label>
            ))}
          </fieldset>
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
