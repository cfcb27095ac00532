import type { AgentMessage, AgentRole, AutoTradingConfig, MessageType, Position, Session } from '../src/api/types';

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
};

export function session(overrides: Partial<Session> = {}): Session {
  return {
    id: 's1',
    ticker: 'AAPL',
    state: 'PROPOSAL',
    stopReason: null,
    autoTrading: { enabled: false },
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
    quantity: '120',
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
