package io.quorum.bench.consensus;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.BusStats;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.consensus.ConsensusOrchestrator;
import io.quorum.engine.consensus.Opening;
import io.quorum.engine.consensus.VoteReceipt;
import io.quorum.engine.consensus.VotingRules;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.Clock;
import io.quorum.engine.time.SystemClock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The system under test: the desk's decision protocol on the real {@link InMemoryMessageBus} and the
 * real {@link ConsensusOrchestrator}, wired as the desk wires them. The orchestrator's
 * {@link ConsensusOrchestrator#checkVote} guards the bus, and an ORCHESTRATOR subscription drives it
 * (PROPOSAL opens a round, VOTE records one). Five stub agents subscribe by role and, like
 * {@code Agent}, each answers the orchestrator's {@code VoteRequest} when it is asked, with a VOTE,
 * here always APPROVE and with no analysis. An observer, as the UI is, sees every message and stops the
 * clock at the DECISION.
 *
 * <p>Each round is one message from Technical's stub (the proposal) and six more: the
 * orchestrator's VOTE_REQUEST to the other four, four votes and the DECISION.
 */
final class ProtocolRounds implements RoundCarrier {
    /** Tickers take turns, so a round would have to stay open this many rounds for the next one on its ticker to be refused as TICKER_BUSY. */
    private static final int TICKERS = 1_000;
    private static final long ROUND_ID_MARK = 0x5341_6144_6563_6964L;
    private static final AgentRole PROPOSER = AgentRole.TECHNICAL;
    private static final Recipients TO_ORCHESTRATOR = Recipients.of(AgentRole.ORCHESTRATOR);
    private static final Price ENTRY = Price.parse("100.00");
    private static final Price STOP = Price.parse("95.00");
    private static final Price TARGET = Price.parse("110.00");
    private static final Size SIZE = Size.shares(100);


    private final SessionId session = SessionId.of("bench-decision-round");
    private final Clock clock = SystemClock.INSTANCE;
    private final Ticker[] tickers = new Ticker[TICKERS];
    private final InMemoryMessageBus bus;
    private final ConsensusOrchestrator orchestrator;
    private final LatencyRecorder observer;
    private final LongAdder refusedOpenings = new LongAdder();
    private final LongAdder otherOutcomes = new LongAdder();

    ProtocolRounds(PacedLoad load) {
        for (int i = 0; i < TICKERS; i++) tickers[i] = Ticker.of("R" + i);
        this.bus = new InMemoryMessageBus(BusSettings.defaults().withGuard(this::checkVote));
        this.orchestrator = new ConsensusOrchestrator(session, bus, clock, clock, VotingRules.DEFAULT, () -> true);
        this.observer = new LatencyRecorder(load);

        bus.subscribe(session, AgentRole.ORCHESTRATOR, this::orchestrate);
        for (AgentRole role : AgentRole.VOTERS) {
            bus.subscribe(session, role, message -> approve(role, message));
        }
        bus.observe(session, this::observe);
    }

    @Override public void start(int index) {
        Proposal proposal = new Proposal(new ProposalId(new UUID(ROUND_ID_MARK, index)), TradeAction.OPEN_LONG, tickers[index % TICKERS],
                Direction.LONG, SIZE, ENTRY, STOP, TARGET, null, "bench round " + index, "Open long 100 shares, stop 95.00, target 110.00");
        bus.publish(AgentMessage.draft(session, PROPOSER, Recipients.all(), proposal, clock.now()));
    }

    @Override public LatencyRecorder observer() { return observer; }

    @Override public List<String> faults() {
        List<String> faults = new ArrayList<>();
        BusStats stats = bus.stats();
        long ignoredVotes = 0;
        for (VoteReceipt.Reason reason : VoteReceipt.Reason.values()) ignoredVotes += orchestrator.ignoredVotes(reason);
        addIfAny(faults, refusedOpenings.sum(), "openings refused");
        addIfAny(faults, otherOutcomes.sum(), "decisions not APPROVED");
        addIfAny(faults, ignoredVotes, "votes ignored");
        addIfAny(faults, stats.refused(), "messages refused by the guard");
        addIfAny(faults, stats.overflowed(), "deliveries dropped");
        addIfAny(faults, stats.handlerErrors(), "handlers failed");
        return faults;
    }

    @Override public void close() { bus.close(); }

    /**
     * The bus is built with the orchestrator's guard, and the orchestrator with the bus: the guard
     * finds the orchestrator when it is called, and nothing is published before both exist.
     */
    private void checkVote(AgentMessage draft) { orchestrator.checkVote(draft); }

    /** The desk thread's part of the protocol. */
    private void orchestrate(AgentMessage message) { orchestrate(orchestrator, message, refusedOpenings); }

    /** What the desk does with the orchestrator's mailbox: a PROPOSAL opens a round (a refusal is counted), a VOTE is recorded. */
    static void orchestrate(ConsensusOrchestrator orchestrator, AgentMessage message, LongAdder refusedOpenings) {
        switch (message.type()) {
            case PROPOSAL -> {
                if (orchestrator.open(message) instanceof Opening.Refused) refusedOpenings.increment();
            }
            case VOTE -> orchestrator.record(message);
            default -> { }
        }
    }

    private void approve(AgentRole voter, AgentMessage message) {
        if (!(message.content() instanceof VoteRequest request) || !request.asks(voter)) return;
        Vote vote = new Vote(request.proposalId(), VoteChoice.APPROVE, "bench stub approves", null, "APPROVE — bench stub approves");
        bus.publish(AgentMessage.draft(session, voter, TO_ORCHESTRATOR, vote, clock.now()).inReplyTo(message.id()));
    }

    private void observe(AgentMessage message) {
        if (!(message.content() instanceof Decision decision)) return;
        if (decision.outcome() != Outcome.APPROVED) otherOutcomes.increment();
        observer.arrived((int) decision.proposalId().value().getLeastSignificantBits());
    }

    private static void addIfAny(List<String> faults, long count, String what) {
        if (count > 0) faults.add(count + " " + what);
    }
}
