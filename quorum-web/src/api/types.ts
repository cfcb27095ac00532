// The shapes of docs/api.md. Money and prices stay decimal strings end to end; they are parsed only to display or compare.

export type Decimal = string;

export type SessionState = 'IDLE' | 'ANALYZING' | 'PROPOSAL' | 'RE_ANALYZING' | 'AUTO_TRADING' | 'STOPPED';
export type AgentRole = 'TECHNICAL' | 'FUNDAMENTAL' | 'SENTIMENT' | 'RISK' | 'EXECUTION' | 'ORCHESTRATOR';
export type MessageType = 'ALERT' | 'QUESTION' | 'UPDATE' | 'PROPOSAL' | 'VOTE_REQUEST' | 'VOTE' | 'DECISION';
export type Outcome = 'APPROVED' | 'APPROVED_MODIFIED' | 'REJECTED' | 'VETOED' | 'TIMED_OUT' | 'CANCELLED';
export type VoteChoice = 'APPROVE' | 'REJECT' | 'ABSTAIN' | 'VETO';
export type Direction = 'LONG' | 'SHORT';
export type TradeAction = 'OPEN_LONG' | 'OPEN_SHORT' | 'INCREASE' | 'REDUCE' | 'CLOSE' | 'ADJUST_STOPS';

export const AGENT_ROLES: readonly AgentRole[] = ['TECHNICAL', 'FUNDAMENTAL', 'SENTIMENT', 'RISK', 'EXECUTION', 'ORCHESTRATOR'];
export const MESSAGE_TYPES: readonly MessageType[] = ['ALERT', 'QUESTION', 'UPDATE', 'PROPOSAL', 'VOTE_REQUEST', 'VOTE', 'DECISION'];
export const OUTCOMES: readonly Outcome[] = ['APPROVED', 'APPROVED_MODIFIED', 'REJECTED', 'VETOED', 'TIMED_OUT', 'CANCELLED'];

export interface Size {
  unit: 'SHARES' | 'PERCENT_OF_POSITION';
  amount: Decimal;
}

export interface Proposal {
  id: string;
  action: TradeAction;
  ticker: string;
  direction: Direction;
  size: Size;
  entry: Decimal;
  stop: Decimal | null;
  target: Decimal | null;
  trailingStopPct: Decimal | null;
  rationale: string;
  text: string;
  notional: Decimal;
}

export interface AutoTradingConfig {
  maxPositionPct: Decimal;
  maxDailyLossPct: Decimal;
  maxTradesPerDay: number;
  tradingHoursStart: string;
  tradingHoursEnd: string;
  timeZone: string;
  requireConfirmationAbove: Decimal;
  decisionTimeoutSeconds: number;
  quorum: number;
  trailingStopPct: Decimal | null;
  flattenOnMaxLoss: boolean;
  /** How the session sizes a trade; the inputs its rule does not read are null. */
  sizing: Sizing;
}

export type SizingRuleName = 'FIXED_FRACTIONAL' | 'ATR_MULTIPLE' | 'VOLATILITY_TARGET' | 'FIXED_AMOUNT';

export interface Sizing {
  rule: SizingRuleName;
  /** FIXED_FRACTIONAL and ATR_MULTIPLE: % of equity lost at the stop. */
  riskPct: Decimal | null;
  /** ATR_MULTIPLE: the stop taken this many ATR(14) from the entry. */
  atrMultiple: Decimal | null;
  /** VOLATILITY_TARGET: % of equity one ATR(14) move of the position is worth. */
  targetDailyVolPct: Decimal | null;
  /** FIXED_AMOUNT: dollars per trade. */
  amount: Decimal | null;
}

export type TradingState = 'ACTIVE' | 'REDUCING' | 'HALTED';

export interface Session {
  id: string;
  /** The session's own ticker: the one it analysed and the user approved. */
  ticker: string;
  /** Every ticker the session watches and trades, its own first (absent from a server that predates watchlists). */
  watchlist?: string[];
  state: SessionState;
  stopReason: string | null;
  autoTrading: { enabled: boolean };
  /** What the session may trade: ACTIVE; REDUCING (only orders that reduce); HALTED (only exits). */
  trading: { state: TradingState; reason: string | null };
  proposal: Proposal | null;
  config: AutoTradingConfig;
  tradesToday: number;
  lastSeq: number;
  /** Whether a language model speaks for any agent, and whether the day's budget for the models is spent (then the rules answer). */
  models?: { enabled: boolean; budgetSpentToday: boolean };
}

/** The model behind a vote or an answer (`content.attribution`); absent when the rules said it. */
export interface Attribution {
  model: string;
  modelVersion: string;
  /** 0 to 1, as the model said. */
  confidence: Decimal;
  tokensIn: number;
  tokensOut: number;
  /** Dollars. */
  cost: Decimal;
  cached: boolean;
}

