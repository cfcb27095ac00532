package io.quorum.bench.server;

import static io.quorum.bench.LatencyResult.format;
import static io.quorum.bench.LatencyResult.verdict;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.LatencyResult;
import io.quorum.bench.PacedLoad;
import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import io.quorum.engine.time.SystemClock;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.api.StreamEventType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * S8: one event from the desk to 1,000 WebSocket clients of a real {@link io.quorum.server.http.QuorumServer}
 * on the loopback interface, at a steady 20 events a second, measured from each event's intended send
 * time to its arrival at each client. Baselines in the same run: the same events at the same pace to
 * as many in-process consumers through one {@code ArrayBlockingQueue} each, with platform and with
 * virtual threads (the server's client writers are virtual threads), so that the difference reads as
 * what serialisation, Jetty and the loopback network add.
 */
public final class WebSocketFanOutLatency implements Scenario {
    private static final int EVENTS_PER_SECOND = 20;
    private static final int CLIENTS = 1_000;
    private static final double TARGET_P99_MICROS = 10_000;
    private static final long DRAIN_TIMEOUT_MILLIS = 15_000;
    private static final long MARKET_SEED = 42;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** An hour of market time a minute: 60 ticks a second, in bursts of 15. */
    private static final double MARKET_SPEED = 60;

    private final RunLength length;
    private final int clients;

    public WebSocketFanOutLatency() { this(RunLength.ofSeconds(EVENTS_PER_SECOND, 1, 8, 5, 60), CLIENTS); }

    public WebSocketFanOutLatency(RunLength length, int clients) {
        if (clients < 1) throw new IllegalArgumentException("clients: at least one, was " + clients);
        this.length = length;
        this.clients = clients;
    }

    @Override public String id() { return "S8"; }

    @Override public String title() { return "WebSocket fan-out: one event to 1,000 local clients, 20 events/s"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        int warmup = length.warmup(mode);
        int measured = length.measured(mode);
        String count = String.format(Locale.ROOT, "%,d", clients);

        Measured sockets = measure("QuorumServer, " + count + " WebSocket clients", warmup, measured, load -> new WebSocketFanOut(load, clients));
        Measured platform = measure(count + " x ArrayBlockingQueue, platform threads", warmup, measured,
                load -> new QueueFanOut(load, clients, Thread.ofPlatform().daemon().name("fan-out-consumer-", 0).factory()));
        Measured virtual = measure(count + " x ArrayBlockingQueue, virtual threads", warmup, measured,
                load -> new QueueFanOut(load, clients, Thread.ofVirtual().name("fan-out-consumer-", 0).factory()));

        List<Figure> figures = new ArrayList<>();
        double p99 = sockets.result.p99Micros();
        figures.addAll(sockets.figures(id(), "≤ " + format(TARGET_P99_MICROS) + " µs: " + verdict(p99 <= TARGET_P99_MICROS)));
        figures.addAll(platform.figures(id(), ""));
        figures.addAll(virtual.figures(id(), ""));
        for (Measured baseline : List.of(platform, virtual)) {
            figures.add(new Figure(id(), "QuorumServer over " + baseline.result.subject(), "p99 difference µs",
                    format(p99 - baseline.result.p99Micros()), ""));
        }
        // The end-to-end run lasts as long as the fan-out's, in wall time.
        figures.addAll(new PositionUpdateLatency(MARKET_SEED, MARKET_SPEED, Duration.ofMillis(warmup * 1_000L / EVENTS_PER_SECOND),
                Duration.ofMillis(measured * 1_000L / EVENTS_PER_SECOND)).run(id()));
        return figures;
    }

    /**
     * One subject's latencies, how many of its consumers got every event, and the whole process's
     * CPU time per delivery (sender, server and clients alike): times the offered deliveries a
     * second, it says how many cores the subject needs to keep up, whatever else the machine runs.
     */
    private record Measured(LatencyResult result, int complete, int consumers, double cpuMicrosPerDelivery) {
        List<Figure> figures(String scenario, String p99Target) {
            List<Figure> rows = new ArrayList<>(result.figures(scenario, p99Target));
            rows.add(new Figure(scenario, result.subject(), "process CPU µs per delivery", format(cpuMicrosPerDelivery), "diagnostic"));
            rows.add(new Figure(scenario, result.subject(), "consumers with every event", complete + " / " + consumers, verdict(complete == consumers)));
            return rows;
        }
    }

    @FunctionalInterface
    private interface Opening {
        FanOut open(PacedLoad load) throws Exception;
    }

    private static Measured measure(String subject, int warmup, int measured, Opening opening) throws Exception {
        System.gc();
        PacedLoad load = new PacedLoad(EVENTS_PER_SECOND, warmup, measured);
        try (FanOut fanOut = opening.open(load)) {
            long cpuBefore = PROCESS.getProcessCpuTime();
            load.run(index -> fanOut.send(event(index)));
            boolean drained = awaitAll(fanOut.arrivals(), load.totalMessages());
            long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
            int complete = 0;
            long missing = 0;
            long delivered = 0;
            Histogram latency = LatencyRecorder.newHistogram();
            Histogram sinceSent = LatencyRecorder.newHistogram();
            for (Arrivals arrivals : fanOut.arrivals()) {
                if (arrivals.received() == load.totalMessages()) complete++;
                missing += load.totalMessages() - arrivals.received();
                delivered += arrivals.received();
                arrivals.addTo(load, latency, sinceSent);
            }
            List<String> faults = new ArrayList<>(fanOut.faults());
            if (!drained) faults.addFirst(missing + " missing");
            LatencyResult result = new LatencyResult(subject, latency, sinceSent, load.senderLateness(), load.sendCall(), faults);
            return new Measured(result, complete, fanOut.arrivals().size(), delivered == 0 ? 0 : cpu / 1_000.0 / delivered);
        }
    }

    /** Waits, by sleeping, until every consumer has every event or the drain timeout passes; returns whether they all did. */
    private static boolean awaitAll(List<Arrivals> consumers, int events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MILLIS);
        for (Arrivals arrivals : consumers) {
            while (arrivals.received() < events) {
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(5);
            }
        }
        return true;
    }

    /** A broadcast as the desk publishes one; {@code seq} rises with the index, as journaled events' seqs do. */
    private static StreamEvent event(int index) {
        return new StreamEvent(StreamEventType.AGENT_MESSAGE, index + 1L, WebSocketFanOut.SESSION.value(), SystemClock.INSTANCE.now(), new Probe(index));
    }
}
