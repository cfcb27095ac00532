package io.quorum.engine.consensus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.session.SessionChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * Runs the desk's votes for one session (DESIGN §3): opens a round per proposal, counts votes,
 * decides with {@link DecisionRule} and publishes every decision as a DECISION from the
 * orchestrator to all. At most one round per ticker is open at a time.
 *
 * <p>Driven in message order ({@link #open}, {@link #record}) and by a timer ({@link #expireDue}):
 * all three may come from one engine loop thread, or the timer from a thread of its own, so every
 * state change is synchronized (uncontended, and so cheap, when one thread does it all). Messages
 * are published after the lock is released: the bus may call {@link #checkVote} from a publisher's
 * thread while holding its own lock, and the two locks must never be taken in opposite orders.
 *
 * <p>Two clocks: the market's stamps the messages; the deadline clock, the user's wall clock on a
 * live or simulated-live desk (replay time in a backtest), sets and enforces the deadlines. Late
 * votes never count: a vote handled at or after its round's deadline times the round out first,
 * even if the timer has not fired yet. Agents do not watch the deadline: they answer when they
 * are ready.
 */
public final class ConsensusOrchestrator {
    private final SessionId sessionId;
    private final MessageBus bus;
    private final Clock clock;
    private final Clock deadlineClock;
    private final BooleanSupplier acceptingProposals;
    private VotingRules rules;

    private final Map<ProposalId, Round> open = new LinkedHashMap<>();
    private final Map<ProposalId, Outcome> decided = new HashMap<>();
    /** Proposals seen by the bus guard or opened here; read without the lock, by publishers' threads. */
    private final Set<ProposalId> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLongArray ignoredVotes = new AtomicLongArray(VoteReceipt.Reason.values().length);

    /**
     * @param clock              the market's clock, for the timestamps of the messages published
     * @param deadlineClock      the clock vote deadlines run on: the user's wall clock on a live or
     *                           simulated-live desk, whatever its speed, so that an agent has the
     *                           timeout in real seconds to answer; replay time in a backtest
     * @param acceptingProposals asked on every {@link #open}; in production the session's {@code isTradingAllowed}
     */
    public ConsensusOrchestrator(SessionId sessionId, MessageBus bus, Clock clock, Clock deadlineClock, VotingRules rules,
                                 BooleanSupplier acceptingProposals) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadlineClock = Objects.requireNonNull(deadlineClock, "deadlineClock");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.acceptingProposals = Objects.requireNonNull(acceptingProposals, "acceptingProposals");
    }

    /** New rules apply to rounds opened from now on; open rounds keep theirs. */
    public synchronized void reconfigure(VotingRules newRules) { rules = Objects.requireNonNull(newRules, "rules"); }

    /**
     * Puts a published PROPOSAL to the vote: records the proposer's APPROVE, starts the clock and
     * asks the other four voters for their votes with a {@link VoteRequest}.
     */
    public Opening open(AgentMessage proposalMessage) {
        Proposal proposal = payload(proposalMessage, MessageType.PROPOSAL, Proposal.class);
        AgentRole proposer = proposalMessage.sender();
        ProposalId id = proposal.id();
        AgentMessage request;
        Instant deadline;
        synchronized (this) {
            seen.add(id);
            Opening.Reason refusal = refusal(proposal, proposer);
            if (refusal != null) return new Opening.Refused(id, refusal, refusalDetail(refusal, proposal));
            deadline = deadlineClock.now().plus(rules.timeout());
            open.put(id, new Round(proposalMessage, proposal, proposer, deadline, rules));
            request = voteRequest(proposalMessage, proposal, proposer, deadline);
        }
        bus.publish(request);
        return new Opening.Opened(id, deadline);
    }

    /** Counts a VOTE message, deciding its round when the vote makes the outcome certain. */
    public VoteReceipt record(AgentMessage voteMessage) {
        Vote vote = payload(voteMessage, MessageType.VOTE, Vote.class);
        AgentRole voter = voteMessage.sender();
        ProposalId id = vote.proposalId();
        VoteReceipt.Reason ignored;
        AgentMessage decision = null;
        synchronized (this) {
            Round round = open.get(id);
            if (!voter.votes()) {
                ignored = VoteReceipt.Reason.NOT_A_VOTER;
            } else if (round == null) {
                ignored = decided.containsKey(id) ? VoteReceipt.Reason.AFTER_DECISION : VoteReceipt.Reason.UNKNOWN_PROPOSAL;
            } else if (!deadlineClock.now().isBefore(round.deadline)) {
                decision = close(round, round.rule(true));
                ignored = VoteReceipt.Reason.AFTER_DEADLINE;
            } else if (voter == round.proposer || round.votes.containsKey(voter)) {
                ignored = VoteReceipt.Reason.DUPLICATE;
            } else {
                ignored = null;
                round.votes.put(voter, vote);
                if (round.rule(false) instanceof Ruling.Decided ruling) decision = close(round, ruling);
            }
            if (ignored != null) ignoredVotes.incrementAndGet(ignored.ordinal());
        }
        AgentMessage published = decision == null ? null : bus.publish(decision);
        if (ignored != null) return new VoteReceipt.Ignored(id, voter, ignored);
        return published == null ? new VoteReceipt.Counted(id, voter) : new VoteReceipt.Decisive(id, voter, published);
    }

    /** Decides every round whose deadline has come; for the desk's timer. Returns the DECISION messages published. */
    public List<AgentMessage> expireDue() {
        List<AgentMessage> decisions = new ArrayList<>();
        synchronized (this) {
            Instant now = deadlineClock.now();
            for (Iterator<Round> it = open.values().iterator(); it.hasNext(); ) {
                Round round = it.next();
                if (now.isBefore(round.deadline)) continue;
                it.remove();
                decisions.add(decide(round, round.rule(true)));
            }
        }
        return publishAll(decisions);
    }

    /** Ends every open round with CANCELLED, e.g. when auto-trading is switched off. Returns the DECISION messages published. */
    public List<AgentMessage> cancelAll(String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: a cancel needs a reason");
        List<AgentMessage> decisions = new ArrayList<>();
        synchronized (this) {
            for (Round round : open.values()) {
                Ruling ruling = round.rule(false);
                decided.put(round.proposal.id(), Outcome.CANCELLED);
                Decision decision = new Decision(round.proposal.id(), Outcome.CANCELLED, ruling.tally(), ruling.votes(), round.proposal, reason,
                        DecisionText.text(Outcome.CANCELLED, round.proposal, reason));
                decisions.add(announce(round, decision));
            }
            open.clear();
        }
        return publishAll(decisions);
    }

    /** A session listener: when a change leaves the session unable to trade, nothing still being voted on may go ahead. */
    public void onSessionChange(SessionChange change) {
        if (!change.tradingAllowed()) cancelAll(change.describe());
    }

    /**
     * A bus guard: notes every PROPOSAL that passes and refuses a VOTE for a proposal never seen, so
     * that a stray vote is turned away before it reaches the journal. Lock-free, as it runs on
     * publishers' threads.
     *
     * @throws MalformedMessageException for a VOTE whose proposal this session never saw
     */
    public void checkVote(AgentMessage draft) {
        switch (draft.content()) {
            case Proposal proposal -> seen.add(proposal.id());
            case Vote vote -> {
                if (!seen.contains(vote.proposalId())) {
                    throw new MalformedMessageException("content.proposalId", "no such proposal " + vote.proposalId() + " in session " + sessionId);
                }
            }
            default -> { }
        }
    }

    /** How many votes were not counted for {@code reason} since the start. */
    public long ignoredVotes(VoteReceipt.Reason reason) { return ignoredVotes.get(reason.ordinal()); }

    public synchronized boolean isOpen(ProposalId id) { return open.containsKey(id); }

    public synchronized int openRounds() { return open.size(); }

    private Opening.Reason refusal(Proposal proposal, AgentRole proposer) {
        if (open.containsKey(proposal.id()) || decided.containsKey(proposal.id())) return Opening.Reason.ALREADY_OPENED;
        if (!proposer.votes()) return Opening.Reason.PROPOSER_NOT_A_VOTER;
        if (!acceptingProposals.getAsBoolean()) return Opening.Reason.NOT_ACCEPTING_PROPOSALS;
        for (Round round : open.values()) {
            if (round.proposal.ticker().equals(proposal.ticker())) return Opening.Reason.TICKER_BUSY;
        }
        return null;
    }

    private String refusalDetail(Opening.Reason reason, Proposal proposal) {
        if (reason != Opening.Reason.TICKER_BUSY) return reason.sentence();
        for (Round round : open.values()) {
            if (round.proposal.ticker().equals(proposal.ticker())) {
                return "proposal " + round.proposal.id() + " for " + proposal.ticker() + " is still being voted on until " + round.deadline;
            }
        }
        return reason.sentence();
    }

    private AgentMessage voteRequest(AgentMessage proposalMessage, Proposal proposal, AgentRole proposer, Instant deadline) {
        EnumSet<AgentRole> others = EnumSet.copyOf(AgentRole.VOTERS);
        others.remove(proposer);
        String text = "Votes please on " + proposer.displayName() + "'s proposal: " + DecisionText.describe(proposal)
                + " — answer within " + rules.timeout().toSeconds() + " s";
        VoteRequest request = new VoteRequest(proposal.id(), proposal, others, deadline, text);
        return AgentMessage.draft(sessionId, AgentRole.ORCHESTRATOR, Recipients.of(others), request, clock.now())
                .inReplyTo(proposalMessage.id())
                .expectingResponseWithin(rules.timeout());
    }

    private AgentMessage close(Round round, Ruling ruling) {
        open.remove(round.proposal.id());
        return decide(round, ruling);
    }

    private AgentMessage decide(Round round, Ruling ruling) {
        if (!(ruling instanceof Ruling.Decided decidedRuling)) throw new IllegalStateException("a round past its deadline is always decided");
        decided.put(round.proposal.id(), decidedRuling.outcome());
        String reason = DecisionText.reason(decidedRuling, round.rules.timeout());
        Proposal terms = decidedRuling.amendment().terms();
        Decision decision = new Decision(round.proposal.id(), decidedRuling.outcome(), decidedRuling.tally(), decidedRuling.votes(), terms, reason,
                DecisionText.text(decidedRuling.outcome(), terms, reason));
        return announce(round, decision);
    }

    private AgentMessage announce(Round round, Decision decision) {
        return AgentMessage.draft(sessionId, AgentRole.ORCHESTRATOR, Recipients.all(), decision, clock.now()).inReplyTo(round.proposalMessage.id());
    }

    private List<AgentMessage> publishAll(List<AgentMessage> drafts) {
        List<AgentMessage> published = new ArrayList<>(drafts.size());
        for (AgentMessage draft : drafts) published.add(bus.publish(draft));
        return published;
    }

    private <T> T payload(AgentMessage message, MessageType type, Class<T> payloadType) {
        if (message.type() != type) throw new IllegalArgumentException("message: expected a " + type + ", was " + message.type());
        if (!message.sessionId().equals(sessionId)) throw new IllegalArgumentException("message: belongs to session " + message.sessionId() + ", not " + sessionId);
        return payloadType.cast(message.content());
    }

    /** One proposal being voted on; its votes exclude the proposer's, which the rule counts itself. */
    private static final class Round {
        final AgentMessage proposalMessage;
        final Proposal proposal;
        final AgentRole proposer;
        final Instant deadline;
        final VotingRules rules;
        final DecisionRule decisionRule;
        final Map<AgentRole, Vote> votes = new EnumMap<>(AgentRole.class);

        Round(AgentMessage proposalMessage, Proposal proposal, AgentRole proposer, Instant deadline, VotingRules rules) {
            this.proposalMessage = proposalMessage;
            this.proposal = proposal;
            this.proposer = proposer;
            this.deadline = deadline;
            this.rules = rules;
            this.decisionRule = new DecisionRule(rules.quorum());
        }

        Ruling rule(boolean deadlinePassed) { return decisionRule.rule(proposal, proposer, votes, deadlinePassed); }
    }
}
