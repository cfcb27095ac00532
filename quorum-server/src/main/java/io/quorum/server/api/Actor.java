package io.quorum.server.api;

/** Who asked for a change, for the audit trail: the token's holder and the client address it came from. */
public record Actor(String name, String address) {
    public Actor {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("actor: a name is required");
        if (address == null) throw new IllegalArgumentException("actor: an address is required");
    }
}
