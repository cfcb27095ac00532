// The agents at work, in a real browser against the real server whose agents vote on a language
// model: a local server speaking OpenAI's streamed chat completions writes each answer slowly, so
// the page shows every agent thinking, the model's draft streaming in, then done, and each model's
// vote with its confidence, model, tokens and cost. At the three sizes, with no console error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, SMALL_PHONE, browserSuite, findChromium, openDesk, recordProblems, screenshotPath, waitFor } from './harness.mjs';

const chromium = findChromium();
const MODEL = 'stub-model';
const VOTE = '{"choice":"APPROVE","reason":"the size fits the limits and the trend agrees with the trade","confidence":0.8}';
const REPLY = '{"answer":"No news behind it.","confidence":0.6}';
/** What the page shows of VOTE while it streams: its choice and its reason, in words. */
const VOTE_SAID = 'APPROVE — the size fits the limits and the trend agrees with the trade';
/** The answer goes in pieces this long, this far apart: a vote takes about three seconds to write. */
const PIECE = 6;
const GAP_MS = 150;

/** OpenAI's streamed chat completions: `data:` lines of chat.completion.chunk, the usage last, then `[DONE]`. */
async function streamingModel() {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const asked = JSON.parse(body);
      const text = JSON.stringify(asked.messages).includes('\\"choice\\"') ? VOTE : REPLY;
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const chunk = (choices, extra = {}) =>
        response.write(`data: ${JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 1741569952, model: `${MODEL}-2025`, choices, ...extra })}\n\n`);
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
      for (let at = 0; at < text.length; at += PIECE) {
        await new Promise((done) => setTimeout(done, GAP_MS));
        chunk([{ index: 0, delta: { content: text.slice(at, at + PIECE) }, finish_reason: null }]);
      }
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
      chunk([], { usage: { prompt_tokens: 900, completion_tokens: 40, total_tokens: 940 } });
      response.end('data: [DONE]\n\n');
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
    close: () =>
      new Promise((done) => {
        server.close(done);
        server.closeAllConnections();
      }),
  };
}

/**
 * The desk on the local model, with `llm` lines added to its section (a budget), and one AAPL session
 * whose first proposal the desk has voted on. `close()` stops the desk and the model.
 */
