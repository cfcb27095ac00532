import type { AgentRole, MessageType, Outcome, VoteChoice } from '../api/types';

interface AgentLook {
  name: string;
  color: string;
  icon: string;
}

/** One SVG path per agent (24×24 viewBox), so each is told apart by shape as well as by colour. */
export const AGENTS: Record<AgentRole, AgentLook> = {
  TECHNICAL: { name: 'Technical', color: 'var(--agent-technical)', icon: 'M3 17l5-6 4 4 8-9M16 6h4v4' },
  FUNDAMENTAL: { name: 'Fundamental', color: 'var(--agent-fundamental)', icon: 'M3 21h18M5 21V10M10 21V10M14 21V10M19 21V10M2 10l10-6 10 6' },
  SENTIMENT: { name: 'Sentiment', color: 'var(--agent-sentiment)', icon: 'M4 5h16v10H9l-5 4z' },
  RISK: { name: 'Risk', color: 'var(--agent-risk)', icon: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z' },
  EXECUTION: { name: 'Execution', color: 'var(--agent-execution)', icon: 'M13 2L4 14h7l-1 8 9-12h-7z' },
  ORCHESTRATOR: { name: 'Orchestrator', color: 'var(--agent-orchestrator)', icon: 'M12 3v4M12 17v4M3 12h4M17 12h4M12 9a3 3 0 110 6 3 3 0 010-6z' },
};

export function agentLook(role: string): AgentLook {
  return AGENTS[role as AgentRole] ?? { name: role, color: 'var(--muted)', icon: 'M12 4a8 8 0 110 16 8 8 0 010-16z' };
}

export function AgentIcon({ role, size = 18 }: { role: string; size?: number }) {
  const look = agentLook(role);
  return (
    <svg className="agent-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" style={{ color: look.color }}>
      <path d={look.icon} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export const TYPE_LABEL: Record<MessageType, string> = {
  ALERT: 'Alert',
  QUESTION: 'Question',
  UPDATE: 'Update',
  PROPOSAL: 'Proposal',
  VOTE_REQUEST: 'Vote request',
  VOTE: 'Vote',
  DECISION: 'Decision',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  APPROVED: 'Approved',
  APPROVED_MODIFIED: 'Approved (modified)',
  REJECTED: 'Rejected',
  VETOED: 'Vetoed',
  TIMED_OUT: 'Timed out — hold',
  CANCELLED: 'Cancelled',
};

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABEL[outcome as Outcome] ?? outcome;
}

export function VoteChip({ choice }: { choice: VoteChoice | string }) {
  return <span className={`vote-chip vote-${choice}`}>{choice}</span>;
}
