import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf, type ApiClient } from '../api/http';
import type { Backtest, BacktestMode, BacktestModelFigures, BacktestProgress, BacktestRequest, LlmAnswers } from '../api/types';

/** How often the list is asked again while a run is running: the progress bar moves once a second. */
export const POLL_MS = 1000;
/** How often it is asked while none runs, so that a run started elsewhere (another tab, the API) shows up. */
export const IDLE_POLL_MS = 10_000;

export type StrategyName = 'sma-cross' | 'ema-cross' | 'rsi-reversion' | 'breakout' | 'macd';

/** The Technical signal's strategies, with what their parameters mean, as quorum backtest --strategy takes them. */
export const STRATEGIES: { name: StrategyName; label: string; parameters: string; defaults: string }[] = [
  { name: 'sma-cross', label: 'SMA cross', parameters: 'FAST,SLOW', defaults: '10,30' },
  { name: 'ema-cross', label: 'EMA cross', parameters: 'FAST,SLOW', defaults: '12,26' },
  { name: 'rsi-reversion', label: 'RSI reversion', parameters: 'N,LOW,HIGH', defaults: '14,30,70' },
  { name: 'breakout', label: 'Breakout', parameters: 'N', defaults: '20' },
  { name: 'macd', label: 'MACD', parameters: 'FAST,SLOW,SIGNAL', defaults: '12,26,9' },
];

/** The start form as typed: every field text, blank meaning the server's default. */
export interface BacktestForm {
  file: string;
  ticker: string;
  strategy: StrategyName;
  parameters: string;
  mode: BacktestMode;
  llmAnswers: LlmAnswers;
  size: string;
  cash: string;
  from: string;
  to: string;
  commissionPerShare: string;
  slippageBps: string;
  stopPct: string;
  targetPct: string;
  trailPct: string;
}

export const NEW_BACKTEST: BacktestForm = {
  file: '',
  ticker: '',
  strategy: 'sma-cross',
  parameters: '10,30',
  mode: 'desk',
  llmAnswers: 'cached',
  size: '100',
  cash: '100000',
  from: '',
  to: '',
  commissionPerShare: '',
  slippageBps: '',
  stopPct: '',
  targetPct: '',
  trailPct: '',
};

/** "LLM cached · 40 calls · 3 fell back · $0.0123 · 0 asked": a run's language model in the list; the whole line is its title. */
export function modelSummary(llm: BacktestModelFigures): string {
  const asked = llm.askedOfModel === null ? '' : ` · ${llm.askedOfModel} asked this run`;
  return `LLM ${llm.answers} · ${llm.calls} calls · ${llm.fallbacks} fell back · $${llm.cost}${asked}`;
}

/** The request the form asks for; blank fields are left out so that the server's defaults apply, and a ticker is sent upper-case. */
export function requestOf(form: BacktestForm): BacktestRequest {
  const request: BacktestRequest = {
    file: form.file,
    ticker: form.ticker.trim().toUpperCase(),
    strategy: `${form.strategy}:${form.parameters.replace(/\s+/g, '')}`,
    mode: form.mode,
  };
  if (form.mode === 'desk') request.llmAnswers = form.llmAnswers;
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const whole = (value: string) => (value.trim() === '' ? undefined : Number(value.trim()));
  const optional: Partial<BacktestRequest> = {
    size: whole(form.size),
    cash: text(form.cash),
    from: text(form.from),
    to: text(form.to),
    commissionPerShare: text(form.commissionPerShare),
    slippageBps: whole(form.slippageBps),
    stopPct: text(form.stopPct),
    targetPct: text(form.targetPct),
    trailPct: text(form.trailPct),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(request, { [key]: value });
  return request;
}

/** The ticker a data file's name suggests: market/AAPL-PT1D-2013.csv is AAPL, orcl-1995-2014.csv is ORCL. */
export function tickerOfFile(file: string): string {
  const name = (file.split('/').pop() ?? '').replace(/\.[A-Za-z]+$/, '');
  const match = /^[A-Za-z][A-Za-z.]{0,9}/.exec(name);
  return match ? match[0].replace(/\.$/, '').toUpperCase() : '';
}

/** The share of the bars done, 0 to 1; 0 while the file is still being checked. */
export function progressShare(progress: BacktestProgress): number {
  return progress.totalBars > 0 ? Math.min(1, progress.barsDone / progress.totalBars) : 0;
}

export function formatRate(barsPerSecond: number): string {
  return `${Math.round(barsPerSecond).toLocaleString('en-US')} bars/s`;
}

/** Seconds left as a trader reads them: 42 s, 3 min 05 s, 1 h 02 min; a dash before there is a rate. */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** A ratio the server sends as a fraction, as a per cent with two decimals; a dash where it is undefined. */
export function formatFraction(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}

export function formatRatio(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/**
 * The server's backtests, asked again every {@link POLL_MS} while one is running, every
 * {@link IDLE_POLL_MS} otherwise, and at once when {@code refresh} is called (after a start); an
 * answer is dropped once the view is gone.
 */
export function useBacktests(api: ApiClient): { runs: Backtest[]; error: string | null; refresh: () => Promise<void> } {
  const [runs, setRuns] = useState<Backtest[]>([]);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const listed = await api.backtests();
      if (!mounted.current) return;
      setRuns(listed);
      setError(null);
    } catch (e) {
      if (mounted.current) setError(messageOf(e));
    }
  }, [api]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  const running = runs.some((run) => run.state === 'running');
  useEffect(() => {
    const timer = setInterval(() => void refresh(), running ? POLL_MS : IDLE_POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);

  return { runs, error, refresh };
}
