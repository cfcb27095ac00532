import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AgentActivity } from '../src/api/types';
import { AgentChatPanel } from '../src/components/AgentChatPanel';
import { ModelAttribution, costText } from '../src/components/ModelAttribution';
import { DRAFT_SHOWN, shownDraft } from '../src/state/agentActivity';
import { EMPTY_DESK, deskReducer, type DeskState } from '../src/state/desk';
import { agentMessage, frame, messageFrame, session } from './fixtures';

function activity(role: AgentActivity['role'], state: AgentActivity['state'], extra: Partial<AgentActivity> = {}): AgentActivity {
  return { role, work: 'VOTE', state, subject: 'p-1', text: null, outcome: null, reason: null, ...extra };
}

/** The desk as the page holds it once `frames` have arrived live (after the page opened at seq 0). */
function live(...frames: ReturnType<typeof frame>[]): DeskState {
  const opened = deskReducer(EMPTY_DESK, { kind: 'opened', session: session({ lastSeq: 0 }) });
  return deskReducer(opened, { kind: 'events', events: frames });
}

const ATTRIBUTION = { model: 'gpt-4o-mini', modelVersion: 'gpt-4o-mini-2024-07-18', confidence: '0.8', tokensIn: 812, tokensOut: 64, cost: '0.000161', cached: false };

