package io.quorum.bench.server;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The receiving end of one of many consumers: when each event arrived, turned into latencies once
 * the run is over. A thousand consumers cannot each keep a {@link LatencyRecorder}'s histograms
 * (hundreds of KiB each); an array of arrival times costs 8 bytes an event and no lock. One writer
 * at a time: a consumer's thread, or a WebSocket listener, whose calls follow one another.
 */
final class Arrivals {
    private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final long[] arrivedNanos;
    private volatile int received;

    Arrivals(PacedLoad load) { this.arrivedNanos = new long[load.totalMessages()]; }

    /** Called when event {@code index} arrives. */
    void arrived(int index) {
        arrivedNanos[index] = System.nanoTime();
        received = received + 1;
    }

    int received() { return received; }

    /** Adds this consumer's latencies past the warm-up, from the intended and from the actual send; read once {@link #received()} is complete. */
    void addTo(PacedLoad load, Histogram latency, Histogram sinceSent) {
        for (int index = load.warmupMessages(); index < arrivedNanos.length; index++) {
            long arrived = arrivedNanos[index];
            if (arrived == 0) continue;
            latency.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, arrived - load.intendedNanos(index)));
            sinceSent.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, arrived - load.sentNanos(index)));
        }
    }
}
