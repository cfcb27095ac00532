// The desk as a trader's workspace, in a real browser against the real server: times, numbers,
// the signed-in state of the browser's tabs, and what the P&L and equity figures include.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, SMALL_PHONE, browserSuite, findChromium, openDesk, recordProblems, screenshotPath, sessionTab, waitFor } from './harness.mjs';

const chromium = findChromium();
// Far from New York: a page that followed the browser's zone would show Tokyo's hours.
const BROWSER_ZONE = 'Asia/Tokyo';

describe('the trader’s workspace in a browser, against the real server', browserSuite(chromium), () => {
  let desk;
  let server;
  let browser;
  let rest;
  let sessionId;

  before(async () => {
    desk = await openDesk(chromium, { speed: 300, timezoneId: BROWSER_ZONE });
    ({ server, browser, rest } = desk);
    sessionId = (await rest('POST', '/api/sessions', { ticker: 'AAPL' })).id;
    await waitFor(async () => (await rest('GET', `/api/sessions/${sessionId}/messages?limit=5`)).items.length >= 5, 'the desk to start talking');
  });

  after(async () => {
    await desk?.close();
  });

  it('keeps the browser signed in for every tab, never with the token in an address, until one tab signs out', async () => {
    const first = await browser.context.newPage();
    const second = await browser.context.newPage();
    const problems = [recordProblems(first), recordProblems(second)];
    try {
      await first.goto(`${server.origin}/#token=${server.token}`);
      await first.getByLabel('Analyse a ticker').waitFor();
      assert.equal(new URL(first.url()).hash, '', 'the token leaves the address bar after the first load');

      // A second tab, opened at the bare address, needs no token.
      await second.goto(server.origin);
      await second.getByLabel('Analyse a ticker').waitFor();
      assert.equal(await tokenPrompt(second).count(), 0);
      assert.ok(!second.url().includes(server.token));

      // Signing out in one tab signs the browser out: the other asks for the token within a second.
      await second.getByRole('button', { name: 'Forget the access token' }).click();
      await tokenPrompt(second).waitFor();
      await tokenPrompt(first).waitFor({ timeout: 1000 });

      // Signing in again in one tab signs the other in too.
      await tokenPrompt(first).getByLabel('Access token').fill(server.token);
      await first.getByRole('button', { name: 'Open the desk' }).click();
      await second.getByLabel('Analyse a ticker').waitFor({ timeout: 1000 });
      assert.deepEqual(problems.flat(), []);
    } finally {
      await first.close();
      await second.close();
    }
  });

  for (const size of [DESKTOP, PHONE, SMALL_PHONE]) {
    it(`shows each message's date and time in the exchange's zone, not the browser's, at ${size.width}×${size.height}`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      try {
        await tab.setViewportSize(size);
        await tab.goto(`${server.origin}/#token=${server.token}`);
        await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
        // The conversation draws only the bubbles in view: take the newest one drawn, its seq and
        // its time read at once, since newer messages may scroll it out of the list right after.
        await tab.locator('[data-testid="chat-bubble"]').last().waitFor();
        const { seq, text } = await tab.evaluate(() => {
          const bubbles = document.querySelectorAll('[data-testid="chat-bubble"]');
          const bubble = bubbles[bubbles.length - 1];
          return { seq: Number(bubble.getAttribute('data-seq')), text: bubble.querySelector('time')?.textContent ?? '' };
        });
        const first = (await rest('GET', `/api/sessions/${sessionId}/messages?afterSeq=${seq - 1}&limit=1`)).items[0];
        const inNewYork = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
          .formatToParts(new Date(first.timestamp))
          .reduce((parts, part) => ({ ...parts, [part.type]: part.value }), {});
        assert.match(text, /^[A-Z][a-z]{2} \d{1,2}, \d\d:\d\d:\d\d E[SD]T$/, 'a date, a time and the zone');
        assert.ok(text.startsWith(`${inNewYork.month} ${inNewYork.day}, ${inNewYork.hour}:${inNewYork.minute}`), `${text} is New York's time of ${first.timestamp}`);
        await tab.screenshot({ path: screenshotPath(`times-${size.width}x${size.height}.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await tab.close();
      }
    });
  }

  it('follows the system’s light or dark theme until the user picks one, and keeps the pick for the browser', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.emulateMedia({ colorScheme: 'light' });
      await tab.goto(`${server.origin}/#token=${server.token}`);
      const theme = () => tab.evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.documentElement).backgroundColor]);
      await tab.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      assert.deepEqual(await theme(), ['light', 'rgb(244, 246, 250)']);
      await tab.emulateMedia({ colorScheme: 'dark' });
      await tab.waitForFunction(() => document.documentElement.dataset.theme === 'dark');

      await tab.getByLabel('Theme').selectOption('light');
      await tab.reload();
      await tab.getByLabel('Analyse a ticker').waitFor();
      assert.deepEqual(await theme(), ['light', 'rgb(244, 246, 250)'], 'the pick outlasts a reload, whatever the system says');
      await tab.screenshot({ path: screenshotPath('light-1440x900.png') });
      await tab.getByLabel('Theme').selectOption('system');
    } finally {
      await tab.close();
    }
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`draws a disabled Flatten in the ${colorScheme} theme greyed like any disabled button, not in the danger colours`, async () => {
      const tab = await browser.context.newPage();
      try {
        await tab.emulateMedia({ colorScheme });
        await tab.goto(`${server.origin}/#token=${server.token}`);
        await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
        const flatten = tab.getByRole('button', { name: 'Flatten AAPL' });
        await flatten.waitFor();
        assert.equal((await rest('GET', `/api/sessions/${sessionId}/positions`)).positions.length, 0, 'nothing held: nothing to flatten');
        assert.equal(await flatten.isDisabled(), true);
        const look = await flatten.evaluate((button) => {
          const style = getComputedStyle(button);
          const ink = (name) => {
            const probe = document.createElement('span');
            probe.style.color = `var(${name})`;
            document.body.append(probe);
            const colour = getComputedStyle(probe).color;
            probe.remove();
            return colour;
          };
          return { background: style.backgroundColor, text: style.color, opacity: style.opacity, expected: { background: ink('--panel-2'), text: ink('--muted') } };
        });
        assert.deepEqual({ background: look.background, text: look.text, opacity: look.opacity }, { ...look.expected, opacity: '1' });
      } finally {
        await tab.close();
      }
    });
  }

  it('answers the keyboard: / focuses the ticker box, ? lists the shortcuts, Esc closes, and a approves only once confirmed', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.goto(`${server.origin}/#token=${server.token}`);
      await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
      await waitFor(async () => (await rest('GET', `/api/sessions/${sessionId}`)).state === 'PROPOSAL', 'the proposal');
      const card = tab.getByRole('article', { name: 'Proposal', exact: true });
      await card.waitFor();

      await tab.locator('body').click({ position: { x: 5, y: 5 } });
      await tab.keyboard.press('/');
      // The box is focused on the next animation frame (on a phone it is drawn only then): wait for it.
      await tab.waitForFunction(() => document.activeElement?.id === 'ticker-input', null, { timeout: 5_000 });
      assert.equal(await tab.getByLabel('Analyse a ticker').inputValue(), '', 'the slash is not typed into the box');

      await tab.locator('body').click({ position: { x: 5, y: 5 } });
      await tab.keyboard.press('?');
      const list = tab.getByRole('alertdialog', { name: 'Keyboard shortcuts' });
      await list.waitFor();
      assert.match(await list.textContent(), /Focus the ticker box/);
      await tab.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });

      await tab.keyboard.press('a');
      const approve = tab.getByRole('alertdialog', { name: /^Approve:/ });
      await approve.waitFor();
      await tab.keyboard.press('Escape');
      await approve.waitFor({ state: 'detached' });
      assert.equal((await rest('GET', `/api/sessions/${sessionId}`)).state, 'PROPOSAL', 'nothing approved without the confirmation');
    } finally {
      await tab.close();
    }
  });

  for (const size of [PHONE, SMALL_PHONE]) {
    it(`keeps the panel tabs on one row at ${size.width}×${size.height}, scrolled to the chosen tab, every tab reached by the keyboard`, async () => {
      const { tab, problems } = await sessionTab(browser, server, size, sessionId);
      try {
        const nav = tab.getByRole('navigation', { name: 'Panels' });
        const buttons = nav.getByRole('button');
        const tabs = await buttons.evaluateAll((all) => all.map((button) => ({ label: button.textContent, top: button.getBoundingClientRect().top })));
        assert.ok(tabs.length >= 10, `every panel has its tab: ${tabs.map((t) => t.label)}`);
        assert.deepEqual([...new Set(tabs.map((t) => t.top))].length, 1, `one row of tabs: ${JSON.stringify(tabs)}`);
        const navBox = await nav.boundingBox();
        assert.ok(navBox.height < 50 && navBox.width <= size.width, `the bar is one row high, within the screen: ${JSON.stringify(navBox)}`);

        // The keyboard reaches the last tab, which the bar scrolls into view, and picks it.
        await buttons.first().focus();
        for (let i = 1; i < tabs.length; i++) await tab.keyboard.press('Tab');
        const last = buttons.last();
        assert.equal(await last.evaluate((button) => button === document.activeElement), true, 'Tab walks the tabs in order');
        await tab.keyboard.press('Enter');
        assert.equal(await last.getAttribute('aria-pressed'), 'true');
        await tab.getByRole('region', { name: tabs.at(-1).label }).waitFor();
        const inView = (button) => {
          const bar = button.parentElement.getBoundingClientRect();
          const at = button.getBoundingClientRect();
          return at.left >= bar.left - 1 && at.right <= bar.right + 1;
        };
        assert.equal(await last.evaluate(inView), true, 'the chosen tab is in view');

        // A panel the page chooses itself (`/` shows the ticker box) brings its tab back into view too.
        const first = buttons.first();
        assert.equal(await first.evaluate(inView), false, 'the first tab has scrolled out of view');
        await tab.keyboard.press('/');
        await waitFor(async () => (await first.getAttribute('aria-pressed')) === 'true', 'the Session panel');
        await waitFor(() => first.evaluate(inView), 'the Session tab back in view', 5_000);

        const { default: AxeBuilder } = await import('@axe-core/playwright');
        const { violations } = await new AxeBuilder({ page: tab }).include('.phone-tabs').analyze();
        assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), [], 'the tab bar is axe clean');
        await tab.screenshot({ path: screenshotPath(`tabs-${size.width}x${size.height}.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await tab.close();
      }
    });
  }

  for (const size of [DESKTOP, PHONE, SMALL_PHONE]) {
    it(`has no serious or critical accessibility violation (axe) on any main view at ${size.width}×${size.height}`, async () => {
      const { default: AxeBuilder } = await import('@axe-core/playwright');
      const tab = await browser.context.newPage();
      const found = [];
      const check = async (view) => {
        const { violations } = await new AxeBuilder({ page: tab }).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(`${view}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
      };
      try {
        await tab.setViewportSize(size);
        await tab.goto(server.origin);
        await tab.evaluate(() => localStorage.removeItem('quorum.token'));
        await tab.reload();
        await tokenPrompt(tab).waitFor();
        await check('token prompt');
        await tokenPrompt(tab).getByLabel('Access token').fill(server.token);
        await tab.getByRole('button', { name: 'Open the desk' }).click();
        await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
        await tab.locator('[data-testid="chat-bubble"]').first().waitFor();
        const views = size === DESKTOP
          ? ['Conversation', 'Decision log', 'Trade history', 'Performance', 'Risk', 'Backtests']
          : ['Session', 'Desk', 'Positions', 'Chart', 'Auto', 'Log', 'Trades', 'Stats', 'Risk', 'Backtests'];
        // Both themes on the desk's screen; the phones in the system's (light in a headless browser).
        for (const colorScheme of size === DESKTOP ? ['light', 'dark'] : ['light']) {
          await tab.emulateMedia({ colorScheme });
          for (const view of views) {
            if (size === DESKTOP) await tab.getByRole('tab', { name: view }).click();
            else await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: view }).click();
            await check(`${view} (${colorScheme})`);
          }
        }
        assert.deepEqual(found, []);
      } finally {
        await tab.close();
      }
    });
  }

  it('suggests the feed’s tickers as the user types, and answers an unknown one with the server’s sentence', async () => {
    const tab = await browser.context.newPage();
    const problems = recordProblems(tab);
    try {
      await tab.goto(`${server.origin}/#token=${server.token}`);
      const box = tab.getByLabel('Analyse a ticker');
      await box.fill('MS');
      await tab.waitForFunction(() => [...document.querySelectorAll('#ticker-suggestions option')].some((o) => o.value === 'MSFT'));
      const offered = (await rest('GET', '/api/tickers?q=MS&limit=8')).tickers.map((t) => t.symbol);
      assert.deepEqual(await tab.locator('#ticker-suggestions option').evaluateAll((options) => options.map((o) => o.value)), offered);

      const refusal = await fetch(`${server.origin}/api/sessions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ticker: 'ZZZZ' }),
      });
      assert.equal(refusal.status, 400);
      const sentence = (await refusal.json()).errors[0].message;
      await box.fill('ZZZZ');
      await tab.getByRole('button', { name: 'Analyse' }).click();
      const error = tab.locator('#ticker-error');
      await error.waitFor();
      assert.ok((await error.textContent()).includes(sentence), `${await error.textContent()} is the server's "${sentence}"`);
      // The refused POST (and the browser's console line about it) is the test's own doing; nothing else may fail.
      const refused = new Set([`400: ${server.origin}/api/sessions`, 'console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
      assert.deepEqual(problems.filter((p) => !refused.has(p)), []);
    } finally {
      await tab.close();
    }
  });

  it('says what the daily P&L, a position’s P&L and the account’s equity each include', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.goto(`${server.origin}/#token=${server.token}`);
      await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
      const positions = tab.getByRole('region', { name: 'Positions' });
      // Grouped in thousands, in cents: "$100,000.00", never "$100000.00".
      await waitFor(async () => /^\$\d{1,3}(,\d{3})+\.\d\d$/.test(await positions.getByLabel('Account equity').textContent()), 'the account equity, formatted');
      assert.match(await positions.textContent(), /Daily P&L is this session’s realised and unrealised P&L since the desk’s day began/);
      assert.match(await positions.textContent(), /Account equity and cash are the whole account’s: every session’s positions at their last price/);
    } finally {
      await tab.close();
    }
  });

  // Last: it approves the session's proposal, which the tests above keep waiting.
  it('notes in the decision log a fill that landed far from the approved entry, with how far and which way', async () => {
    const tab = await browser.context.newPage();
    const problems = recordProblems(tab);
    try {
      const { proposal } = await waitFor(async () => {
        const session = await rest('GET', `/api/sessions/${sessionId}`);
        return session.state === 'PROPOSAL' && session;
      }, 'the proposal');
      // The market moves on while the card waits: approve once the price is well away from the entry.
      const entry = Number(proposal.entry);
      await waitFor(async () => Math.abs(Number((await rest('GET', '/api/market/AAPL/quote')).last) / entry - 1) >= 0.008, 'the price to move 0.8% from the entry', 240_000);
      await tab.goto(`${server.origin}/#token=${server.token}`);
      await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
      await tab.getByRole('button', { name: 'Approve', exact: true }).click();
      const filled = await waitFor(async () => {
        const { items } = await rest('GET', `/api/sessions/${sessionId}/decisions?limit=5`);
        return items.find((d) => d.proposalId === proposal.id && d.orders.some((o) => o.fills.length > 0));
      }, 'the approved order to fill');
      const fill = Number(filled.orders.find((o) => o.fills.length > 0).fills[0].price);
      const moved = ((fill - Number(filled.terms.entry)) / Number(filled.terms.entry)) * 100;
      assert.ok(Math.abs(moved) >= 0.5, `filled at ${fill}, ${moved.toFixed(2)}% from ${filled.terms.entry}`);

      await tab.getByRole('tab', { name: 'Decision log' }).click();
      const log = tab.getByRole('region', { name: 'Decision log' });
      await log.getByRole('button', { name: `Details of decision ${filled.seq}` }).click();
      const note = log.getByRole('note');
      await note.waitFor();
      assert.equal(
        (await note.textContent()).trim(),
        `Price moved: filled at ${fill.toFixed(2)}, ${Math.abs(moved).toFixed(2)}% ${moved > 0 ? 'above' : 'below'} the approved entry ${Number(filled.terms.entry).toFixed(2)}.`,
      );
      await tab.screenshot({ path: screenshotPath('price-moved-1440x900.png') });
      assert.deepEqual(problems, []);
    } finally {
      await tab.close();
    }
  });
});

/** The form that asks for the access token, shown only to a browser that is signed out. */
function tokenPrompt(tab) {
  return tab.getByRole('form', { name: 'Access token' });
}
