import type {
  AccountRisk,
  AgentActivity,
  AgentMessage,
  MarketAlert,
  Outcome,
  Portfolio,
  Position,
  Session,
  Severity,
  StreamEvent,
  Tally,
  TradeExecuted,
  VoteRecord,
} from '../api/types';
import { num } from '../format';
import { NO_ACTIVITY, withActivity, withMissingVotes, withSaid, type AgentStatuses } from './agentActivity';

export type AlertCategory = 'market' | 'trade' | 'limit';

export interface AlertItem {
  key: string;
  seq: number;
  category: AlertCategory;
  severity: Severity;
  title: string;
  text: string;
  time: string;
  /** Arrived while the page was open, as opposed to replayed history: only these pop up. */
  live: boolean;
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

/** What the desk's own vote made of a proposal, read off its DECISION message. */
export interface Verdict {
  outcome: Outcome;
  tally: Tally | null;
}

export interface DeskState {
  session: Session | null;
  messages: AgentMessage[];
  /** The steps of the latest analysis (a rejection starts a new one). */
  reasoning: ReasoningLine[];
  trades: TradeMark[];
  alerts: AlertItem[];
  portfolio: Portfolio | null;
  /** The account's portfolio and risk as the stream last pushed them; null until it does. */
  accountRisk: AccountRisk | null;
  /** Recent prices per held ticker, for the cards' sparklines. */
  priceHistory: Record<string, number[]>;
  analysisComplete: boolean;
  /** Journal seq of the newest DECISION message. */
  lastDecisionSeq: number;
  /**
   * Journal seq of the newest decision or fill of a decision's order: the decision log reloads when
   * it moves, since a decision is journaled before its order is placed and filled.
   */
  decisionLogSeq: number;
  /** The desk's verdict per proposal id, so the proposal card can say whether the desk recommends it. */
  verdicts: Record<string, Verdict>;
  /** The session's journal seq when the page opened it; events up to it are history. */
  historyUpToSeq: number;
  /** The desk's clock as the latest frame told it; the market may run on a simulated clock. */
  deskTime: string | null;
  /** What each agent is doing, from the live `agent_activity` frames and the messages that follow them. */
  agents: AgentStatuses;
  /** The day's budget for the models is spent: the agents answer by their rules until the day turns. */
  modelBudgetSpent: boolean;
}

export const EMPTY_DESK: DeskState = {
  session: null,
  messages: [],
  reasoning: [],
  trades: [],
  alerts: [],
  portfolio: null,
  accountRisk: null,
  priceHistory: {},
  analysisComplete: false,
  lastDecisionSeq: 0,
  decisionLogSeq: 0,
  verdicts: {},
  historyUpToSeq: 0,
  deskTime: null,
  agents: NO_ACTIVITY,
  modelBudgetSpent: false,
};

export type DeskAction =
  | { kind: 'opened'; session: Session }
  | { kind: 'events'; events: StreamEvent[] }
  | { kind: 'session'; session: Session }
  | { kind: 'portfolio'; portfolio: Portfolio; time?: string }
  | { kind: 'reset' };

const SPARKLINE_POINTS = 120;
/** A decision's order is `q-<proposalId>`; stops and targets are `x-…`, closes `c-…` (docs/api.md). */
const DECISION_ORDER_PREFIX = 'q-';

/** The proposal whose decision placed the order, or null for a stop's, a target's or a close's. */
export function proposalOfOrder(clientOrderId: string): string | null {
  return clientOrderId.startsWith(DECISION_ORDER_PREFIX) ? clientOrderId.slice(DECISION_ORDER_PREFIX.length) : null;
}
const REASONING_LINES = 200;

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.kind) {
    case 'reset':
      return EMPTY_DESK;
    case 'opened':
      return { ...state, session: action.session, historyUpToSeq: action.session.lastSeq, modelBudgetSpent: budgetSpent(action.session) };
    case 'session':
      // The answer to the user's reject starts the re-analysis before its status frame arrives.
      return isAnalysing(action.session) && !isAnalysing(state.session)
        ? { ...state, session: action.session, reasoning: [], analysisComplete: false, modelBudgetSpent: budgetSpent(action.session) }
        : { ...state, session: action.session, modelBudgetSpent: budgetSpent(action.session) };
    case 'portfolio':
      return { ...withPortfolio(state, action.portfolio), deskTime: action.time ?? state.deskTime };
    case 'events':
      return applyEvents(state, action.events);
  }
}

