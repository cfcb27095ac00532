import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  AGENT_ROLES,
  MESSAGE_TYPES,
  type AgentMessage,
  type AgentRole,
  type MessageType,
  type Tally,
  type TradeExecuted,
  type VoteRecord,
} from '../api/types';
import { formatCount, formatPrice, groupDigits, titleCase } from '../format';
import { useDeskTimeFormat } from '../state/deskTimeZone';
import { NO_ACTIVITY, type AgentStatuses } from '../state/agentActivity';
import { isAttribution, shownWords } from '../state/attribution';
import { AgentStatusStrip } from './AgentStatusStrip';
import { AgentIcon, TYPE_LABEL, VoteChip, agentLook, outcomeLabel } from './agents';
import { ModelAttribution } from './ModelAttribution';
import { VirtualList, type VirtualListController } from './VirtualList';

export interface AgentChatPanelProps {
  messages: readonly AgentMessage[];
  isAutoTradingEnabled: boolean;
  /** What each agent is doing now, from the stream. */
  agents?: AgentStatuses;
  /** The day's budget for the models is spent: the rules answer. */
  modelBudgetSpent?: boolean;
}

/** The desk's conversation: every agent message as it arrives, filterable, virtualised, following the newest. */
export function AgentChatPanel({ messages, isAutoTradingEnabled, agents = NO_ACTIVITY, modelBudgetSpent = false }: AgentChatPanelProps) {
  const [hiddenAgents, setHiddenAgents] = useState<ReadonlySet<AgentRole>>(new Set());
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<MessageType>>(new Set());
  const [atBottom, setAtBottom] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const list = useRef<VirtualListController | null>(null);

  const visible = useMemo(
    () => (hiddenAgents.size === 0 && hiddenTypes.size === 0 ? messages : messages.filter((m) => !hiddenAgents.has(m.sender) && !hiddenTypes.has(m.type))),
    [messages, hiddenAgents, hiddenTypes],
  );

  const seenCount = useRef(visible.length);
  useEffect(() => {
    const added = visible.length - seenCount.current;
    seenCount.current = visible.length;
    if (added > 0 && !atBottom) setUnseen((count) => count + added);
  }, [visible.length, atBottom]);

  const onAtBottomChange = useCallback((bottom: boolean) => {
    setAtBottom(bottom);
    if (bottom) setUnseen(0);
  }, []);

  return (
    <section className="panel chat-panel" aria-label="Agent conversation">
      <header className="panel-header">
        <h2>Desk conversation</h2>
        <span className={`badge ${isAutoTradingEnabled ? 'badge-live' : 'badge-muted'}`}>{isAutoTradingEnabled ? 'Auto-trading on' : 'Auto-trading off'}</span>
        {modelBudgetSpent && <span className="badge badge-danger">Model budget spent · rules answer</span>}
        <span className="muted small">{visible.length === messages.length ? `${messages.length} messages` : `${visible.length} of ${messages.length}`}</span>
      </header>
      <AgentStatusStrip agents={agents} budgetSpent={modelBudgetSpent} />
      <div className="chat-filters" role="group" aria-label="Filter messages">
        <ToggleChips all={AGENT_ROLES} hidden={hiddenAgents} onChange={setHiddenAgents} label={(role) => agentLook(role).name} groupLabel="Agents" />
        <ToggleChips all={MESSAGE_TYPES} hidden={hiddenTypes} onChange={setHiddenTypes} label={(type) => TYPE_LABEL[type]} groupLabel="Types" />
      </div>
      <div className="chat-body">
        {visible.length === 0 ? (
          <p className="empty">{messages.length === 0 ? 'The agents have not spoken yet.' : 'No message matches the filters.'}</p>
        ) : (
          <VirtualList
            items={visible}
            itemKey={messageKey}
            renderItem={(message) => <ChatBubble message={message} />}
            followOutput
            onAtBottomChange={onAtBottomChange}
            controller={list}
            ariaLabel="Agent messages"
            className="chat-list"
          />
        )}
        {unseen > 0 && !atBottom && (
          <button type="button" className="new-messages-pill" onClick={() => list.current?.scrollToBottom()}>
            {unseen} new message{unseen === 1 ? '' : 's'} ↓
          </button>
        )}
      </div>
    </section>
  );
}

function messageKey(message: AgentMessage): string {
  return message.id ?? String(message.seq);
}

function ToggleChips<T extends string>({
  all,
  hidden,
  onChange,
  label,
  groupLabel,
}: {
  all: readonly T[];
  hidden: ReadonlySet<T>;
  onChange: (next: ReadonlySet<T>) => void;
  label: (value: T) => string;
  groupLabel: string;
}) {
  const toggle = (value: T) => {
    const next = new Set(hidden);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange(next);
  };
  return (
    <div className="chips" role="group" aria-label={groupLabel}>
      {all.map((value) => (
        <button key={value} type="button" className="chip" aria-pressed={!hidden.has(value)} onClick={() => toggle(value)}>
          {label(value)}
        </button>
      ))}
    </div>
  );
}

