package io.quorum.engine.backtest.desk;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The desk's conversation in a replay. Publishing checks the draft with the session's guard, gives
 * it the session's next {@code seq}, journals it and queues it; {@link #deliverAll} hands the
 * queued messages to their subscribers in publish order on the caller's thread, and whatever the
 * handlers publish meanwhile is queued behind and delivered in the same call. There are no
 * mailbox threads: a decision round runs to its end before the replay goes on, the same way on
 * every run, where the live bus would hand each message to a worker.
 */
final class ReplayBus implements MessageBus {
    private final Consumer<AgentMessage> journal;
    private final Map<SessionId, Consumer<AgentMessage>> guards = new HashMap<>();
    private final Map<SessionId, Long> lastSeqs = new HashMap<>();
    /** Each session's subscribers, so that a message is offered to its own session's only, whatever the number of tickers. */
    private final Map<SessionId, List<Delivery>> deliveries = new HashMap<>();
    private final Deque<AgentMessage> queued = new ArrayDeque<>();

    /** @param journal told each message once it is sequenced, before anyone hears it */
    ReplayBus(Consumer<AgentMessage> journal) { this.journal = journal; }

    /** {@code guard} checks each draft of the session before it is sequenced; it throws to refuse one. */
    void guard(SessionId session, Consumer<AgentMessage> guard) { guards.put(session, guard); }

    @Override public AgentMessage publish(AgentMessage draft) {
        if (draft.isSequenced()) throw new IllegalArgumentException("draft: already carries seq " + draft.seq() + "; publish a draft");
        Consumer<AgentMessage> guard = guards.get(draft.sessionId());
        if (guard != null) guard.accept(draft);
        long seq = lastSeqs.merge(draft.sessionId(), 1L, Long::sum);
        AgentMessage message = draft.sequenced(seq);
        journal.accept(message);
        queued.addLast(message);
        return message;
    }

    /** Delivers every queued message, and every message published while doing so, in publish order. */
    void deliverAll() {
        AgentMessage message;
        while ((message = queued.pollFirst()) != null) {
            List<Delivery> subscribers = deliveries.getOrDefault(message.sessionId(), List.of());
            // By index: a handler may subscribe or unsubscribe, and the list is then read as it is now.
            for (int i = 0; i < subscribers.size(); i++) {
                Delivery delivery = subscribers.get(i);
                if (delivery.wants(message)) delivery.handler.accept(message);
            }
        }
    }

    @Override public Subscription subscribe(SessionId session, AgentRole role, Consumer<AgentMessage> handler) {
        return add(new Delivery(session, role, handler));
    }

    @Override public Subscription observe(SessionId session, Consumer<AgentMessage> handler) { return add(new Delivery(session, null, handler)); }

    private Subscription add(Delivery delivery) {
        List<Delivery> subscribers = deliveries.computeIfAbsent(delivery.session(), session -> new ArrayList<>());
        subscribers.add(delivery);
        return () -> subscribers.remove(delivery);
    }

    @Override public void close() {
        deliveries.clear();
        queued.clear();
    }

    /** One subscriber: a role's messages of a session, or (no role) all of them. */
    private record Delivery(SessionId session, AgentRole role, Consumer<AgentMessage> handler) {
        boolean wants(AgentMessage message) { return role == null || message.isFor(role); }
    }
}
