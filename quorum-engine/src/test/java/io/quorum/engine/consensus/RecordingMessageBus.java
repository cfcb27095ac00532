package io.quorum.engine.consensus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A bus that only sequences and remembers what was published, so tests can read the desk's conversation. */
final class RecordingMessageBus implements MessageBus {
    private final List<AgentMessage> published = new ArrayList<>();
    private long lastSeq;

    @Override public synchronized AgentMessage publish(AgentMessage draft) {
        AgentMessage message = draft.sequenced(++lastSeq);
        published.add(message);
        return message;
    }

    @Override public Subscription subscribe(SessionId session, AgentRole role, Consumer<AgentMessage> handler) {
        throw new UnsupportedOperationException("the orchestrator only publishes");
    }

    @Override public Subscription observe(SessionId session, Consumer<AgentMessage> handler) {
        throw new UnsupportedOperationException("the orchestrator only publishes");
    }

    @Override public void close() { }

    synchronized List<AgentMessage> published() { return List.copyOf(published); }

    synchronized List<Decision> decisions() {
        List<Decision> decisions = new ArrayList<>();
        for (AgentMessage message : published) {
            if (message.content() instanceof Decision decision) decisions.add(decision);
        }
        return decisions;
    }
}
