import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AgentChatPanel } from '../src/components/AgentChatPanel';
import { agentMessage } from './fixtures';

const decisionContent = {
  outcome: 'VETOED',
  text: 'Proposal vetoed by Risk',
  tally: { approvals: 4, rejections: 0, abstentions: 0, vetoed: true, quorum: 3, voters: 5 },
  votes: [
    { voter: 'TECHNICAL', choice: 'APPROVE', reason: 'Breakout on volume', received: true },
    { voter: 'FUNDAMENTAL', choice: 'APPROVE', reason: 'P/E reasonable', received: true },
    { voter: 'SENTIMENT', choice: 'APPROVE', reason: 'Headlines positive', received: true },
    { voter: 'RISK', choice: 'VETO', reason: 'Exposure would reach 31%', received: true },
    { voter: 'EXECUTION', choice: 'ABSTAIN', reason: 'none', received: false },
  ],
};

describe('AgentChatPanel', () => {
  it('shows each message type with its agent, its badge and its type-specific details', () => {
    const messages = [
      agentMessage('TECHNICAL', 'ALERT', { text: 'AAPL broke above the 200-day SMA', severity: 'WARNING', kind: 'PRICE_SIGNAL' }),
      agentMessage('FUNDAMENTAL', 'QUESTION', { text: 'Any recent earnings news?' }),
      agentMessage('SENTIMENT', 'UPDATE', { text: 'News sentiment 0.72', kind: 'OBSERVATION' }),
      agentMessage('TECHNICAL', 'PROPOSAL', {
        text: 'Increase position by 20%',
        action: 'INCREASE',
        size: { unit: 'PERCENT_OF_POSITION', amount: '20' },
        entry: '179.00',
        stop: '175.00',
        target: '190.00',
        rationale: 'Breakout with volume confirmation',
      }),
      agentMessage('ORCHESTRATOR', 'VOTE_REQUEST', {
        text: "Votes please on Technical's proposal: Increase AAPL position by 20% — answer within 30 s",
        proposalId: 'p-1',
        voters: ['FUNDAMENTAL', 'SENTIMENT', 'RISK', 'EXECUTION'],
        deadline: '2025-03-03T14:30:30Z',
      }),
      agentMessage('RISK', 'VOTE', { choice: 'APPROVE', reason: 'Reduce to 15% to keep balance', modification: { size: { unit: 'PERCENT_OF_POSITION', amount: '15' } } }),
      agentMessage('ORCHESTRATOR', 'DECISION', decisionContent),
    ];
    render(<AgentChatPanel messages={messages} isAutoTradingEnabled />);

    const bubbles = screen.getAllByTestId('chat-bubble');
    expect(bubbles).toHaveLength(7);
    expect(bubbles.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Technical Alert',
      'Fundamental Question',
      'Sentiment Update',
      'Technical Proposal',
      'Orchestrator Vote request',
      'Risk Vote',
      'Orchestrator Decision',
    ]);
    expect(within(bubbles[0]).getByText('WARNING')).toBeInTheDocument();
    expect(within(bubbles[1]).getByText('Any recent earnings news?')).toHaveClass('question');
    const proposal = within(bubbles[3]);
    expect(proposal.getByText('179.00')).toBeInTheDocument();
    expect(proposal.getByText('175.00')).toBeInTheDocument();
    expect(proposal.getByText('20% of position')).toBeInTheDocument();
    expect(within(bubbles[4]).getByText("Votes please on Technical's proposal: Increase AAPL position by 20% — answer within 30 s")).toBeInTheDocument();
    const vote = within(bubbles[5]);
    expect(vote.getByText('APPROVE')).toHaveClass('vote-APPROVE');
    expect(vote.getByText(/Modification: size 15% of position/)).toBeInTheDocument();
    expect(bubbles[6]).toHaveClass('outcome-VETOED');
    expect(within(bubbles[6]).getByText('Vetoed')).toBeInTheDocument();
    expect(screen.getByText('Auto-trading on')).toBeInTheDocument();
  });

  it('gives each agent its own colour and icon', () => {
    const roles = ['TECHNICAL', 'FUNDAMENTAL', 'SENTIMENT', 'RISK', 'EXECUTION', 'ORCHESTRATOR'] as const;
    render(<AgentChatPanel messages={roles.map((role) => agentMessage(role, 'UPDATE', {}))} isAutoTradingEnabled={false} />);
    const colours = screen.getAllByTestId('chat-bubble').map((b) => b.style.borderLeftColor);
    expect(new Set(colours).size).toBe(6);
    const icons = screen.getAllByTestId('chat-bubble').map((b) => b.querySelector('svg path')?.getAttribute('d'));
    expect(new Set(icons).size).toBe(6);
  });

  it('highlights each decision outcome differently', () => {
    const outcomes = ['APPROVED', 'VETOED', 'TIMED_OUT', 'REJECTED'];
    render(<AgentChatPanel messages={outcomes.map((outcome) => agentMessage('ORCHESTRATOR', 'DECISION', { ...decisionContent, outcome }))} isAutoTradingEnabled={false} />);
    const bubbles = screen.getAllByTestId('chat-bubble');
    expect(bubbles.map((b) => [...b.classList].find((c) => c.startsWith('outcome-')))).toEqual(['outcome-APPROVED', 'outcome-VETOED', 'outcome-TIMED_OUT', 'outcome-REJECTED']);
    expect(bubbles.map((b) => b.querySelector('.outcome-label')?.textContent)).toEqual(['Approved', 'Vetoed', 'Timed out — hold', 'Rejected']);
  });

  it('opens the vote summary under a decision to show every vote with its reason, and closes it again', async () => {
    const user = userEvent.setup();
    render(<AgentChatPanel messages={[agentMessage('ORCHESTRATOR', 'DECISION', decisionContent)]} isAutoTradingEnabled={false} />);
    const toggle = screen.getByRole('button', { name: /4 of 5 approve .* vetoed by Risk/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Votes' })).not.toBeInTheDocument();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const votes = within(screen.getByRole('list', { name: 'Votes' })).getAllByRole('listitem');
    expect(votes).toHaveLength(5);
    expect(votes[3]).toHaveTextContent('Risk');
    expect(votes[3]).toHaveTextContent('VETO');
    expect(votes[3]).toHaveTextContent('Exposure would reach 31%');
    expect(votes[4]).toHaveTextContent('no answer in time');

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Votes' })).not.toBeInTheDocument();
  });

  it('filters by agent and by type', async () => {
    const user = userEvent.setup();
    const messages = [
      agentMessage('TECHNICAL', 'ALERT', { text: 'tech alert' }),
      agentMessage('RISK', 'VOTE', { choice: 'REJECT', reason: 'risk vote' }),
      agentMessage('RISK', 'UPDATE', { text: 'risk update' }),
    ];
    render(<AgentChatPanel messages={messages} isAutoTradingEnabled={false} />);
    const agents = within(screen.getByRole('group', { name: 'Agents' }));
    const types = within(screen.getByRole('group', { name: 'Types' }));

    await user.click(agents.getByRole('button', { name: 'Technical' }));
    expect(screen.queryByText('tech alert')).not.toBeInTheDocument();
    expect(screen.getByText('2 of 3')).toBeInTheDocument();

    await user.click(types.getByRole('button', { name: 'Vote' }));
    expect(screen.getAllByTestId('chat-bubble')).toHaveLength(1);
    expect(screen.getByText('risk update')).toBeInTheDocument();

    await user.click(agents.getByRole('button', { name: 'Technical' }));
    expect(screen.getByText('tech alert')).toBeInTheDocument();
  });

  it('renders only a window of a 10,000-message conversation', () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => agentMessage('SENTIMENT', 'UPDATE', { text: `update ${i}` }, 100_000 + i));
    render(<AgentChatPanel messages={messages} isAutoTradingEnabled={false} />);
    const rendered = screen.getAllByTestId('chat-bubble').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByText('10000 messages')).toBeInTheDocument();
  });
});

