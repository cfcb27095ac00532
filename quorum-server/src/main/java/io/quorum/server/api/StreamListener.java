package io.quorum.server.api;

/** Receives a session's live events; called on the desk's thread, so it must return at once. */
@FunctionalInterface
public interface StreamListener {
    void onEvent(StreamEvent event);
}