/** Applies a batch at once: a replay of thousands of journal events costs one copy of each list, not one per event. */
function applyEvents(state: DeskState, events: StreamEvent[]): DeskState {
  if (events.length === 0) return state;
  const messages: AgentMessage[] = [];
  const reasoning: ReasoningLine[] = [];
  const trades: TradeMark[] = [];
  const alerts: AlertItem[] = [];
  let next = state;
  for (const event of events) {
    switch (event.type) {
      case 'agent_message':
      case 'reasoning':
      case 'complete':
      case 'proposal':
      case 'decision':
      case 'market_alert':
      case 'trade_executed': {
        const message = event.data as AgentMessage;
        messages.push(message);
        next = readMessage(next, message, event, { reasoning, trades, alerts });
        if (event.seq > next.historyUpToSeq) next = { ...next, agents: withSaid(next.agents, message) };
        break;
      }
      case 'status': {
        const session = event.data as Session;
        const analysing = isAnalysing(session);
        if (analysing && !isAnalysing(next.session)) {
          // A new analysis starts: its reasoning replaces the last one's.
          reasoning.length = 0;
          next = { ...next, reasoning: [], analysisComplete: false };
        }
        next = { ...next, session, modelBudgetSpent: budgetSpent(session) };
        break;
      }
      case 'agent_activity': {
        const activity = event.data as AgentActivity;
        const spent = activity.state === 'FELL_BACK' && activity.outcome === 'BUDGET_SPENT';
        next = { ...next, agents: withActivity(next.agents, activity), modelBudgetSpent: next.modelBudgetSpent || spent };
        break;
      }
      case 'position_update':
        next = withPortfolio(next, event.data as Portfolio);
        break;
      case 'position':
        next = withPosition(next, event.data as Position);
        break;
      case 'risk_update':
        next = { ...next, accountRisk: event.data as AccountRisk };
        break;
      case 'heartbeat':
      case 'resync':
      case 'pong':
        break;
    }
  }
  return {
    ...next,
    deskTime: events[events.length - 1].time ?? next.deskTime,
    messages: messages.length ? next.messages.concat(messages) : next.messages,
    reasoning: reasoning.length ? next.reasoning.concat(reasoning).slice(-REASONING_LINES) : next.reasoning,
    trades: trades.length ? next.trades.concat(trades) : next.trades,
    alerts: alerts.length ? next.alerts.concat(alerts) : next.alerts,
  };
}

/**
 * What a message means beyond the conversation. The frame's type says which step of the desk's
 * protocol it is; the message's content carries that step's terms. An `agent_message` frame is
 * conversation only (questions, vote requests, votes, observations), whatever its content.
 */
