package io.quorum.bench.bus;

import io.quorum.bench.LatencyRecorder;
import java.util.List;

/** One way of carrying a message from one publisher to several consumers: the bus, or a baseline. */
interface Hop extends AutoCloseable {
    /** Publishes message {@code index} of the load to every consumer. */
    void send(int index);

    /** One per consumer. */
    List<LatencyRecorder> recorders();

    /** Messages a consumer never got because its queue was full. */
    long dropped();

    @Override void close();
}
