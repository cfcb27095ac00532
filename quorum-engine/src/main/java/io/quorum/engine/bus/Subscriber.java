package io.quorum.engine.bus;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.Objects;

/**
 * Names one mailbox on the bus: a role's subscription or an observer of the whole session.
 * {@code number} tells apart several subscriptions of the same role (the UI and a monitor both
 * observe, for instance).
 *
 * @param role the role subscribed, or null for an observer
 */
public record Subscriber(long number, SessionId session, AgentRole role) {
    public Subscriber {
        if (number <= 0) throw new IllegalArgumentException("number: must be positive, was " + number);
        Objects.requireNonNull(session, "session");
    }

    public boolean isObserver() { return role == null; }

    @Override public String toString() {
        return (role == null ? "observer" : role.name()) + "#" + number + "@" + session;
    }
}
