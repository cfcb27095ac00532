package io.quorum.engine.message;

import java.util.EnumSet;
import java.util.Set;

/** To whom a message is addressed: every role, or a named set of roles. */
public sealed interface Recipients {
    boolean includes(AgentRole role);

    static Recipients all() { return All.INSTANCE; }

    static Recipients of(AgentRole first, AgentRole... rest) { return new Roles(EnumSet.of(first, rest)); }

    static Recipients of(Set<AgentRole> roles) { return new Roles(roles); }

    /** Broadcast. */
    enum All implements Recipients {
        INSTANCE;

        @Override public boolean includes(AgentRole role) { return true; }

        @Override public String toString() { return "ALL"; }
    }

    /** A non-empty set of roles. */
    record Roles(Set<AgentRole> roles) implements Recipients {
        public Roles {
            if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("recipients: at least one role, or ALL");
            roles = Set.copyOf(EnumSet.copyOf(roles));
        }

        @Override public boolean includes(AgentRole role) { return roles.contains(role); }
    }
}
