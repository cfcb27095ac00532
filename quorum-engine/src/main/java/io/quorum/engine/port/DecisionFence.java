package io.quorum.engine.port;

import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;

/**
 * The last check before a decision is carried out: it passes once, and only while the token it
 * carries is the session's latest grant of the {@link OrchestratorLease}. So a deposed orchestrator
 * (stalled, cut off, or simply late) never has a decision executed, and no decision is executed
 * twice, however many processes see it.
 */
public interface DecisionFence {
    /** A desk that is the only orchestrator of its sessions: its decisions come once each, and all pass. */
    DecisionFence SOLE = (session, proposal, token) -> Admission.ADMITTED;

    /** Lets the decision on {@code proposal} through, once, when {@code token} is the session's current grant. */
    Admission admit(SessionId session, ProposalId proposal, long token);

    /** What the fence says of a decision. */
    enum Admission {
        /** Carry it out. */
        ADMITTED,
        /** Its orchestrator no longer holds the session: a later grant exists, or the lease lapsed. */
        DEPOSED,
        /** A decision on the same proposal was let through before. */
        ALREADY_ADMITTED,
        /** The fence could not be asked (the bus is away): nothing is carried out on a decision it cannot vouch for. */
        UNVERIFIED;

        public boolean admitted() { return this == ADMITTED; }
    }
}
