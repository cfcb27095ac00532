package io.quorum.server.ws;

import java.io.IOException;

/** Where a client's frames go: the WebSocket in production, a recorder in tests. */
public interface FrameSink {
    /** Writes one text frame, blocking until the client's connection has taken it. */
    void send(String text) throws IOException;

    void close(int code, String reason);
}
