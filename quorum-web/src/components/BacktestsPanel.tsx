import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { fieldErrorsOf, messageOf, type ApiClient } from '../api/http';
import type { Backtest, BacktestMode, LlmAnswers } from '../api/types';
import { saveFile } from '../download';
import { formatCount, formatSignedMoney, signClass } from '../format';
import { useDeskTimeFormat } from '../state/deskTimeZone';
import {
  NEW_BACKTEST,
  STRATEGIES,
  formatEta,
  formatFraction,
  formatRate,
  formatRatio,
  modelSummary,
  progressShare,
  requestOf,
  tickerOfFile,
  useBacktests,
  type BacktestForm,
  type StrategyName,
} from '../state/backtests';
import { Field } from './Field';

interface BacktestsPanelProps {
  api: ApiClient;
}

/** Backtests on the server's data: a form to start one, its progress while it runs, past runs with their headline figures, each opening its report. */
export function BacktestsPanel({ api }: BacktestsPanelProps) {
  const { runs, error, refresh } = useBacktests(api);
  const [opened, setOpened] = useState<{ run: Backtest; html: string } | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const running = runs.find((run) => run.state === 'running');

  const open = async (run: Backtest) => {
    setOpenError(null);
    try {
      setOpened({ run, html: await api.backtestReport(run.id) });
    } catch (e) {
      setOpenError(messageOf(e));
    }
  };
  const save = async (run: Backtest, name: 'report.json' | 'trades.csv') => {
    try {
      saveFile(await api.backtestFile(run.id, name), `backtest-${run.ticker}-${run.id.slice(0, 8)}-${name}`);
    } catch (e) {
      setOpenError(messageOf(e));
    }
  };

  return (
    <section className="panel backtests" aria-label="Backtests">
      <header className="panel-header">
        <h2>Backtests</h2>
        <span className="muted small">
          {runs.length} run{runs.length === 1 ? '' : 's'}
        </span>
      </header>
      <StartForm api={api} busy={running !== undefined} onStarted={refresh} />
      {running && <RunProgress run={running} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {openError && (
        <p className="error" role="alert">
          {openError}
        </p>
      )}
      {opened && <ReportFrame run={opened.run} html={opened.html} onClose={() => setOpened(null)} onSave={(name) => void save(opened.run, name)} />}
      <RunList runs={runs} onOpen={(run) => void open(run)} />
    </section>
  );
}

function StartForm({ api, busy, onStarted }: { api: ApiClient; busy: boolean; onStarted: () => Promise<void> }) {
  const [form, setForm] = useState<BacktestForm>(NEW_BACKTEST);
  const [files, setFiles] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const ids = { file: useId(), strategy: useId(), mode: useId(), llmAnswers: useId() };

  const choose = useCallback((file: string) => setForm((current) => ({ ...current, file, ticker: tickerOfFile(file) || current.ticker })), []);
  useEffect(() => {
    let current = true;
    api.backtestDataFiles().then(
      (listed) => {
        if (!current) return;
        setFiles(listed);
        if (listed.length > 0) choose(listed[0]);
      },
      (e) => current && setFailure(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [api, choose]);

  const set = <K extends keyof BacktestForm>(field: K, value: BacktestForm[K]) => setForm((current) => ({ ...current, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStarting(true);
    setErrors({});
    setFailure(null);
    try {
      await api.startBacktest(requestOf(form));
      await onStarted();
    } catch (e) {
      const byField = fieldErrorsOf(e);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(messageOf(e));
    } finally {
      setStarting(false);
    }
  };
  const strategy = STRATEGIES.find((s) => s.name === form.strategy) ?? STRATEGIES[0];

  if (files !== null && files.length === 0) {
    return <p className="empty">No CSV file in the server’s data folder. Put a file of daily bars (date,open,high,low,close,volume) there, then reopen this view.</p>;
  }
  return (
    <form className="backtest-form" onSubmit={(event) => void submit(event)} aria-label="Start a backtest">
      <div className="form-grid">
        <div className={`field ${errors.file ? 'field-invalid' : ''}`}>
          <label htmlFor={ids.file}>Data file</label>
          <select id={ids.file} value={form.file} onChange={(e) => choose(e.target.value)} aria-invalid={errors.file ? true : undefined}>
            {(files ?? []).map((file) => (
              <option key={file} value={file}>
                {file}
              </option>
            ))}
          </select>
          {errors.file && (
            <span className="field-error" role="alert">
              {errors.file}
            </span>
          )}
        </div>
        <Field label="Ticker" value={form.ticker} onValue={(v) => set('ticker', v)} error={errors.ticker} maxLength={16} autoComplete="off" />
        <div className="field">
          <label htmlFor={ids.strategy}>Strategy</label>
          <select
            id={ids.strategy}
            value={form.strategy}
            onChange={(e) => {
              const chosen = STRATEGIES.find((s) => s.name === e.target.value) ?? STRATEGIES[0];
              setForm((current) => ({ ...current, strategy: e.target.value as StrategyName, parameters: chosen.defaults }));
            }}
          >
            {STRATEGIES.map((s) => (
              <option key={s.name} value={s.name}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <Field label={`Parameters (${strategy.parameters})`} value={form.parameters} onValue={(v) => set('parameters', v)} error={errors.strategy} maxLength={40} />
        <div className={`field ${errors.mode ? 'field-invalid' : ''}`}>
          <label htmlFor={ids.mode}>Mode</label>
          <select id={ids.mode} value={form.mode} onChange={(e) => set('mode', e.target.value as BacktestMode)}>
            <option value="desk">Desk vote (5 agents)</option>
            <option value="single-agent">Single agent</option>
          </select>
          {errors.mode && (
            <span className="field-error" role="alert">
              {errors.mode}
            </span>
          )}
        </div>
        {form.mode === 'desk' && (
          <div className={`field ${errors.llmAnswers ? 'field-invalid' : ''}`}>
            <label htmlFor={ids.llmAnswers}>LLM answers</label>
            <select id={ids.llmAnswers} value={form.llmAnswers} onChange={(e) => set('llmAnswers', e.target.value as LlmAnswers)} title="Used when the server’s configuration has an llm section">
              <option value="cached">Cached (ask only what is not kept)</option>
              <option value="recorded">Recorded only (no call)</option>
              <option value="live">Live (every call, paid)</option>
            </select>
            {errors.llmAnswers && (
              <span className="field-error" role="alert">
                {errors.llmAnswers}
              </span>
            )}
          </div>
        )}
        <Field label="Shares per entry" value={form.size} onValue={(v) => set('size', v)} error={errors.size} inputMode="numeric" />
        <Field label="Starting cash ($)" value={form.cash} onValue={(v) => set('cash', v)} error={errors.cash} inputMode="decimal" />
        <Field label="Commission per share ($)" value={form.commissionPerShare} onValue={(v) => set('commissionPerShare', v)} error={errors.commissionPerShare} placeholder="none" inputMode="decimal" />
        <Field label="From" type="date" value={form.from} onValue={(v) => set('from', v)} error={errors.from} />
        <Field label="To" type="date" value={form.to} onValue={(v) => set('to', v)} error={errors.to} />
        <Field label="Slippage (bps)" value={form.slippageBps} onValue={(v) => set('slippageBps', v)} error={errors.slippageBps} placeholder="0" inputMode="numeric" />
        <Field label="Stop-loss (%)" value={form.stopPct} onValue={(v) => set('stopPct', v)} error={errors.stopPct} placeholder="none" inputMode="decimal" />
        <Field label="Take-profit (%)" value={form.targetPct} onValue={(v) => set('targetPct', v)} error={errors.targetPct} placeholder="none" inputMode="decimal" />
        <Field label="Trailing stop (%)" value={form.trailPct} onValue={(v) => set('trailPct', v)} error={errors.trailPct} placeholder="none" inputMode="decimal" />
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <div className="row gap">
        <button type="submit" className="btn btn-primary" disabled={busy || starting || !form.file}>
          {starting ? 'Starting…' : 'Start backtest'}
        </button>
        {busy && <span className="muted small">One backtest runs at a time: this one starts when the running one is done.</span>}
      </div>
    </form>
  );
}

function RunProgress({ run }: { run: Backtest }) {
  const { progress } = run;
  const share = progressShare(progress);
  const checking = progress.totalBars === 0;
  return (
    <div className="backtest-progress" aria-live="polite">
      <div className="row gap wrap small">
        <strong>
          {run.ticker} · {run.strategy}
        </strong>
        <span className="muted">
          {checking
            ? 'checking the file…'
            : `${formatCount(progress.barsDone)} of ${formatCount(progress.totalBars)} bars · ${formatRate(progress.barsPerSecond)} · ETA ${formatEta(progress.etaSeconds)}`}
        </span>
      </div>
      <progress max={1} value={share} aria-label={`Backtest of ${run.ticker}: ${Math.round(share * 100)}% done`} />
    </div>
  );
}

function RunList({ runs, onOpen }: { runs: Backtest[]; onOpen: (run: Backtest) => void }) {
  const deskTime = useDeskTimeFormat();
  if (runs.length === 0) return <p className="empty">No backtest yet.</p>;
  return (
    <div className="table-scroll">
      <table className="trades backtest-runs" aria-label="Backtest runs">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">State</th>
            <th scope="col">Net P&amp;L</th>
            <th scope="col">Return</th>
            <th scope="col">CAGR</th>
            <th scope="col">Sharpe</th>
            <th scope="col">Max DD</th>
            <th scope="col">Trades</th>
            <th scope="col">Win rate</th>
            <th scope="col">Decisions · vetoes</th>
            <th scope="col">
              <span className="visually-hidden">Report</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-state={run.state}>
              <th scope="row">
                {run.ticker} · {run.strategy}
                <span className="muted small block">
                  {run.mode === 'desk' ? 'desk vote' : 'single agent'} · {run.file} · {deskTime(run.startedAt)}
                </span>
                {run.figures?.llm && (
                  <span className="muted small block" title={run.figures.llm.line}>
                    {modelSummary(run.figures.llm)}
                  </span>
                )}
              </th>
              <td>
                <RunState run={run} />
              </td>
              <td className={run.figures ? signClass(run.figures.netPnl) : ''}>{run.figures ? formatSignedMoney(run.figures.netPnl) : '—'}</td>
              <td>{formatFraction(run.figures?.totalReturn ?? null)}</td>
              <td>{formatFraction(run.figures?.cagr ?? null)}</td>
              <td>{formatRatio(run.figures?.sharpe ?? null)}</td>
              <td>{formatFraction(run.figures?.maxDrawdown ?? null)}</td>
              <td>{run.figures ? formatCount(run.figures.trades) : '—'}</td>
              <td>{formatFraction(run.figures?.winRate ?? null)}</td>
              <td>{run.figures?.decisions != null ? `${formatCount(run.figures.decisions)} · ${formatCount(run.figures.vetoes ?? 0)}` : '—'}</td>
              <td>
                {run.state === 'done' && (
                  <button type="button" className="btn btn-small" onClick={() => onOpen(run)} aria-label={`Open the report of ${run.ticker} ${run.strategy}, ${deskTime(run.startedAt)}`}>
                    Report
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunState({ run }: { run: Backtest }) {
  if (run.state === 'failed') {
    return (
      <span className="down">
        failed<span className="small block">{run.reason}</span>
      </span>
    );
  }
  if (run.state === 'running') return <span>running {Math.round(progressShare(run.progress) * 100)}%</span>;
  return <span>done</span>;
}

/**
 * The report's own page sized for a frame as narrow as a phone: a table wider than the frame scrolls
 * sideways inside it, and a chart shrinks to the frame's width, instead of both running off its edge,
 * where the frame cuts them (its own scroll bar would sit at the foot of a long report, out of sight).
 */
const FITS_THE_FRAME = '<style>table{display:block;max-width:100%;overflow-x:auto}svg{max-width:100%;height:auto}</style>';

export function fittedToFrame(html: string): string {
  const head = html.indexOf('</head>');
  return head < 0 ? FITS_THE_FRAME + html : html.slice(0, head) + FITS_THE_FRAME + html.slice(head);
}

/** The report, self-contained, in a frame that runs no script; its files to save beside it. */
function ReportFrame({ run, html, onClose, onSave }: { run: Backtest; html: string; onClose: () => void; onSave: (name: 'report.json' | 'trades.csv') => void }) {
  const title = `Report of ${run.ticker} · ${run.strategy}`;
  return (
    <div className="backtest-report" role="region" aria-label={title}>
      <div className="row gap wrap">
        <strong>{title}</strong>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => onSave('report.json')}>
          report.json
        </button>
        <button type="button" className="btn btn-small" onClick={() => onSave('trades.csv')}>
          trades.csv
        </button>
        <button type="button" className="btn btn-small" onClick={onClose} autoFocus>
          Close report
        </button>
      </div>
      <iframe title={title} sandbox="" srcDoc={fittedToFrame(html)} />
    </div>
  );
}