describe('AgentChatPanel scrolling', () => {
  function sized(list: HTMLElement, scrollHeight: number, clientHeight: number) {
    Object.defineProperty(list, 'scrollHeight', { configurable: true, get: () => scrollHeight });
    Object.defineProperty(list, 'clientHeight', { configurable: true, get: () => clientHeight });
  }

  it('shows a "new messages" pill while the user reads older messages, and jumps to the newest on click', async () => {
    const user = userEvent.setup();
    const first = Array.from({ length: 20 }, (_, i) => agentMessage('TECHNICAL', 'UPDATE', { text: `old ${i}` }, 500 + i));
    const { rerender } = render(<AgentChatPanel messages={first} isAutoTradingEnabled={false} />);
    const list = screen.getByRole('list', { name: 'Agent messages' });
    sized(list, 2000, 400);
    list.scrollTop = 100;
    list.dispatchEvent(new Event('scroll'));

    rerender(<AgentChatPanel messages={[...first, agentMessage('RISK', 'ALERT', { text: 'fresh 1' }, 600), agentMessage('RISK', 'ALERT', { text: 'fresh 2' }, 601)]} isAutoTradingEnabled={false} />);
    const pill = await screen.findByRole('button', { name: /2 new messages/ });
    expect(list.scrollTop).toBe(100);

    await user.click(pill);
    expect(list.scrollTop).toBe(2000);
    expect(screen.queryByRole('button', { name: /new message/ })).not.toBeInTheDocument();
  });
});
