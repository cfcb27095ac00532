package io.quorum.bench.consensus;

import io.quorum.bench.LatencyRecorder;
import java.util.List;

/** One way of carrying a decision round from the proposer to an observer: the desk's protocol, or a bare baseline chain. */
interface RoundCarrier extends AutoCloseable {
    /** Starts round {@code index} on the sender's thread. */
    void start(int index);

    /** Sees each round end; its arrivals are the measured latencies. */
    LatencyRecorder observer();

    /** What went wrong, one short phrase each; read after the rounds have drained. Empty when every round went as planned. */
    List<String> faults();

    @Override void close();
}
