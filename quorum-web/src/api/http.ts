import type {
  AccountPortfolio,
  AgentMessage,
  AlertRecord,
  AutoTradingConfig,
  Backtest,
  BacktestRequest,
  Bar,
  BrokerAccount,
  ClosedTrade,
  Confirmation,
  DecisionPage,
  FieldError,
  Performance,
  Portfolio,
  OrderTicketRequest,
  Position,
  Problem,
  Quote,
  Risk,
  RiskDisclosure,
  Session,
  StopsChange,
  TickerMatch,
  TicketReceipt,
} from './types';

/** A refused request, with the server's RFC 9457 problem when it sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problem?.errors ?? []) byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
    return byField;
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface DecisionQuery {
  ticker?: string;
  outcome?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Every REST route of docs/api.md, each sending the bearer token. */
export class ApiClient {
  constructor(readonly token: string, private readonly fetcher: FetchLike = (input, init) => fetch(input, init), private readonly base = '') {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.fetcher(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async fetchFile(path: string): Promise<Response> {
    const response = await this.fetcher(this.base + path, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    return response;
  }

  private async download(path: string): Promise<Blob> {
    return (await this.fetchFile(path)).blob();
  }

  listSessions = () => this.request<Session[]>('GET', '/api/sessions');
  getSession = (id: string) => this.request<Session>('GET', `/api/sessions/${enc(id)}`);
  createSession = (ticker: string) => this.request<Session>('POST', '/api/sessions', { ticker });
  approve = (id: string, proposalId: string) => this.request<Session>('POST', `/api/sessions/${enc(id)}/approve`, { proposalId });
  reject = (id: string, proposalId: string, reason: string) => this.request<Session>('POST', `/api/sessions/${enc(id)}/reject`, { proposalId, reason });
  stop = (id: string) => this.request<Session>('POST', `/api/sessions/${enc(id)}/stop`, {});
  archive = (id: string) => this.request<void>('POST', `/api/sessions/${enc(id)}/archive`, {});

  riskDisclosure = () => this.request<RiskDisclosure>('GET', '/api/risk-disclosure');
  getConfig = (id: string) => this.request<AutoTradingConfig>('GET', `/api/sessions/${enc(id)}/config`);
  putConfig = (id: string, config: AutoTradingConfig) => this.request<AutoTradingConfig>('PUT', `/api/sessions/${enc(id)}/config`, config);
  enableAutoTrading = (id: string, acceptedDisclosureVersion: string) =>
    this.request<Session>('POST', `/api/sessions/${enc(id)}/auto-trading/enable`, { acceptedDisclosureVersion });
  disableAutoTrading = (id: string) => this.request<Session>('POST', `/api/sessions/${enc(id)}/auto-trading/disable`, {});
  flatten = (id: string) => this.request<Portfolio>('POST', `/api/sessions/${enc(id)}/flatten`, {});

  positions = (id: string) => this.request<Portfolio>('GET', `/api/sessions/${enc(id)}/positions`);
  watch = (id: string, ticker: string) => this.request<Session>('POST', `/api/sessions/${enc(id)}/watchlist`, { ticker });
  unwatch = (id: string, ticker: string) => this.request<Session>('DELETE', `/api/sessions/${enc(id)}/watchlist/${enc(ticker)}`);
  closePosition = (id: string, ticker: string) => this.request<Portfolio>('POST', `/api/sessions/${enc(id)}/positions/${enc(ticker)}/close`, {});
  changeStops = (id: string, ticker: string, stops: StopsChange) =>
    this.request<Position>('PUT', `/api/sessions/${enc(id)}/positions/${enc(ticker)}/stops`, stops);

  placeOrder = (id: string, ticket: OrderTicketRequest) => this.request<TicketReceipt>('POST', `/api/sessions/${enc(id)}/orders`, ticket);
  brokerAccount = () => this.request<BrokerAccount>('GET', '/api/broker');
  confirmLiveAccount = (accountNumber: string) => this.request<BrokerAccount>('POST', '/api/broker/live-confirmation', { accountNumber });

  confirmations = (id: string) => this.request<Confirmation[]>('GET', `/api/sessions/${enc(id)}/confirmations`);
  approveConfirmation = (id: string, cid: string) => this.request<Confirmation>('POST', `/api/sessions/${enc(id)}/confirmations/${enc(cid)}/approve`, {});
  denyConfirmation = (id: string, cid: string) => this.request<Confirmation>('POST', `/api/sessions/${enc(id)}/confirmations/${enc(cid)}/deny`, {});

  decisions = (id: string, query: DecisionQuery) => this.request<DecisionPage>('GET', `/api/sessions/${enc(id)}/decisions${queryString(query)}`);
  searchTickers = async (query: string) =>
    (await this.request<{ tickers: TickerMatch[] }>('GET', `/api/tickers?q=${encodeURIComponent(query)}&limit=8`)).tickers;
  trades = (id: string) => this.request<ClosedTrade[]>('GET', `/api/sessions/${enc(id)}/trades`);
  accountTrades = () => this.request<ClosedTrade[]>('GET', '/api/trades');
  performance = (id: string) => this.request<Performance>('GET', `/api/sessions/${enc(id)}/performance`);
  accountPerformance = () => this.request<Performance>('GET', '/api/performance');
  accountPortfolio = () => this.request<AccountPortfolio>('GET', '/api/portfolio');
  risk = () => this.request<Risk>('GET', '/api/risk');
  exportDecisions = (id: string, format: 'csv' | 'json') => this.download(`/api/sessions/${enc(id)}/decisions/export?format=${format}`);
  messages = (id: string, afterSeq: number, limit = 500) =>
    this.request<{ items: AgentMessage[] }>('GET', `/api/sessions/${enc(id)}/messages${queryString({ afterSeq, limit })}`);
  alerts = (id: string) => this.request<AlertRecord[]>('GET', `/api/sessions/${enc(id)}/alerts`);

  backtests = () => this.request<Backtest[]>('GET', '/api/backtests');
  backtest = (id: string) => this.request<Backtest>('GET', `/api/backtests/${enc(id)}`);
  startBacktest = (request: BacktestRequest) => this.request<Backtest>('POST', '/api/backtests', request);
  backtestDataFiles = async () => (await this.request<{ file: string }[]>('GET', '/api/backtests/data')).map((entry) => entry.file);
  /** A finished run's report.html, fetched with the token (a link could not send it) to show in a frame. */
  backtestReport = async (id: string) => (await this.fetchFile(`/api/backtests/${enc(id)}/report.html`)).text();
  backtestFile = (id: string, name: 'report.json' | 'trades.csv') => this.download(`/api/backtests/${enc(id)}/${name}`);

  bars = (ticker: string, interval: '1m' | '1d', count = 300) => this.request<Bar[]>('GET', `/api/market/${enc(ticker)}/bars${queryString({ interval, count })}`);
  quote = (ticker: string) => this.request<Quote>('GET', `/api/market/${enc(ticker)}/quote`);
}

function enc(part: string): string {
  return encodeURIComponent(part);
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const text = await response.text();
    if (!text) return { status: response.status, title: response.statusText };
    const parsed = JSON.parse(text) as Problem;
    return { ...parsed, status: parsed.status ?? response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const generic = (error.problem?.errors ?? []).filter((e: FieldError) => !e.field).map((e: FieldError) => e.message);
    return [error.message, ...generic].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}
