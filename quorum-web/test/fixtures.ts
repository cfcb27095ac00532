import type { AgentMessage, AgentRole, AutoTradingConfig, MessageFrameType, MessageType, Portfolio, Position, Proposal, Session, StreamEvent } from '../src/api/types';

let nextSeq = 1;

export function agentMessage(sender: AgentRole, type: MessageType, content: Record<string, unknown>, seq = nextSeq++): AgentMessage {
  return {
    id: `m-${seq}`,
    seq,
    sender,
    recipients: 'ALL',
    type,
    content: { text: `${sender} says ${type}`, ...content },
    timestamp: '2025-03-03T14:30:00Z',
    replyTo: null,
    requiresResponse: false,
    responseTimeout: 'PT30S',
  };
}

export const CONFIG: AutoTradingConfig = {
  maxPositionPct: '25',
  maxDailyLossPct: '5',
  maxTradesPerDay: 10,
  tradingHoursStart: '09:30',
  tradingHoursEnd: '16:00',
  timeZone: 'America/New_York',
  requireConfirmationAbove: '10000',
  decisionTimeoutSeconds: 30,
  quorum: 3,
  trailingStopPct: null,
  flattenOnMaxLoss: true,
  sizing: { rule: 'FIXED_FRACTIONAL', riskPct: '1', atrMultiple: null, targetDailyVolPct: null, amount: null },
};

export function session(overrides: Partial<Session> = {}): Session {
  return {
    id: 's1',
    ticker: 'AAPL',
    watchlist: ['AAPL'],
    state: 'PROPOSAL',
    stopReason: null,
    autoTrading: { enabled: false },
    trading: { state: 'ACTIVE', reason: null },
    proposal: null,
    config: CONFIG,
    tradesToday: 3,
    lastSeq: 0,
    ...overrides,
  };
}

export function position(overrides: Partial<Position> = {}): Position {
  return {
    ticker: 'AAPL',
    direction: 'LONG',
    quantity: 120,
    entryPrice: '178.50',
    currentPrice: '180.00',
    stopLoss: '175.00',
    takeProfit: '190.00',
    trailingStopPct: null,
    openedAt: '2025-03-03T14:31:00Z',
    unrealizedPnl: '180.00',
    unrealizedPnlPct: '0.84',
    realizedPnl: '0',
    ...overrides,
  };
}

export function portfolio(overrides: Partial<Portfolio> = {}): Portfolio {
  return {
    positions: [position()],
    dailyPnl: '0.00',
    totalPnl: '0.00',
    realizedPnl: '0.00',
    unrealizedPnl: '0.00',
    equity: '100000.00',
    cash: '78580.00',
    ...overrides,
  };
}

/** A stream frame as the server sends it; a message frame's seq is its message's journal seq. */
export function frame(type: StreamEvent['type'], seq: number, data: unknown, time = '2025-03-03T14:31:00Z'): StreamEvent {
  return { type, seq, sessionId: 's1', time, data };
}

/** The frame the server sends a journaled message in (StreamHub.typeOf). */
export function frameTypeOf(message: AgentMessage): MessageFrameType {
  switch (message.type) {
    case 'UPDATE':
      switch (message.content.kind) {
        case 'REASONING':
          return 'reasoning';
        case 'ANALYSIS_COMPLETE':
          return 'complete';
        case 'TRADE_EXECUTED':
          return 'trade_executed';
        default:
          return 'agent_message';
      }
    case 'PROPOSAL':
      return 'proposal';
    case 'DECISION':
      return 'decision';
    case 'ALERT':
      return 'market_alert';
    default:
      return 'agent_message';
  }
}

export function messageFrame(message: AgentMessage): StreamEvent {
  return frame(frameTypeOf(message), message.seq, message, message.timestamp);
}

/** A proposal the desk recommends: a long of 120 AAPL. */
export const proposal: Proposal = {
  id: 'p1',
  action: 'OPEN_LONG',
  ticker: 'AAPL',
  direction: 'LONG',
  size: { unit: 'SHARES', amount: '120' },
  entry: '178.50',
  stop: '175.00',
  target: '190.00',
  trailingStopPct: null,
  rationale: 'Breakout above the 200-day SMA on volume',
  text: 'Open 120 AAPL long',
  notional: '21420.00',
};