export type AgentWork = 'ANALYSIS' | 'VOTE' | 'ANSWER';

/** The data of an `agent_activity` frame: what one agent is doing now (not journaled, never replayed). */
export interface AgentActivity {
  role: AgentRole;
  work: AgentWork;
  state: 'STARTED' | 'DRAFTING' | 'DONE' | 'FELL_BACK';
  subject: string | null;
  /** DRAFTING: the model's answer so far. */
  text: string | null;
  /** FELL_BACK: TIMED_OUT, UNAVAILABLE, INVALID_ANSWER, REFUSED, CIRCUIT_OPEN, BUDGET_SPENT; null when the reasoner broke. */
  outcome: string | null;
  reason: string | null;
}

export interface RiskDisclosure {
  version: string;
  text: string;
}

/** `quantity` is whole shares; 0 in a `position` frame means the position was closed. */
export interface Position {
  ticker: string;
  direction: Direction;
  quantity: number;
  entryPrice: Decimal;
  currentPrice: Decimal | null;
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
  trailingStopPct: Decimal | null;
  openedAt: string;
  unrealizedPnl: Decimal;
  unrealizedPnlPct: Decimal;
  realizedPnl: Decimal;
}

export interface Portfolio {
  positions: Position[];
  dailyPnl: Decimal;
  totalPnl: Decimal;
  realizedPnl: Decimal;
  unrealizedPnl: Decimal;
  equity: Decimal;
  cash: Decimal;
}

export interface StopsChange {
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
  trailingStopPct: Decimal | null;
}

export type ConfirmationStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'EXPIRED';

export interface Confirmation {
  id: string;
  proposalId: string;
  ticker: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  notional: Decimal;
  expiresAt: string;
  status: ConfirmationStatus;
}

export interface Tally {
  approvals: number;
  rejections: number;
  abstentions: number;
  vetoed: boolean;
  quorum: number;
  voters: number;
}

export interface VoteRecord {
  voter: AgentRole;
  choice: VoteChoice;
  reason: string;
  received: boolean;
}

/** A vote as the DECISION message carries it: with the change a voter asked for, if any. */
export interface DecisionVote extends VoteRecord {
  modification: unknown;
}

export interface Fill {
  price: Decimal;
  quantity: number;
  time: string;
}

export interface OrderRecord {
  clientOrderId: string;
  /** Null for an order the desk's checks refused before it was sent. */
  side: 'BUY' | 'SELL' | null;
  quantity: number | null;
  status: string;
  /** Why the order was refused, in words; null when it was not. */
  refusal: string | null;
  fills: Fill[];
}

export interface DecisionEntry {
  seq: number;
  time: string;
  proposalId: string;
  ticker: string;
  action: TradeAction;
  outcome: Outcome;
  tally: Tally;
  votes: VoteRecord[];
  terms: Proposal;
  text: string;
  orders: OrderRecord[];
}

export interface DecisionPage {
  items: DecisionEntry[];
  total: number;
}

/** `content` always has `text`; the other fields depend on `type` (see the engine's Payload records). */
export interface MessageContent {
  text: string;
  [field: string]: unknown;
}

export interface AgentMessage {
  id: string;
  seq: number;
  sender: AgentRole;
  recipients: 'ALL' | AgentRole[];
  type: MessageType;
  content: MessageContent;
  timestamp: string;
  replyTo: string | null;
  requiresResponse: boolean;
  responseTimeout: string | null;
}

export type UpdateKind = 'REASONING' | 'OBSERVATION' | 'STATUS' | 'POSITION' | 'TRADE_EXECUTED' | 'CONFIRMATION_REQUESTED' | 'ANALYSIS_COMPLETE';
export type Severity = 'INFO' | 'WARNING' | 'CRITICAL';

/** `content.execution` of an UPDATE whose kind is TRADE_EXECUTED. */
/** Why the desk sent an order: its decision, a protective exit, or the user. */
export type OrderCause = 'DECISION' | 'STOP_LOSS' | 'TAKE_PROFIT' | 'TRAILING_STOP' | 'MANUAL' | 'USER_CLOSE' | 'FLATTEN' | 'LOSS_LIMIT';

export interface TradeExecuted {
  clientOrderId: string;
  ticker: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: Decimal;
  /** Why the order was sent, in the desk's words; `cause` says it as a kind. */
  reason: string;
  cause: OrderCause;
}

/** An ALERT message's content, and (with its journal seq and time) an item of `GET .../alerts`. */
export interface MarketAlert {
  kind: string;
  severity: Severity;
  ticker: string | null;
  text: string;
}

export interface AlertRecord extends MarketAlert {
  seq: number;
  time: string;
}

export interface Bar {
  time: number;
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  volume: number;
}

