import type { AgentStatus, AgentStatuses } from '../state/agentActivity';
import { VOTING_AGENTS, shownDraft } from '../state/agentActivity';
import { draftProse } from '../state/draftProse';
import { AgentIcon, agentLook } from './agents';

const WORK_LABEL = { ANALYSIS: 'analysing', VOTE: 'voting', ANSWER: 'answering' } as const;

/**
 * Each of the five agents' state while the desk analyses or votes, as the agents report it: thinking
 * (with the words of a model's answer streaming in), done, timed out, or fell back to its rules. Hidden until an
 * agent has started on something since the page opened.
 */
export function AgentStatusStrip({ agents, budgetSpent }: { agents: AgentStatuses; budgetSpent: boolean }) {
  const active = VOTING_AGENTS.some((role) => agents[role]?.state !== 'idle');
  if (!active && !budgetSpent) return null;
  return (
    <div className="agent-strip" aria-label="What the agents are doing">
      {budgetSpent && (
        <p className="budget-flag" role="status">
          Today's budget for the language models is spent: the agents answer by their rules until the day turns.
        </p>
      )}
      {active && (
        <ul className="agent-states">
          {VOTING_AGENTS.map((role) => (
            <AgentState key={role} role={role} status={agents[role]} />
          ))}
        </ul>
      )}
    </div>
  );
}

function AgentState({ role, status }: { role: string; status: AgentStatus | undefined }) {
  const look = agentLook(role);
  const state = status?.state ?? 'idle';
  const draft = status?.draft ? draftProse(status.draft) : null;
  return (
    <li className={`agent-state agent-state-${state}`} data-testid="agent-state" data-role={role} data-state={state}>
      <span className="agent-state-head">
        <AgentIcon role={role} size={14} />
        <span style={{ color: look.color }}>{look.name}</span>
        <span className="agent-state-label">
          {state === 'thinking' && <span className="spinner" aria-hidden="true" />} {stateLabel(status)}
        </span>
      </span>
      {status?.fellBack && <span className="agent-state-note">Fell back to rules: {status.fellBack}</span>}
      {draft && (
        <span className="agent-draft" aria-live="off">
          {shownDraft(draft)}
        </span>
      )}
      {!status?.draft && status?.said && state !== 'thinking' && (
        <span className="agent-said" title={status.said}>
          {status.said}
        </span>
      )}
    </li>
  );
}

function stateLabel(status: AgentStatus | undefined): string {
  switch (status?.state) {
    case 'thinking':
      return `thinking (${WORK_LABEL[status.work ?? 'ANALYSIS']})`;
    case 'done':
      return 'done';
    case 'timed_out':
      return 'timed out';
    default:
      return 'waiting';
  }
}