async function deskOnModel(more = []) {
  const model = await streamingModel();
  const folder = mkdtempSync(join(tmpdir(), 'quorum-agents-'));
  const config = join(folder, 'quorum.yml');
  writeFileSync(
    config,
    [
      'market: {provider: simulated, simulated: {seed: 42, speed: 300}}',
      'news: {provider: simulated}',
      'llm:',
      '  provider: openai-compatible',
      `  baseUrl: ${model.baseUrl}`,
      `  model: ${MODEL}`,
      '  timeout: 20s',
      `  prices: {${MODEL}: {input: 0.15, output: 0.60}}`,
      ...more,
      '',
    ].join('\n'),
  );
  const close = async () => {
    await desk?.close();
    await model.close();
    rmSync(folder, { recursive: true, force: true });
  };
  let desk;
  try {
    desk = await openDesk(chromium, { speed: 300, args: ['--config', config] });
    const sessionId = (await desk.rest('POST', '/api/sessions', { ticker: 'AAPL' })).id;
    await waitFor(async () => (await desk.rest('GET', `/api/sessions/${sessionId}`)).proposal, 'the first proposal', 120_000);
    return { ...desk, sessionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Sends the proposal shown back, as the user would with "stop too wide": the desk analyses again and votes on the new one. */
async function rejectShown(rest, sessionId) {
  await waitFor(async () => (await rest('GET', `/api/sessions/${sessionId}`)).state === 'PROPOSAL', 'a proposal to reject', 120_000);
  const shown = (await rest('GET', `/api/sessions/${sessionId}`)).proposal;
  await rest('POST', `/api/sessions/${sessionId}/reject`, { proposalId: shown.id, reason: 'stop too wide' });
  return shown;
}

/** Waits until the page has read the whole conversation so far and listens live. */
async function readInFull(panel, rest, sessionId) {
  const { items: said } = await rest('GET', `/api/sessions/${sessionId}/messages?limit=1000`);
  await waitFor(async () => Number((await panel.locator('.panel-header').textContent()).match(/(\d+) messages/)?.[1]) >= said.length, 'the conversation read in full', 30_000);
}

describe('the agents at work in a browser, on a streaming model', browserSuite(chromium), () => {
  let desk, server, browser, rest, sessionId;

  before(async () => {
    desk = await deskOnModel();
    ({ server, browser, rest, sessionId } = desk);
  });

  after(async () => {
    await desk?.close();
  });

  for (const size of [DESKTOP, PHONE, SMALL_PHONE]) {
    it(`shows each agent thinking with its model's draft streaming in, then done, and the votes' confidence, model, tokens and cost at ${size.width}×${size.height}, with no console error`, async () => {
      const tab = await browser.context.newPage();
      const problems = recordProblems(tab);
      // What the stream said the agents were doing, for the failure's message.
      const activity = [];
      tab.on('websocket', (socket) =>
        socket.on('framereceived', ({ payload }) => {
          const frame = JSON.parse(String(payload));
          if (frame.type === 'agent_activity') activity.push(`${frame.data.role} ${frame.data.work} ${frame.data.state}`);
        }),
      );
      try {
        await tab.setViewportSize(size);
        await tab.goto(`${server.origin}/#token=${server.token}`);
        await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
        if (size !== DESKTOP) await tab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Desk' }).click();
        const panel = tab.getByRole('region', { name: 'Agent conversation' });
        await panel.waitFor();

        await readInFull(panel, rest, sessionId);
        const shown = await rejectShown(rest, sessionId);

        const strip = panel.getByLabel('What the agents are doing');
        await strip.waitFor({ timeout: 60_000 });
        const draft = strip.locator('.agent-draft').first();
        await draft.waitFor({ timeout: 60_000 }).catch(async (error) => {
          await tab.screenshot({ path: screenshotPath(`agents-no-draft-${size.width}x${size.height}.png`) });
          throw new Error(`no draft shown; the stream said: ${activity.join(', ')}`, { cause: error });
        });
        const drafted = await draft.textContent();
        assert.ok(VOTE_SAID.startsWith(drafted) && drafted.length < VOTE_SAID.length, `the words of the vote as it is written, not its JSON: ${drafted}`);
        const thinking = strip.locator('[data-testid="agent-state"][data-state="thinking"]');
        assert.ok((await thinking.count()) > 0, 'an agent is thinking');
        await tab.screenshot({ path: screenshotPath(`agents-thinking-${size.width}x${size.height}.png`) });

        const revised = await waitFor(async () => {
          const now = await rest('GET', `/api/sessions/${sessionId}`);
          return now.state === 'PROPOSAL' && now.proposal && now.proposal.id !== shown.id ? now.proposal : null;
        }, 'the revised proposal', 120_000);
        const decided = await waitFor(async () => {
          const { items } = await rest('GET', `/api/sessions/${sessionId}/decisions?limit=50`);
          return items.find((item) => item.proposalId === revised.id);
        }, 'the revised proposal’s decision', 120_000);
        const voters = decided.votes.filter((vote) => vote.received).map((vote) => vote.voter);
        for (const voter of voters) {
          await strip.locator(`[data-testid="agent-state"][data-role="${voter}"][data-state="done"]`).waitFor({ timeout: 30_000 });
        }
        assert.equal(await strip.locator('.agent-draft').count(), 0, 'no draft left once the votes are in');

        const { items } = await rest('GET', `/api/sessions/${sessionId}/messages?type=VOTE&limit=1000`);
        const modelVote = items.filter((m) => m.content.proposalId === decided.proposalId).find((m) => m.content.attribution);
        assert.ok(modelVote, 'a vote of the new round carries its attribution');
        // Votes only, so that the list (which draws only the bubbles in view) ends on the new round's.
        const types = panel.getByRole('group', { name: 'Types' });
        for (const type of ['Alert', 'Question', 'Update', 'Proposal', 'Vote request', 'Decision']) await types.getByRole('button', { name: type, exact: true }).click();
        const bubble = panel.locator(`[data-testid="chat-bubble"][data-seq="${modelVote.seq}"]`);
        await bubble.scrollIntoViewIfNeeded();
        const attribution = bubble.getByTestId('attribution');
        assert.equal(await attribution.getAttribute('open'), size === DESKTOP ? '' : null, 'open on a desktop, closed on a phone');
        if (size !== DESKTOP) await attribution.locator('summary').click();
        assert.match(await attribution.textContent(), /confidence 80%/);
        assert.match(await attribution.textContent(), new RegExp(`${MODEL} \\(${MODEL}-2025\\)`));
        assert.match(await attribution.textContent(), /940 \(900 in, 40 out\)/);
        assert.match(await attribution.textContent(), /\$0\.000159/);
        assert.doesNotMatch(await bubble.locator('.bubble-body').textContent(), /confidence|tokens/, 'the figures are said once, in the attribution');
        await tab.screenshot({ path: screenshotPath(`agents-done-${size.width}x${size.height}.png`) });

        assert.deepEqual(problems, [], 'no console error, page error or failed request');
      } finally {
        await tab.close();
      }
    });
  }
});

describe('the models’ budget in a browser', browserSuite(chromium), () => {
  let desk;

  before(async () => {
    // The first round's four calls of 940 tokens each spend the day's 1,000.
    desk = await deskOnModel(['  budget: {tokensPerDecision: 1000, tokensPerDay: 1000, dollarsPerDecision: 1, dollarsPerDay: 5}']);
  });

  after(async () => {
    await desk?.close();
  });

  it('says the day’s budget for the models is spent as the agents fall back to their rules, and again after a reload, with no console error', async () => {
    const { server, browser, rest, sessionId } = desk;
    const tab = await browser.context.newPage();
    const problems = recordProblems(tab);
    try {
      await tab.goto(`${server.origin}/#token=${server.token}`);
      await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
      const panel = tab.getByRole('region', { name: 'Agent conversation' });
      await readInFull(panel, rest, sessionId);
      // The first round's calls have returned and counted their tokens.
      await waitFor(async () => (await rest('GET', `/api/sessions/${sessionId}/decisions`)).total > 0, 'the first decision', 60_000);
      await rejectShown(rest, sessionId);

      await panel.getByText(/Fell back to rules: the token budget is spent/).first().waitFor({ timeout: 60_000 });
      await panel.getByRole('status').filter({ hasText: 'budget for the language models is spent' }).waitFor();
      assert.equal((await rest('GET', `/api/sessions/${sessionId}`)).models.budgetSpentToday, true, 'the API says so too');

      await tab.reload();
      await panel.getByText('Model budget spent · rules answer').waitFor({ timeout: 30_000 });
      await tab.screenshot({ path: screenshotPath('agents-budget-1440x900.png') });
      assert.deepEqual(problems, [], 'no console error, page error or failed request');
    } finally {
      await tab.close();
    }
  });
});
