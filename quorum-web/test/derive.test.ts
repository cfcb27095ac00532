import { describe, expect, it } from 'vitest';
import { EMPTY_DESK, deskReducer, type DeskState } from '../src/state/desk';
import { agentMessage, frame, messageFrame, portfolio, position, session } from './fixtures';

// Content shapes as the server journals them (io.quorum.adapters.json.MessageJson).
const reasoning = (seq: number, sender: 'TECHNICAL' | 'RISK', text: string) =>
  messageFrame(agentMessage(sender, 'UPDATE', { kind: 'REASONING', ticker: 'AAPL', execution: null, text }, seq));

const tradeExecuted = (seq: number) =>
  messageFrame(
    agentMessage(
      'EXECUTION',
      'UPDATE',
      {
        kind: 'TRADE_EXECUTED',
        ticker: 'AAPL',
        execution: { clientOrderId: 'q-1', ticker: 'AAPL', side: 'SELL', quantity: 117, price: '187.04', reason: 'approved by user', cause: 'DECISION' },
        text: 'Sold 117 AAPL at $187.04 (approved by user); now short 117.',
      },
      seq,
    ),
  );

const alert = (seq: number, kind: string, severity: string, ticker: string | null, text: string) =>
  messageFrame(agentMessage('RISK', 'ALERT', { kind, severity, ticker, text }, seq));

const decision = (seq: number) =>
  messageFrame(
    agentMessage(
      'ORCHESTRATOR',
      'DECISION',
      {
        proposalId: 'p1',
        outcome: 'APPROVED',
        tally: { approvals: 4, rejections: 0, abstentions: 1, vetoed: false, quorum: 3, voters: 5 },
        votes: [{ voter: 'RISK', choice: 'APPROVE', reason: 'within limits', modification: null, received: true }],
        terms: {},
        reason: '4 of 5 approve',
        text: 'Approved: open short AAPL',
      },
      seq,
    ),
  );

function apply(state: DeskState, ...events: ReturnType<typeof frame>[]): DeskState {
  return deskReducer(state, { kind: 'events', events });
}

