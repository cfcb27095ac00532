// Backtests from the web UI in a real browser against the real server: a run started on hand-made
// daily bars put in the server's data folder, followed to the end, its figures in the list as the
// API has them, and its report opened, at the three sizes.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, SMALL_PHONE, browserSuite, findChromium, openDesk, recordProblems, screenshotPath, waitFor } from './harness.mjs';

const chromium = findChromium();
const DATA_FILE = 'market/HAND.csv';
const BARS = 400;

/**
 * Weekday bars from 2023-01-02 whose closes swing on a 60-day wave around $100 with a slow rise,
 * so that a 10/30 SMA cross goes long and out several times.
 */
function handMadeBars() {
  const rows = ['date,open,high,low,close,volume'];
  const day = new Date(Date.UTC(2023, 0, 2));
  let previous = 100;
  for (let i = 0; i < BARS; ) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      const close = 100 + 0.02 * i + 8 * Math.sin((2 * Math.PI * i) / 60);
      const open = previous;
      const high = Math.max(open, close) + 0.5;
      const low = Math.min(open, close) - 0.5;
      rows.push([day.toISOString().slice(0, 10), open.toFixed(2), high.toFixed(2), low.toFixed(2), close.toFixed(2), 100_000 + i].join(','));
      previous = close;
      i++;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return `${rows.join('\n')}\n`;
}

const percent = (fraction) => (fraction === null ? '—' : `${(fraction * 100).toFixed(2)}%`);

