// The desk in a real browser against the real server: what a new user does, end to end.
// Run with `npm run e2e` (Maven runs it in the quorum-e2e module after the server jar is built).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, SMALL_PHONE, browserSuite, findChromium, foreignOrigin, openDesk, recordProblems, recordSockets, screenshotPath, sessionTab, sleep, waitFor } from './harness.mjs';

const chromium = findChromium();

describe('the desk in a browser, against the real server', browserSuite(chromium), () => {
  let desk;
  let server;
  let browser;
  let page;
  let rest;
  let sessionId;

  before(async () => {
    desk = await openDesk(chromium, { speed: 300 });
    ({ server, browser, rest } = desk);
    await browser.context.addInitScript(recordSockets);
    page = await browser.context.newPage();
    await page.setViewportSize(DESKTOP);
  });

  after(async () => {
    await desk?.close();
  });

  it('takes a new user from a ticker to an executed trade, shown in the conversation and the positions', async () => {
    // The one-click link the server prints: the token travels in the fragment, never to a server.
    await page.goto(`${server.origin}/#token=${server.token}`);
    await page.getByLabel('Analyse a ticker').fill('aapl');
    assert.equal(new URL(page.url()).hash, '', 'the token is removed from the address bar');
    await page.getByRole('button', { name: 'Analyse' }).click();
    sessionId = await waitFor(async () => (await rest('GET', '/api/sessions')).find((s) => s.ticker === 'AAPL')?.id, 'the AAPL session');
    await proposalTheDeskRecommends();

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    // Approved, but the desk may not trade yet: the page says so.
    await page.getByText(/^Approved\. Auto-trading is off/).waitFor();

    // The disclosure is accepted only after it has been scrolled to its end.
    const checkbox = page.getByLabel(/I have read the risk disclosure/);
    assert.equal(await checkbox.isDisabled(), true);
    await page.getByLabel('Risk disclosure text').evaluate((text) => text.scrollTo(0, text.scrollHeight));
    await checkbox.check();
    await page.getByRole('switch', { name: 'Auto-trading' }).click();
    await page.getByRole('status').filter({ hasText: 'ON — desk may trade' }).waitFor();
    await page.getByText('Approved. Auto-trading is on: the desk manages AAPL within your limits.').waitFor();

    const conversation = page.getByRole('region', { name: 'Agent conversation' });
    await conversation.getByText('Trade executed', { exact: true }).first().waitFor({ timeout: 30_000 });
    const card = page.getByRole('article', { name: 'AAPL position' });
    await card.waitFor();
    const held = await rest('GET', `/api/sessions/${sessionId}/positions`);
    const aapl = held.positions.find((p) => p.ticker === 'AAPL');
    assert.ok(aapl, 'the server holds the AAPL position the page shows');
    assert.match(await card.textContent(), new RegExp(`${aapl.direction}.*Qty${aapl.quantity}`));
    const session = await rest('GET', `/api/sessions/${sessionId}`);
    assert.equal(session.state, 'AUTO_TRADING');
    assert.equal(session.autoTrading.enabled, true);

    await saveScreenshots();
  });

  it('stops new trades the moment auto-trading is switched off', async () => {
    await page.setViewportSize(DESKTOP);
    await page.getByRole('switch', { name: 'Auto-trading' }).click();
    await page.getByRole('status').filter({ hasText: /^OFF$/ }).waitFor();
    await page.getByRole('region', { name: 'Agent conversation' }).getByText('Auto-trading off').waitFor();
    const session = await rest('GET', `/api/sessions/${sessionId}`);
    assert.equal(session.autoTrading.enabled, false);
    const switchedOffAt = session.lastSeq;

    // At 300x, ten seconds are fifty market minutes: time enough for the desk to trade if it could.
    await sleep(10_000);
    const later = await messages(switchedOffAt);
    const decided = later.filter((m) => m.type === 'UPDATE' && m.content.kind === 'TRADE_EXECUTED' && !isProtectiveExit(m.content.execution));
    assert.deepEqual(decided.map((m) => m.content.text), [], 'no trade but protective exits after auto-trading was switched off');
    assert.deepEqual(later.filter((m) => m.type === 'PROPOSAL'), [], 'no new proposal is put to the vote');
    assert.equal((await rest('GET', `/api/sessions/${sessionId}`)).autoTrading.enabled, false);
    assert.equal(await page.getByRole('switch', { name: 'Auto-trading' }).getAttribute('aria-checked'), 'false');
  });

  it('resumes after a dropped WebSocket with no gap and no duplicate', async () => {
    const before = await page.evaluate(() => window.__sockets.length);
    await page.evaluate(() => window.__sockets.at(-1).close());
    // While the page is away the desk keeps talking: these messages must arrive after the reconnect.
    await rest('POST', `/api/sessions/${sessionId}/auto-trading/enable`, { acceptedDisclosureVersion: '1' });
    await rest('POST', `/api/sessions/${sessionId}/auto-trading/disable`, {});
    await page.waitForFunction((count) => window.__sockets.length > count && window.__sockets.at(-1).readyState === WebSocket.OPEN, before, { timeout: 30_000 });
    const resumedFrom = Number(new URL(await page.evaluate(() => window.__sockets.at(-1).url)).searchParams.get('lastSeq'));
    assert.ok(resumedFrom > 0, 'the new socket resumes from the last seq shown');

    const journal = await waitFor(async () => {
      const all = await messages(0);
      const shown = await shownMessageCount();
      return shown === all.length ? all : undefined;
    }, 'the conversation to show every journaled message');
    const received = await page.evaluate(() => window.__agentSeqs);
    assert.equal(new Set(received).size, received.length, 'no agent message arrives twice');
    assert.deepEqual(received, journal.map((m) => m.seq), 'the page received exactly the journal, in order');
    assert.ok(journal.some((m) => m.seq > resumedFrom && m.content.text === 'Auto-trading switched off.'), 'what was said during the drop arrived');
    const visible = await page.locator('[data-testid="chat-bubble"]').evaluateAll((bubbles) => bubbles.map((b) => Number(b.dataset.seq)));
    assert.equal(new Set(visible).size, visible.length, 'no bubble is shown twice');
    assert.equal(visible.at(-1), journal.at(-1).seq, 'the newest message is at the bottom');
  });

  for (const size of [PHONE, SMALL_PHONE]) {
    it(`shows a new user on a ${size.width}×${size.height} phone the ticker box at first open, and every filter chip whole`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        await tab.setViewportSize(size);
        await tab.goto(`${server.origin}/#token=${server.token}`);
        assert.ok(await tab.getByLabel('Analyse a ticker').isVisible(), 'the ticker box is on the panel shown first');

        await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
        await everyMessageShown(tab);
        const chips = await tab.locator('.chat-filters .chip').evaluateAll((all) => all.map((chip) => ({ text: chip.textContent, ...chip.getBoundingClientRect().toJSON() })));
        assert.ok(chips.length >= 12, 'the agents and message types are all there to filter by');
        const cut = chips.filter((chip) => chip.left < 0 || chip.right > size.width || chip.width === 0);
        assert.deepEqual(cut.map((chip) => chip.text), [], 'no filter chip is cut off by the screen');
        await tab.screenshot({ path: screenshotPath(`chips-${size.width}x${size.height}.png`) });
        await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Chart' }).click();
        await tab.getByRole('figure', { name: /AAPL candles/ }).locator('canvas').first().waitFor();
        await sleep(1000);
        await tab.screenshot({ path: screenshotPath(`chart-${size.width}x${size.height}.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await tab.close();
      }
    });
  }

  for (const size of [DESKTOP, PHONE, SMALL_PHONE]) {
    it(`opens a busy session at ${size.width}×${size.height}, and again after a reload, with no console error and no failed request`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        await tab.setViewportSize(size);
        await tab.goto(`${server.origin}/#token=${server.token}`);
        await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
        await everyMessageShown(tab);
        await tab.screenshot({ path: screenshotPath(`open-${size.width}x${size.height}.png`) });
        if (size === DESKTOP) {
          const overflowing = await tab.locator('.flow-panel').evaluate((panel) => {
            const box = panel.getBoundingClientRect();
            return [...panel.querySelectorAll('button, .badge')].filter((e) => e.getBoundingClientRect().right > box.right + 0.5).map((e) => e.textContent);
          });
          assert.deepEqual(overflowing, [], 'the session panel holds its buttons and badges, however long the state');
        }

        // The tab remembers the session: a reload opens it again.
        await tab.reload();
        await everyMessageShown(tab);
        // Time for a render loop, had there been one, to exhaust React's update limit.
        await sleep(2000);
        assert.equal(await tab.getByLabel('Session', { exact: true }).inputValue(), sessionId);
        assert.ok(await tab.getByRole('button', { name: 'Forget the access token' }).isVisible(), 'the page is not blank: Sign out is there');
        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });
  }

  it('shows edited stops on the position card and on the session card, as the server holds them', async () => {
    await page.setViewportSize(DESKTOP);
    // The tab opened the MSFT session last: back to AAPL's.
    await page.getByLabel('Session', { exact: true }).selectOption(sessionId);
    await page.getByRole('region', { name: 'AAPL price chart' }).waitFor();
    const held = (await rest('GET', `/api/sessions/${sessionId}/positions`)).positions.find((p) => p.ticker === 'AAPL');
    assert.ok(held, 'the session still holds AAPL');
    const last = Number(held.currentPrice);
    const away = (pct) => (last * (1 + pct / 100)).toFixed(2);
    const [stop, target] = held.direction === 'LONG' ? [away(-6), away(7)] : [away(6), away(-7)];

    const card = page.getByRole('article', { name: 'AAPL position' });
    await card.getByRole('button', { name: 'Edit AAPL stops' }).click();
    await card.getByLabel('Stop loss').fill(stop);
    await card.getByLabel('Take profit').fill(target);
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText(`Stop ${stop}`).waitFor();

    const after = (await rest('GET', `/api/sessions/${sessionId}/positions`)).positions.find((p) => p.ticker === 'AAPL');
    assert.deepEqual([Number(after.stopLoss).toFixed(2), Number(after.takeProfit).toFixed(2)], [stop, target]);
    assert.match(await card.textContent(), new RegExp(`Stop ${stop} · Target ${target}`));
    const sessionCard = page.getByLabel('AAPL held now');
    await sessionCard.getByText(target).waitFor();
    assert.match(await sessionCard.textContent(), new RegExp(`Stop${stop}Target${target}`));
  });

  it('drags the position’s stop on the chart into the stops form, which refuses a stop past the price and saves a valid one only when asked', async () => {
    await page.setViewportSize(DESKTOP);
    const problems = recordProblems(page);
    const sent = stopsSent(page);
    await rest('POST', `/api/sessions/${sessionId}/auto-trading/disable`, {});
    const { chart, held, long, lines } = await heldOnChart(page);
    const mouse = async (x, fromY, toY) => {
      await page.mouse.move(x, fromY);
      await page.mouse.down();
      await page.mouse.move(x, toY, { steps: 8 });
      await page.mouse.up();
    };

    // Past the price (halfway to the target): the form says why, and nothing is sent.
    const last = Number((await rest('GET', '/api/market/AAPL/quote')).last);
    await lines.drag('stopLoss', { stop: Number(held.stopLoss), target: Number(held.takeProfit) }, (last + Number(held.takeProfit)) / 2, mouse);
    const form = chart.getByRole('form', { name: 'AAPL stops' });
    await form.waitFor();
    await form.getByText(long ? 'A long position’s stop must be below the current price.' : 'A short position’s stop must be above the current price.').waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    assert.deepEqual(sent, [], 'nothing sent');
    await page.screenshot({ path: screenshotPath('drag-stop-1440x900.png') });

    // Halfway between the old stop and the price: valid, and saved as the form shows it.
    const valid = (Number(held.stopLoss) + last) / 2;
    const pixel = await lines.drag('stopLoss', await drawn(form), valid, mouse);
    const dragged = await form.getByLabel('Stop loss').inputValue();
    assert.ok(Math.abs(Number(dragged) - valid) <= 3 * pixel + 0.01, `${dragged} is where the stop was dropped, near ${valid.toFixed(2)}`);
    assert.equal(await form.getByRole('alert').count(), 0, 'no error');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const after = (await rest('GET', `/api/sessions/${sessionId}/positions`)).positions.find((p) => p.ticker === 'AAPL');
    assert.equal(Number(after.stopLoss).toFixed(2), dragged);
    await page.getByRole('article', { name: 'AAPL position' }).getByText(`Stop ${dragged}`).waitFor();
    assert.deepEqual(problems, []);
  });

  it(`drags the position’s stop and target by touch at ${PHONE.width}×${PHONE.height}, checked as the form checks them, and saves them`, async () => {
    await rest('POST', `/api/sessions/${sessionId}/auto-trading/disable`, {});
    const { tab, problems } = await sessionTab(browser, server, PHONE, sessionId);
    const sent = stopsSent(tab);
    const touchscreen = await browser.context.newCDPSession(tab);
    try {
      await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Chart' }).click();
      const { chart, held, long, lines } = await heldOnChart(tab);
      /** A finger on the line at `fromY`, moved to `toY` and lifted, as the phone's touchscreen reports it. */
      const finger = async (x, fromY, toY) => {
        const touch = (type, y) => touchscreen.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x, y }] });
        await touch('touchStart', fromY);
        for (let step = 1; step <= 8; step++) await touch('touchMove', fromY + ((toY - fromY) * step) / 8);
        await touch('touchEnd');
      };

      // The target dragged to the wrong side of the price: the form says why, and nothing is sent.
      const last = Number((await rest('GET', '/api/market/AAPL/quote')).last);
      const stop = Number(held.stopLoss);
      const target = Number(held.takeProfit);
      await lines.drag('takeProfit', { stop, target }, (last + stop) / 2, finger);
      const form = chart.getByRole('form', { name: 'AAPL stops' });
      await form.waitFor();
      await form.getByText(long ? 'A long position’s target must be above the current price.' : 'A short position’s target must be below the current price.').waitFor();
      await form.getByRole('button', { name: 'Save' }).click();
      assert.deepEqual(sent, [], 'nothing sent');

      // The target back past the price, and the stop nearer the price: both valid, both saved as the form shows them.
      const newTarget = (last + target) / 2;
      const newStop = (stop + last) / 2;
      const pixel = await lines.drag('takeProfit', await drawn(form), newTarget, finger);
      await lines.drag('stopLoss', await drawn(form), newStop, finger);
      const [stopShown, targetShown] = [await form.getByLabel('Stop loss').inputValue(), await form.getByLabel('Take profit').inputValue()];
      assert.ok(Math.abs(Number(stopShown) - newStop) <= 3 * pixel + 0.01, `${stopShown} is where the stop was dropped, near ${newStop.toFixed(2)}`);
      assert.ok(Math.abs(Number(targetShown) - newTarget) <= 3 * pixel + 0.01, `${targetShown} is where the target was dropped, near ${newTarget.toFixed(2)}`);
      assert.equal(await form.getByRole('alert').count(), 0, 'no error');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      const after = (await rest('GET', `/api/sessions/${sessionId}/positions`)).positions.find((p) => p.ticker === 'AAPL');
      assert.deepEqual([Number(after.stopLoss).toFixed(2), Number(after.takeProfit).toFixed(2)], [stopShown, targetShown]);
      assert.deepEqual(problems, []);
    } finally {
      await touchscreen.detach().catch(() => {});
      await tab.close();
    }
  });

  it('shows in the decision log the order and fill of the approved decision, as GET /decisions lists them', async () => {
    await page.setViewportSize(DESKTOP);
    const { items } = await rest('GET', `/api/sessions/${sessionId}/decisions?outcome=APPROVED`);
    const filled = items.find((entry) => entry.orders.some((order) => order.status === 'FILLED'));
    assert.ok(filled, 'the server lists an approved decision with a filled order');
    const order = filled.orders.find((o) => o.status === 'FILLED');

    await page.getByRole('tab', { name: 'Decision log' }).click();
    const log = page.getByRole('region', { name: 'Decision log' });
    await log.getByRole('button', { name: `Details of decision ${filled.seq}` }).click();
    const line = log.getByText(`${order.side} ${order.quantity} · FILLED · ${order.clientOrderId}`);
    await line.waitFor();
    assert.match(await line.textContent(), new RegExp(`fill ${order.fills[0].quantity} @ ${Number(order.fills[0].price).toFixed(2)}`));
    assert.equal(await log.getByText('No order.').count(), 0);
    await page.getByRole('tab', { name: 'Conversation' }).click();
  });

  it('shows what failed and a way out, never a blank page, when a panel fails to draw', async () => {
    const tab = await browser.context.newPage();
    // While this tab's flag is set, no number can be formatted: the next panel drawn fails, and
    // so does the remembered session's desk after a reload.
    await tab.addInitScript(() => {
      if (!sessionStorage.getItem('e2e.breakNumbers')) return;
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', { configurable: true, get() { throw new Error('no number can be formatted'); } });
    });
    try {
      await tab.setViewportSize(PHONE);
      await tab.goto(`${server.origin}/#token=${server.token}`);
      await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
      await everyMessageShown(tab);
      await tab.evaluate(() => {
        sessionStorage.setItem('e2e.breakNumbers', '1');
        Object.defineProperty(Intl.NumberFormat.prototype, 'format', { configurable: true, get() { throw new Error('no number can be formatted'); } });
      });
      // Draws the panels again, unless the desk's next frame did so first.
      await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Positions' }).click({ timeout: 2000 }).catch(() => undefined);

      const failed = tab.getByRole('alert', { name: 'The desk failed' });
      await failed.waitFor();
      assert.match(await failed.textContent(), /no number can be formatted/);
      assert.ok(await tab.getByRole('button', { name: 'Sign out' }).isVisible());
      await tab.screenshot({ path: screenshotPath('failed-390x844.png') });

      // The tab remembers the session, so a reload fails again: forgetting it is the way back.
      await tab.reload();
      await failed.waitFor();
      await tab.getByRole('button', { name: 'Forget this session' }).click();
      await tab.getByLabel('Analyse a ticker').waitFor();
      assert.equal(await tab.getByLabel('Session', { exact: true }).inputValue(), '');
      assert.equal(await tab.evaluate(() => sessionStorage.getItem('quorum.sessionId')), null);
    } finally {
      await tab.close();
    }
  });

  it('lists in a second tab, within a second, the session the first tab created', async () => {
    const second = await browser.context.newPage();
    const problems = recordProblems(second);
    try {
      await second.goto(`${server.origin}/#token=${server.token}`);
      const picker = second.getByLabel('Session', { exact: true });
      await picker.locator('option', { hasText: 'AAPL' }).waitFor({ state: 'attached' });
      assert.equal(await picker.locator('option', { hasText: 'MSFT' }).count(), 0);

      await page.bringToFront();
      await page.getByLabel('Analyse a ticker').fill('MSFT');
      await page.getByRole('button', { name: 'Analyse' }).click();
      await second.waitForFunction(() => [...document.querySelectorAll('select[aria-label="Session"] option')].some((o) => o.textContent.startsWith('MSFT')), null, { timeout: 1000 });
      assert.deepEqual(problems, []);
    } finally {
      await second.close();
    }
  });

  it('lists the closed trade in the trade history with its fill prices and exit reason, as GET /trades does, and exports it', async () => {
    await page.setViewportSize(DESKTOP);
    // The tab opened the MSFT session last: back to AAPL's.
    await page.getByLabel('Session', { exact: true }).selectOption(sessionId);
    await page.getByRole('region', { name: 'AAPL price chart' }).waitFor();
    // Closed by the user, unless the desk or the stops edited earlier closed it first.
    const close = page.getByRole('button', { name: 'Close AAPL position' });
    if (await close.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      await close.click();
      await page.getByRole('button', { name: 'Close position' }).click().catch(() => undefined);
    }
    const trades = await waitFor(async () => {
      const closed = await rest('GET', `/api/sessions/${sessionId}/trades`);
      return closed.length > 0 ? closed : undefined;
    }, 'a closed AAPL trade');
    await page.getByRole('tab', { name: 'Trade history' }).click();
    const history = page.getByRole('region', { name: 'Trade history' });
    const newest = trades.at(-1);
    const row = history.getByRole('row').filter({ hasText: Number(newest.exitPrice).toFixed(2) }).first();
    await row.waitFor();
    const text = await row.textContent();
    assert.ok(text.includes(Number(newest.entryPrice).toFixed(2)), `${text} shows the entry fill price ${newest.entryPrice}`);
    assert.ok(text.includes(newest.direction), text);
    assert.ok(text.includes(EXIT_LABEL[newest.exitReason]), `${text} says why: ${newest.exitReason}`);
    await history.getByRole('button', { name: 'Account' }).click();
    const account = (await rest('GET', '/api/trades')).length;
    await history.getByText(`${account} of ${account} trade`).waitFor();
    // The session's own trades again, for the export.
    await history.getByRole('button', { name: 'This session' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    // The desk may close more of its trades meanwhile: the file holds those shown when it was asked for.
    const latest = await rest('GET', `/api/sessions/${sessionId}/trades`);
    assert.ok(lines.length - 1 >= trades.length && lines.length - 1 <= latest.length, `a header and one line per trade: ${lines.length - 1} lines`);
    assert.ok(lines.some((line) => line.includes(`,${newest.entryPrice},`) && line.includes(`,${newest.exitPrice},`)), 'the fill prices as the server holds them');
    await page.screenshot({ path: screenshotPath('trades-1440x900.png') });
    await page.getByRole('tab', { name: 'Conversation' }).click();
  });

  it('shows the session’s and the account’s performance as the server computed it, with its equity and daily P&L charts', async () => {
    const problems = recordProblems(page);
    await page.getByRole('tab', { name: 'Performance' }).click();
    const panel = page.getByRole('region', { name: 'Performance' });
    const figures = panel.getByRole('definition');
    const expected = (await rest('GET', `/api/sessions/${sessionId}/performance`)).stats;
    await panel.getByText(`${expected.trades} (${expected.wins} won, ${expected.losses} lost)`).waitFor();
    const totalPnl = Number(expected.totalPnl).toLocaleString('en-US', { style: 'currency', currency: 'USD', signDisplay: 'exceptZero' });
    assert.equal(await figures.first().textContent(), totalPnl);
    await panel.getByRole('figure', { name: 'Equity curve with drawdown below it' }).waitFor();
    await panel.getByRole('figure', { name: 'Daily P&L bars' }).waitFor();
    const account = (await rest('GET', '/api/performance')).stats;
    await panel.getByRole('button', { name: 'Account' }).click();
    await panel.getByText(`${account.trades} (${account.wins} won, ${account.losses} lost)`).waitFor();
    await page.screenshot({ path: screenshotPath('performance-1440x900.png') });
    for (const size of [PHONE, SMALL_PHONE]) {
      await page.setViewportSize(size);
      await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Stats' }).click();
      await panel.getByRole('figure', { name: 'Equity curve with drawdown below it' }).waitFor();
      await panel.getByText(`${account.trades} (${account.wins} won, ${account.losses} lost)`).waitFor();
      // A toast would cover the foot of the chart: the picture waits a while for the toasts to fade.
      await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
      await page.screenshot({ path: screenshotPath(`performance-${size.width}x${size.height}.png`) });
    }
    await page.setViewportSize(DESKTOP);
    assert.deepEqual(problems, [], 'the charts draw with no page error');
    await page.getByRole('tab', { name: 'Conversation' }).click();
  });

  it('refuses the stream to a page of another origin', async () => {
    const foreign = await foreignOrigin('<!doctype html><title>elsewhere</title>');
    try {
      const other = await browser.context.newPage();
      await other.goto(foreign.origin);
      const attempt = ({ origin, token, id }) =>
        new Promise((done) => {
          const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws/sessions/${id}?lastSeq=0`, [`quorum.bearer.${token}`]);
          socket.onopen = () => {
            socket.close();
            done('open');
          };
          socket.onclose = (event) => done(`closed ${event.code}`);
        });
      const args = { origin: server.origin, token: server.token, id: sessionId };
      assert.equal(await other.evaluate(attempt, args), 'closed 1006', 'a foreign page never gets a stream, even with the token');
      // The same request from the desk's own origin opens: the refusal is the Origin's doing.
      assert.equal(await page.evaluate(attempt, args), 'open');
      await other.close();
    } finally {
      await foreign.close();
    }
  });

  // ---- helpers ---------------------------------------------------------------------------------

  /**
   * Waits for the proposal card. When the desk did not recommend its proposal (the vote timed out
   * or was rejected), the user gives the vote more time and sends the analysis back with a reason.
   */
  async function proposalTheDeskRecommends() {
    for (let attempt = 1; ; attempt++) {
      await page.getByRole('article', { name: 'Proposal', exact: true }).waitFor({ timeout: 90_000 });
      const decision = (await rest('GET', `/api/sessions/${sessionId}/decisions?limit=1`)).items[0];
      if (decision && ['APPROVED', 'APPROVED_MODIFIED'].includes(decision.outcome)) return;
      assert.ok(attempt < 4, `the desk recommended none of ${attempt} proposals; last: ${decision?.outcome}`);
      const timeout = page.getByLabel('Vote timeout (s)');
      await timeout.fill('600');
      await page.getByRole('button', { name: 'Save limits' }).click();
      await page.getByText('Limits saved.').waitFor();
      await page.getByRole('button', { name: 'Reject…' }).click();
      await page.getByLabel(/Why reject/).fill(`the vote ended ${decision?.outcome ?? 'without a decision'}; vote again with more time`);
      await page.getByRole('button', { name: 'Reject and re-analyse' }).click();
      await page.getByRole('article', { name: 'Proposal', exact: true }).waitFor({ state: 'detached' });
    }
  }

  /** Waits until the tab's conversation shows as many messages as the journal holds now. */
  async function everyMessageShown(tab) {
    const journaled = (await messages(0)).length;
    await waitFor(async () => (await shownMessageCount(tab)) >= journaled, `the conversation to show the ${journaled} journaled messages`);
  }

  async function saveScreenshots() {
    await sleep(1500);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath('desk-desktop.png') });
    await page.setViewportSize(PHONE);
    await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Desk' }).click();
    // On a phone a toast covers the newest message: wait until it has faded.
    await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 15_000 });
    await sleep(500);
    await page.screenshot({ path: screenshotPath('desk-phone.png') });
    await page.setViewportSize(DESKTOP);
  }

  /** The AAPL chart on `tab`, the position the server holds now, and its stop and target lines there. */
  async function heldOnChart(tab) {
    const chart = tab.getByRole('region', { name: 'AAPL price chart' });
    const held = (await rest('GET', `/api/sessions/${sessionId}/positions`)).positions.find((p) => p.ticker === 'AAPL');
    assert.ok(held, 'the session still holds AAPL');
    return { chart, held, long: held.direction === 'LONG', lines: await levelLines(tab, chart, held) };
  }

  /** Every journaled message after `afterSeq`, page by page. */
  async function messages(afterSeq) {
    const all = [];
    for (let after = afterSeq; ; ) {
      const { items } = await rest('GET', `/api/sessions/${sessionId}/messages?afterSeq=${after}&limit=1000`);
      if (items.length === 0) return all;
      all.push(...items);
      after = items.at(-1).seq;
    }
  }

  async function shownMessageCount(tab = page) {
    const header = await tab.getByRole('region', { name: 'Agent conversation' }).locator(':scope > header').textContent();
    return Number(header.match(/(\d+) messages?/)?.[1] ?? -1);
  }
});

/**
 * The position's stop and target lines on `chart`, found as a user finds them, by the cursor, which
 * offers to move a line it is over. `drag` moves one by `gesture(x, fromY, toY)` (a mouse, a finger)
 * and says what price a pixel is worth there. The heights are read once they hold still (the chart
 * rescales as its bars arrive), and the price of a height from the two lines when they were furthest
 * apart, as long as the scale has not moved since: read off two lines a few pixels apart, a price far
 * from both would be off by several pixels.
 */
async function levelLines(tab, chart, held) {
  const figure = chart.getByRole('figure');
  await figure.locator('canvas').first().waitFor();
  await figure.scrollIntoViewIfNeeded();
  const long = held.direction === 'LONG';
  const box = await figure.boundingBox();
  const x = box.x + box.width * 0.4;
  const offersToMove = async (y) => {
    await tab.mouse.move(x, y);
    return (await figure.evaluate((e) => e.style.cursor)) === 'ns-resize';
  };
  /** The middle of each line's grip: found in steps of 4 px (a grip is 13 px high), its edges then to the pixel. */
  const scan = async () => {
    const runs = [];
    for (let y = Math.round(box.y) + 4; y < box.y + box.height - 30; y += 4) {
      if (!(await offersToMove(y))) continue;
      if (runs.length && y - runs.at(-1).at(-1) <= 4) runs.at(-1).push(y);
      else runs.push([y]);
    }
    const middles = [];
    for (const ys of runs) {
      let top = ys[0];
      while (top > ys[0] - 4 && (await offersToMove(top - 1))) top -= 1;
      let bottom = ys.at(-1);
      while (bottom < ys.at(-1) + 4 && (await offersToMove(bottom + 1))) bottom += 1;
      middles.push((top + bottom) / 2);
    }
    await tab.mouse.move(x, box.y + box.height + 10);
    return middles;
  };
  // Should the desk trade meanwhile, a trade above the confirmation threshold asks for an answer
  // over the whole page for up to a minute, and nothing under it can be grabbed.
  const modal = tab.locator('[aria-modal="true"]');
  /** The heights of the stop and the target, once two scans in a row, with nothing over the chart, agree on them. */
  const heights = async () => {
    let seen = [];
    return waitFor(async () => {
      const covered = (await modal.count()) > 0;
      const rows = covered ? [] : await scan();
      if (covered || (await modal.count()) > 0) rows.length = 0;
      const steady = rows.length === 2 && seen.length === 2 && rows.every((y, i) => Math.abs(y - seen[i]) <= 1);
      seen = rows;
      // A long's stop is below its target: further down the screen.
      return steady && (long ? [Math.max(...rows), Math.min(...rows)] : [Math.min(...rows), Math.max(...rows)]);
    }, `the stop ${held.stopLoss} and the target ${held.takeProfit} to be grabbed at steady heights in ${JSON.stringify(box)}`, 150_000);
  };
  /** Two prices and their heights, which give the height of any other price while the scale holds. */
  let scale = null;
  const heightOf = (price, { from, fromY, to, toY }) => fromY + ((price - from) * (toY - fromY)) / (to - from);
  return {
    /** Drags the line of `field` to `price`, the stop and the target drawn now at `stop` and `target`. */
    async drag(field, { stop, target }, price, gesture) {
      const [stopY, targetY] = await heights();
      const now = { from: stop, fromY: stopY, to: target, toY: targetY };
      const held = scale && Math.abs(heightOf(stop, scale) - stopY) <= 1.5 && Math.abs(heightOf(target, scale) - targetY) <= 1.5;
      if (!held || Math.abs(targetY - stopY) > Math.abs(scale.toY - scale.fromY)) scale = now;
      await gesture(x, field === 'stopLoss' ? stopY : targetY, heightOf(price, scale));
      return Math.abs((scale.to - scale.from) / (scale.toY - scale.fromY));
    },
  };
}

/** The stops the page sends from now on, as they leave it (each PUT of a position's stops). */
function stopsSent(tab) {
  const sent = [];
  tab.on('request', (request) => request.method() === 'PUT' && request.url().endsWith('/stops') && sent.push(request.postData()));
  return sent;
}

/** The stop and the target as the stops form holds them, where the chart draws their lines while it is open. */
async function drawn(form) {
  return { stop: Number(await form.getByLabel('Stop loss').inputValue()), target: Number(await form.getByLabel('Take profit').inputValue()) };
}

/** How the trade history names each exit reason of GET /trades. */
const EXIT_LABEL = { STOP_LOSS: 'Stop-loss', TAKE_PROFIT: 'Target', TRAILING_STOP: 'Trailing stop', DECISION: 'Agent decision', USER: 'User', FLATTEN: 'Flatten', LOSS_LIMIT: 'Loss limit' };

/** Stops, targets and trailing stops still close positions after the switch is off; their orders are "x-...". */
function isProtectiveExit(execution) {
  return execution.clientOrderId.startsWith('x-');
}
