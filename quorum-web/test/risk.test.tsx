import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../src/api/http';
import type { AccountPortfolio, AccountRisk, Risk } from '../src/api/types';
import { RiskPanel } from '../src/components/RiskPanel';
import { EMPTY_DESK, deskReducer } from '../src/state/desk';
import { correlationShade, formatCorrelation } from '../src/state/risk';
import { frame, position } from './fixtures';

// Shapes as GET /api/portfolio and GET /api/risk answer them (docs/api.md).
const accountPortfolio: AccountPortfolio = {
  equity: '100250.10',
  cash: '58000.00',
  grossExposure: '61250.10',
  grossExposurePct: '61.10',
  netExposure: '23250.10',
  netExposurePct: '23.19',
  positions: [
    { sessionId: 's1', sector: 'Technology', marketValue: '42250.10', position: position() },
    { sessionId: 's2', sector: 'Energy', marketValue: '-19000.00', position: position({ ticker: 'XOM', direction: 'SHORT' }) },
  ],
  byTicker: [
    { name: 'AAPL', exposure: '42250.10', pctOfEquity: '42.14' },
    { name: 'XOM', exposure: '-19000.00', pctOfEquity: '-18.95' },
  ],
  bySector: [
    { name: 'Energy', exposure: '-19000.00', pctOfEquity: '-18.95' },
    { name: 'Technology', exposure: '42250.10', pctOfEquity: '42.14' },
  ],
};

const risk: Risk = {
  equity: '100250.10',
  historyDays: 250,
  valueAtRisk: [
    { method: 'HISTORICAL', confidence: '95', valueAtRisk: '1234.56', valueAtRiskPct: '1.23', expectedShortfall: '1807.30', expectedShortfallPct: '1.80' },
    { method: 'PARAMETRIC', confidence: '95', valueAtRisk: '1190.02', valueAtRiskPct: '1.19', expectedShortfall: '1492.45', expectedShortfallPct: '1.49' },
    { method: 'HISTORICAL', confidence: '99', valueAtRisk: '2410.75', valueAtRiskPct: '2.40', expectedShortfall: '3120.00', expectedShortfallPct: '3.11' },
    { method: 'PARAMETRIC', confidence: '99', valueAtRisk: '1683.40', valueAtRiskPct: '1.68', expectedShortfall: '1928.66', expectedShortfallPct: '1.92' },
  ],
  stress: [
    { scenario: 'uniform gap -10%', pnl: '-2325.01', pnlPct: '-2.32', uncovered: [] },
    { scenario: 'MARCH_2020 replayed', pnl: '-5120.40', pnlPct: '-5.11', uncovered: ['XOM'] },
  ],
  correlation: {
    tickers: ['AAPL', 'XOM'],
    values: [
      ['1.0000', '-0.4321'],
      ['-0.4321', '1.0000'],
    ],
    dailyVolatilityPct: ['1.52', '1.80'],
    annualVolatilityPct: ['24.13', '28.57'],
  },
  uncovered: [],
  limits: { grossExposurePct: '150', netExposurePct: '80', sectorPct: '40', valueAtRisk99Pct: '2.5', stressLossPct: '12' },
};

function apiAnswering(portfolio: AccountPortfolio, answer: Risk): ApiClient {
  return { accountPortfolio: async () => portfolio, risk: async () => answer } as unknown as ApiClient;
}

async function panelShowing(answer: Risk = risk, pushed: AccountRisk | null = null, live = true) {
  const view = render(<RiskPanel api={apiAnswering(accountPortfolio, answer)} pushed={pushed} live={live} />);
  await screen.findByText('Gross exposure');
  return view;
}

function rowOf(tableName: string, rowName: string): HTMLElement {
  const header = within(screen.getByRole('table', { name: tableName })).getByRole('rowheader', { name: new RegExp(`^${rowName}`) });
  return header.closest('tr') as HTMLElement;
}

