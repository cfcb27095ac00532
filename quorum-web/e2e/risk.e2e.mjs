// The account's risk in a real browser against the real server: VaR and ES, exposure, stress results
// and the correlation heat-map of two sessions' positions, at the three sizes, kept live by the stream.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, SMALL_PHONE, browserSuite, findChromium, openDesk, recordProblems, screenshotPath, waitFor } from './harness.mjs';

const chromium = findChromium();
const TICKERS = ['AAPL', 'MSFT'];

describe('the risk panel in a browser, against the real server', browserSuite(chromium), () => {
  let desk;
  let server;
  let browser;
  let rest;
  let sessionId;

  before(async () => {
    desk = await openDesk(chromium, { speed: 300 });
    ({ server, browser, rest } = desk);
    const sessions = [];
    for (const ticker of TICKERS) sessions.push((await rest('POST', '/api/sessions', { ticker })).id);
    sessionId = sessions[0];
    // Each session's proposal approved with auto-trading on: the account holds positions of both.
    for (const id of sessions) {
      const proposal = await waitFor(async () => (await rest('GET', `/api/sessions/${id}`)).proposal, `the proposal of ${id}`, 120_000);
      await rest('POST', `/api/sessions/${id}/approve`, { proposalId: proposal.id });
      await rest('POST', `/api/sessions/${id}/auto-trading/enable`, { acceptedDisclosureVersion: '1' });
    }
    await waitFor(async () => (await rest('GET', '/api/portfolio')).positions.length > 0, 'a position in the account', 120_000);
  });

  after(async () => {
    await desk?.close();
  });

  /** The risk panel at `size`, with the AAPL session open so that its stream pushes the account's changes. */
  async function openRiskPanel(tab, size) {
    await tab.setViewportSize(size);
    await tab.goto(`${server.origin}/#token=${server.token}`);
    await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
    if (size === DESKTOP) await tab.getByRole('tab', { name: 'Risk' }).click();
    else await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Risk' }).click();
    return tab.getByRole('region', { name: 'Risk' });
  }

  for (const size of [DESKTOP, PHONE, SMALL_PHONE]) {
    it(`shows the account's VaR, ES, exposure, stress results and correlations as GET /api/risk has them at ${size.width}×${size.height}, with no console error`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        const panel = await openRiskPanel(tab, size);
        const tailRisk = panel.getByRole('table', { name: 'Value-at-Risk and Expected Shortfall' });
        await tailRisk.waitFor();

        const risk = await rest('GET', '/api/risk');
        assert.equal(await tailRisk.getByRole('rowheader').count(), risk.valueAtRisk.length, 'one row per method and confidence');
        for (const label of ['Historical 95%', 'Parametric 95%', 'Historical 99%', 'Parametric 99%']) {
          assert.ok(await tailRisk.getByRole('rowheader', { name: label }).isVisible(), `${label} is shown`);
        }
        await panel.getByText(`on ${risk.historyDays} days of returns`).waitFor();
        const limits = await panel.locator('[aria-label="Limits in force"]').textContent();
        assert.ok(limits.includes(`VaR 99% ${risk.limits.valueAtRisk99Pct}%`) && limits.includes(`gross ${risk.limits.grossExposurePct}%`), `the limits in force are the API's: ${limits}`);
        const heatMap = panel.getByRole('table', { name: 'Correlation of daily returns' });
        for (const ticker of risk.correlation.tickers) assert.ok(await heatMap.getByRole('rowheader', { name: ticker }).count(), `${ticker} has a row`);
        const stress = panel.getByRole('table', { name: 'Stress scenarios' });
        for (const result of risk.stress) assert.ok(await stress.getByRole('rowheader', { name: new RegExp(`^${escaped(result.scenario)}`) }).count(), `${result.scenario} is listed`);
        assert.ok(await panel.getByRole('table', { name: 'Net exposure by sector' }).isVisible());

        await tab.screenshot({ path: screenshotPath(`risk-${size.width}x${size.height}.png`), fullPage: true });
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });
  }

  it('updates the account’s figures as the stream pushes risk_update frames, without a reload', async () => {
    const tab = await browser.context.newPage();
    const problems = recordProblems(tab);
    try {
      const panel = await openRiskPanel(tab, DESKTOP);
      const equity = panel.getByText('Equity', { exact: true }).locator('xpath=following-sibling::dd');
      const first = await waitFor(async () => (await equity.count()) && (await equity.textContent()), 'the equity');
      const riskRequests = [];
      tab.on('request', (request) => new URL(request.url()).pathname === '/api/risk' && riskRequests.push(request.url()));
      await waitFor(async () => (await equity.textContent()) !== first, 'the equity to move with the prices', 90_000);
      assert.deepEqual(riskRequests, [], 'the new figures came on the stream, not from asking again');
      assert.deepEqual(problems, []);
    } finally {
      await tab.close();
    }
  });
});

function escaped(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
