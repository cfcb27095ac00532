import { HistogramSeries, LineSeries, createChart, type AutoscaleInfo, type IChartApi, type ISeriesApi, type Time, type UTCTimestamp } from 'lightweight-charts';
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/http';
import type { Performance } from '../api/types';
import { formatMoney, formatPct, formatSignedMoney, num, signClass } from '../format';
import { dailyBars, equityCurves, LOSS_COLOUR } from '../state/performance';
import { DeskTimeZone } from '../state/deskTimeZone';
import { useLoaded } from '../state/useLoaded';
import { ThemeContext } from '../state/theme';
import { CHART_LOOK, atOrBelowZero, fitWhenShown, inDeskTimeZone, inExchangeDays, inTheme } from './chartLook';
import { ScopeChips, shownScope, type Scope } from './ScopeChips';

interface PerformancePanelProps {
  api: ApiClient;
  sessionId: string | null;
  /** Changes when the desk reports an execution, so the figures reload. */
  changedAt: number;
}

/** The equity curve with its drawdown, the daily P&L bars and the stats of the session or the account, as the server computed them. */
export function PerformancePanel({ api, sessionId, changedAt }: PerformancePanelProps) {
  const [scope, setScope] = useState<Scope>(sessionId ? 'session' : 'account');
  const scopeShown = shownScope(scope, sessionId);
  const load = useCallback(
    () => (scopeShown === 'session' && sessionId ? api.performance(sessionId) : api.accountPerformance()),
    // changedAt: a new execution may have closed a trade.
    [api, sessionId, scopeShown, changedAt],
  );
  const { value: performance, error } = useLoaded<Performance | null>(load, null);
  const stats = performance?.stats;

  return (
    <section className="panel performance-panel" aria-label="Performance">
      <header className="panel-header">
        <h2>Performance</h2>
        <ScopeChips scope={scopeShown} hasSession={sessionId !== null} onScope={setScope} label="Performance of" />
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {stats && (
        <dl className="stats-grid" aria-label="Stats">
          <Figure label="Total P&L" value={formatSignedMoney(stats.totalPnl)} tone={signClass(stats.totalPnl)} />
          <Figure label="Trades" value={`${stats.trades} (${stats.wins} won, ${stats.losses} lost)`} />
          <Figure label="Win rate" value={stats.winRate === null ? '—' : formatPct(num(stats.winRate) * 100).replace('+', '')} />
          <Figure label="Profit factor" value={stats.profitFactor ?? '—'} />
          <Figure label="Average win" value={stats.averageWin === null ? '—' : formatMoney(stats.averageWin)} />
          <Figure label="Average loss" value={stats.averageLoss === null ? '—' : formatMoney(stats.averageLoss)} />
          <Figure label="Max drawdown" value={`${formatMoney(stats.maxDrawdown)} (${stats.maxDrawdownPct}%)`} />
          <Figure label="Sharpe" value={stats.sharpe ?? '—'} />
        </dl>
      )}
      <p className="muted small">
        On a capital of {formatMoney(performance?.capital)}; P&L at fill prices, before commissions. Sharpe: daily returns, annualised by √252, risk-free rate 0.
      </p>
      {performance && performance.equity.length === 0 ? <p className="empty">No closed trade yet.</p> : <PerformanceCharts performance={performance} />}
    </section>
  );
}

function Figure({ label, value, tone = '' }: { label: string; value: string; tone?: string }) {
  return (
    <div className="stat">
      <dt className="stat-label">{label}</dt>
      <dd className={`stat-value ${tone}`}>{value}</dd>
    </div>
  );
}

const EQUITY_COLOUR = '#5b9cf6';
const DRAWDOWN_PANE = 1;
/** The curve keeps three quarters of the height, the drawdown the rest. */
const EQUITY_PANE_STRETCH = 3;

function PerformanceCharts({ performance }: { performance: Performance | null }) {
  const equityContainer = useRef<HTMLDivElement>(null);
  const dailyContainer = useRef<HTMLDivElement>(null);
  const timeZone = useContext(DeskTimeZone);
  const theme = useContext(ThemeContext);
  const charts = useRef<{ equity: ISeriesApi<'Line'>; drawdown: ISeriesApi<'Line'>; daily: ISeriesApi<'Histogram'>; all: IChartApi[] } | null>(null);

  useEffect(() => {
    if (!equityContainer.current || !dailyContainer.current) return;
    const equityChart = createChart(equityContainer.current, CHART_LOOK);
    const equity = equityChart.addSeries(LineSeries, { color: EQUITY_COLOUR, lineWidth: 2, title: 'equity' });
    // The drawdown in a pane of its own below the curve, on an axis that ends at zero: on a scale
    // shared with the curve's height, its axis went on far above zero, where a drawdown never is.
    const drawdown = equityChart.addSeries(
      LineSeries,
      { color: LOSS_COLOUR, lineWidth: 1, lastValueVisible: false, priceLineVisible: false, autoscaleInfoProvider: (padded: () => AutoscaleInfo | null) => atOrBelowZero(padded()) },
      DRAWDOWN_PANE,
    );
    equityChart.priceScale('right').applyOptions({ scaleMargins: { top: 0.08, bottom: 0.08 } });
    drawdown.priceScale().applyOptions({ scaleMargins: { top: 0.04, bottom: 0.08 } });
    equityChart.panes()[0]?.setStretchFactor(EQUITY_PANE_STRETCH);
    const dailyChart = createChart(dailyContainer.current, { ...CHART_LOOK, timeScale: { ...CHART_LOOK.timeScale, timeVisible: false } });
    const daily = dailyChart.addSeries(HistogramSeries, { priceFormat: { type: 'price', precision: 2, minMove: 0.01 } });
    charts.current = { equity, drawdown, daily, all: [equityChart, dailyChart] };
    // The daily bars are the exchange's own days already; only the curve's instants need its zone.
    inDeskTimeZone(equityChart, timeZone);
    inExchangeDays(dailyChart);
    inTheme(equityChart, theme);
    inTheme(dailyChart, theme);
    const stopFitting = fitWhenShown(equityContainer.current, [equityChart, dailyChart]);
    return () => {
      stopFitting();
      equityChart.remove();
      dailyChart.remove();
      charts.current = null;
    };
  }, [timeZone, theme]);

  useEffect(() => {
    const drawn = charts.current;
    if (!drawn || !performance) return;
    const curves = equityCurves(performance.equity);
    drawn.equity.setData(curves.equity.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    drawn.drawdown.setData(curves.drawdown.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    drawn.daily.setData(dailyBars(performance.daily).map((bar) => ({ time: bar.time as Time, value: bar.value, color: bar.color })));
    for (const chart of drawn.all) chart.timeScale().fitContent();
    // timeZone, theme: new charts are drawn for them, which need the data again.
  }, [performance, timeZone, theme]);

  return (
    <div className="performance-charts">
      <h3 className="small muted">
        Equity <span className="swatch" style={{ background: EQUITY_COLOUR }} aria-hidden="true" /> and drawdown{' '}
        <span className="swatch" style={{ background: LOSS_COLOUR }} aria-hidden="true" /> (below)
      </h3>
      <div ref={equityContainer} className="chart-container equity-chart" role="figure" aria-label="Equity curve with drawdown below it" />
      <h3 className="small muted">Daily P&L</h3>
      <div ref={dailyContainer} className="chart-container daily-chart" role="figure" aria-label="Daily P&L bars" />
    </div>
  );
}
