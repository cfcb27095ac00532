package io.quorum.engine.port;

import io.quorum.engine.message.SessionId;

/**
 * Which process's orchestrator decides for a session, when several processes serve one desk: a
 * lease one holder has at a time, renewed while the holder lives, and a fencing token for each
 * grant, larger for every new grant. The holder's decisions carry its token, and the
 * {@link DecisionFence} lets through only those of the latest grant.
 */
public interface OrchestratorLease extends AutoCloseable {
    /** A desk that is the only orchestrator of its sessions: every session is held, always with token {@link #SOLE_TOKEN}. */
    OrchestratorLease SOLE = new OrchestratorLease() {
        @Override public void hold(SessionId session) { }

        @Override public long token(SessionId session) { return SOLE_TOKEN; }

        @Override public void release(SessionId session) { }

        @Override public void close() { }
    };
    /** The token of a desk with no rival; never a token of a lease that rivals share. */
    long SOLE_TOKEN = 0;
    /** What {@link #token} is while another process holds the session. */
    long NOT_HELD = -1;

    /**
     * Asks for the session's lease from now on, on the lease's own thread, and keeps asking (and
     * renewing it once held) until {@link #release}: a standby takes over when the holder stops
     * renewing. Returns at once; {@link #token} tells when the grant came.
     */
    void hold(SessionId session);

    /** The token of the grant this process holds now, from memory (no round trip), or {@link #NOT_HELD}. */
    long token(SessionId session);

    /** Gives the session's lease up, when this process holds it, so that a standby need not wait for it to expire. */
    void release(SessionId session);

    @Override void close();
}
