package io.quorum.adapters.redis;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import java.util.UUID;

/**
 * The names of the keys the bus writes, all under one prefix:
 * {@code <prefix>:session:<id>:stream} (the conversation), {@code <prefix>:session:<id>:seq} (its
 * last seq), {@code <prefix>:session:<id>:handled:<ROLE>:<message id>} (a role handled that message),
 * {@code <prefix>:session:<id>:lease} (the orchestrator's lease, {@code holder/token}),
 * {@code <prefix>:session:<id>:grants} (the last fencing token granted) and
 * {@code <prefix>:session:<id>:admitted:<proposal id>} (a decision on that proposal was let through).
 */
record StreamKeys(String prefix) {

    String stream(SessionId session) { return session(session) + ":stream"; }

    String seq(SessionId session) { return session(session) + ":seq"; }

    String handled(SessionId session, AgentRole role, UUID messageId) {
        return session(session) + ":handled:" + role.name() + ":" + messageId;
    }

    String lease(SessionId session) { return session(session) + ":lease"; }

    String grants(SessionId session) { return session(session) + ":grants"; }

    String admitted(SessionId session, ProposalId proposal) { return session(session) + ":admitted:" + proposal; }

    /** Every key of this prefix, for a test run that cleans up after itself. */
    String pattern() { return prefix + ":*"; }

    private String session(SessionId session) { return prefix + ":session:" + session.value(); }
}
