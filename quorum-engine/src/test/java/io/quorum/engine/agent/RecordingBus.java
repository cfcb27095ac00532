package io.quorum.engine.agent;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Numbers and keeps what agents publish, delivering nothing: for judging one agent at a time. */
final class RecordingBus implements MessageBus {
    final List<AgentMessage> published = new CopyOnWriteArrayList<>();

    @Override public synchronized AgentMessage publish(AgentMessage draft) {
        AgentMessage sequenced = draft.sequenced(published.size() + 1);
        published.add(sequenced);
        return sequenced;
    }

    @Override public Subscription subscribe(SessionId session, AgentRole role, Consumer<AgentMessage> handler) { return () -> { }; }

    @Override public Subscription observe(SessionId session, Consumer<AgentMessage> handler) { return () -> { }; }

    @Override public void close() { }
}
