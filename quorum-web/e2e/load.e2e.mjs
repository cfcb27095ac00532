// The desk under load in a real browser: a session with more than a thousand messages on a busy
// `--speed 600` desk, opened, reloaded and switched to and from, at the three sizes; and two tabs
// that see each other's actions within a second.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, SMALL_PHONE, browserSuite, findChromium, openDesk, recordProblems, screenshotPath, sleep, waitFor } from './harness.mjs';

const chromium = findChromium();
const MESSAGES = 1000;
const SWITCHES = 20;

describe('the desk under load in a browser, against a busy server', browserSuite(chromium), () => {
  let desk;
  let server;
  let browser;
  let rest;
  let busy;
  let quiet;

  before(async () => {
    desk = await openDesk(chromium, { speed: 600 });
    ({ server, browser, rest } = desk);
    busy = (await rest('POST', '/api/sessions', { ticker: 'AAPL' })).id;
    quiet = (await rest('POST', '/api/sessions', { ticker: 'MSFT' })).id;
    const proposal = await waitFor(async () => (await rest('GET', `/api/sessions/${busy}`)).proposal, 'the AAPL proposal', 120_000);
    await rest('POST', `/api/sessions/${busy}/approve`, { proposalId: proposal.id });
    // Each switch of auto-trading is said in the conversation: the desk talks its way past a thousand messages,
    // within the API's rate limit, while the market runs at 600 times the wall clock.
    while ((await journaledMessages(busy)) < MESSAGES) {
      for (let i = 0; i < 100; i++) {
        const on = i % 2 === 0;
        await rest('POST', `/api/sessions/${busy}/auto-trading/${on ? 'enable' : 'disable'}`, on ? { acceptedDisclosureVersion: '1' } : {});
        await sleep(40);
      }
    }
    await rest('POST', `/api/sessions/${busy}/auto-trading/enable`, { acceptedDisclosureVersion: '1' });
  });

  after(async () => {
    await desk?.close();
  });

  for (const size of [DESKTOP, PHONE, SMALL_PHONE]) {
    it(`opens a session of more than ${MESSAGES} messages on a busy desk at ${size.width}×${size.height}, and again after a reload, with no console error and no failed request`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        await tab.setViewportSize(size);
        await tab.goto(`${server.origin}/#token=${server.token}`);
        await tab.getByLabel('Session', { exact: true }).selectOption(busy);
        await everyMessageShown(tab, busy);
        await tab.screenshot({ path: screenshotPath(`busy-${size.width}x${size.height}.png`) });
        await tab.reload();
        await everyMessageShown(tab, busy);
        // Time for a render loop, had there been one, to exhaust React's update limit.
        await sleep(2000);
        assert.ok(await tab.getByRole('button', { name: 'Forget the access token' }).isVisible(), 'the page is not blank');
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });

    it(`switches between a busy and a quiet session ${SWITCHES} times at ${size.width}×${size.height} with no console error and no failed request`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        await tab.setViewportSize(size);
        await tab.goto(`${server.origin}/#token=${server.token}`);
        const picker = tab.getByLabel('Session', { exact: true });
        for (let i = 0; i < SWITCHES; i++) {
          const [id, ticker] = i % 2 === 0 ? [busy, 'AAPL'] : [quiet, 'MSFT'];
          await picker.selectOption(id);
          await tab.getByRole('region', { name: 'Agent conversation' }).getByText(/\d+ messages?/).waitFor();
          await tab.waitForFunction((expected) => document.querySelector('.flow-panel')?.textContent.includes(expected), ticker);
        }
        await everyMessageShown(tab, quiet);
        await sleep(1000);
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });
  }

  it('shows in one tab, within a second, what the other tab did', async () => {
    const first = await browser.context.newPage();
    const second = await browser.context.newPage();
    const problems = [recordProblems(first), recordProblems(second)];
    try {
      for (const tab of [first, second]) {
        await tab.goto(`${server.origin}/#token=${server.token}`);
        await tab.getByLabel('Session', { exact: true }).selectOption(busy);
        await tab.getByRole('status').filter({ hasText: 'ON — desk may trade' }).waitFor();
      }
      await first.getByRole('switch', { name: 'Auto-trading' }).click();
      await second.getByRole('status').filter({ hasText: /^OFF$/ }).waitFor({ timeout: 1000 });
      assert.equal((await rest('GET', `/api/sessions/${busy}`)).autoTrading.enabled, false);
      assert.deepEqual(problems.flat(), []);
    } finally {
      await first.close();
      await second.close();
    }
  });

  async function journaledMessages(id) {
    let count = 0;
    for (let after = 0; ; ) {
      const { items } = await rest('GET', `/api/sessions/${id}/messages?afterSeq=${after}&limit=1000`);
      if (items.length === 0) return count;
      count += items.length;
      after = items.at(-1).seq;
    }
  }

  /** Waits until the tab's conversation shows at least as many messages as the journal held when it was asked. */
  async function everyMessageShown(tab, id) {
    const journaled = await journaledMessages(id);
    assert.ok(id !== busy || journaled >= MESSAGES, `the busy session holds ${journaled} messages`);
    const shown = async () => Number((await tab.getByRole('region', { name: 'Agent conversation' }).locator(':scope > header').textContent()).match(/(\d+) messages?/)?.[1] ?? -1);
    await waitFor(async () => (await shown()) >= journaled, `the conversation to show the ${journaled} journaled messages`);
    return journaled;
  }
});
