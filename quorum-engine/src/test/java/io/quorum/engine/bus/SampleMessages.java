package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import java.time.Instant;

/** Drafts ready to publish, for tests that need a message and do not care which. */
public final class SampleMessages {
    /** The timestamp every sample carries: the opening bell of an ordinary Monday. */
    public static final Instant OPENING_BELL = Instant.parse("2025-01-06T14:30:00Z");

    private SampleMessages() {}

    /** A desk-wide INFO alert from the orchestrator to everyone. */
    public static AgentMessage alert(SessionId session, String text) {
        return alertTo(session, Recipients.all(), text);
    }

    public static AgentMessage alertTo(SessionId session, Recipients recipients, String text) {
        return AgentMessage.draft(session, AgentRole.ORCHESTRATOR, recipients,
                new Alert(Alert.AlertKind.SYSTEM, Alert.Severity.INFO, null, text), OPENING_BELL);
    }

    /** An agent's observation, as the desk's conversation is mostly made of. */
    public static AgentMessage observation(SessionId session, AgentRole sender, Recipients recipients, String text) {
        return AgentMessage.draft(session, sender, recipients, Update.of(Update.UpdateKind.OBSERVATION, null, text), OPENING_BELL);
    }
}
