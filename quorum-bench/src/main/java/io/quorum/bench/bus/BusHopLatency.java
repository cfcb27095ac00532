package io.quorum.bench.bus;

import static io.quorum.bench.LatencyResult.format;
import static io.quorum.bench.LatencyResult.verdict;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.LatencyResult;
import io.quorum.bench.PacedLoad;
import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * S1: how long a message takes from {@code publish} to a subscriber's handler, at a steady 10,000
 * messages a second to five subscribers, against two baselines carrying the same message at the
 * same pace to five consumers in the same run: an LMAX Disruptor with blocking waits, and one
 * ArrayBlockingQueue per consumer.
 */
public final class BusHopLatency implements Scenario {
    private static final int MESSAGES_PER_SECOND = 10_000;
    private static final int CONSUMERS = AgentRole.VOTERS.size();
    private static final double TARGET_P99_MICROS = 50;
    private static final double TARGET_RATIO_TO_DISRUPTOR = 3;
    private static final long DRAIN_TIMEOUT_MILLIS = 10_000;

    static final AgentMessage SAMPLE = AgentMessage.draft(SessionId.of("bench"), AgentRole.ORCHESTRATOR, Recipients.all(),
            new Alert(Alert.AlertKind.PRICE_SIGNAL, Alert.Severity.INFO, null, "AAPL crossed its 50-day average on rising volume"),
            Instant.EPOCH);

    private final RunLength length;

    public BusHopLatency() { this(RunLength.ofSeconds(MESSAGES_PER_SECOND, 2, 8, 10, 60)); }

    public BusHopLatency(RunLength length) { this.length = length; }

    @Override public String id() { return "S1"; }

    @Override public String title() { return "bus hop latency: publish to delivery, 10,000 msg/s, 5 subscribers"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        int warmup = length.warmup(mode);
        int measured = length.measured(mode);
        ThreadFactory platform = Thread.ofPlatform().daemon().factory();
        ThreadFactory virtual = Thread.ofVirtual().factory();

        LatencyResult bus = measure("InMemoryMessageBus", MESSAGES_PER_SECOND, warmup, measured, load -> new BusHop(load, SAMPLE, platform));
        LatencyResult busVirtual = measure("InMemoryMessageBus (virtual-thread mailboxes)", MESSAGES_PER_SECOND, warmup, measured, load -> new BusHop(load, SAMPLE, virtual));
        LatencyResult disruptor = measure("Disruptor 4.0.0, BlockingWaitStrategy", MESSAGES_PER_SECOND, warmup, measured, load -> new DisruptorHop(load, SAMPLE, CONSUMERS));
        LatencyResult queues = measure("5 x ArrayBlockingQueue", MESSAGES_PER_SECOND, warmup, measured, load -> new QueueHop(load, SAMPLE, CONSUMERS));

        List<Figure> figures = new ArrayList<>();
        double busP99 = bus.p99Micros();
        figures.addAll(bus.figures(id(), "≤ " + format(TARGET_P99_MICROS) + " µs: " + verdict(busP99 <= TARGET_P99_MICROS)));
        figures.addAll(busVirtual.figures(id(), ""));
        figures.addAll(disruptor.figures(id(), ""));
        figures.addAll(queues.figures(id(), ""));
        double ratio = busP99 / disruptor.p99Micros();
        figures.add(new Figure(id(), "InMemoryMessageBus / Disruptor", "p99 ratio", String.format(Locale.ROOT, "%.2f x", ratio),
                "≤ " + format(TARGET_RATIO_TO_DISRUPTOR) + " x: " + verdict(ratio <= TARGET_RATIO_TO_DISRUPTOR)));
        return figures;
    }

    /** Carries {@code warmup + measured} messages at {@code perSecond} over the hop {@code build} makes, and what each consumer saw of them. */
    static LatencyResult measure(String subject, int perSecond, int warmup, int measured, Function<PacedLoad, Hop> build) throws InterruptedException {
        System.gc();
        PacedLoad load = new PacedLoad(perSecond, warmup, measured);
        try (Hop hop = build.apply(load)) {
            load.run(hop::send);
            boolean complete = LatencyRecorder.awaitAll(hop.recorders(), load.totalMessages(), DRAIN_TIMEOUT_MILLIS);
            long missing = 0;
            for (LatencyRecorder recorder : hop.recorders()) missing += load.totalMessages() - recorder.received();
            List<String> faults = new ArrayList<>();
            if (!complete) faults.add(missing + " missing");
            if (hop.dropped() > 0) faults.add(hop.dropped() + " dropped");
            return new LatencyResult(subject, LatencyRecorder.merged(hop.recorders(), LatencyRecorder::latency),
                    LatencyRecorder.merged(hop.recorders(), LatencyRecorder::sinceSent), load.senderLateness(), load.sendCall(), faults);
        }
    }
}
