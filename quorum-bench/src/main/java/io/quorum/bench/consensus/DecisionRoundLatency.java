package io.quorum.bench.consensus;

import static io.quorum.bench.LatencyResult.format;
import static io.quorum.bench.LatencyResult.verdict;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.LatencyResult;
import io.quorum.bench.PacedLoad;
import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * S4a: how long a whole decision round takes, from the proposal's intended send time to an
 * observer receiving the DECISION, with five stub agents that approve at once on the real bus and
 * the real orchestrator ({@link ProtocolRounds}). Rounds follow one another at a steady 1,000 a
 * second, each on its own proposal and ticker.
 *
 * <p>Baselines in the same run carry the same round index through as many hand-offs as a round has
 * messages, one after the other and with no protocol at all: through LMAX Disruptor rings and
 * through ArrayBlockingQueues. The difference is what the protocol costs. The chain is the harder
 * baseline to beat in depth (a round's critical path is three deliveries: proposal to the agents,
 * the last vote to the orchestrator, decision to the observer), and the easier one in work (it
 * builds, guards, sequences and fans out nothing).
 */
public final class DecisionRoundLatency implements Scenario {
    /** The messages of a round: the proposal, the orchestrator's vote request, four votes and the decision. */
    static final int HAND_OFFS = 7;

    private static final int ROUNDS_PER_SECOND = 1_000;
    private static final double TARGET_P99_MICROS = 500;
    private static final long DRAIN_TIMEOUT_MILLIS = 10_000;

    private final RunLength length;

    /** 3 s of warm-up and 12 s measured in quick mode, 10 s and 60 s in full mode, for each subject. */
    public DecisionRoundLatency() { this(RunLength.ofSeconds(ROUNDS_PER_SECOND, 3, 12, 10, 60)); }

    public DecisionRoundLatency(RunLength length) { this.length = length; }

    @Override public String id() { return "S4a"; }

    @Override public String title() { return "decision round: proposal to DECISION, 5 approving stub agents, 1,000 rounds/s"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        int warmup = length.warmup(mode);
        int measured = length.measured(mode);

        LatencyResult protocol = measure("round: InMemoryMessageBus + ConsensusOrchestrator", ROUNDS_PER_SECOND, warmup, measured, DRAIN_TIMEOUT_MILLIS, ProtocolRounds::new);
        LatencyResult disruptor = measure(HAND_OFFS + " hand-offs: Disruptor 4.0.0 rings, BlockingWaitStrategy", ROUNDS_PER_SECOND, warmup, measured, DRAIN_TIMEOUT_MILLIS,
                load -> new DisruptorChain(load, HAND_OFFS));
        LatencyResult queues = measure(HAND_OFFS + " hand-offs: ArrayBlockingQueue + thread each", ROUNDS_PER_SECOND, warmup, measured, DRAIN_TIMEOUT_MILLIS,
                load -> new QueueChain(load, HAND_OFFS));

        List<Figure> figures = new ArrayList<>();
        double protocolP99 = protocol.p99Micros();
        figures.addAll(protocol.figures(id(), "≤ " + format(TARGET_P99_MICROS) + " µs: " + verdict(protocolP99 <= TARGET_P99_MICROS)));
        figures.addAll(disruptor.figures(id(), ""));
        figures.addAll(queues.figures(id(), ""));
        figures.add(overhead(protocol, disruptor, "Disruptor chain"));
        figures.add(overhead(protocol, queues, "queue chain"));
        return figures;
    }

    private Figure overhead(LatencyResult protocol, LatencyResult baseline, String baselineName) {
        return new Figure(id(), "round over " + baselineName, "p99 protocol overhead µs", format(protocol.p99Micros() - baseline.p99Micros()), "");
    }

    /** Runs rounds of one carrier at {@code perSecond}, waits up to {@code drainMillis} for the last to end, and reports what it measured. */
    static LatencyResult measure(String subject, int perSecond, int warmup, int measured, long drainMillis, Function<PacedLoad, RoundCarrier> build)
            throws InterruptedException {
        System.gc();
        PacedLoad load = new PacedLoad(perSecond, warmup, measured);
        try (RoundCarrier carrier = build.apply(load)) {
            load.run(carrier::start);
            LatencyRecorder observer = carrier.observer();
            boolean complete = LatencyRecorder.awaitAll(List.of(observer), load.totalMessages(), drainMillis);
            List<String> faults = new ArrayList<>();
            if (!complete) faults.add((load.totalMessages() - observer.received()) + " rounds unfinished");
            faults.addAll(carrier.faults());
            return new LatencyResult(subject, observer.latency(), observer.sinceSent(), load.senderLateness(), load.sendCall(), faults);
        }
    }
}