/** One agent message; memoised because the list re-renders on every arrival. */
export const ChatBubble = memo(function ChatBubble({ message }: { message: AgentMessage }) {
  const look = agentLook(message.sender);
  const outcome = message.type === 'DECISION' ? String(message.content.outcome ?? '') : '';
  const trade = isTrade(message);
  const deskTime = useDeskTimeFormat();
  return (
    <article
      className={`bubble bubble-${message.type}${outcome ? ` outcome-${outcome}` : ''}${trade ? ' bubble-trade' : ''}`}
      style={{ borderLeftColor: look.color }}
      aria-label={`${look.name} ${TYPE_LABEL[message.type] ?? message.type}`}
      data-testid="chat-bubble"
      data-seq={message.seq}
    >
      <header className="bubble-header">
        <AgentIcon role={message.sender} />
        <span className="bubble-sender" style={{ color: look.color }}>
          {look.name}
        </span>
        <span className={`type-badge type-${message.type}`}>{TYPE_LABEL[message.type] ?? message.type}</span>
        {message.recipients !== 'ALL' && Array.isArray(message.recipients) && (
          <span className="muted small">→ {message.recipients.map((r) => agentLook(r).name).join(', ')}</span>
        )}
        <time className="muted small" dateTime={message.timestamp}>
          {deskTime(message.timestamp)}
        </time>
      </header>
      <MessageBody message={message} />
      {isAttribution(message.content.attribution) && <ModelAttribution attribution={message.content.attribution} />}
    </article>
  );
});

function MessageBody({ message }: { message: AgentMessage }) {
  const content = message.content;
  const text = groupDigits(shownWords(content.text, content.attribution));
  switch (message.type) {
    case 'ALERT':
      return (
        <div className="bubble-body">
          {typeof content.severity === 'string' && <span className={`severity severity-${content.severity}`}>{content.severity}</span>} {text}
        </div>
      );
    case 'QUESTION':
      return <div className="bubble-body question">{text}</div>;
    case 'UPDATE':
      if (isTrade(message)) {
        const trade = content.execution as TradeExecuted;
        return (
          <div className="bubble-body trade-line">
            <span className={`trade-badge side-${trade.side}`}>Trade executed</span>{' '}
            <strong>
              {trade.side} {formatCount(trade.quantity)} {trade.ticker} @ {formatPrice(trade.price)}
            </strong>
            <p className="muted small">{text}</p>
          </div>
        );
      }
      return (
        <div className="bubble-body">
          {typeof content.kind === 'string' && content.kind !== 'OBSERVATION' && <span className="muted small">{titleCase(content.kind)} · </span>}
          {text}
        </div>
      );
    case 'PROPOSAL':
      return (
        <div className="bubble-body">
          <p>{text}</p>
          <dl className="terms">
            <Term label="Action" value={titleCase(String(content.action ?? ''))} />
            <Term label="Size" value={sizeText(content.size)} />
            <Term label="Entry" value={formatPrice(content.entry as string)} />
            <Term label="Stop" value={formatPrice(content.stop as string)} />
            <Term label="Target" value={formatPrice(content.target as string)} />
          </dl>
          {typeof content.rationale === 'string' && <p className="muted small">{content.rationale}</p>}
        </div>
      );
    case 'VOTE_REQUEST':
      return <div className="bubble-body">{text}</div>;
    case 'VOTE':
      return (
        <div className="bubble-body">
          <VoteChip choice={String(content.choice ?? '')} /> {groupDigits(shownWords(String(content.reason ?? content.text), content.attribution))}
          {content.modification != null && <p className="muted small">Modification: {modificationText(content.modification)}</p>}
        </div>
      );
    case 'DECISION':
      return (
        <div className="bubble-body">
          <p className="decision-line">
            <strong className="outcome-label">{outcomeLabel(String(content.outcome ?? ''))}</strong> {withoutOutcome(text, String(content.outcome ?? ''))}
          </p>
          <VoteSummary tally={content.tally as Tally | undefined} votes={(content.votes as VoteRecord[] | undefined) ?? []} />
        </div>
      );
    default:
      return <div className="bubble-body">{text}</div>;
  }
}

/** The desk starts a decision's text with its outcome ("APPROVED — ..."), which the label already says. */
function withoutOutcome(text: string, outcome: string): string {
  const prefix = `${outcome.replaceAll('_', ' ')} — `;
  return outcome && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function isTrade(message: AgentMessage): boolean {
  return message.type === 'UPDATE' && message.content.kind === 'TRADE_EXECUTED' && message.content.execution != null;
}

function Term({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
}

/** The tally under a decision; the votes and their reasons open on demand. */
export function VoteSummary({ tally, votes }: { tally: Tally | undefined; votes: readonly VoteRecord[] }) {
  const [open, setOpen] = useState(false);
  const summary = tally
    ? `${tally.approvals} of ${tally.voters} approve · ${tally.rejections} reject · ${tally.abstentions} abstain · quorum ${tally.quorum}${tally.vetoed ? ' · vetoed by Risk' : ''}`
    : `${votes.length} votes`;
  return (
    <div className="vote-summary">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {summary}
      </button>
      {open && (
        <ul className="vote-list" aria-label="Votes">
          {votes.map((vote) => (
            <li key={vote.voter} className={vote.received === false ? 'vote-missing' : undefined}>
              <AgentIcon role={vote.voter} size={14} />
              <span className="vote-voter">{agentLook(vote.voter).name}</span>
              <VoteChip choice={vote.choice} />
              <span className="vote-reason">{vote.received === false ? 'no answer in time (counted as abstain)' : vote.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function sizeText(size: unknown): string {
  if (!size || typeof size !== 'object') return '';
  const { unit, amount } = size as { unit?: string; amount?: string };
  return unit === 'PERCENT_OF_POSITION' ? `${amount}% of position` : `${amount} shares`;
}

function modificationText(modification: unknown): string {
  if (!modification || typeof modification !== 'object') return String(modification);
  const m = modification as { size?: unknown; stop?: string; target?: string };
  return [m.size ? `size ${sizeText(m.size)}` : '', m.stop ? `stop ${m.stop}` : '', m.target ? `target ${m.target}` : ''].filter(Boolean).join(', ');
}
