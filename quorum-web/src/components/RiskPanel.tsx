import { useCallback } from 'react';
import type { ApiClient } from '../api/http';
import type { AccountPortfolio, AccountRisk, Correlation, Decimal, Risk, RiskLimits } from '../api/types';
import { formatMoney, formatPct, formatPctOf, formatSignedMoney, signClass } from '../format';
import { correlationShade, formatCorrelation, tailRiskLabel } from '../state/risk';
import { useLoaded } from '../state/useLoaded';

interface RiskPanelProps {
  api: ApiClient;
  /** The account's portfolio and risk as the session's stream last pushed them (`risk_update`), or null before any push. */
  pushed: AccountRisk | null;
  /** Whether a session's stream is open to push the changes: without one, the figures are those loaded. */
  live: boolean;
}

/** The account's one-day VaR and Expected Shortfall, its exposure, the stress results and the correlations of daily returns. */
export function RiskPanel({ api, pushed, live }: RiskPanelProps) {
  const load = useCallback(async (): Promise<AccountRisk> => {
    const [portfolio, risk] = await Promise.all([api.accountPortfolio(), api.risk()]);
    return { portfolio, risk };
  }, [api]);
  const { value: loaded, error } = useLoaded<AccountRisk | null>(load, null);
  // Every push is the account after the snapshot loaded when the panel opened.
  const shown = pushed ?? loaded;

  return (
    // Focusable: on a phone the panel scrolls, and holds nothing else a keyboard could scroll it by.
    <section className="panel risk-panel" aria-label="Risk" tabIndex={0}>
      <header className="panel-header">
        <h2>Risk</h2>
        {shown && <span className="muted small">one day, on {shown.risk.historyDays} days of returns</span>}
      </header>
      {!live && <p className="muted small">As loaded: open a session to follow the figures live.</p>}
      {error && !shown && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <>
          <ExposureFigures portfolio={shown.portfolio} />
          <LimitsInForce limits={shown.risk.limits} />
          <TailRisk risk={shown.risk} />
          <SectorExposure portfolio={shown.portfolio} />
          <StressResults risk={shown.risk} />
          <CorrelationHeatMap correlation={shown.risk.correlation} />
        </>
      )}
    </section>
  );
}

function ExposureFigures({ portfolio }: { portfolio: AccountPortfolio }) {
  return (
    <dl className="stats-grid" aria-label="Exposure">
      <div className="stat">
        <dt className="stat-label">Equity</dt>
        <dd className="stat-value">{formatMoney(portfolio.equity)}</dd>
      </div>
      <div className="stat">
        <dt className="stat-label">Gross exposure</dt>
        <dd className="stat-value">
          {formatMoney(portfolio.grossExposure)} <span className="muted small">{formatPctOf(portfolio.grossExposurePct)}</span>
        </dd>
      </div>
      <div className="stat">
        <dt className="stat-label">Net exposure</dt>
        <dd className={`stat-value ${signClass(portfolio.netExposure)}`}>
          {formatSignedMoney(portfolio.netExposure)} <span className="muted small">{formatPct(portfolio.netExposurePct)}</span>
        </dd>
      </div>
    </dl>
  );
}

/** What every order that adds exposure is held to; a refusal names the one it would break. */
function LimitsInForce({ limits }: { limits: RiskLimits }) {
  return (
    <p className="muted small" aria-label="Limits in force">
      Limits, of equity: gross {limits.grossExposurePct}% · net {limits.netExposurePct}% · a sector {limits.sectorPct}% · VaR 99%{' '}
      {limits.valueAtRisk99Pct}% · worst stress loss {limits.stressLossPct}%
    </p>
  );
}

function TailRisk({ risk }: { risk: Risk }) {
  return (
    <>
      <h3 className="risk-heading">Value-at-Risk and Expected Shortfall</h3>
      {risk.valueAtRisk.length === 0 ? (
        <p className="empty">VaR needs two days of returns; the desk has {risk.historyDays}.</p>
      ) : (
        <div className="table-scroll">
          <table className="risk-table" aria-label="Value-at-Risk and Expected Shortfall">
            <thead>
              <tr>
                <th scope="col">Method, confidence</th>
                <th scope="col">VaR</th>
                <th scope="col">ES</th>
              </tr>
            </thead>
            <tbody>
              {risk.valueAtRisk.map((figure) => (
                <tr key={`${figure.method}-${figure.confidence}`}>
                  <th scope="row">{tailRiskLabel(figure)}</th>
                  <td>
                    {formatMoney(figure.valueAtRisk)} <span className="muted small">{formatPctOf(figure.valueAtRiskPct)}</span>
                  </td>
                  <td>
                    {formatMoney(figure.expectedShortfall)} <span className="muted small">{formatPctOf(figure.expectedShortfallPct)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {risk.uncovered.length > 0 && <p className="muted small">Held without return history, in no VaR: {risk.uncovered.join(', ')}.</p>}
    </>
  );
}

function SectorExposure({ portfolio }: { portfolio: AccountPortfolio }) {
  return (
    <>
      <h3 className="risk-heading">Net exposure by sector</h3>
      {portfolio.bySector.length === 0 ? (
        <p className="empty">No open position.</p>
      ) : (
        <SignedAmounts
          name="Net exposure by sector"
          rows={portfolio.bySector.map((sector) => ({ label: sector.name, amount: sector.exposure, pct: sector.pctOfEquity }))}
        />
      )}
    </>
  );
}

function StressResults({ risk }: { risk: Risk }) {
  if (risk.stress.length === 0) return null;
  return (
    <>
      <h3 className="risk-heading">Stress scenarios</h3>
      <SignedAmounts
        name="Stress scenarios"
        rows={risk.stress.map((result) => ({
          label: result.scenario,
          note: result.uncovered.length > 0 ? `unpriced: ${result.uncovered.join(', ')}` : undefined,
          amount: result.pnl,
          pct: result.pnlPct,
        }))}
      />
    </>
  );
}

interface SignedAmount {
  label: string;
  note?: string;
  amount: Decimal;
  pct: Decimal;
}

/** One row per label: a signed amount in dollars and in per cent of equity. */
function SignedAmounts({ name, rows }: { name: string; rows: SignedAmount[] }) {
  return (
    <div className="table-scroll">
      <table className="risk-table" aria-label={name}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">
                {row.label}
                {row.note && <span className="muted small"> · {row.note}</span>}
              </th>
              <td className={signClass(row.amount)}>{formatSignedMoney(row.amount)}</td>
              <td>{formatPct(row.pct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CorrelationHeatMap({ correlation }: { correlation: Correlation }) {
  if (correlation.tickers.length === 0) return null;
  return (
    <>
      <h3 className="risk-heading">Correlation of daily returns</h3>
      <div className="table-scroll">
        <table className="heat-map" aria-label="Correlation of daily returns">
          <thead>
            <tr>
              <td />
              {correlation.tickers.map((ticker) => (
                <th key={ticker} scope="col">
                  {ticker}
                </th>
              ))}
              <th scope="col">Vol/yr</th>
            </tr>
          </thead>
          <tbody>
            {correlation.tickers.map((ticker, row) => (
              <tr key={ticker}>
                <th scope="row">{ticker}</th>
                {correlation.values[row].map((value, column) => (
                  <td key={correlation.tickers[column]} style={{ background: correlationShade(value) }}>
                    {formatCorrelation(value)}
                  </td>
                ))}
                <td>{formatPctOf(correlation.annualVolatilityPct[row])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">Pearson correlations over the same days; volatility annualised by √252.</p>
    </>
  );
}
