package io.quorum.engine.message;

import java.util.UUID;

/** Identifies one proposal through its votes, its decision and the orders it causes. */
public record ProposalId(UUID value) {
    public ProposalId {
        java.util.Objects.requireNonNull(value, "proposalId");
    }

    public static ProposalId random() { return new ProposalId(UUID.randomUUID()); }

    public static ProposalId parse(String text) { return new ProposalId(UUID.fromString(text)); }

    @Override public String toString() { return value.toString(); }
}
