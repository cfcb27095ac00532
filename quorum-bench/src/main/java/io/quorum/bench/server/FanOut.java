package io.quorum.bench.server;

import io.quorum.server.api.StreamEvent;
import java.util.List;

/** One way of carrying an event from the desk to many consumers: the WebSocket edge, or an in-process baseline. */
interface FanOut extends AutoCloseable {
    /** Hands {@code event}, whose data is a {@link Probe}, to every consumer. */
    void send(StreamEvent event);

    /** One per consumer. */
    List<Arrivals> arrivals();

    /** What went wrong besides missing events (refused offers, closed sockets), one short phrase each. */
    List<String> faults();

    @Override void close();
}
