package io.quorum.server.api;

/** A live subscription; closing it stops delivery. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {
    @Override void close();
}
