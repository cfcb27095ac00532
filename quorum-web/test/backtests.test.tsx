import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../src/api/http';
import type { Backtest, BacktestRequest } from '../src/api/types';
import { BacktestsPanel } from '../src/components/BacktestsPanel';
import { IDLE_POLL_MS, NEW_BACKTEST, formatEta, formatFraction, modelSummary, progressShare, requestOf, tickerOfFile } from '../src/state/backtests';

function run(overrides: Partial<Backtest> = {}): Backtest {
  return {
    id: '6f1c2d3e-0000-4000-8000-000000000001',
    state: 'done',
    reason: null,
    file: 'market/ORCL.csv',
    ticker: 'ORCL',
    strategy: 'sma-cross:10,30',
    mode: 'single-agent',
    size: 100,
    cash: '100000.00',
    from: null,
    to: null,
    startedAt: '2025-03-03T14:30:00Z',
    finishedAt: '2025-03-03T14:30:02Z',
    progress: { barsDone: 300, totalBars: 300, barsPerSecond: 150000, etaSeconds: 0 },
    figures: { netPnl: '2646.07', totalReturn: 0.0265, cagr: 0.0013, sharpe: 0.22, maxDrawdown: 0.023, trades: 98, winRate: 0.4082, decisions: null, vetoes: null, llm: null },
    ...overrides,
  };
}

const running = run({ state: 'running', finishedAt: null, figures: null, progress: { barsDone: 120, totalBars: 300, barsPerSecond: 60, etaSeconds: 3 } });

function fakeApi(overrides: Partial<Record<keyof ApiClient, unknown>> = {}) {
  return {
    backtests: vi.fn(async () => [] as Backtest[]),
    backtestDataFiles: vi.fn(async () => ['market/ORCL.csv', 'AAPL-PT1D-2013.csv']),
    startBacktest: vi.fn(async (_: BacktestRequest) => running),
    backtestReport: vi.fn(async () => '<html><body><h1>Backtest report</h1><svg></svg></body></html>'),
    backtestFile: vi.fn(async () => new Blob(['{}'])),
    ...overrides,
  } as unknown as ApiClient;
}

describe('the backtest form and figures', () => {
  it('send only what the user filled in, the ticker upper-case and the strategy with its parameters', () => {
    expect(requestOf({ ...NEW_BACKTEST, file: 'market/ORCL.csv', ticker: ' orcl ', parameters: '5, 20', size: '', cash: '', mode: 'single-agent' })).toEqual({
      file: 'market/ORCL.csv',
      ticker: 'ORCL',
      strategy: 'sma-cross:5,20',
      mode: 'single-agent',
    });
    expect(requestOf({ ...NEW_BACKTEST, file: 'a.csv', ticker: 'A', from: '2013-01-02', slippageBps: '5', stopPct: '2.5' })).toMatchObject({
      size: 100,
      cash: '100000',
      from: '2013-01-02',
      slippageBps: 5,
      stopPct: '2.5',
    });
  });

  it('sum up a run’s language model in a few words', () => {
    expect(modelSummary({ answers: 'cached', calls: 40, fallbacks: 3, cost: '0.012300', askedOfModel: 0, line: 'Language model (cached): …' })).toBe(
      'LLM cached · 40 calls · 3 fell back · $0.012300 · 0 asked this run',
    );
  });

  it('ask the desk’s vote for the model answers chosen, and a single agent for none', () => {
    expect(requestOf({ ...NEW_BACKTEST, file: 'a.csv', ticker: 'A', llmAnswers: 'recorded' })).toMatchObject({ mode: 'desk', llmAnswers: 'recorded' });
    expect(requestOf({ ...NEW_BACKTEST, file: 'a.csv', ticker: 'A', mode: 'single-agent' })).not.toHaveProperty('llmAnswers');
  });

  it('guess the ticker from the data file’s name', () => {
    expect(tickerOfFile('market/AAPL-PT1D-20130102_20131231.csv')).toBe('AAPL');
    expect(tickerOfFile('orcl-1995-2014.csv')).toBe('ORCL');
    expect(tickerOfFile('BRK.B.csv')).toBe('BRK.B');
    expect(tickerOfFile('2024.csv')).toBe('');
  });

  it('read the progress and the ratios as a trader reads them', () => {
    expect(progressShare({ barsDone: 150, totalBars: 300, barsPerSecond: 1, etaSeconds: 1 })).toBe(0.5);
    expect(progressShare({ barsDone: 0, totalBars: 0, barsPerSecond: 0, etaSeconds: null })).toBe(0);
    expect(formatEta(null)).toBe('—');
    expect(formatEta(42)).toBe('42 s');
    expect(formatEta(185)).toBe('3 min 05 s');
    expect(formatEta(3720)).toBe('1 h 02 min');
    expect(formatFraction(0.0265)).toBe('2.65%');
    expect(formatFraction(null)).toBe('—');
  });
});

