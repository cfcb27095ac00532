// The broker in a real browser against the real server: the account panel (paper, buying power, the
// venue's order states), the order ticket through the RiskEngine, the session's watchlist, and a
// live account's red banner on every view, at the three sizes, with no console error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, SMALL_PHONE, browserSuite, findChromium, openDesk, recordProblems, screenshotPath, waitFor } from './harness.mjs';

const chromium = findChromium();
const SIZES = [DESKTOP, PHONE, SMALL_PHONE];

describe('the broker in a browser, against the real server', browserSuite(chromium), () => {
  let desk;
  let server;
  let browser;
  let rest;
  let sessionId;

  before(async () => {
    desk = await openDesk(chromium, { speed: 300 });
    ({ server, browser, rest } = desk);
    sessionId = (await rest('POST', '/api/sessions', { ticker: 'AAPL' })).id;
    const proposal = await waitFor(async () => (await rest('GET', `/api/sessions/${sessionId}`)).proposal, 'the proposal', 120_000);
    await rest('POST', `/api/sessions/${sessionId}/approve`, { proposalId: proposal.id });
    await rest('POST', `/api/sessions/${sessionId}/auto-trading/enable`, { acceptedDisclosureVersion: '1' });
    await waitFor(async () => (await rest('GET', '/api/broker')).orders.some((order) => order.state === 'FILLED'), 'a filled order at the broker', 120_000);
  });

  after(async () => {
    await desk?.close();
  });

  async function openTab(tab, size) {
    await tab.setViewportSize(size);
    await tab.goto(`${server.origin}/#token=${server.token}`);
    await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
  }

  async function show(tab, size, { desktopTab, phoneTab }) {
    if (size === DESKTOP) {
      if (desktopTab) await tab.getByRole('tab', { name: desktopTab }).click();
    } else {
      await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: phoneTab, exact: true }).click();
    }
  }

  for (const size of SIZES) {
    it(`shows the paper account, its buying power and the venue's order states at ${size.width}×${size.height}, with no console error`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        await openTab(tab, size);
        await show(tab, size, { desktopTab: 'Account', phoneTab: 'Account' });
        const panel = tab.getByRole('region', { name: 'Account' });
        await panel.getByText('Paper broker · paper').waitFor();
        const account = await rest('GET', '/api/broker');
        assert.equal(account.live, false);
        const buyingPower = panel.getByText('Buying power', { exact: true }).locator('xpath=following-sibling::dd');
        assert.match(await buyingPower.textContent(), /^\$[\d,]+\.\d{2}$/);
        const filled = account.orders.find((order) => order.state === 'FILLED');
        const row = panel.locator(`tr[data-order-id="${filled.clientOrderId}"]`);
        await row.waitFor();
        assert.match(await row.textContent(), /filled/);
        assert.match(await row.textContent(), /desk/, 'the paper broker keeps no bracket: the desk keeps the stops');
        assert.ok(await tab.locator('.topbar').getByText('paper', { exact: true }).isVisible(), 'the quiet paper badge');
        assert.equal(await tab.getByRole('region', { name: 'Live trading' }).count(), 0, 'no LIVE banner on paper');

        await tab.screenshot({ path: screenshotPath(`account-${size.width}x${size.height}.png`), fullPage: true });
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });

    it(`sends a market order from the ticket through the RiskEngine, and says the collar's refusal in its words, at ${size.width}×${size.height}`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        await openTab(tab, size);
        await show(tab, size, { phoneTab: 'Auto' });
        const ticket = tab.getByRole('region', { name: 'Order ticket' });
        // Another size each time: the RiskEngine's duplicate guard would refuse the same order within seconds.
        const shares = String(SIZES.indexOf(size) + 1);
        await ticket.getByLabel('Shares').fill(shares);
        await ticket.getByRole('button', { name: `Buy ${shares} AAPL at market` }).click();
        const receipt = ticket.getByRole('status');
        await receipt.waitFor();
        const id = (await receipt.textContent()).match(/Sent as (m-[\w-]+);/)?.[1];
        assert.ok(id, `a sent order's id in "${await receipt.textContent()}"`);
        await waitFor(async () => (await rest('GET', '/api/broker')).orders.some((order) => order.clientOrderId === id), `${id} at the broker`);

        await ticket.getByText('Limit', { exact: true }).click();
        await ticket.getByLabel('Limit price').fill('1.00');
        await ticket.getByRole('button', { name: `Buy ${shares} AAPL at $1.00 or better` }).click();
        await ticket.getByRole('alert').getByText(/^Not sent: Refused: the limit 1\.00 is .* beyond the 5% collar$/).waitFor();

        await tab.screenshot({ path: screenshotPath(`ticket-${size.width}x${size.height}.png`), fullPage: true });
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });

    it(`adds a ticker to the session's watchlist, shows its chart, and takes it off again, at ${size.width}×${size.height}, with no console error`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      // Without authority the desk trades nothing meanwhile, so that nothing of MSFT is held when it comes off.
      await rest('POST', `/api/sessions/${sessionId}/auto-trading/disable`, {});
      try {
        await openTab(tab, size);
        await show(tab, size, { phoneTab: 'Auto' });
        const panel = tab.getByRole('region', { name: 'Watchlist' });
        await panel.getByRole('button', { name: 'AAPL · own' }).waitFor();
        await panel.getByLabel('Add a ticker').fill('msft');
        await panel.getByRole('button', { name: 'Watch' }).click();
        await panel.getByRole('button', { name: 'MSFT', exact: true }).waitFor();
        assert.deepEqual((await rest('GET', `/api/sessions/${sessionId}`)).watchlist, ['AAPL', 'MSFT']);
        await tab.screenshot({ path: screenshotPath(`watchlist-${size.width}x${size.height}.png`), fullPage: true });

        await panel.getByRole('button', { name: 'Take MSFT off the watchlist' }).click();
        await waitFor(async () => (await rest('GET', `/api/sessions/${sessionId}`)).watchlist.length === 1, 'MSFT off the watchlist');
        await panel.getByRole('button', { name: 'MSFT', exact: true }).waitFor({ state: 'detached' });
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
        await rest('POST', `/api/sessions/${sessionId}/auto-trading/enable`, { acceptedDisclosureVersion: '1' });
      }
    });

    it(`keeps a live account's red banner on every view, and takes its number, at ${size.width}×${size.height}`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      // The test server trades paper: the live account is the server's answer, rewritten as a live Alpaca one's.
      let confirmed = false;
      await tab.route('**/api/broker', async (route) => {
        const paper = await (await route.fetch()).json();
        await route.fulfill({ json: { ...paper, broker: 'alpaca', brokerName: 'Alpaca', live: true, awaitingLiveConfirmation: !confirmed, accountNumber: '…2WQ1' } });
      });
      await tab.route('**/api/broker/live-confirmation', async (route) => {
        assert.deepEqual(route.request().postDataJSON(), { accountNumber: 'PA3X9KZL2WQ1' });
        confirmed = true;
        const paper = await rest('GET', '/api/broker');
        await route.fulfill({ json: { ...paper, broker: 'alpaca', brokerName: 'Alpaca', live: true, awaitingLiveConfirmation: false, accountNumber: '…2WQ1' } });
      });
      try {
        await openTab(tab, size);
        const banner = tab.getByRole('region', { name: 'Live trading' });
        await banner.getByText('Real money: Alpaca account …2WQ1').waitFor();
        const colour = await banner.evaluate((element) => getComputedStyle(element).backgroundColor);
        assert.equal(colour, 'rgb(179, 18, 31)', 'the banner is red');
        await banner.getByLabel(/type this account’s number/).fill('PA3X9KZL2WQ1');
        await banner.getByRole('button', { name: 'Start live trading' }).click();
        await waitFor(async () => (await banner.getByLabel(/type this account’s number/).count()) === 0, 'the confirmation to be taken');

        const views = size === DESKTOP ? ['Conversation', 'Decision log', 'Trade history', 'Performance', 'Risk', 'Account'] : ['Session', 'Desk', 'Positions', 'Chart', 'Auto', 'Log', 'Account'];
        for (const view of views) {
          if (size === DESKTOP) await tab.getByRole('tab', { name: view }).click();
          else await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: view, exact: true }).click();
          assert.ok(await banner.isVisible(), `the LIVE banner shows on ${view}`);
          const box = await banner.boundingBox();
          assert.ok(box && box.y < 5 && box.width >= size.width - 1, `the banner spans the top of ${view}`);
        }
        assert.ok(await tab.locator('.topbar').getByText('LIVE', { exact: true }).isVisible(), 'the top bar says LIVE too');

        await tab.screenshot({ path: screenshotPath(`live-${size.width}x${size.height}.png`), fullPage: false });
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });
  }
});
