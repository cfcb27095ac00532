package io.quorum.server.api;

/** Receives a session's live events; called on the thread that follows the journal's tail (or sends position updates), so it must return at once. */
@FunctionalInterface
public interface StreamListener {
    void onEvent(StreamEvent event);
}