describe('what the desk reads off agent messages', () => {
  it('shows every agent message in the conversation, whatever else it means', () => {
    const state = apply(EMPTY_DESK, reasoning(5, 'TECHNICAL', 'Trend: down'), tradeExecuted(30), alert(31, 'VOLUME_SPIKE', 'INFO', 'AAPL', 'Volume 3x'), decision(20));
    expect(state.messages.map((m) => m.seq)).toEqual([5, 30, 31, 20]);
  });

  it('turns REASONING updates into the analysis lines, with their agent', () => {
    const state = apply(EMPTY_DESK, reasoning(5, 'TECHNICAL', 'Trend: AAPL at $187.25, downtrend.'), reasoning(11, 'RISK', 'Limits: 25% per position.'));
    expect(state.reasoning).toEqual([
      { seq: 5, time: '2025-03-03T14:30:00Z', sender: 'TECHNICAL', text: 'Trend: AAPL at $187.25, downtrend.' },
      { seq: 11, time: '2025-03-03T14:30:00Z', sender: 'RISK', text: 'Limits: 25% per position.' },
    ]);
  });

  it('shows the same steps of the latest analysis live and replayed after a reload, with or without the status frames between', () => {
    const steps = (from: number) => Array.from({ length: 9 }, (_, i) => reasoning(from + i, 'TECHNICAL', `step ${from + i}`));
    const complete = (seq: number) => messageFrame(agentMessage('ORCHESTRATOR', 'UPDATE', { kind: 'ANALYSIS_COMPLETE', ticker: 'AAPL', execution: null }, seq));
    const journal = [...steps(1), complete(10), decision(11), ...steps(20), complete(29)];

    const replayed = apply(deskReducer(EMPTY_DESK, { kind: 'opened', session: session({ state: 'AUTO_TRADING' }) }), ...journal);
    expect(replayed.reasoning.map((line) => line.seq)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28]);

    // Live, the user's reject answers RE_ANALYZING before the stream says so.
    let live = apply(deskReducer(EMPTY_DESK, { kind: 'opened', session: session({ state: 'ANALYZING' }) }), ...journal.slice(0, 11));
    live = deskReducer(live, { kind: 'session', session: session({ state: 'RE_ANALYZING' }) });
    live = apply(live, frame('status', 19, session({ state: 'RE_ANALYZING' })), ...journal.slice(11));
    expect(live.reasoning).toEqual(replayed.reasoning);
  });

  it('keeps the reasoning of the latest analysis only: a re-analysis starts afresh', () => {
    let state = apply(EMPTY_DESK, frame('status', 2, session({ state: 'ANALYZING' })), reasoning(5, 'TECHNICAL', 'first look'), frame('status', 22, session({ state: 'PROPOSAL' })));
    state = apply(state, frame('status', 40, session({ state: 'RE_ANALYZING' })), reasoning(41, 'RISK', 'with your feedback'));
    expect(state.reasoning.map((line) => line.text)).toEqual(['with your feedback']);
  });

  it('marks the analysis complete on ANALYSIS_COMPLETE, and open again when a new analysis starts', () => {
    const complete = messageFrame(agentMessage('ORCHESTRATOR', 'UPDATE', { kind: 'ANALYSIS_COMPLETE', ticker: 'AAPL', execution: null, text: 'Analysis complete' }, 23));
    let state = apply(EMPTY_DESK, complete);
    expect(state.analysisComplete).toBe(true);
    state = apply(state, frame('status', 40, session({ state: 'RE_ANALYZING' })));
    expect(state.analysisComplete).toBe(false);
  });

  it('turns a TRADE_EXECUTED update into a trade mark for the chart and a trade alert', () => {
    const state = apply(EMPTY_DESK, tradeExecuted(30));
    expect(state.trades).toEqual([
      { clientOrderId: 'q-1', ticker: 'AAPL', side: 'SELL', quantity: 117, price: '187.04', reason: 'approved by user', cause: 'DECISION', seq: 30, time: '2025-03-03T14:30:00Z' },
    ]);
    expect(state.alerts).toEqual([
      expect.objectContaining({ key: 'trade-30', category: 'trade', severity: 'INFO', title: 'Sold 117 AAPL @ 187.04', text: 'Sold 117 AAPL at $187.04 (approved by user); now short 117.' }),
    ]);
  });

  it('leaves other updates (status, observations) to the conversation alone', () => {
    const status = messageFrame(agentMessage('ORCHESTRATOR', 'UPDATE', { kind: 'STATUS', ticker: 'AAPL', execution: null, text: 'Session IDLE -> ANALYZING.' }, 3));
    const state = apply(EMPTY_DESK, status);
    expect([state.reasoning, state.trades, state.alerts]).toEqual([[], [], []]);
    expect(state.messages).toHaveLength(1);
  });

  it('turns ALERT messages into market and limit alerts with their severity', () => {
    const state = apply(
      EMPTY_DESK,
      alert(8, 'LIMIT_BREACH', 'CRITICAL', 'AAPL', 'Daily loss limit hit. Trading stopped.'),
      alert(9, 'VOLUME_SPIKE', 'WARNING', 'AAPL', 'Volume 3x average'),
      alert(10, 'SYSTEM', 'INFO', null, 'Feed reconnected'),
    );
    expect(state.alerts.map((a) => [a.seq, a.category, a.severity, a.title, a.text])).toEqual([
      [8, 'limit', 'CRITICAL', 'AAPL · limit breach', 'Daily loss limit hit. Trading stopped.'],
      [9, 'market', 'WARNING', 'AAPL · volume spike', 'Volume 3x average'],
      [10, 'market', 'INFO', 'system', 'Feed reconnected'],
    ]);
  });

  it('notes the newest DECISION so the decision log reloads from the server, without building entries itself', () => {
    let state = apply(EMPTY_DESK, decision(20));
    expect(state.lastDecisionSeq).toBe(20);
    state = apply(state, decision(57), reasoning(58, 'TECHNICAL', 'next'));
    expect(state.lastDecisionSeq).toBe(57);
    expect(Object.keys(state)).not.toContain('decisions');
  });

  it('moves the decision log on when a decision’s order fills, which is journaled after the decision', () => {
    let state = apply(EMPTY_DESK, decision(20));
    expect(state.decisionLogSeq).toBe(20);
    state = apply(state, tradeExecuted(23));
    expect(state.decisionLogSeq).toBe(23);
  });

  it('keeps the desk’s verdict per proposal, for the proposal card', () => {
    const state = apply(EMPTY_DESK, decision(20));
    expect(state.verdicts.p1).toEqual({ outcome: 'APPROVED', tally: { approvals: 4, rejections: 0, abstentions: 1, vetoed: false, quorum: 3, voters: 5 } });
  });

  it('tells history from live events by the session seq the page opened with', () => {
    let state = deskReducer(EMPTY_DESK, { kind: 'opened', session: session({ lastSeq: 30 }) });
    state = apply(state, tradeExecuted(30), alert(31, 'NEWS', 'INFO', 'AAPL', 'Earnings beat'));
    expect(state.alerts.map((a) => [a.seq, a.live])).toEqual([
      [30, false],
      [31, true],
    ]);
  });
});

