package io.quorum.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The receiving end of one consumer: records, for each message past the warm-up, how long after
 * its intended send time it arrived. One recorder per consumer thread, so recording takes no lock.
 */
public final class LatencyRecorder {
    private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final PacedLoad load;
    private final Histogram latency = newHistogram();
    private final Histogram sinceSent = newHistogram();
    private volatile int received;

    public LatencyRecorder(PacedLoad load) { this.load = load; }

    public static Histogram newHistogram() { return new Histogram(HIGHEST_TRACKABLE_NANOS, 3); }

    /** Called on the consumer's thread when message {@code index} arrives. */
    public void arrived(int index) {
        long now = System.nanoTime();
        if (index >= load.warmupMessages()) {
            latency.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, now - load.intendedNanos(index)));
            sinceSent.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, now - load.sentNanos(index)));
        }
        received = received + 1;
    }

    public int received() { return received; }

    /** The recorded latencies; read once {@link #received()} shows every message has arrived. */
    public Histogram latency() { return latency; }

    /** Measured from the actual send, not the intended one: hides a stalled sender, so only a diagnostic beside {@link #latency()}. */
    public Histogram sinceSent() { return sinceSent; }

    /** Waits, by sleeping, until every recorder has seen every message or the deadline passes; returns whether they all did. */
    public static boolean awaitAll(Iterable<LatencyRecorder> recorders, int messages, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (LatencyRecorder recorder : recorders) {
            while (recorder.received() < messages) {
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(5);
            }
        }
        return true;
    }

    /** All the recorders' latencies together. */
    public static Histogram merged(Iterable<LatencyRecorder> recorders, Function<LatencyRecorder, Histogram> which) {
        Histogram all = newHistogram();
        for (LatencyRecorder recorder : recorders) all.add(which.apply(recorder));
        return all;
    }
}