function readMessage(
  state: DeskState,
  message: AgentMessage,
  event: StreamEvent,
  out: { reasoning: ReasoningLine[]; trades: TradeMark[]; alerts: AlertItem[] },
): DeskState {
  const seq = event.seq;
  const time = message.timestamp ?? event.time;
  const live = seq > state.historyUpToSeq;
  const content = message.content;
  switch (event.type) {
    case 'reasoning':
      if (state.analysisComplete) {
        // The first step after an analysis completed starts the next analysis, read off the journal
        // itself: a replay after a reload shows the same steps as the live page did.
        out.reasoning.length = 0;
        state = { ...state, reasoning: [], analysisComplete: false };
      }
      out.reasoning.push({ seq, time, sender: message.sender, text: content.text });
      return state;
    case 'complete':
      return { ...state, analysisComplete: true };
    case 'trade_executed': {
      const trade = content.execution as TradeExecuted | null | undefined;
      if (!trade) return state;
      out.trades.push({ ...trade, seq, time });
      if (proposalOfOrder(trade.clientOrderId) !== null) state = { ...state, decisionLogSeq: Math.max(state.decisionLogSeq, seq) };
      out.alerts.push({
        key: `trade-${seq}`,
        seq,
        category: 'trade',
        severity: 'INFO',
        title: `${trade.side === 'BUY' ? 'Bought' : 'Sold'} ${trade.quantity} ${trade.ticker} @ ${trade.price}`,
        text: content.text,
        time,
        live,
      });
      return state;
    }
    case 'market_alert': {
      const alert = content as unknown as MarketAlert;
      const kind = String(alert.kind ?? 'ALERT');
      out.alerts.push({
        key: `alert-${seq}`,
        seq,
        category: kind === 'LIMIT_BREACH' ? 'limit' : 'market',
        severity: severityOf(alert.severity),
        title: [alert.ticker, kind.replaceAll('_', ' ').toLowerCase()].filter(Boolean).join(' · '),
        text: alert.text,
        time,
        live,
      });
      return state;
    }
    case 'decision': {
      const proposalId = String(content.proposalId ?? '');
      const verdict: Verdict = { outcome: content.outcome as Outcome, tally: (content.tally as Tally | undefined) ?? null };
      return {
        ...state,
        agents: live ? withMissingVotes(state.agents, (content.votes as VoteRecord[] | undefined) ?? []) : state.agents,
        lastDecisionSeq: Math.max(state.lastDecisionSeq, seq),
        decisionLogSeq: Math.max(state.decisionLogSeq, seq),
        verdicts: proposalId ? { ...state.verdicts, [proposalId]: verdict } : state.verdicts,
      };
    }
    default:
      return state;
  }
}

function budgetSpent(session: Session): boolean {
  return session.models?.budgetSpentToday ?? false;
}

function isAnalysing(session: Session | null): boolean {
  return session?.state === 'ANALYZING' || session?.state === 'RE_ANALYZING';
}

function severityOf(value: unknown): Severity {
  return value === 'CRITICAL' || value === 'WARNING' ? value : 'INFO';
}

function withPortfolio(state: DeskState, portfolio: Portfolio): DeskState {
  const priceHistory = { ...state.priceHistory };
  for (const position of portfolio.positions) appendPrice(priceHistory, position);
  return { ...state, portfolio, priceHistory };
}

/** A `position` frame: one position changed; quantity 0 means it was closed. The next portfolio update brings the P&L. */
function withPosition(state: DeskState, position: Position): DeskState {
  if (!position || typeof position.ticker !== 'string') return state;
  const current = state.portfolio ?? EMPTY_PORTFOLIO;
  const open = num(position.quantity) !== 0;
  const others = current.positions.filter((p) => p.ticker !== position.ticker);
  const positions = open ? [...others, position].sort((a, b) => a.ticker.localeCompare(b.ticker)) : others;
  const priceHistory = { ...state.priceHistory };
  if (open) appendPrice(priceHistory, position);
  return { ...state, portfolio: { ...current, positions }, priceHistory };
}

const EMPTY_PORTFOLIO: Portfolio = { positions: [], dailyPnl: '0.00', totalPnl: '0.00', realizedPnl: '0.00', unrealizedPnl: '0.00', equity: '0.00', cash: '0.00' };

function appendPrice(history: Record<string, number[]>, position: Position): void {
  const price = num(position.currentPrice);
  if (!Number.isFinite(price)) return;
  const series = history[position.ticker] ?? [];
  history[position.ticker] = series.length >= SPARKLINE_POINTS ? [...series.slice(1 - SPARKLINE_POINTS), price] : [...series, price];
}
