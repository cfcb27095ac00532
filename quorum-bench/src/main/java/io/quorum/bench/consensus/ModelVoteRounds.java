package io.quorum.bench.consensus;

import io.quorum.adapters.llm.LlmReasoner;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.agent.Agent;
import io.quorum.engine.agent.AgentContext;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.consensus.ConsensusOrchestrator;
import io.quorum.engine.consensus.VotingRules;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
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
import io.quorum.engine.money.Price;
import io.quorum.engine.port.Clock;
import io.quorum.engine.time.SystemClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The system under test for S4b: a decision round on the real bus and orchestrator, with five real
 * {@link Agent}s whose votes come from a language model through the real adapter
 * ({@link LlmReasoner} over HTTP to a {@link SlowModelServer}). Technical proposes; the orchestrator
 * asks the other four, each of whom calls the model from {@code deliberate} and votes when it
 * answers, so the four calls are under way at once. An observer stops the clock at the DECISION.
 */
final class ModelVoteRounds implements RoundCarrier {
    /** Tickers take turns, so that a round still open never makes the next one on its ticker TICKER_BUSY. */
    private static final int TICKERS = 1_000;
    private static final long ROUND_ID_MARK = 0x5334_6244_6563_6964L;
    private static final Ticker DESK_TICKER = Ticker.of("BENCH");

    private final SessionId session = SessionId.of("bench-model-round");
    private final Clock clock = SystemClock.INSTANCE;
    private final InMemoryMessageBus bus;
    private final ConsensusOrchestrator orchestrator;
    private final LlmReasoner reasoner;
    private final LatencyRecorder observer;
    private final Map<ReasonerCalled.Outcome, LongAdder> fallbacks = new ConcurrentHashMap<>();
    private final LongAdder otherOutcomes = new LongAdder();
    private final LongAdder refusedOpenings = new LongAdder();

    ModelVoteRounds(PacedLoad load, SlowModelServer model) {
        this.bus = new InMemoryMessageBus(BusSettings.defaults().withGuard(draft -> orchestrator().checkVote(draft)));
        this.orchestrator = new ConsensusOrchestrator(session, bus, clock, clock, VotingRules.DEFAULT, () -> true);
        this.reasoner = model.reasoner();
        this.observer = new LatencyRecorder(load);
        bus.subscribe(session, AgentRole.ORCHESTRATOR, this::orchestrate);
        AgentContext context = new AgentContext(session, DESK_TICKER, bus, clock, new BenchDeskView(), reasoner, this::recorded);
        for (AgentRole role : AgentRole.VOTERS) {
            Agent agent = new ModelVoter(role, context);
            bus.subscribe(session, role, agent::onMessage);
        }
        bus.observe(session, this::observe);
    }

    /** Round {@code index}'s proposal: its own id, ticker and terms, so that no two rounds ask the model the same question (and none is answered from the cache). */
    static Proposal proposal(int index) {
        Price entry = Price.ofMicros(100_000_000L + index * 10_000L);
        return new Proposal(new ProposalId(new UUID(ROUND_ID_MARK, index)), TradeAction.OPEN_LONG, Ticker.of("R" + index % TICKERS), Direction.LONG,
                Size.shares(100), entry, Price.parse("95.00"), Price.parse("110.00"), null, "bench round " + index, "Buy 100 shares at $" + entry);
    }

    @Override public void start(int index) {
        bus.publish(AgentMessage.draft(session, AgentRole.TECHNICAL, Recipients.all(), proposal(index), clock.now()));
    }

    @Override public LatencyRecorder observer() { return observer; }

    @Override public List<String> faults() {
        List<String> faults = new ArrayList<>();
        fallbacks.forEach((outcome, count) -> faults.add(count.sum() + " votes by the rules: " + outcome));
        if (otherOutcomes.sum() > 0) faults.add(otherOutcomes.sum() + " decisions not APPROVED");
        if (refusedOpenings.sum() > 0) faults.add(refusedOpenings.sum() + " openings refused");
        if (bus.stats().handlerErrors() > 0) faults.add(bus.stats().handlerErrors() + " handlers failed");
        return faults;
    }

    @Override public void close() {
        bus.close();
        reasoner.close();
    }

    private ConsensusOrchestrator orchestrator() { return orchestrator; }

    private void recorded(SessionId in, ReasonerCalled call) {
        if (call.outcome().isFallback()) fallbacks.computeIfAbsent(call.outcome(), outcome -> new LongAdder()).increment();
    }

    private void orchestrate(AgentMessage message) { ProtocolRounds.orchestrate(orchestrator, message, refusedOpenings); }

    private void observe(AgentMessage message) {
        if (!(message.content() instanceof Decision decision)) return;
        if (decision.outcome() != Outcome.APPROVED) otherOutcomes.increment();
        observer.arrived((int) decision.proposalId().value().getLeastSignificantBits());
    }

    /** An agent whose rules approve and whose analysis is one line: the model's answer is what the bench waits for. */
    private static final class ModelVoter extends Agent {
        ModelVoter(AgentRole role, AgentContext context) { super(role, context); }

        @Override public List<String> analyze() { return List.of(role().displayName() + " sees a flat desk."); }

        @Override public Judgement judge(Proposal proposal) { return Judgement.approve("the bench's rules approve"); }
    }
}