export interface Quote {
  ticker: string;
  last: Decimal;
  bid: Decimal;
  ask: Decimal;
  time: string;
}

/**
 * The frames of the session stream (docs/api.md). Every journaled agent message is one frame whose
 * type names its step of the desk's protocol, with the message as its data: `reasoning`, `complete`
 * (the analysis is done), `proposal`, `decision`, `market_alert`, `trade_executed`; `agent_message`
 * for the rest of the conversation. `status` carries the Session, `position` one Position,
 * `position_update` the whole Portfolio, `risk_update` the account's portfolio and risk (GET /api/portfolio and /api/risk),
 * `agent_activity` what one agent is doing while the desk analyses or votes.
 */
export type MessageFrameType = 'reasoning' | 'complete' | 'proposal' | 'decision' | 'market_alert' | 'trade_executed' | 'agent_message';

export type StreamEventType =
  | MessageFrameType
  | 'status'
  | 'position'
  | 'position_update'
  | 'risk_update'
  | 'agent_activity'
  | 'heartbeat'
  | 'resync'
  | 'pong';

export interface StreamEvent<T = unknown> {
  type: StreamEventType;
  seq: number;
  sessionId: string;
  time: string;
  data: T;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export const EXIT_REASONS = ['STOP_LOSS', 'TAKE_PROFIT', 'TRAILING_STOP', 'DECISION', 'USER', 'FLATTEN', 'LOSS_LIMIT'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** A round trip at its fill prices (`GET /api/sessions/{id}/trades`, `GET /api/trades`); `pnl` is gross of commissions. */
export interface ClosedTrade {
  sessionId: string;
  ticker: string;
  direction: 'LONG' | 'SHORT';
  quantity: number;
  entryPrice: Decimal;
  exitPrice: Decimal;
  openedAt: string;
  closedAt: string;
  pnl: Decimal;
  pnlPct: Decimal;
  exitReason: ExitReason;
  exitDetail: string;
  entryOrderIds: string[];
  exitOrderId: string;
}

/** `GET /api/sessions/{id}/performance`, `GET /api/performance`: computed on the server (see docs/api.md for the conventions). */
export interface Performance {
  capital: Decimal;
  equity: { time: string; equity: Decimal; drawdown: Decimal; drawdownPct: Decimal }[];
  daily: { date: string; pnl: Decimal }[];
  stats: {
    trades: number;
    wins: number;
    losses: number;
    winRate: Decimal | null;
    profitFactor: Decimal | null;
    averageWin: Decimal | null;
    averageLoss: Decimal | null;
    totalPnl: Decimal;
    maxDrawdown: Decimal;
    maxDrawdownPct: Decimal;
    sharpe: Decimal | null;
  };
}

/** Net exposure of one ticker or sector (shorts negative), in dollars and in per cent of equity. */
export interface Exposure {
  name: string;
  exposure: Decimal;
  pctOfEquity: Decimal;
}

/** One session's position as the account holds it, with its sector and signed market value. */
export interface HeldPosition {
  sessionId: string;
  sector: string;
  marketValue: Decimal;
  position: Position;
}

/** `GET /api/portfolio`: the account seen whole, every session's positions; per cents are of equity. */
export interface AccountPortfolio {
  equity: Decimal;
  cash: Decimal;
  grossExposure: Decimal;
  grossExposurePct: Decimal;
  netExposure: Decimal;
  netExposurePct: Decimal;
  positions: HeldPosition[];
  byTicker: Exposure[];
  bySector: Exposure[];
}

export type RiskMethod = 'HISTORICAL' | 'PARAMETRIC';

/** A one-day Value-at-Risk and Expected Shortfall: losses in dollars, never negative. */
export interface TailRiskFigure {
  method: RiskMethod;
  confidence: '95' | '99';
  valueAtRisk: Decimal;
  valueAtRiskPct: Decimal;
  expectedShortfall: Decimal;
  expectedShortfallPct: Decimal;
}

/** A scenario's P&L on today's positions (negative is a loss) and the tickers it could not price. */
export interface StressFigure {
  scenario: string;
  pnl: Decimal;
  pnlPct: Decimal;
  uncovered: string[];
}

/** `values[i][j]` is the correlation of `tickers[i]` and `tickers[j]` (four places); volatilities in per cent. */
export interface Correlation {
  tickers: string[];
  values: Decimal[][];
  dailyVolatilityPct: Decimal[];
  annualVolatilityPct: Decimal[];
}

/** `GET /api/risk`: conventions in docs/portfolio-risk.md. `valueAtRisk` is empty before two days of history. */
export interface Risk {
  equity: Decimal;
  historyDays: number;
  valueAtRisk: TailRiskFigure[];
  stress: StressFigure[];
  correlation: Correlation;
  /** Tickers held without return history, in no VaR. */
  uncovered: string[];
  /** The account's limits the RiskEngine holds every order to, per cent of equity. */
  limits: RiskLimits;
}

/** Per cent of equity, as the `risk` section of quorum.yml sets them. */
export interface RiskLimits {
  grossExposurePct: Decimal;
  netExposurePct: Decimal;
  sectorPct: Decimal;
  valueAtRisk99Pct: Decimal;
  stressLossPct: Decimal;
}

/** The data of a `risk_update` frame: the account's portfolio and risk, as the two routes answer them. */
export interface AccountRisk {
  portfolio: AccountPortfolio;
  risk: Risk;
}

/** One answer of `GET /api/tickers?q=`: what the market-data feed offers for a symbol or a name. */
export interface TickerMatch {
  symbol: string;
  name: string;
  exchange: string;
  type?: string;
}

export type Side = 'BUY' | 'SELL';

/** An order's state in the venue's words. */
export type VenueOrderState = 'ACCEPTED' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELLED' | 'REJECTED' | 'EXPIRED';
/** Who keeps an order's stop and target: the venue (a bracket) or the desk's position manager. */
export type StopsKeeper = 'VENUE' | 'DESK';

export interface VenueOrder {
  clientOrderId: string;
  ticker: string;
  side: Side;
  quantity: number;
  type: string;
  limitPrice: Decimal | null;
  state: VenueOrderState;
  filledQuantity: number;
  averagePrice: Decimal | null;
  stopsKeptBy: StopsKeeper;
  /** Set when the order is one of the two exits the venue works for a bracketed entry. */
  bracketLeg: 'TAKE_PROFIT' | 'STOP_LOSS' | null;
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
  updatedAt: string;
}

/** GET /api/broker: the broker's account, from the server's read model. */
export interface BrokerAccount {
  broker: 'paper' | 'alpaca';
  brokerName: string;
  live: boolean;
  awaitingLiveConfirmation: boolean;
  /** Masked to its last four characters. */
  accountNumber: string;
  cash: Decimal | null;
  buyingPower: Decimal | null;
  equity: Decimal | null;
  asOf: string | null;
  orders: VenueOrder[];
}

/** POST /api/sessions/{id}/orders: the user's own order on the session's ticker. */
export interface OrderTicketRequest {
  /** A ticker of the session's watchlist; the session's own when absent. */
  ticker?: string;
  side: Side;
  quantity: number;
  type: 'MARKET' | 'LIMIT';
  limitPrice: Decimal | null;
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
}

export interface TicketReceipt {
  outcome: 'SENT' | 'REFUSED';
  clientOrderId: string | null;
  stopsKeptBy: StopsKeeper | null;
  reason: string | null;
  sentence: string | null;
}

export type BacktestState = 'running' | 'done' | 'failed';
export type BacktestMode = 'desk' | 'single-agent';
/** Where the answers of agents a language model speaks for come from, when the server's configuration has an llm section. */
export type LlmAnswers = 'cached' | 'recorded' | 'live';

/** POST /api/backtests: a CSV file named relative to the server's data folder; what is left out takes the command's default. */
export interface BacktestRequest {
  file: string;
  ticker: string;
  strategy?: string;
  mode?: BacktestMode;
  size?: number;
  cash?: Decimal;
  from?: string;
  to?: string;
  commissionPerShare?: Decimal;
  commissionPerOrder?: Decimal;
  commissionBps?: number;
  slippageBps?: number;
  stopPct?: Decimal;
  targetPct?: Decimal;
  trailPct?: Decimal;
  llmAnswers?: LlmAnswers;
}

export interface BacktestProgress {
  barsDone: number;
  totalBars: number;
  barsPerSecond: number;
  etaSeconds: number | null;
}

/** A report's headline: ratios as fractions (0.0265 is 2.65%); null where undefined; decisions and vetoes only for the desk's vote. */
export interface BacktestFigures {
  netPnl: Decimal;
  totalReturn: number | null;
  cagr: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  trades: number;
  winRate: number | null;
  decisions: number | null;
  vetoes: number | null;
  /** What the agents asked of a language model; null when none did. */
  llm: BacktestModelFigures | null;
}

/** A run's language model: where the answers came from, calls and fallbacks, what the answers cost, the calls made for real this run, and the headline's line. */
export interface BacktestModelFigures {
  answers: LlmAnswers;
  calls: number;
  fallbacks: number;
  cost: Decimal;
  askedOfModel: number | null;
  line: string;
}

export interface Backtest {
  id: string;
  state: BacktestState;
  reason: string | null;
  file: string;
  ticker: string;
  strategy: string;
  mode: BacktestMode;
  size: number;
  cash: Decimal;
  from: string | null;
  to: string | null;
  startedAt: string;
  finishedAt: string | null;
  progress: BacktestProgress;
  figures: BacktestFigures | null;
}
