package io.quorum.engine.consensus;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.port.OrchestratorLease;
import io.quorum.engine.session.SessionChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
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
 * <p><b>Counter-proposals.</b> A PROPOSAL in reply to the proposal of an open round, for the same
 * ticker, from another voter, is a counter-proposal: it joins that round as a second motion,
 * with the round's deadline, and the voters but its proposer are asked to vote on it too. One
 * counter per round. The round is decided once both motions are certain; each is ruled on its
 * own by the tally (3 of 5, the Risk veto, timeout = hold) and {@link Support} says which one
 * carries: only that one can be approved, and a motion that passed but was less well supported
 * is REJECTED, its reason naming the one that carried.
 *
 * <p><b>A bounded discussion.</b> A round lasts at most {@link VotingRules#timeout()} and at most
 * {@link VotingRules#maxMessages()} messages heard: the proposal, every vote counted, the
 * counter-proposal, and everything said to all meanwhile about its ticker, or about no ticker
 * ({@link #hear}: a session watching several tickers talks of each); a duplicate vote is not
 * counted, as it changes nothing. At the bound the round is decided as at
 * its deadline: missing votes count as ABSTAIN and without a quorum it is a hold.
 *
 * <p>Driven in message order ({@link #open}, {@link #record}, {@link #hear}) and by a timer
 * ({@link #expireDue}): all may come from one engine loop thread, or the timer from a thread of its
 * own, so every state change is synchronized (uncontended, and so cheap, when one thread does it
 * all). Messages are published after the lock is released: the bus may call {@link #checkVote} from
 * a publisher's thread while holding its own lock, and the two locks must never be taken in
 * opposite orders.
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

    /** The open rounds, by their original proposal's id. */
    private final Map<ProposalId, Round> open = new LinkedHashMap<>();
    /** The open rounds by the id of each of their motions, the original and the counter. */
    private final Map<ProposalId, Round> byMotion = new HashMap<>();
    private final Map<ProposalId, Outcome> decided = new HashMap<>();
    /** Proposals seen by the bus guard or opened here; read without the lock, by publishers' threads. */
    private final Set<ProposalId> seen = ConcurrentHashMap.newKeySet();
    private final OrchestratorLease lease;
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
        this(sessionId, bus, clock, deadlineClock, rules, acceptingProposals, OrchestratorLease.SOLE);
    }

    /** @param lease whose grant of the session each decision carries, as its fencing token */
    public ConsensusOrchestrator(SessionId sessionId, MessageBus bus, Clock clock, Clock deadlineClock, VotingRules rules,
                                 BooleanSupplier acceptingProposals, OrchestratorLease lease) {
        this.lease = Objects.requireNonNull(lease, "lease");
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
     * asks the other four voters for their votes with a {@link VoteRequest}. A proposal in reply to
     * the proposal of an open round is a counter-proposal and joins that round.
     */
    public Opening open(AgentMessage proposalMessage) {
        Proposal proposal = payload(proposalMessage, MessageType.PROPOSAL, Proposal.class);
        AgentRole proposer = proposalMessage.sender();
        ProposalId id = proposal.id();
        List<AgentMessage> drafts = new ArrayList<>(3);
        Opening opening;
        synchronized (this) {
            seen.add(id);
            Round countered = counteredRound(proposalMessage, proposal);
            if (countered != null && !deadlineClock.now().isBefore(countered.deadline)) {
                // Too late to join the round: it is decided first, and the counter is put to the vote on its own.
                drafts.addAll(close(countered, Closing.DEADLINE));
                countered = null;
            }
            Opening.Reason refusal = countered == null ? refusal(proposal, proposer) : counterRefusal(countered, proposal, proposer);
            if (refusal != null) {
                opening = new Opening.Refused(id, refusal, refusalDetail(refusal, proposal));
            } else if (countered == null) {
                Round round = new Round(new Motion(proposalMessage, proposal, proposer, "proposal"), deadlineClock.now().plus(rules.timeout()), rules);
                open.put(id, round);
                byMotion.put(id, round);
                drafts.add(voteRequest(round.original, round, "Votes please on " + proposer.displayName() + "'s proposal: "));
                opening = new Opening.Opened(id, round.deadline);
            } else {
                countered.counter = new Motion(proposalMessage, proposal, proposer, "counter-proposal");
                byMotion.put(id, countered);
                drafts.add(voteRequest(countered.counter, countered, "Votes please on " + proposer.displayName() + "'s counter-proposal to "
                        + countered.original.proposer.displayName() + "'s: "));
                opening = new Opening.Countered(id, countered.original.proposal.id(), countered.deadline);
                if (countered.heardOneMore()) drafts.addAll(close(countered, Closing.MESSAGE_BOUND));
            }
        }
        publishAll(drafts);
        return opening;
    }

    /** Counts a VOTE message, deciding its round when the vote makes the outcome certain or reaches the bound. */
    public VoteReceipt record(AgentMessage voteMessage) {
        Vote vote = payload(voteMessage, MessageType.VOTE, Vote.class);
        AgentRole voter = voteMessage.sender();
        ProposalId id = vote.proposalId();
        VoteReceipt.Reason ignored;
        List<AgentMessage> decisions = List.of();
        synchronized (this) {
            Round round = byMotion.get(id);
            if (!voter.votes()) {
                ignored = VoteReceipt.Reason.NOT_A_VOTER;
            } else if (round == null) {
                ignored = decided.containsKey(id) ? VoteReceipt.Reason.AFTER_DECISION : VoteReceipt.Reason.UNKNOWN_PROPOSAL;
            } else if (!deadlineClock.now().isBefore(round.deadline)) {
                decisions = close(round, Closing.DEADLINE);
                ignored = VoteReceipt.Reason.AFTER_DEADLINE;
            } else {
                Motion motion = round.motion(id);
                boolean duplicate = voter == motion.proposer || motion.votes.containsKey(voter);
                ignored = duplicate ? VoteReceipt.Reason.DUPLICATE : null;
                // A duplicate changes nothing, not even the count towards the bound.
                if (!duplicate) {
                    motion.votes.put(voter, vote);
                    boolean bound = round.heardOneMore();
                    if (round.allHeard()) decisions = close(round, Closing.ALL_HEARD);
                    else if (bound) decisions = close(round, Closing.MESSAGE_BOUND);
                }
            }
            if (ignored != null) ignoredVotes.incrementAndGet(ignored.ordinal());
        }
        List<AgentMessage> published = publishAll(decisions);
        if (ignored != null) return new VoteReceipt.Ignored(id, voter, ignored);
        // A round that closes decides each of its motions, the one voted on among them.
        for (AgentMessage decision : published) {
            if (((Decision) decision.content()).proposalId().equals(id)) return new VoteReceipt.Decisive(id, voter, decision);
        }
        return new VoteReceipt.Counted(id, voter);
    }

    /**
     * Counts a message of the discussion other than a proposal or a vote (an answer, an alert, an
     * update said to all) against the bound of every open round on the ticker it is about (of every
     * open round, when it is about none), deciding the rounds it takes to their bound. The
     * orchestrator's own messages do not count. Returns the DECISION messages published.
     */
    public List<AgentMessage> hear(AgentMessage message) {
        if (message.sender() == AgentRole.ORCHESTRATOR || !message.sessionId().equals(sessionId)
                || message.content() instanceof Proposal || message.content() instanceof Vote) return List.of();
        Ticker about = Payload.about(message.content());
        List<AgentMessage> decisions = new ArrayList<>();
        synchronized (this) {
            for (Round round : List.copyOf(open.values())) {
                if (about != null && !about.equals(round.original.proposal.ticker())) continue;
                if (round.heardOneMore()) decisions.addAll(close(round, Closing.MESSAGE_BOUND));
            }
        }
        return publishAll(decisions);
    }

    /** Decides every round whose deadline has come; for the desk's timer. Returns the DECISION messages published. */
    public List<AgentMessage> expireDue() {
        List<AgentMessage> decisions = new ArrayList<>();
        synchronized (this) {
            Instant now = deadlineClock.now();
            for (Round round : List.copyOf(open.values())) {
                if (!now.isBefore(round.deadline)) decisions.addAll(close(round, Closing.DEADLINE));
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
                for (Motion motion : round.motions()) {
                    Ruling ruling = motion.rule(round.decisionRule, false);
                    decided.put(motion.proposal.id(), Outcome.CANCELLED);
                    Decision decision = new Decision(motion.proposal.id(), Outcome.CANCELLED, ruling.tally(), ruling.votes(), motion.proposal, reason,
                            DecisionText.text(Outcome.CANCELLED, motion.proposal, reason));
                    decisions.add(announce(motion, decision));
                }
            }
            open.clear();
            byMotion.clear();
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

    /** Whether {@code id}, a proposal or a counter-proposal, is still being voted on. */
    public synchronized boolean isOpen(ProposalId id) { return byMotion.containsKey(id); }

    public synchronized int openRounds() { return open.size(); }

    /** The open round whose original proposal {@code proposalMessage} replies to, for the same ticker; null when it is no counter. */
    private Round counteredRound(AgentMessage proposalMessage, Proposal proposal) {
        if (proposalMessage.replyTo() == null) return null;
        for (Round round : open.values()) {
            if (round.original.message.id().equals(proposalMessage.replyTo()) && round.original.proposal.ticker().equals(proposal.ticker())) return round;
        }
        return null;
    }

    private Opening.Reason refusal(Proposal proposal, AgentRole proposer) {
        if (open.containsKey(proposal.id()) || byMotion.containsKey(proposal.id()) || decided.containsKey(proposal.id())) return Opening.Reason.ALREADY_OPENED;
        if (!proposer.votes()) return Opening.Reason.PROPOSER_NOT_A_VOTER;
        if (!acceptingProposals.getAsBoolean()) return Opening.Reason.NOT_ACCEPTING_PROPOSALS;
        for (Round round : open.values()) {
            if (round.original.proposal.ticker().equals(proposal.ticker())) return Opening.Reason.TICKER_BUSY;
        }
        return null;
    }

    private Opening.Reason counterRefusal(Round round, Proposal proposal, AgentRole proposer) {
        if (byMotion.containsKey(proposal.id()) || decided.containsKey(proposal.id())) return Opening.Reason.ALREADY_OPENED;
        if (!proposer.votes()) return Opening.Reason.PROPOSER_NOT_A_VOTER;
        if (!acceptingProposals.getAsBoolean()) return Opening.Reason.NOT_ACCEPTING_PROPOSALS;
        if (proposer == round.original.proposer) return Opening.Reason.OWN_PROPOSAL;
        if (round.counter != null) return Opening.Reason.ALREADY_COUNTERED;
        return null;
    }

    private String refusalDetail(Opening.Reason reason, Proposal proposal) {
        if (reason != Opening.Reason.TICKER_BUSY) return reason.sentence();
        for (Round round : open.values()) {
            if (round.original.proposal.ticker().equals(proposal.ticker())) {
                return "proposal " + round.original.proposal.id() + " for " + proposal.ticker() + " is still being voted on until " + round.deadline;
            }
        }
        return reason.sentence();
    }

    private AgentMessage voteRequest(Motion motion, Round round, String opening) {
        EnumSet<AgentRole> others = EnumSet.copyOf(AgentRole.VOTERS);
        others.remove(motion.proposer);
        Duration left = Duration.between(deadlineClock.now(), round.deadline);
        String text = opening + DecisionText.describe(motion.proposal) + " — answer within " + left.toSeconds() + " s";
        VoteRequest request = new VoteRequest(motion.proposal.id(), motion.proposal, others, round.deadline, text);
        return AgentMessage.draft(sessionId, AgentRole.ORCHESTRATOR, Recipients.of(others), request, clock.now())
                .inReplyTo(motion.message.id())
                .expectingResponseWithin(left);
    }

    /** Ends {@code round}: rules each motion, lets the better-supported one carry, and drafts a DECISION for each. */
    private List<AgentMessage> close(Round round, Closing closing) {
        open.remove(round.original.proposal.id());
        for (Motion motion : round.motions()) byMotion.remove(motion.proposal.id());
        Ruling.Decided original = decided(round.original.rule(round.decisionRule, closing.votingOver()));
        if (round.counter == null) return List.of(decide(round.original, original, DecisionText.reason(original, closing, round.rules)));
        Ruling.Decided counter = decided(round.counter.rule(round.decisionRule, closing.votingOver()));
        Support.Carried carried = Support.carried(original, counter);
        return List.of(
                decide(round, round.original, original, round.counter, counter, carried == Support.Carried.ORIGINAL, closing),
                decide(round, round.counter, counter, round.original, original, carried == Support.Carried.COUNTER, closing));
    }

    private AgentMessage decide(Round round, Motion motion, Ruling.Decided ruling, Motion other, Ruling.Decided otherRuling, boolean carries, Closing closing) {
        String otherMotion = other.proposer.displayName() + "'s " + other.kind;
        if (ruling.outcome().approves() && !carries) {
            Ruling.Decided setAside = new Ruling.Decided(Outcome.REJECTED, ruling.tally(), ruling.votes(), Amendment.none(motion.proposal));
            return decide(motion, setAside, DecisionText.setAside(ruling.tally(), otherMotion, otherRuling.tally()));
        }
        String reason = DecisionText.reason(ruling, closing, round.rules);
        if (carries && otherRuling.outcome().approves()) reason += DecisionText.carriedOver(otherMotion, otherRuling.tally());
        return decide(motion, ruling, reason);
    }

    private AgentMessage decide(Motion motion, Ruling.Decided ruling, String reason) {
        decided.put(motion.proposal.id(), ruling.outcome());
        Proposal terms = ruling.amendment().terms();
        Decision decision = new Decision(motion.proposal.id(), ruling.outcome(), ruling.tally(), ruling.votes(), terms, reason,
                DecisionText.text(ruling.outcome(), terms, reason));
        return announce(motion, decision);
    }

    private static Ruling.Decided decided(Ruling ruling) {
        if (!(ruling instanceof Ruling.Decided decidedRuling)) throw new IllegalStateException("a round that closes is always decided");
        return decidedRuling;
    }

    private AgentMessage announce(Motion motion, Decision decision) {
        Decision fenced = decision.fencedBy(lease.token(sessionId));
        return AgentMessage.draft(sessionId, AgentRole.ORCHESTRATOR, Recipients.all(), fenced, clock.now()).inReplyTo(motion.message.id());
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

    /** One motion of a round, a proposal or its counter; its votes exclude its proposer's, which the rule counts itself. */
    private static final class Motion {
        final AgentMessage message;
        final Proposal proposal;
        final AgentRole proposer;
        /** "proposal" or "counter-proposal", as the decisions name it. */
        final String kind;
        final Map<AgentRole, Vote> votes = new EnumMap<>(AgentRole.class);

        Motion(AgentMessage message, Proposal proposal, AgentRole proposer, String kind) {
            this.message = message;
            this.proposal = proposal;
            this.proposer = proposer;
            this.kind = kind;
        }

        Ruling rule(DecisionRule rule, boolean votingOver) { return rule.rule(proposal, proposer, votes, votingOver); }
    }

    /** One discussion: a proposal, perhaps a counter-proposal, one deadline and one count of the messages heard. */
    private static final class Round {
        final Motion original;
        Motion counter;
        final Instant deadline;
        final VotingRules rules;
        final DecisionRule decisionRule;
        /** The proposal itself is the first message of its discussion. */
        int messagesHeard = 1;

        Round(Motion original, Instant deadline, VotingRules rules) {
            this.original = original;
            this.deadline = deadline;
            this.rules = rules;
            this.decisionRule = new DecisionRule(rules.quorum());
        }

        List<Motion> motions() { return counter == null ? List.of(original) : List.of(original, counter); }

        Motion motion(ProposalId id) { return counter != null && counter.proposal.id().equals(id) ? counter : original; }

        /** Counts one more message of the discussion; true once the bound is reached. */
        boolean heardOneMore() { return ++messagesHeard >= rules.maxMessages(); }

        /** Whether every motion is certain on the votes heard, before any deadline or bound. */
        boolean allHeard() {
            for (Motion motion : motions()) {
                if (!(motion.rule(decisionRule, false) instanceof Ruling.Decided)) return false;
            }
            return true;
        }
    }
}
