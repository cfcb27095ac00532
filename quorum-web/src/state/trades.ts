import type { ClosedTrade, ExitReason } from '../api/types';
import { num } from '../format';

export const EXIT_LABEL: Record<ExitReason, string> = {
  STOP_LOSS: 'Stop-loss',
  TAKE_PROFIT: 'Target',
  TRAILING_STOP: 'Trailing stop',
  DECISION: 'Agent decision',
  USER: 'User',
  FLATTEN: 'Flatten',
  LOSS_LIMIT: 'Loss limit',
};

export type TradeResult = 'won' | 'lost';

/** Which trades to show; an empty field does not filter. */
export interface TradeFilter {
  ticker: string;
  exitReason: ExitReason | '';
  result: TradeResult | '';
}

export const NO_TRADE_FILTER: TradeFilter = { ticker: '', exitReason: '', result: '' };

/** The trades the filter lets through, newest first, as a history reads. */
export function filterTrades(trades: readonly ClosedTrade[], filter: TradeFilter): ClosedTrade[] {
  const ticker = filter.ticker.trim().toUpperCase();
  return trades
    .filter((trade) => !ticker || trade.ticker === ticker)
    .filter((trade) => !filter.exitReason || trade.exitReason === filter.exitReason)
    .filter((trade) => !filter.result || (filter.result === 'won' ? num(trade.pnl) > 0 : num(trade.pnl) <= 0))
    .reverse();
}

const CSV_COLUMNS: readonly [string, (trade: ClosedTrade) => string | number][] = [
  ['session', (t) => t.sessionId],
  ['ticker', (t) => t.ticker],
  ['direction', (t) => t.direction],
  ['quantity', (t) => t.quantity],
  ['opened_at', (t) => t.openedAt],
  ['entry_fill_price', (t) => t.entryPrice],
  ['closed_at', (t) => t.closedAt],
  ['exit_fill_price', (t) => t.exitPrice],
  ['pnl', (t) => t.pnl],
  ['pnl_pct', (t) => t.pnlPct],
  ['exit_reason', (t) => t.exitReason],
  ['exit_detail', (t) => t.exitDetail],
  ['entry_orders', (t) => t.entryOrderIds.join(' ')],
  ['exit_order', (t) => t.exitOrderId],
];

/** The trades as CSV (RFC 4180), one line each, with the fill prices exactly as the server sent them. */
export function tradesCsv(trades: readonly ClosedTrade[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const trade of trades) lines.push(CSV_COLUMNS.map(([, value]) => csvField(String(value(trade)))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
