package io.quorum.engine.session;

import java.util.Objects;

/** The answer to a session command: the change made, or why the command does not apply in this state. */
public sealed interface Transition {

    record Moved(SessionChange change) implements Transition {
        public Moved {
            Objects.requireNonNull(change, "change");
        }
    }

    record Refused(SessionState state, SessionEvent event, String reason) implements Transition {
        public Refused {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