describe('the Backtests view', () => {
  it('starts a run on the chosen data file, follows its progress every second and lists its figures once done', async () => {
    const api = fakeApi();
    const answers: Backtest[][] = [[], [running], [run()]];
    vi.mocked(api.backtests).mockImplementation(async () => (answers.length > 1 ? answers.shift()! : answers[0]));
    render(<BacktestsPanel api={api} />);

    const form = await screen.findByRole('form', { name: 'Start a backtest' });
    await waitFor(() => expect(within(form).getByLabelText('Ticker')).toHaveValue('ORCL'));
    await userEvent.selectOptions(within(form).getByLabelText('Mode'), 'single-agent');
    await userEvent.click(within(form).getByRole('button', { name: 'Start backtest' }));

    expect(api.startBacktest).toHaveBeenCalledWith({ file: 'market/ORCL.csv', ticker: 'ORCL', strategy: 'sma-cross:10,30', mode: 'single-agent', size: 100, cash: '100000' });
    const progress = await screen.findByRole('progressbar', { name: 'Backtest of ORCL: 40% done' });
    expect(progress).toHaveAttribute('value', '0.4');
    expect(screen.getByText('120 of 300 bars · 60 bars/s · ETA 3 s')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Start backtest' })).toBeDisabled();

    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Backtest runs' })).getByText('done')).toBeInTheDocument(), { timeout: 3000 });
    const row = within(screen.getByRole('table', { name: 'Backtest runs' })).getByRole('row', { name: /ORCL · sma-cross:10,30/ });
    for (const figure of [/2,646\.07/, '2.65%', '0.13%', '0.22', '2.30%', '98', '40.82%']) expect(within(row).getByText(figure)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('opens a finished run’s report in a frame that runs no script, and closes it', async () => {
    const api = fakeApi({ backtests: vi.fn(async () => [run()]) });
    render(<BacktestsPanel api={api} />);

    await userEvent.click(await screen.findByRole('button', { name: /^Open the report of ORCL sma-cross:10,30/ }));

    const frame = await screen.findByTitle('Report of ORCL · sma-cross:10,30');
    expect(api.backtestReport).toHaveBeenCalledWith(run().id);
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('<h1>Backtest report</h1>');
    await userEvent.click(screen.getByRole('button', { name: 'Close report' }));
    expect(screen.queryByTitle('Report of ORCL · sma-cross:10,30')).not.toBeInTheDocument();
  });

  it('shows a failed run with its reason and the desk’s decisions and vetoes of a desk run', async () => {
    const failed = run({ id: 'f', state: 'failed', reason: 'the file is refused: line 3: high below low', figures: null, ticker: 'BAD' });
    const desk = run({ id: 'd', mode: 'desk', figures: { ...run().figures!, decisions: 41, vetoes: 6 } });
    render(<BacktestsPanel api={fakeApi({ backtests: vi.fn(async () => [failed, desk]) })} />);

    const table = await screen.findByRole('table', { name: 'Backtest runs' });
    await within(table).findByText('the file is refused: line 3: high below low');
    expect(within(table).getByText('41 · 6')).toBeInTheDocument();
    expect(within(table).getAllByRole('button', { name: /^Open the report/ })).toHaveLength(1);
  });

  it('puts the server’s refusal beside the field it names, and a busy server’s sentence under the form', async () => {
    const api = fakeApi();
    vi.mocked(api.startBacktest)
      .mockRejectedValueOnce(new ApiError(400, { status: 400, title: 'Bad Request', detail: "file: '..' is refused", errors: [{ field: 'file', message: "'..' is refused" }] }))
      .mockRejectedValueOnce(new ApiError(409, { status: 409, title: 'Conflict', detail: 'backtest x is running: one runs at a time on this server' }));
    render(<BacktestsPanel api={api} />);
    const start = await screen.findByRole('button', { name: 'Start backtest' });
    await waitFor(() => expect(start).toBeEnabled());

    await userEvent.click(start);
    expect(await screen.findByText("'..' is refused")).toBeInTheDocument();
    await userEvent.click(start);
    expect(await screen.findByText('backtest x is running: one runs at a time on this server')).toBeInTheDocument();
  });

  it('says how to add data when the data folder has no CSV file', async () => {
    render(<BacktestsPanel api={fakeApi({ backtestDataFiles: vi.fn(async () => []) })} />);

    expect(await screen.findByText(/No CSV file in the server’s data folder/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Start a backtest' })).not.toBeInTheDocument();
  });
});

describe('the Backtests view with no run of its own', () => {
  it('still picks up a run started elsewhere, at the idle pace', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const api = fakeApi();
      vi.mocked(api.backtests).mockResolvedValueOnce([]).mockResolvedValue([running]);
      render(<BacktestsPanel api={api} />);
      await screen.findByText('No backtest yet.');

      await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);

      expect(await screen.findByRole('progressbar', { name: 'Backtest of ORCL: 40% done' })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});
