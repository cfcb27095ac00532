package io.quorum.adapters.alpaca.trading;

import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.engine.money.Money;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import io.quorum.engine.port.Clock;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders at Alpaca through its Trading API v2, paper or live. Every order carries the desk's
 * client order id, and the venue holds each id once.
 *
 * <p>A submit is never sent again blindly. When its outcome is unknown (no answer in time, a dropped
 * connection, a 5xx) the order is looked up by its client order id
 * ({@code GET /v2/orders:by_client_order_id}) and placed again only if the venue never saw it; a
 * lookup that cannot be answered either leaves the order in doubt, refused to the desk as
 * {@link RejectReason#BROKER_UNAVAILABLE}, and looked up again at every poll until the venue
 * answers. A 429 is waited out and counted. A refusal (403, 422) is a {@link RejectReason}, in words.
 *
 * <p>Order events come from the {@code trade_updates} stream; while it is down, and once each
 * time it is back, the working orders are read over REST instead. Whatever the source, each
 * event reaches the listeners once ({@link OrderTracker}), on the broker's own delivery thread.
 */
public final class AlpacaBroker implements Broker, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);

    private final AlpacaTradingSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final TradingRest rest;
    private final List<Consumer<OrderEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("alpaca-order-events").daemon().factory());
    private final OrderTracker tracker = new OrderTracker(this::deliverLater);
    private final TradeUpdatesStream stream;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alpaca-order-poll").daemon().factory());
    /** Submits whose outcome no lookup could tell yet, by client order id. */
    private final Map<ClientOrderId, OrderRequest> inDoubt = new ConcurrentHashMap<>();
    private final AtomicLong unknownOutcomes = new AtomicLong();
    private final AtomicLong placedAgain = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private volatile List<BrokerPosition> lastPositions = List.of();
    private volatile Account lastAccount = new Account("", Money.ZERO, Money.ZERO, Money.ZERO);

    private AlpacaBroker(AlpacaTradingSettings settings, AlpacaKeys keys, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.rest = new TradingRest(http, settings, Objects.requireNonNull(keys, "keys"));
        this.stream = new TradeUpdatesStream(settings, keys, update -> tracker.observe(update.order(), update.execution()), () -> poller.execute(this::poll));
    }

    /** A broker on the settings' server, its stream connecting and its poller running. */
    public static AlpacaBroker start(AlpacaTradingSettings settings, AlpacaKeys keys, Clock clock) {
        AlpacaBroker broker = new AlpacaBroker(settings, keys, clock);
        broker.stream.start();
        long every = settings.pollInterval().toMillis();
        broker.poller.scheduleWithFixedDelay(broker::pollWhileTheStreamIsDown, every, every, TimeUnit.MILLISECONDS);
        return broker;
    }

    @Override public boolean isLive() { return settings.isLive(); }

    /**
     * Alpaca keeps a bracket's take-profit and stop-loss at the venue ({@code order_class: bracket})
     * unless the settings leave the stops to the desk. Its legs are reported under the desk's names
     * for them ({@link BracketLeg}), whatever the venue calls them.
     */
    @Override public boolean keepsBrackets() { return settings.venueBrackets(); }

    public AlpacaBrokerStats stats() {
        return new AlpacaBrokerStats(rest.requests(), rest.throttled(), unknownOutcomes.get(), placedAgain.get(), inDoubt.size(),
                tracker.duplicatesDropped(), stream.isListening(), stream.connections(), stream.drops(), polls.get(), stream.lastProblem());
    }

    @Override
    public Submission submit(OrderRequest request) {
        ClientOrderId id = request.clientOrderId();
        Optional<Order> known = tracker.order(id);
        if (known.isPresent()) return new Submission.Accepted(known.get());
        if (request.bracket() != null && !keepsBrackets()) {
            return refuse(request, RejectReason.INVALID_ORDER, "the desk keeps the stops here (broker.brackets: desk), so an entry goes without a bracket");
        }
        tracker.expect(id);
        String body = TradingJson.order(request);
        String why = "";
        for (int placement = 1; placement <= settings.attempts(); placement++) {
            if (placement > 1) placedAgain.incrementAndGet();
            switch (rest.post("/v2/orders", body)) {
                case TradingAnswer.Ok ok -> {
                    Optional<VenueOrder> placed = TradingJson.venueOrder(ok.json());
                    if (placed.isPresent()) return accepted(placed.get());
                    return lookedUpAfter(request, "an unreadable answer to the order");
                }
                case TradingAnswer.Refused refused when VenueRefusal.isDuplicateClientOrderId(refused) -> {
                    return lookedUpAfter(request, "the venue holds this client order id already");
                }
                case TradingAnswer.Refused refused -> {
                    return refuse(request, VenueRefusal.reason(refused), refused.message());
                }
                case TradingAnswer.NotFound notFound -> {
                    return refuse(request, RejectReason.REFUSED_BY_BROKER, notFound.message());
                }
                case TradingAnswer.Unknown unknown -> {
                    unknownOutcomes.incrementAndGet();
                    why = unknown.why();
                    Lookup lookup = lookUp(id);
                    if (lookup instanceof Lookup.Found found) return accepted(found.order());
                    if (lookup instanceof Lookup.Unanswered unanswered) return inDoubt(request, why + "; then " + unanswered.why());
                    // the venue never saw it: placing it again cannot double it
                }
            }
        }
        return new Submission.Rejected(RejectReason.BROKER_UNAVAILABLE, "no order placed after " + settings.attempts() + " attempts: " + why);
    }

    private Submission accepted(VenueOrder order) {
        inDoubt.remove(order.request().clientOrderId());
        tracker.observe(order, Optional.empty());
        return new Submission.Accepted(tracker.order(order.request().clientOrderId()).orElseThrow());
    }

    private Submission lookedUpAfter(OrderRequest request, String why) {
        return switch (lookUp(request.clientOrderId())) {
            case Lookup.Found found -> accepted(found.order());
            case Lookup.NeverSeen neverSeen -> refuse(request, RejectReason.REFUSED_BY_BROKER, why + ", yet finds no such order");
            case Lookup.Unanswered unanswered -> inDoubt(request, why + "; then " + unanswered.why());
        };
    }

    private Submission refuse(OrderRequest request, RejectReason reason, String detail) {
        tracker.refused(request, reason, detail, clock.now());
        return new Submission.Rejected(reason, detail);
    }

    private Submission inDoubt(OrderRequest request, String why) {
        inDoubt.put(request.clientOrderId(), request);
        LOG.warn("Alpaca order {} is in doubt ({}); it is looked up again at every poll", request.clientOrderId(), why);
        return new Submission.Rejected(RejectReason.BROKER_UNAVAILABLE, "the outcome is not known yet (" + why + "); the order is looked up until the venue answers");
    }

    /** What the venue says about a client order id: it holds the order, it never saw it, or it did not answer. */
    private sealed interface Lookup {
        record Found(VenueOrder order) implements Lookup {}

        record NeverSeen() implements Lookup {}

        record Unanswered(String why) implements Lookup {}
    }

    private Lookup lookUp(ClientOrderId id) {
        tracker.expect(id);
        return switch (rest.get("/v2/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8))) {
            case TradingAnswer.Ok ok -> TradingJson.venueOrder(ok.json()).<Lookup>map(Lookup.Found::new)
                    .orElse(new Lookup.Unanswered("the lookup's answer was unreadable"));
            case TradingAnswer.NotFound notFound -> new Lookup.NeverSeen();
            case TradingAnswer.Refused refused -> new Lookup.Unanswered("the lookup was refused: " + refused.message());
            case TradingAnswer.Unknown unknown -> new Lookup.Unanswered("the lookup failed: " + unknown.why());
        };
    }

    @Override
    public Optional<Order> findByClientOrderId(ClientOrderId id) {
        Optional<BracketLeg> leg = BracketLeg.named(id);
        if (leg.isPresent()) return findLeg(id, leg.get());
        return switch (lookUp(id)) {
            case Lookup.Found found -> {
                tracker.observe(found.order(), Optional.empty());
                yield tracker.order(id);
            }
            case Lookup.NeverSeen neverSeen -> Optional.empty();
            case Lookup.Unanswered unanswered -> tracker.order(id);
        };
    }

    /**
     * A bracket leg, which the venue knows by an id of its own: read again by that id once known,
     * else through its entry, read with its legs ({@code nested=true}); as last heard when the venue
     * does not answer.
     */
    private Optional<Order> findLeg(ClientOrderId id, BracketLeg leg) {
        Optional<String> venueId = tracker.order(id).map(Order::brokerOrderId)
                .or(() -> findByClientOrderId(leg.entryOf(id)).map(Order::brokerOrderId));
        if (venueId.isPresent() && rest.get("/v2/orders/" + venueId.get() + "?nested=true") instanceof TradingAnswer.Ok ok) {
            TradingJson.venueOrder(ok.json()).ifPresent(order -> tracker.observe(order, Optional.empty()));
        }
        return tracker.order(id);
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        Optional<Order> order = findByClientOrderId(id);
        if (order.isEmpty() || order.get().status().isFinal()) return false;
        if (!(rest.delete("/v2/orders/" + order.get().brokerOrderId()) instanceof TradingAnswer.Ok)) return false;
        // the stream tells of the cancel too; reading it now tells the desk even while the stream is down
        findByClientOrderId(id);
        return true;
    }

    /** The venue's positions, or the last ones read when it does not answer. */
    @Override
    public List<BrokerPosition> positions() {
        if (rest.get("/v2/positions") instanceof TradingAnswer.Ok ok) lastPositions = List.copyOf(TradingJson.positions(ok.json()));
        return lastPositions;
    }

    /** The venue's account, or the last one read when it does not answer. */
    @Override
    public Account account() {
        if (rest.get("/v2/account") instanceof TradingAnswer.Ok ok) TradingJson.account(ok.json()).ifPresent(account -> lastAccount = account);
        return lastAccount;
    }

    @Override
    public void onOrderEvent(Consumer<OrderEvent> listener) { listeners.add(Objects.requireNonNull(listener, "listener")); }

    @Override
    public void close() {
        stream.close();
        poller.shutdownNow();
        delivery.shutdown();
        http.shutdownNow();
    }

    private void deliverLater(OrderEvent event) {
        try {
            delivery.execute(() -> {
                for (Consumer<OrderEvent> listener : listeners) {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException fault) {
                        LOG.warn("a listener of Alpaca order events failed on {}", event, fault);
                    }
                }
            });
        } catch (RejectedExecutionException closed) {
            LOG.debug("Alpaca broker closed; {} not delivered", event);
        }
    }

    private void pollWhileTheStreamIsDown() {
        if (!stream.isListening() || !inDoubt.isEmpty()) poll();
    }

    /** Reads every working order and every order in doubt again; what changed is reported as if streamed. */
    private void poll() {
        polls.incrementAndGet();
        try {
            for (OrderRequest doubtful : List.copyOf(inDoubt.values())) {
                switch (lookUp(doubtful.clientOrderId())) {
                    case Lookup.Found found -> accepted(found.order());
                    case Lookup.NeverSeen neverSeen -> inDoubt.remove(doubtful.clientOrderId());
                    case Lookup.Unanswered unanswered -> { }
                }
            }
            for (String brokerOrderId : tracker.working()) {
                if (rest.get("/v2/orders/" + brokerOrderId + "?nested=true") instanceof TradingAnswer.Ok ok) {
                    TradingJson.venueOrder(ok.json()).ifPresent(order -> tracker.observe(order, Optional.empty()));
                }
            }
        } catch (RuntimeException fault) {
            LOG.warn("a poll of the Alpaca orders failed; the next one tries again", fault);
        }
    }
}
