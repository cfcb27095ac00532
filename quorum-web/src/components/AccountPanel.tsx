import type { BrokerAccount, VenueOrder, VenueOrderState } from '../api/types';
import { formatMoney } from '../format';
import { useDeskTimeFormat } from '../state/deskTimeZone';

const STATE_WORDS: Record<VenueOrderState, string> = {
  ACCEPTED: 'accepted',
  PARTIALLY_FILLED: 'partially filled',
  FILLED: 'filled',
  CANCELLED: 'cancelled',
  REJECTED: 'rejected',
  EXPIRED: 'expired',
};

interface AccountPanelProps {
  account: BrokerAccount | null;
  error: string | null;
}

/** The broker's account: which broker, paper or live, its money, and the venue's word for each recent order. */
export function AccountPanel({ account, error }: AccountPanelProps) {
  const deskTime = useDeskTimeFormat();
  return (
    // Focusable: on a phone the panel scrolls, and holds nothing else a keyboard could scroll it by.
    <section className="panel account-panel" aria-label="Account" tabIndex={0}>
      <header className="panel-header">
        <h2>Account</h2>
        {account && (
          <span className="muted small">
            {account.brokerName} · {account.live ? <strong className="live-text">LIVE</strong> : 'paper'}
            {account.accountNumber && ` · ${account.accountNumber}`}
          </span>
        )}
      </header>
      {error && (
        <p className="error" role="alert">
          {account ? `Figures as last read: ${error}` : error}
        </p>
      )}
      {account && (
        <>
          <dl className="stats-grid" aria-label="Money">
            <div className="stat">
              <dt className="stat-label">Cash</dt>
              <dd className="stat-value">{formatMoney(account.cash)}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">Buying power</dt>
              <dd className="stat-value">{formatMoney(account.buyingPower)}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">Equity</dt>
              <dd className="stat-value">{formatMoney(account.equity)}</dd>
            </div>
          </dl>
          <p className="muted small">{account.asOf ? `As the broker reported it on ${deskTime(account.asOf)} (wall clock)` : 'The broker has not answered yet.'}</p>
          <h3 className="risk-heading">Orders at the broker</h3>
          {account.orders.length === 0 ? <p className="empty">No order yet.</p> : <OrdersTable orders={account.orders} />}
        </>
      )}
    </section>
  );
}

function OrdersTable({ orders }: { orders: VenueOrder[] }) {
  return (
    <table className="risk-table orders-table">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">State</th>
          <th scope="col">Filled</th>
          <th scope="col">Stops kept by</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.clientOrderId} data-order-id={order.clientOrderId}>
            <th scope="row">
              <span className={`trade-badge side-${order.side}`}>{order.side}</span> {order.quantity} {order.ticker}{' '}
              <span className="muted small">{order.type === 'LIMIT' && order.limitPrice ? `limit ${formatMoney(order.limitPrice)}` : order.type.toLowerCase()}</span>
            </th>
            <td className={`order-state order-state-${order.state}`}>{STATE_WORDS[order.state]}</td>
            <td>
              {order.filledQuantity}/{order.quantity}
              {order.averagePrice && <span className="muted small"> @ {formatMoney(order.averagePrice)}</span>}
            </td>
            <td title={stopsTitle(order)}>{stopsWords(order)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LEG_WORDS: Record<NonNullable<VenueOrder['bracketLeg']>, string> = { TAKE_PROFIT: 'take-profit', STOP_LOSS: 'stop-loss' };

/** Who keeps the order's stops, in a word or two: a bracket's own legs are the venue's exits. */
function stopsWords(order: VenueOrder): string {
  if (order.bracketLeg) return `venue (${LEG_WORDS[order.bracketLeg]} leg)`;
  return order.stopsKeptBy === 'VENUE' ? 'venue (bracket)' : 'desk';
}

function stopsTitle(order: VenueOrder): string {
  if (order.bracketLeg) return `the ${LEG_WORDS[order.bracketLeg]} the venue works for ${order.clientOrderId.slice(0, -3)}`;
  return order.stopsKeptBy === 'VENUE' ? `bracket: stop ${order.stopLoss}, target ${order.takeProfit}` : 'the desk’s position manager';
}