describe('the risk panel', () => {
  it('shows the VaR and ES of each method and confidence in dollars and in per cent of equity, to the cent', async () => {
    await panelShowing();
    expect(rowOf('Value-at-Risk and Expected Shortfall', 'Historical 95%')).toHaveTextContent('Historical 95%$1,234.56 1.23%$1,807.30 1.80%');
    expect(rowOf('Value-at-Risk and Expected Shortfall', 'Parametric 99%')).toHaveTextContent('Parametric 99%$1,683.40 1.68%$1,928.66 1.92%');
    expect(screen.getByText('one day, on 250 days of returns')).toBeInTheDocument();
  });

  it('shows the limits in force beside the exposure', async () => {
    await panelShowing();
    expect(screen.getByLabelText('Limits in force')).toHaveTextContent(
      'Limits, of equity: gross 150% · net 80% · a sector 40% · VaR 99% 2.5% · worst stress loss 12%',
    );
  });

  it('shows the gross and net exposure and each sector’s net exposure with its sign', async () => {
    await panelShowing();
    expect(screen.getByText('Gross exposure').nextSibling).toHaveTextContent('$61,250.10 61.10%');
    expect(screen.getByText('Net exposure').nextSibling).toHaveTextContent('+$23,250.10 +23.19%');
    expect(rowOf('Net exposure by sector', 'Energy')).toHaveTextContent('Energy-$19,000.00-18.95%');
    expect(rowOf('Net exposure by sector', 'Technology')).toHaveTextContent('Technology+$42,250.10+42.14%');
  });

  it('lists each stress scenario’s P&L and the tickers it could not price', async () => {
    await panelShowing();
    expect(rowOf('Stress scenarios', 'uniform gap')).toHaveTextContent('uniform gap -10%-$2,325.01-2.32%');
    expect(rowOf('Stress scenarios', 'MARCH_2020')).toHaveTextContent('MARCH_2020 replayed · unpriced: XOM-$5,120.40-5.11%');
  });

  it('draws the correlations as a heat-map of every pair, with each ticker’s annual volatility', async () => {
    await panelShowing();
    const row = rowOf('Correlation of daily returns', 'AAPL');
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['1.00', '−0.43', '24.13%']);
    expect(cells[0]).toHaveStyle({ background: correlationShade('1.0000') });
    expect(cells[1]).toHaveStyle({ background: correlationShade('-0.4321') });
  });

  it('shows what the stream pushed in place of the figures it loaded', async () => {
    const pushed: AccountRisk = {
      portfolio: { ...accountPortfolio, grossExposure: '70000.00', grossExposurePct: '69.80' },
      risk: { ...risk, historyDays: 251 },
    };
    await panelShowing(risk, pushed);
    expect(screen.getByText('Gross exposure').nextSibling).toHaveTextContent('$70,000.00 69.80%');
    expect(screen.getByText('one day, on 251 days of returns')).toBeInTheDocument();
  });

  it('says that its figures stay as loaded while no session’s stream is open to push changes', async () => {
    await panelShowing(risk, null, false);
    expect(screen.getByText('As loaded: open a session to follow the figures live.')).toBeInTheDocument();
  });

  it('says nothing of staleness while a session’s stream is open', async () => {
    await panelShowing();
    expect(screen.queryByText(/As loaded/)).not.toBeInTheDocument();
  });

  it('says that VaR needs two days of returns before the desk has them, and names the tickers without history', async () => {
    await panelShowing({ ...risk, historyDays: 1, valueAtRisk: [], uncovered: ['NEWCO'] });
    expect(screen.getByText('VaR needs two days of returns; the desk has 1.')).toBeInTheDocument();
    expect(screen.getByText('Held without return history, in no VaR: NEWCO.')).toBeInTheDocument();
  });
});

describe('the heat-map’s shading', () => {
  it('is blue for a positive correlation and red for a negative one, half-opaque at ±1 and clear at 0', () => {
    expect(correlationShade('1.0000')).toBe('rgba(91, 156, 246, 0.50)');
    expect(correlationShade('-1.0000')).toBe('rgba(239, 83, 80, 0.50)');
    expect(correlationShade('0.5000')).toBe('rgba(91, 156, 246, 0.25)');
    expect(correlationShade('0.0000')).toBe('rgba(91, 156, 246, 0.00)');
  });

  it('writes a correlation to two places with a true minus sign', () => {
    expect(formatCorrelation('-0.4321')).toBe('−0.43');
    expect(formatCorrelation('0.9999')).toBe('1.00');
  });
});

describe('the desk', () => {
  it('keeps the account’s portfolio and risk of the latest risk_update frame', () => {
    const first: AccountRisk = { portfolio: accountPortfolio, risk };
    const second: AccountRisk = { portfolio: { ...accountPortfolio, equity: '99000.00' }, risk: { ...risk, historyDays: 251 } };
    const state = deskReducer(EMPTY_DESK, { kind: 'events', events: [frame('risk_update', 3, first), frame('risk_update', 3, second)] });
    expect(state.accountRisk).toEqual(second);
  });
});