describe('what the desk reads off each frame type', () => {
  it('shows the message of every message frame in the conversation, in the order the frames came', () => {
    const proposal = messageFrame(agentMessage('TECHNICAL', 'PROPOSAL', { id: 'p1', action: 'OPEN_LONG', ticker: 'AAPL' }, 21));
    const complete = messageFrame(agentMessage('ORCHESTRATOR', 'UPDATE', { kind: 'ANALYSIS_COMPLETE', ticker: 'AAPL', execution: null }, 22));
    const vote = messageFrame(agentMessage('RISK', 'VOTE', { proposalId: 'p1', choice: 'APPROVE', reason: 'within limits' }, 23));
    const frames = [reasoning(5, 'TECHNICAL', 'Trend: up'), proposal, complete, vote, decision(24), tradeExecuted(30), alert(31, 'NEWS', 'INFO', 'AAPL', 'Earnings beat')];
    expect(frames.map((f) => f.type)).toEqual(['reasoning', 'proposal', 'complete', 'agent_message', 'decision', 'trade_executed', 'market_alert']);

    const state = apply(EMPTY_DESK, ...frames);

    expect(state.messages.map((m) => m.seq)).toEqual([5, 21, 22, 23, 24, 30, 31]);
    expect(state.reasoning.map((line) => line.seq)).toEqual([5]);
    expect(state.analysisComplete).toBe(true);
    expect(state.lastDecisionSeq).toBe(24);
    expect(state.trades.map((t) => t.seq)).toEqual([30]);
    expect(state.alerts.map((a) => a.key)).toEqual(['trade-30', 'alert-31']);
  });

  it('reads the meaning off the frame type: an agent_message frame is conversation only, whatever its content', () => {
    const asConversation = (event: ReturnType<typeof frame>) => ({ ...event, type: 'agent_message' as const });
    const state = apply(
      EMPTY_DESK,
      asConversation(decision(20)),
      asConversation(tradeExecuted(30)),
      asConversation(alert(31, 'LIMIT_BREACH', 'CRITICAL', 'AAPL', 'Daily loss limit hit.')),
      asConversation(reasoning(32, 'RISK', 'exposure 4%')),
    );

    expect(state.messages).toHaveLength(4);
    expect([state.lastDecisionSeq, state.verdicts, state.trades, state.alerts, state.reasoning]).toEqual([0, {}, [], [], []]);
  });

  it('takes a proposal frame into the conversation and leaves the proposal card to the status frame', () => {
    const proposal = messageFrame(agentMessage('TECHNICAL', 'PROPOSAL', { id: 'p2', action: 'OPEN_SHORT', ticker: 'AAPL' }, 40));
    const state = apply(EMPTY_DESK, proposal);
    expect(proposal.type).toBe('proposal');
    expect(state.messages.map((m) => m.type)).toEqual(['PROPOSAL']);
    expect(state.session).toBeNull();
  });
});

describe('what the desk reads off the other frames', () => {
  it('takes the session from status frames', () => {
    const state = apply(EMPTY_DESK, frame('status', 25, session({ state: 'AUTO_TRADING', autoTrading: { enabled: true } })));
    expect(state.session?.state).toBe('AUTO_TRADING');
    expect(state.session?.autoTrading.enabled).toBe(true);
  });

  it('adds, replaces and removes single positions from position frames; quantity 0 is a closed position', () => {
    let state = deskReducer(EMPTY_DESK, { kind: 'portfolio', portfolio: portfolio({ positions: [] }) });
    state = apply(state, frame('position', 29, position({ ticker: 'MSFT', quantity: 10 })), frame('position', 31, position({ quantity: 117, direction: 'SHORT' })));
    expect(state.portfolio?.positions.map((p) => [p.ticker, p.quantity, p.direction])).toEqual([
      ['AAPL', 117, 'SHORT'],
      ['MSFT', 10, 'LONG'],
    ]);
    state = apply(state, frame('position', 40, position({ quantity: 0, currentPrice: null })));
    expect(state.portfolio?.positions.map((p) => p.ticker)).toEqual(['MSFT']);
  });

  it('replaces the whole portfolio on a position update and keeps the desk clock it carries', () => {
    const state = apply(EMPTY_DESK, frame('position_update', 31, portfolio({ equity: '99780.21' }), '2026-11-25T15:19:00Z'));
    expect(state.portfolio?.equity).toBe('99780.21');
    expect(state.deskTime).toBe('2026-11-25T15:19:00Z');
  });
});
