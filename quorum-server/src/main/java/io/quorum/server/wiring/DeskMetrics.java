package io.quorum.server.wiring;

import io.quorum.adapters.alpaca.trading.AlpacaBroker;
import io.quorum.adapters.notify.DeliveryStats;
import io.quorum.adapters.notify.Notifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskListener;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.store.ObservableJournal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The desk's own meters, read off the journal's tail and the bus: how far the journal's tail runs
 * behind the bus (a message's delivery to an observer, to the tail's listener hearing it), decision
 * latency (proposal to decision), decisions by outcome, orders, fills, rejections by reason, and
 * each session's P&L; and the language model's calls, fallbacks, errors (timeouts and failures),
 * tokens and dollars by role and model. The tail's listener runs on a thread of its own, never
 * inside a publish. Dollars are a meter's double here; the journal keeps them exact.
 */
public final class DeskMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final Desk desk;
    private final Timer tailLag;
    private final Timer decisionLatency;
    private final Counter orders;
    private final Counter fills;
    /** When a message was delivered to the observer, or heard on the tail, whichever came first; the other side removes it. */
    private final Map<UUID, Long> deliveredAt = new ConcurrentHashMap<>();
    private final Map<UUID, Long> heardAt = new ConcurrentHashMap<>();
    private final Map<String, Long> proposedAt = new ConcurrentHashMap<>();
    private final AutoCloseable following;

    public DeskMetrics(MeterRegistry registry, Desk desk, ObservableJournal journal) {
        this.registry = registry;
        this.desk = desk;
        this.tailLag = Timer.builder("quorum.journal.tail.lag").description("From a message's delivery to a bus observer to its journal entry reaching the tail's listeners (0 when the tail is first)")
                .publishPercentiles(0.5, 0.99, 0.999).publishPercentileHistogram().register(registry);
        this.decisionLatency = Timer.builder("quorum.decision.latency").description("From a proposal to its decision, in wall time")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.orders = Counter.builder("quorum.orders").description("Orders accepted by the broker").register(registry);
        this.fills = Counter.builder("quorum.fills").description("Fills received from the broker").register(registry);
        if (desk.ports().broker() instanceof AlpacaBroker alpaca) venueGauges(alpaca);
        this.following = journal.followAll(this::onEntry);
        for (DeskSession session : desk.sessions()) follow(session);
        desk.addListener(new DeskListener() {
            @Override public void sessionOpened(DeskSession session) { follow(session); }
        });
    }

    /** What the venue's broker went through: 429s waited out, submits whose outcome a lookup had to settle, orders still in doubt, the stream. */
    private void venueGauges(AlpacaBroker alpaca) {
        Gauge.builder("quorum.broker.throttled", alpaca, venue -> venue.stats().throttled()).description("Requests the broker answered 429, each waited out").register(registry);
        Gauge.builder("quorum.broker.unknown.outcomes", alpaca, venue -> venue.stats().unknownOutcomes())
                .description("Submits without an answer that told what happened, each settled by a lookup by client order id").register(registry);
        Gauge.builder("quorum.broker.in.doubt", alpaca, venue -> venue.stats().inDoubt()).description("Submits whose outcome no lookup could settle yet").register(registry);
        Gauge.builder("quorum.broker.stream.up", alpaca, venue -> venue.stats().streamListening() ? 1 : 0)
                .description("1 while the broker's order stream is up, 0 while orders are polled").register(registry);
    }

    /** Each notification channel's notices by outcome: delivered, retried, failed (given up), dropped (the queue was full). */
    public void watch(Notifier notifier) {
        for (String channel : notifier.statsByChannel().keySet()) {
            notificationGauge(notifier, channel, "delivered", DeliveryStats::delivered);
            notificationGauge(notifier, channel, "retried", DeliveryStats::retried);
            notificationGauge(notifier, channel, "failed", DeliveryStats::failed);
            notificationGauge(notifier, channel, "dropped", DeliveryStats::dropped);
        }
    }

    private void notificationGauge(Notifier notifier, String channel, String outcome, ToLongFunction<DeliveryStats> count) {
        Gauge.builder("quorum.notifications", notifier, n -> count.applyAsLong(n.statsByChannel().get(channel)))
                .description("Notices of a notification channel by outcome").tag("channel", channel).tag("outcome", outcome).register(registry);
    }

    private void follow(DeskSession session) {
        SessionId id = session.id();
        desk.bus().observe(id, this::delivered);
        Gauge.builder("quorum.pnl.total", desk, d -> d.pnl(id).total().toBigDecimal().doubleValue())
                .description("Total P&L of the session in dollars").tag("session", id.value()).tag("ticker", session.ticker().symbol()).register(registry);
        Gauge.builder("quorum.pnl.daily", desk, d -> d.pnl(id).daily().toBigDecimal().doubleValue())
                .description("Today's P&L of the session in dollars").tag("session", id.value()).tag("ticker", session.ticker().symbol()).register(registry);
    }

    private void onEntry(JournalEntry entry) {
        switch (entry.event()) {
            case JournalEvent.MessageJournaled journaled -> {
                AgentMessage message = journaled.message();
                Long delivered = deliveredAt.remove(message.id());
                // read after the delivery's time is taken: a delivery noted meanwhile on another thread would read as a negative lag
                long now = System.nanoTime();
                if (delivered != null) tailLag.record(Duration.ofNanos(now - delivered));
                else heardAt.put(message.id(), now);
                if (message.content() instanceof Proposal proposal) proposedAt.put(proposal.id().toString(), System.nanoTime());
                if (message.content() instanceof Decision decision) {
                    registry.counter("quorum.decisions", "outcome", decision.outcome().name()).increment();
                    Long proposed = proposedAt.remove(decision.proposalId().toString());
                    if (proposed != null) decisionLatency.record(Duration.ofNanos(System.nanoTime() - proposed));
                }
            }
            case JournalEvent.OrderPlaced placed -> orders.increment();
            case JournalEvent.OrderFilled filled -> fills.increment();
            case JournalEvent.OrderRejected rejected -> registry.counter("quorum.rejections", "reason", rejected.reason().name()).increment();
            case JournalEvent.ReasonerCalled called -> countCall(called);
            default -> { }
        }
    }

    private void countCall(JournalEvent.ReasonerCalled call) {
        String role = call.role().name();
        String model = call.model();
        registry.counter("quorum.reasoner.calls", "role", role, "model", model, "outcome", call.outcome().name()).increment();
        if (call.outcome().isFallback()) registry.counter("quorum.reasoner.fallbacks", "role", role, "model", model, "outcome", call.outcome().name()).increment();
        if (call.outcome() == JournalEvent.ReasonerCalled.Outcome.TIMED_OUT || call.outcome() == JournalEvent.ReasonerCalled.Outcome.UNAVAILABLE) {
            registry.counter("quorum.reasoner.errors", "role", role, "model", model).increment();
        }
        registry.counter("quorum.reasoner.tokens", "role", role, "model", model, "direction", "in").increment(call.tokensIn());
        registry.counter("quorum.reasoner.tokens", "role", role, "model", model, "direction", "out").increment(call.tokensOut());
        registry.counter("quorum.reasoner.cost.dollars", "role", role, "model", model).increment(call.cost().doubleValue());
    }

    private void delivered(AgentMessage message) {
        long now = System.nanoTime();
        if (heardAt.remove(message.id()) != null) tailLag.record(Duration.ZERO);
        else deliveredAt.put(message.id(), now);
    }

    @Override public void close() {
        try {
            following.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
