import type { AgentActivity, AgentMessage, AgentRole, AgentWork, VoteRecord } from '../api/types';
import { shownWords } from './attribution';

/** The five agents that analyse and vote, in speaking order. */
export const VOTING_AGENTS: readonly AgentRole[] = ['TECHNICAL', 'FUNDAMENTAL', 'SENTIMENT', 'RISK', 'EXECUTION'];

/**
 * What one agent is doing, as the stream told it: `thinking` from the moment it started on a piece
 * of work, with its model's answer so far in `draft`; `done` once it has spoken, with what it said
 * in `said`; `timed_out` when the decision counted its vote as not received. `fellBack` says why its
 * model did not answer and its rules did instead.
 */
export interface AgentStatus {
  state: 'idle' | 'thinking' | 'done' | 'timed_out';
  work: AgentWork | null;
  draft: string | null;
  said: string | null;
  fellBack: string | null;
}

export type AgentStatuses = Readonly<Record<string, AgentStatus>>;

const IDLE: AgentStatus = { state: 'idle', work: null, draft: null, said: null, fellBack: null };

export const NO_ACTIVITY: AgentStatuses = Object.fromEntries(VOTING_AGENTS.map((role) => [role, IDLE]));

/** A draft longer than this shows its end: the newest words are what the reader follows. */
export const DRAFT_SHOWN = 400;

export function withActivity(statuses: AgentStatuses, activity: AgentActivity): AgentStatuses {
  const current = statuses[activity.role];
  if (!current) return statuses;
  switch (activity.state) {
    case 'STARTED':
      return { ...statuses, [activity.role]: { state: 'thinking', work: activity.work, draft: null, said: null, fellBack: null } };
    case 'DRAFTING':
      // A draft sent just before the agent finished may arrive after: it no longer applies. A page
      // that joined mid-round never heard the start: the draft itself says the agent is at work.
      if (typeof activity.text !== 'string' || current.state === 'done' || current.state === 'timed_out') return statuses;
      return current.state === 'thinking'
        ? { ...statuses, [activity.role]: { ...current, draft: activity.text } }
        : { ...statuses, [activity.role]: { state: 'thinking', work: activity.work, draft: activity.text, said: null, fellBack: null } };
    case 'FELL_BACK':
      return { ...statuses, [activity.role]: { ...current, draft: null, fellBack: activity.reason ?? 'the model did not answer' } };
    case 'DONE':
      return { ...statuses, [activity.role]: { ...current, state: 'done', draft: null } };
  }
}

/** An agent's vote or answer replaces its draft: the strip shows what it said (in words; its bubble below has the model's figures). */
export function withSaid(statuses: AgentStatuses, message: AgentMessage): AgentStatuses {
  const current = statuses[message.sender];
  const spoke = message.type === 'VOTE' || (message.type === 'UPDATE' && message.replyTo != null);
  if (!current || current.state === 'idle' || !spoke) return statuses;
  return { ...statuses, [message.sender]: { ...current, draft: null, said: shownWords(message.content.text, message.content.attribution) } };
}

/** The decision counted these voters as not received: they timed out, whatever they were still doing. */
export function withMissingVotes(statuses: AgentStatuses, votes: readonly VoteRecord[]): AgentStatuses {
  let next = statuses;
  for (const vote of votes) {
    const current = next[vote.voter];
    if (vote.received !== false || !current || current.state === 'done') continue;
    next = { ...next, [vote.voter]: { ...current, state: 'timed_out', work: 'VOTE', draft: null } };
  }
  return next;
}

/** The end of a long draft, so that the newest words stay in view. */
export function shownDraft(draft: string): string {
  return draft.length > DRAFT_SHOWN ? `…${draft.slice(draft.length - DRAFT_SHOWN)}` : draft;
}