describe('backtests in a browser, against the real server', browserSuite(chromium), () => {
  let desk;
  let server;
  let browser;
  let rest;

  before(async () => {
    desk = await openDesk(chromium, { speed: 300 });
    ({ server, browser, rest } = desk);
    mkdirSync(join(server.dataDir, 'market'), { recursive: true });
    writeFileSync(join(server.dataDir, DATA_FILE), handMadeBars());
  });

  after(async () => {
    await desk?.close();
  });

  async function openBacktests(tab, size) {
    await tab.setViewportSize(size);
    await tab.goto(`${server.origin}/#token=${server.token}`);
    if (size === DESKTOP) await tab.getByRole('tab', { name: 'Backtests' }).click();
    else await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Backtests' }).click();
    return tab.getByRole('region', { name: 'Backtests' });
  }

  for (const [size, mode] of [
    [DESKTOP, 'desk'],
    [PHONE, 'single-agent'],
    [SMALL_PHONE, 'desk'],
  ]) {
    it(`starts a ${mode} backtest on a data file at ${size.width}×${size.height}, follows it to the end, lists its figures and opens its report, with no console error`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        const panel = await openBacktests(tab, size);
        const form = panel.getByRole('form', { name: 'Start a backtest' });
        await form.getByLabel('Data file').selectOption(DATA_FILE);
        assert.equal(await form.getByLabel('Ticker').inputValue(), 'HAND', 'the ticker is read from the file name');
        await form.getByLabel('Mode').selectOption(mode);
        await form.getByLabel('Shares per entry').fill('50');
        const before = (await rest('GET', '/api/backtests')).length;
        await form.getByRole('button', { name: 'Start backtest' }).click();

        const run = await waitFor(async () => {
          const runs = await rest('GET', '/api/backtests');
          return runs.length > before && runs[0].state !== 'running' ? runs[0] : null;
        }, 'the run to finish');
        assert.equal(run.state, 'done', run.reason ?? '');
        assert.equal(run.progress.barsDone, BARS);
        assert.ok(run.figures.trades > 0, 'the wave makes the SMAs cross');

        const table = panel.getByRole('table', { name: 'Backtest runs' });
        const row = table.getByRole('row').nth(1);
        await row.getByText('done', { exact: true }).waitFor();
        const text = await row.textContent();
        for (const figure of [percent(run.figures.totalReturn), percent(run.figures.cagr), percent(run.figures.maxDrawdown), percent(run.figures.winRate)]) {
          assert.ok(text.includes(figure), `the row shows ${figure}: ${text}`);
        }
        assert.ok(text.includes(mode === 'desk' ? 'desk vote' : 'single agent'), text);
        if (mode === 'desk') assert.ok(text.includes(`${run.figures.decisions} · ${run.figures.vetoes}`), `decisions and vetoes: ${text}`);
        assert.equal(await panel.getByRole('progressbar').count(), 0, 'no progress bar once done');

        const { default: AxeBuilder } = await import('@axe-core/playwright');
        const { violations } = await new AxeBuilder({ page: tab }).include('.backtests').analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(serious, [], 'no serious or critical accessibility violation (axe) in the form or the list');

        await row.getByRole('button', { name: /^Open the report of HAND/ }).click();
        const report = tab.frameLocator('iframe[title^="Report of HAND"]');
        await report.locator('svg').first().waitFor();
        assert.ok((await report.locator('body').textContent()).includes('HAND'), 'the report names the ticker');
        const frame = panel.locator('iframe[title^="Report of HAND"]');
        assert.equal(await frame.getAttribute('sandbox'), '', 'the report runs no script');
        const box = await frame.boundingBox();
        assert.ok(box.width <= size.width, `the frame fits the screen: ${box.width}`);
        const inFrame = await (await frame.elementHandle()).contentFrame();
        const fit = await inFrame.evaluate(() => {
          const page = document.documentElement;
          const tables = [...document.querySelectorAll('table')].map((table) => {
            const before = table.getBoundingClientRect().right;
            table.scrollLeft = table.scrollWidth;
            const last = [...table.querySelectorAll('th, td')].at(-1).getBoundingClientRect();
            table.scrollLeft = 0;
            return { right: before, lastRight: last.right, lastLeft: last.left };
          });
          const charts = [...document.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect().right);
          return { pageWidth: page.scrollWidth, width: page.clientWidth, tables, charts };
        });
        assert.ok(fit.pageWidth <= fit.width, `the report fits its frame, nothing cut at its edge: ${fit.pageWidth} px in ${fit.width}`);
        for (const table of fit.tables) {
          assert.ok(table.right <= fit.width, `each table ends inside the frame: ${JSON.stringify(table)} in ${fit.width}`);
          assert.ok(table.lastLeft >= 0 && table.lastRight <= fit.width + 1, `a table's last column scrolls into view: ${JSON.stringify(table)} in ${fit.width}`);
        }
        for (const right of fit.charts) assert.ok(right <= fit.width, `each chart fits the frame: ${right} in ${fit.width}`);

        const pageWidth = await tab.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= size.width, `the page does not scroll sideways: ${pageWidth} px wide`);

        await frame.scrollIntoViewIfNeeded();
        await tab.screenshot({ path: screenshotPath(`backtest-${size.width}x${size.height}.png`), fullPage: true });
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });
  }

  it('refuses a file outside the data folder by its field, and shows a failed run with its reason', async () => {
    const refused = await fetch(`${server.origin}/api/backtests`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ file: '../quorum.db', ticker: 'HAND' }),
    });
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).errors[0].field, 'file');

    writeFileSync(join(server.dataDir, 'market/BROKEN.csv'), 'date,open,high,low,close,volume\n2023-01-02,10,11,9,10,100\n2023-01-03,10,9,11,10,100\n');
    const tab = await browser.context.newPage();
    const problems = recordProblems(tab);
    try {
      const panel = await openBacktests(tab, DESKTOP);
      const form = panel.getByRole('form', { name: 'Start a backtest' });
      await form.getByLabel('Data file').selectOption('market/BROKEN.csv');
      await form.getByRole('button', { name: 'Start backtest' }).click();
      const row = panel.getByRole('table', { name: 'Backtest runs' }).getByRole('row').nth(1);
      await row.getByText(/the file is refused: .*line 3/).waitFor();
      assert.equal(await row.getByRole('button', { name: /^Open the report/ }).count(), 0, 'a failed run has no report');
      assert.deepEqual(problems, [], 'no console error, page error or failed request');
    } finally {
      await tab.close();
    }
  });
});