describe('agent activity', () => {
  it('shows an agent thinking with the words of its model draft streaming in, never its JSON, then its vote in place of the draft', () => {
    let state = live(frame('agent_activity', 4, activity('RISK', 'STARTED')), frame('agent_activity', 4, activity('RISK', 'DRAFTING', { text: '{"choice":"APPR' })));
    const { rerender } = render(<AgentChatPanel messages={state.messages} isAutoTradingEnabled={false} agents={state.agents} />);

    let risk = screen.getAllByTestId('agent-state').find((el) => el.dataset.role === 'RISK')!;
    expect(risk.dataset.state).toBe('thinking');
    expect(within(risk).getByText(/thinking \(voting\)/)).toBeInTheDocument();
    expect(within(risk).queryByText(/choice/)).toBeNull();

    state = deskReducer(state, { kind: 'events', events: [frame('agent_activity', 4, activity('RISK', 'DRAFTING', { text: '{"choice":"APPROVE","reason":"exposure \\"stays\\" un' }))] });
    rerender(<AgentChatPanel messages={state.messages} isAutoTradingEnabled={false} agents={state.agents} />);
    risk = screen.getAllByTestId('agent-state').find((el) => el.dataset.role === 'RISK')!;
    expect(within(risk).getByText('APPROVE — exposure "stays" un')).toBeInTheDocument();

    const vote = agentMessage('RISK', 'VOTE', { text: 'APPROVE — exposure stays under 10%', choice: 'APPROVE', reason: 'exposure stays under 10%' }, 5);
    state = deskReducer(state, { kind: 'events', events: [messageFrame(vote), frame('agent_activity', 5, activity('RISK', 'DONE'))] });
    rerender(<AgentChatPanel messages={state.messages} isAutoTradingEnabled={false} agents={state.agents} />);

    const done = screen.getAllByTestId('agent-state').find((el) => el.dataset.role === 'RISK')!;
    expect(done.dataset.state).toBe('done');
    expect(within(done).queryByText(/exposure "stays" un/)).toBeNull();
    expect(within(done).getByText('APPROVE — exposure stays under 10%')).toBeInTheDocument();
  });

  it('drops a draft that arrives after the agent finished', () => {
    const state = live(
      frame('agent_activity', 4, activity('SENTIMENT', 'STARTED')),
      frame('agent_activity', 4, activity('SENTIMENT', 'DONE')),
      frame('agent_activity', 4, activity('SENTIMENT', 'DRAFTING', { text: 'late' })),
    );
    expect(state.agents.SENTIMENT).toMatchObject({ state: 'done', draft: null });
  });

  it('shows an agent thinking from its first draft when the page joined after it started', () => {
    const state = live(frame('agent_activity', 4, activity('EXECUTION', 'DRAFTING', { text: '{"choice"' })));
    expect(state.agents.EXECUTION).toMatchObject({ state: 'thinking', work: 'VOTE', draft: '{"choice"' });
  });

  it('says an agent fell back to its rules and why, and raises the budget flag when the budget was the reason', () => {
    const state = live(
      frame('agent_activity', 4, activity('FUNDAMENTAL', 'STARTED')),
      frame('agent_activity', 4, activity('FUNDAMENTAL', 'FELL_BACK', { outcome: 'BUDGET_SPENT', reason: 'the token budget is spent (100000 of 100000 tokens spent today)' })),
      frame('agent_activity', 6, activity('FUNDAMENTAL', 'DONE')),
    );
    render(<AgentChatPanel messages={state.messages} isAutoTradingEnabled={false} agents={state.agents} modelBudgetSpent={state.modelBudgetSpent} />);

    expect(state.modelBudgetSpent).toBe(true);
    expect(screen.getByText(/Fell back to rules: the token budget is spent/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent("Today's budget for the language models is spent");
  });

  it('reads the budget flag off the session, and clears it when a newer session view says the day turned', () => {
    const spent = deskReducer(EMPTY_DESK, { kind: 'opened', session: session({ models: { enabled: true, budgetSpentToday: true } }) });
    expect(spent.modelBudgetSpent).toBe(true);

    const turned = deskReducer(spent, { kind: 'events', events: [frame('status', 9, session({ models: { enabled: true, budgetSpentToday: false } }))] });
    expect(turned.modelBudgetSpent).toBe(false);
  });

  it('marks a voter still thinking when the decision counts its vote as not received as timed out', () => {
    const decision = agentMessage('ORCHESTRATOR', 'DECISION', {
      outcome: 'TIMED_OUT',
      proposalId: 'p-1',
      votes: [
        { voter: 'RISK', choice: 'APPROVE', reason: 'fine', received: true },
        { voter: 'EXECUTION', choice: 'ABSTAIN', reason: 'no answer', received: false },
      ],
    }, 8);
    const state = live(
      frame('agent_activity', 4, activity('RISK', 'STARTED')),
      frame('agent_activity', 4, activity('RISK', 'DONE')),
      frame('agent_activity', 4, activity('EXECUTION', 'STARTED')),
      messageFrame(decision),
    );

    expect(state.agents.EXECUTION.state).toBe('timed_out');
    expect(state.agents.RISK.state).toBe('done');
  });

  it('shows no strip before any agent started on something', () => {
    render(<AgentChatPanel messages={[]} isAutoTradingEnabled={false} />);
    expect(screen.queryByLabelText('What the agents are doing')).toBeNull();
  });

  it('keeps the end of a long draft in view', () => {
    const long = 'x'.repeat(DRAFT_SHOWN) + 'the newest words';
    expect(shownDraft(long).endsWith('the newest words')).toBe(true);
    expect(shownDraft(long).length).toBe(DRAFT_SHOWN + 1);
  });
});

describe('model attribution on a message', () => {
  it('shows the confidence, and the model, tokens and cost inside, open on a desktop', () => {
    render(<AgentChatPanel messages={[agentMessage('RISK', 'VOTE', { choice: 'APPROVE', reason: 'fine', attribution: ATTRIBUTION })]} isAutoTradingEnabled={false} />);

    const details = screen.getByTestId('attribution');
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText('Model · confidence 80%')).toBeInTheDocument();
    expect(details).toHaveTextContent('gpt-4o-mini (gpt-4o-mini-2024-07-18)');
    expect(details).toHaveTextContent('876 (812 in, 64 out)');
    expect(details).toHaveTextContent('$0.000161');
  });

  it('shows a question a model asked before its vote with the model and its cost, and whom it asked', () => {
    const question = agentMessage('FUNDAMENTAL', 'QUESTION', { text: 'Is there a headline behind this move? (gpt-4o-mini, confidence 0.6, 876 tokens, $0.000161)', ticker: 'NVDA', attribution: { ...ATTRIBUTION, confidence: '0.6' } }, 5);
    render(<AgentChatPanel messages={[{ ...question, recipients: ['SENTIMENT'] }]} isAutoTradingEnabled={false} />);

    const bubble = screen.getByTestId('chat-bubble');
    expect(bubble.querySelector('.bubble-body')).toHaveTextContent(/^Is there a headline behind this move\?$/);
    expect(bubble).toHaveTextContent('→ Sentiment');
    expect(within(bubble).getByTestId('attribution')).toHaveTextContent('Model · confidence 60%');
    expect(within(bubble).getByTestId('attribution')).toHaveTextContent('$0.000161');
  });

  it('is closed by default on a phone and opens on demand', async () => {
    render(<ModelAttribution attribution={ATTRIBUTION} isPhone />);
    const details = screen.getByTestId('attribution');
    expect(details).not.toHaveAttribute('open');

    await userEvent.click(screen.getByText('Model · confidence 80%'));
    expect(details).toHaveAttribute('open');
  });

  it('says the model, tokens and cost once, in the attribution, not again after the words, where the text keeps them for plain-text readers', () => {
    const figures = ' (gpt-4o-mini, confidence 0.8, 876 tokens, $0.000161)';
    const vote = agentMessage('RISK', 'VOTE', { text: `APPROVE — fine${figures}`, choice: 'APPROVE', reason: `fine${figures}`, attribution: ATTRIBUTION }, 5);
    const answer = agentMessage('SENTIMENT', 'UPDATE', { text: 'No news behind it. (gpt-4o-mini, confidence 0.6, cached)', kind: 'OBSERVATION', attribution: { ...ATTRIBUTION, cached: true } }, 6);
    const rules = agentMessage('EXECUTION', 'VOTE', { text: 'APPROVE — spread (2 bps) fine', choice: 'APPROVE', reason: 'spread (2 bps) fine' }, 7);
    render(<AgentChatPanel messages={[vote, answer, rules]} isAutoTradingEnabled={false} />);

    const [voted, answered, ruled] = screen.getAllByTestId('chat-bubble');
    expect(voted.querySelector('.bubble-body')).toHaveTextContent(/^APPROVE fine$/);
    expect(within(voted).getByTestId('attribution')).toHaveTextContent('$0.000161');
    expect(answered.querySelector('.bubble-body')).toHaveTextContent(/^No news behind it\.$/);
    expect(ruled.querySelector('.bubble-body')).toHaveTextContent('spread (2 bps) fine');

    let state = live(frame('agent_activity', 4, activity('RISK', 'STARTED')));
    state = deskReducer(state, { kind: 'events', events: [messageFrame(vote)] });
    expect(state.agents.RISK.said).toBe('APPROVE — fine');
  });

  it('shows nothing about models on a message the rules said', () => {
    render(<AgentChatPanel messages={[agentMessage('RISK', 'VOTE', { choice: 'APPROVE', reason: 'fine' })]} isAutoTradingEnabled={false} />);
    expect(screen.queryByTestId('attribution')).toBeNull();
  });

  it('writes a cost to the millionth without trailing zeros', () => {
    expect(costText('0.000161')).toBe('$0.000161');
    expect(costText('0.000000')).toBe('$0');
    expect(costText('0.25')).toBe('$0.25');
  });
});
