import type {
  AgentMessage,
  DecisionEntry,
  MarketAlert,
  Portfolio,
  Position,
  Proposal,
  Session,
  StreamEvent,
  TradeExecuted,
} from '../api/types';
import { num } from '../format';

export type AlertCategory = 'market' | 'trade' | 'limit';

export interface AlertItem {
  key: string;
  seq: number;
  category: AlertCategory;
  severity: 'INFO' | 'WARNING' | 'CRITICAL';
  title: string;
  text: string;
  time: string;
}

export interface TradeMark extends TradeExecuted {
  seq: number;
  time: string;
}

export interface ReasoningLine {
  seq: number;
  time: string;
  sender: string | null;
  text: string;
}

export interface DeskState {
  session: Session | null;
  messages: AgentMessage[];
  reasoning: ReasoningLine[];
  decisions: DecisionEntry[];
  trades: TradeMark[];
  alerts: AlertItem[];
  portfolio: Portfolio | null;
  /** Recent prices per held ticker, for the cards' sparklines. */
  priceHistory: Record<string, number[]>;
  analysisComplete: boolean;
}

export const EMPTY_DESK: DeskState = {
  session: null,
  messages: [],
  reasoning: [],
  decisions: [],
  trades: [],
  alerts: [],
  portfolio: null,
  priceHistory: {},
  analysisComplete: false,
};

export type DeskAction =
  | { kind: 'events'; events: StreamEvent[] }
  | { kind: 'session'; session: Session }
  | { kind: 'portfolio'; portfolio: Portfolio }
  | { kind: 'position'; position: Position }
  | { kind: 'reset' };

const SPARKLINE_POINTS = 120;
const REASONING_LINES = 200;

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.kind) {
    case 'reset':
      return EMPTY_DESK;
    case 'session':
      return { ...state, session: action.session };
    case 'portfolio':
      return withPortfolio(state, action.portfolio);
    case 'position':
      return withPosition(state, action.position);
    case 'events':
      return applyEvents(state, action.events);
  }
}

/** Applies a batch at once: a replay of thousands of journal events costs one copy of each list, not one per event. */
function applyEvents(state: DeskState, events: StreamEvent[]): DeskState {
  if (events.length === 0) return state;
  const messages: AgentMessage[] = [];
  const reasoning: ReasoningLine[] = [];
  const decisions: DecisionEntry[] = [];
  const trades: TradeMark[] = [];
  const alerts: AlertItem[] = [];
  let next = state;
  for (const event of events) {
    switch (event.type) {
      case 'agent_message':
        messages.push(event.data as AgentMessage);
        break;
      case 'reasoning':
        reasoning.push(reasoningLine(event));
        break;
      case 'decision':
        decisions.push(event.data as DecisionEntry);
        break;
      case 'trade_executed': {
        const trade = event.data as TradeExecuted;
        trades.push({ ...trade, seq: event.seq, time: event.time });
        alerts.push({
          key: `trade-${event.seq}`,
          seq: event.seq,
          category: 'trade',
          severity: 'INFO',
          title: `${trade.side} ${trade.quantity} ${trade.ticker} @ ${trade.price}`,
          text: trade.reason,
          time: event.time,
        });
        break;
      }
      case 'market_alert': {
        const alert = event.data as MarketAlert;
        alerts.push({
          key: `alert-${event.seq}`,
          seq: event.seq,
          category: alert.kind === 'LIMIT_BREACH' ? 'limit' : 'market',
          severity: severityOf(alert.severity),
          title: [alert.ticker, alert.kind.replaceAll('_', ' ').toLowerCase()].filter(Boolean).join(' · '),
          text: alert.text,
          time: event.time,
        });
        break;
      }
      case 'status': {
        const session = event.data as Session;
        const before = next.session;
        if (session.state === 'STOPPED' && session.stopReason === 'max_loss_hit' && before?.state !== 'STOPPED') {
          alerts.push({
            key: `stop-${event.seq}`,
            seq: event.seq,
            category: 'limit',
            severity: 'CRITICAL',
            title: 'Max daily loss hit',
            text: 'Auto-trading stopped: the daily loss limit was reached.',
            time: event.time,
          });
        }
        const analysing = session.state === 'ANALYZING' || session.state === 'RE_ANALYZING';
        next = { ...next, session, analysisComplete: analysing ? false : next.analysisComplete };
        break;
      }
      case 'proposal':
        next = { ...next, session: next.session ? { ...next.session, proposal: event.data as Proposal } : next.session };
        break;
      case 'complete':
        next = { ...next, analysisComplete: true };
        break;
      case 'position_update':
        next = withPortfolio(next, event.data as Portfolio);
        break;
      case 'position':
        next = withPosition(next, event.data as Position);
        break;
      case 'heartbeat':
      case 'resync':
        break;
    }
  }
  return {
    ...next,
    messages: messages.length ? next.messages.concat(messages) : next.messages,
    reasoning: reasoning.length ? next.reasoning.concat(reasoning).slice(-REASONING_LINES) : next.reasoning,
    decisions: decisions.length ? next.decisions.concat(decisions) : next.decisions,
    trades: trades.length ? next.trades.concat(trades) : next.trades,
    alerts: alerts.length ? next.alerts.concat(alerts) : next.alerts,
  };
}

function reasoningLine(event: StreamEvent): ReasoningLine {
  const data = event.data as { text?: unknown; sender?: unknown; agent?: unknown } | string | null;
  if (typeof data === 'string') return { seq: event.seq, time: event.time, sender: null, text: data };
  const sender = typeof data?.sender === 'string' ? data.sender : typeof data?.agent === 'string' ? data.agent : null;
  const text = typeof data?.text === 'string' ? data.text : JSON.stringify(data);
  return { seq: event.seq, time: event.time, sender, text };
}

function severityOf(value: string): AlertItem['severity'] {
  return value === 'CRITICAL' || value === 'WARNING' ? value : 'INFO';
}

function withPortfolio(state: DeskState, portfolio: Portfolio): DeskState {
  const priceHistory = { ...state.priceHistory };
  for (const position of portfolio.positions) appendPrice(priceHistory, position);
  return { ...state, portfolio, priceHistory };
}

function withPosition(state: DeskState, position: Position): DeskState {
  if (!position || typeof position.ticker !== 'string') return state;
  const current = state.portfolio ?? { positions: [], dailyPnl: '0', totalPnl: '0' };
  const open = num(position.quantity) !== 0;
  const others = current.positions.filter((p) => p.ticker !== position.ticker);
  const positions = open ? [...others, position].sort((a, b) => a.ticker.localeCompare(b.ticker)) : others;
  const priceHistory = { ...state.priceHistory };
  appendPrice(priceHistory, position);
  return { ...state, portfolio: { ...current, positions }, priceHistory };
}

function appendPrice(history: Record<string, number[]>, position: Position): void {
  const price = num(position.currentPrice);
  if (!Number.isFinite(price)) return;
  const series = history[position.ticker] ?? [];
  history[position.ticker] = series.length >= SPARKLINE_POINTS ? [...series.slice(1 - SPARKLINE_POINTS), price] : [...series, price];
}
