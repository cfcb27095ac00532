package io.quorum.adapters.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.adapters.alpaca.AlpacaServer;
import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.order.TimeInForce;
import io.quorum.engine.time.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking Alpaca's Trading API v2 as documented, on a free port of the loopback
 * interface: {@code POST /v2/orders} (a client order id held once: a second one is answered 422),
 * {@code GET /v2/orders/{id}}, {@code GET /v2/orders:by_client_order_id}, {@code GET /v2/orders},
 * {@code DELETE /v2/orders/{id}}, {@code GET /v2/positions}, {@code GET /v2/account}, and the
 * {@code trade_updates} stream on {@code /stream}, in binary frames as the paper server sends them.
 *
 * <p>Its venue is a {@link PaperBroker} on a clock of the test's: it fills against the quotes the
 * test shows it, commission-free as Alpaca is. The test can script what goes wrong: a submit that
 * is carried out and then answered late, not at all (the connection dropped), or with a 5xx; a
 * 5xx or a 429 before anything is placed; a refusal in the venue's words; and a stream that sends
 * its fills twice, out of order, or not at all.
 */
public final class AlpacaTradingServer implements AutoCloseable {
    public static final String ACCOUNT_NUMBER = "PA3QUORUMTEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the next submit meets. */
    public sealed interface Fault {
        /** Places the order, then answers only after {@code delay}: later than the client waits. */
        record AcceptThenAnswerLate(Duration delay) implements Fault {}

        /** Places the order, then drops the connection before the answer is whole. */
        record AcceptThenDropTheConnection() implements Fault {}

        /** Places the order, then answers {@code status}. */
        record AcceptThenFail(int status) implements Fault {}

        /** Answers {@code status} without placing anything: a 5xx, or a 429 ({@code Retry-After: 0}). */
        record FailBeforePlacing(int status) implements Fault {}

        /** Refuses the order in the venue's words, with {@code status} 403 or 422. */
        record Refuse(int status, long code, String message) implements Fault {}
    }

    /** How the stream delivers the fills of orders. */
    public enum FillDelivery { ONCE, TWICE, REVERSED, NOT_AT_ALL }

    private final ManualClock clock;
    private final PaperBroker venue;
    private final Javalin app;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<ClientOrderId, String> orderIds = new ConcurrentHashMap<>();
    /** Each order as it was asked for, with its time in force and bracket, which the venue does not simulate. */
    private final Map<ClientOrderId, OrderRequest> asked = new ConcurrentHashMap<>();
    private final Map<String, ClientOrderId> byOrderId = new ConcurrentHashMap<>();
    /** The client order ids the venue gave the legs of brackets, which it names itself, and the legs they stand for. */
    private final Map<String, ClientOrderId> legsByClientOrderId = new ConcurrentHashMap<>();
    /** Each order's fills so far, for the average price a message carries; guarded by this. */
    private final Map<ClientOrderId, List<Fill>> fills = new ConcurrentHashMap<>();
    private final Map<String, WsContext> listening = new ConcurrentHashMap<>();
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final Deque<String> heldFills = new ArrayDeque<>();
    private final AtomicInteger streamConnections = new AtomicInteger();
    private volatile FillDelivery fillDelivery = FillDelivery.ONCE;
    private volatile boolean refuseStream;

    /** A venue with {@code cash}, filling at most {@code maxFillQuantity} shares of an order per quote, on {@code clock}. */
    public AlpacaTradingServer(ManualClock clock, Money cash, long maxFillQuantity) {
        this.clock = clock;
        this.venue = PaperBroker.inMemory(clock, ExchangeCalendar.NYSE, PaperBrokerConfig.frictionless(cash).withMaxFillQuantity(maxFillQuantity).withBrackets());
        venue.onOrderEvent(this::stream);
        app = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.startup.showJavalinBanner = false;
            config.routes.post("/v2/orders", this::placeOrder);
            config.routes.get("/v2/orders", this::openOrders);
            config.routes.get("/v2/orders:by_client_order_id", this::orderByClientOrderId);
            config.routes.get("/v2/orders/{id}", this::orderById);
            config.routes.delete("/v2/orders/{id}", this::cancelOrder);
            config.routes.get("/v2/positions", this::positions);
            config.routes.get("/v2/account", this::account);
            config.routes.ws("/stream", this::socket);
        });
        app.start();
    }

    /** Settings that reach this server, patient for a second per request, with backoffs of milliseconds. */
    public AlpacaTradingSettings settings() {
        return AlpacaTradingSettings.of(false).withServer(URI.create("http://127.0.0.1:" + app.port()))
                .withTimeout(Duration.ofSeconds(1)).withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).withPollInterval(Duration.ofMillis(50));
    }

    public static AlpacaKeys keys() {
        return AlpacaKeys.fromEnvironment(Map.of(AlpacaKeys.KEY_ID_VARIABLE, AlpacaServer.KEY_ID, AlpacaKeys.SECRET_KEY_VARIABLE, AlpacaServer.SECRET_KEY),
                AlpacaKeys.KEY_ID_VARIABLE, AlpacaKeys.SECRET_KEY_VARIABLE).orElseThrow();
    }

    /** Shows the venue a quote; the last trade is the mid. */
    public void quote(Ticker ticker, Price bid, Price ask) {
        venue.onTick(new Tick(ticker, clock.millis(), (bid.micros() + ask.micros()) / 2, bid.micros(), ask.micros(), 100));
    }

    /** The next submits meet these faults, one each, in order. */
    public void script(Fault... next) {
        synchronized (faults) {
            faults.addAll(List.of(next));
        }
    }

    public void deliverFills(FillDelivery delivery) { fillDelivery = delivery; }

    /** Sends the fills held back by {@link FillDelivery#REVERSED}, the latest first. */
    public void releaseHeldFills() {
        List<String> held;
        synchronized (heldFills) {
            held = new ArrayList<>(heldFills);
            heldFills.clear();
        }
        for (String message : held.reversed()) broadcast(message);
    }

    /** While true, the stream refuses every connection's keys; the sockets open now are closed. */
    public void refuseStream(boolean refuse) {
        refuseStream = refuse;
        if (refuse) for (WsContext socket : listening.values()) socket.closeSession(1011, "going away");
    }

    public boolean streamListening() { return !listening.isEmpty(); }

    public int streamConnections() { return streamConnections.get(); }

    /** The bodies of every {@code POST /v2/orders} received, refused or not. */
    public List<String> posts() { return posts; }

    /** Every order the venue took, as it now stands. */
    public List<Order> venueOrders() {
        List<Order> orders = new ArrayList<>();
        for (ClientOrderId id : orderIds.keySet()) venue.findByClientOrderId(id).ifPresent(orders::add);
        return orders;
    }

    /** How many orders the venue holds under {@code id}: never more than one. */
    public long ordersPlaced(ClientOrderId id) { return venue.findByClientOrderId(id).isPresent() ? 1 : 0; }

    public List<BrokerPosition> venuePositions() { return venue.positions(); }

    /** Places an order at the venue directly, as the account's owner would in Alpaca's own dashboard. */
    public Submission placeAtTheVenue(OrderRequest request) { return venue.submit(request); }

    public Account venueAccount() { return venue.account(); }

    @Override public void close() { app.stop(); }

    // --- REST -------------------------------------------------------------------------------

    private boolean signed(Context ctx) {
        if (AlpacaServer.KEY_ID.equals(ctx.header("APCA-API-KEY-ID")) && AlpacaServer.SECRET_KEY.equals(ctx.header("APCA-API-SECRET-KEY"))) return true;
        error(ctx, 403, 40310000, "forbidden");
        return false;
    }

    private void placeOrder(Context ctx) throws IOException {
        if (!signed(ctx)) return;
        posts.add(ctx.body());
        Fault fault;
        synchronized (faults) {
            fault = faults.pollFirst();
        }
        switch (fault) {
            case Fault.FailBeforePlacing failing -> {
                if (failing.status() == 429) ctx.header("Retry-After", "0");
                error(ctx, failing.status(), failing.status() * 100_000L, failing.status() == 429 ? "rate limit exceeded" : "internal server error");
                return;
            }
            case Fault.Refuse refusal -> {
                error(ctx, refusal.status(), refusal.code(), refusal.message());
                return;
            }
            case null, default -> { }
        }
        Optional<OrderRequest> request = request(JSON.readTree(ctx.body()));
        if (request.isEmpty()) {
            error(ctx, 422, 40010001, "invalid order request");
            return;
        }
        if (venue.findByClientOrderId(request.get().clientOrderId()).isPresent()) {
            error(ctx, 422, 40010001, "client_order_id must be unique");
            return;
        }
        asked.put(request.get().clientOrderId(), request.get());
        Submission submission = venue.submit(forTheVenue(request.get()));
        switch (submission) {
            case Submission.Rejected rejected -> refusal(ctx, rejected.reason());
            case Submission.Accepted accepted -> answerPlaced(ctx, fault, withLegs(accepted.order()).toString());
        }
    }

    private void answerPlaced(Context ctx, Fault fault, String order) throws IOException {
        switch (fault) {
            case Fault.AcceptThenAnswerLate late -> {
                pause(late.delay());
                ctx.status(200).contentType("application/json").result(order);
            }
            case Fault.AcceptThenFail failing -> error(ctx, failing.status(), 50010000, "internal server error");
            case Fault.AcceptThenDropTheConnection dropped -> {
                // a promise of more bytes than are ever sent: the client sees the connection end mid-answer
                ctx.res().setContentLength(order.length() + 100);
                OutputStream out = ctx.res().getOutputStream();
                out.write(order.substring(0, order.length() / 2).getBytes(StandardCharsets.UTF_8));
                out.flush();
                throw new IOException("connection dropped on purpose");
            }
            case null, default -> ctx.status(200).contentType("application/json").result(order);
        }
    }

    /** The venue's words for the paper venue's refusals. */
    private static void refusal(Context ctx, RejectReason reason) {
        switch (reason) {
            case INSUFFICIENT_BUYING_POWER -> error(ctx, 403, 40310000, "insufficient buying power");
            case OUTSIDE_TRADING_HOURS -> error(ctx, 403, 40310000, "market is closed");
            default -> error(ctx, 422, 40010001, reason.sentence());
        }
    }

    private void openOrders(Context ctx) {
        if (!signed(ctx)) return;
        ArrayNode list = JSON.createArrayNode();
        for (ClientOrderId id : orderIds.keySet()) {
            venue.findByClientOrderId(id).filter(order -> !order.status().isFinal()).ifPresent(order -> list.add(nested(ctx) ? withLegs(order) : orderJson(order)));
        }
        ctx.contentType("application/json").result(list.toString());
    }

    private void orderByClientOrderId(Context ctx) {
        if (!signed(ctx)) return;
        String id = ctx.queryParam("client_order_id");
        // a leg goes by the id the venue gave it; the desk's name for it means nothing here
        ClientOrderId named = id == null ? null : legsByClientOrderId.getOrDefault(id, ClientOrderId.of(id));
        Optional<Order> order = named == null || (BracketLeg.named(named).isPresent() && !legsByClientOrderId.containsKey(id))
                ? Optional.empty() : venue.findByClientOrderId(named);
        if (order.isEmpty()) error(ctx, 404, 40410000, "order not found");
        else ctx.contentType("application/json").result(orderJson(order.get()).toString());
    }

    private void orderById(Context ctx) {
        if (!signed(ctx)) return;
        ClientOrderId id = byOrderId.get(ctx.pathParam("id"));
        Optional<Order> order = id == null ? Optional.empty() : venue.findByClientOrderId(id);
        if (order.isEmpty()) error(ctx, 404, 40410000, "order not found");
        else ctx.contentType("application/json").result((nested(ctx) ? withLegs(order.get()) : orderJson(order.get())).toString());
    }

    /** Whether the request asks for a bracket's legs under its entry ({@code nested=true}); without it they are left out, as Alpaca leaves them. */
    private static boolean nested(Context ctx) { return "true".equals(ctx.queryParam("nested")); }

    private void cancelOrder(Context ctx) {
        if (!signed(ctx)) return;
        ClientOrderId id = byOrderId.get(ctx.pathParam("id"));
        if (id == null) {
            error(ctx, 404, 40410000, "order not found");
            return;
        }
        if (venue.cancel(id)) ctx.status(204);
        else error(ctx, 422, 42210000, "order is already in \"" + venue.findByClientOrderId(id).map(order -> wireStatus(order.status())).orElse("held") + "\" state");
    }

    private void positions(Context ctx) {
        if (!signed(ctx)) return;
        ArrayNode list = JSON.createArrayNode();
        for (BrokerPosition position : venue.positions()) {
            long shares = Math.abs(position.quantity());
            list.add(JSON.createObjectNode()
                    .put("asset_id", UUID.nameUUIDFromBytes(position.ticker().symbol().getBytes(StandardCharsets.UTF_8)).toString())
                    .put("symbol", position.ticker().symbol()).put("exchange", "NASDAQ").put("asset_class", "us_equity")
                    .put("qty", Long.toString(position.quantity())).put("side", position.quantity() < 0 ? "short" : "long")
                    .put("avg_entry_price", money(position.costBasis().toBigDecimal().divide(BigDecimal.valueOf(shares), 10, RoundingMode.HALF_EVEN)))
                    .put("cost_basis", money(position.costBasis().toBigDecimal())));
        }
        ctx.contentType("application/json").result(list.toString());
    }

    private void account(Context ctx) {
        if (!signed(ctx)) return;
        Account account = venue.account();
        ctx.contentType("application/json").result(JSON.createObjectNode()
                .put("id", "e6fe16f3-64a4-4921-8928-cadf02f92f98").put("account_number", ACCOUNT_NUMBER).put("status", "ACTIVE").put("currency", "USD")
                .put("cash", money(account.cash().toBigDecimal())).put("buying_power", money(account.buyingPower().toBigDecimal()))
                .put("equity", money(account.equity().toBigDecimal())).put("pattern_day_trader", false)
                .put("trading_blocked", false).put("shorting_enabled", true).toString());
    }

    private static void error(Context ctx, int status, long code, String message) {
        ctx.status(status).contentType("application/json").result(JSON.createObjectNode().put("code", code).put("message", message).toString());
    }

    private static Optional<OrderRequest> request(JsonNode order) {
        try {
            OrderType type = OrderType.valueOf(order.path("type").asText().toUpperCase(Locale.ROOT));
            Bracket bracket = order.path("order_class").asText().equals("bracket")
                    ? new Bracket(Price.parse(order.path("take_profit").path("limit_price").asText()), Price.parse(order.path("stop_loss").path("stop_price").asText()))
                    : null;
            return Optional.of(new OrderRequest(ClientOrderId.of(order.path("client_order_id").asText()), Ticker.of(order.path("symbol").asText()),
                    Side.valueOf(order.path("side").asText().toUpperCase(Locale.ROOT)), Long.parseLong(order.path("qty").asText()), type,
                    type.hasLimitPrice() ? Price.parse(order.path("limit_price").asText()) : null,
                    type.hasStopPrice() ? Price.parse(order.path("stop_price").asText()) : null,
                    TimeInForce.valueOf(order.path("time_in_force").asText().toUpperCase(Locale.ROOT)), bracket));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The order as the paper venue can fill it: a day order, with its bracket. (A good-till-cancelled
     * order still expires at the venue's close here.)
     */
    private static OrderRequest forTheVenue(OrderRequest request) {
        return new OrderRequest(request.clientOrderId(), request.ticker(), request.side(), request.quantity(), request.type(),
                request.limitPrice(), request.stopPrice(), TimeInForce.DAY, request.bracket());
    }

    // --- the order as the venue writes it -----------------------------------------------------

    private String orderId(ClientOrderId order) {
        return orderIds.computeIfAbsent(order, id -> {
            String uuid = UUID.nameUUIDFromBytes(("order " + id.value()).getBytes(StandardCharsets.UTF_8)).toString();
            byOrderId.put(uuid, id);
            return uuid;
        });
    }

    /** The client order id the venue gives a leg: one of its own, as Alpaca does. */
    private String legClientOrderId(ClientOrderId leg) {
        String uuid = UUID.nameUUIDFromBytes(("leg " + leg.value()).getBytes(StandardCharsets.UTF_8)).toString();
        legsByClientOrderId.putIfAbsent(uuid, leg);
        return uuid;
    }

    private ObjectNode orderJson(Order order) { return orderJson(order, order.status(), order.fills()); }

    /** The order with its legs, when it is a bracketed entry: each an order of its own, held until the entry fills, as Alpaca shows them. */
    private ObjectNode withLegs(Order order) {
        ObjectNode json = orderJson(order);
        OrderRequest request = asked.getOrDefault(order.clientOrderId(), order.request());
        if (request.bracket() == null) return json;
        ArrayNode legs = json.putArray("legs");
        for (BracketLeg kind : BracketLeg.values()) {
            Optional<Order> resting = venue.findByClientOrderId(kind.of(request.clientOrderId()));
            legs.add(resting.isPresent() ? orderJson(resting.get())
                    : orderJson(new Order("held", kind.order(request, request.quantity()), OrderStatus.ACCEPTED, List.of(), ""), OrderStatus.ACCEPTED, List.of())
                            .put("status", "held"));
        }
        return json;
    }

    /** The order as it stood with {@code status} and {@code filled}, as every answer and every trade update carries it. */
    private ObjectNode orderJson(Order order, OrderStatus status, List<Fill> filled) {
        OrderRequest request = asked.getOrDefault(order.clientOrderId(), order.request());
        long shares = 0;
        BigDecimal notional = BigDecimal.ZERO;
        for (Fill fill : filled) {
            shares += fill.quantity();
            notional = notional.add(fill.price().toBigDecimal().multiply(BigDecimal.valueOf(fill.quantity())));
        }
        boolean leg = BracketLeg.named(request.clientOrderId()).isPresent();
        ObjectNode json = JSON.createObjectNode()
                .put("id", orderId(request.clientOrderId()))
                .put("client_order_id", leg ? legClientOrderId(request.clientOrderId()) : request.clientOrderId().value())
                .put("created_at", clock.now().toString()).put("updated_at", clock.now().toString()).put("submitted_at", clock.now().toString())
                .put("asset_class", "us_equity").put("symbol", request.ticker().symbol())
                .put("qty", Long.toString(request.quantity())).put("filled_qty", Long.toString(shares))
                .put("order_class", request.bracket() == null ? "" : "bracket").put("order_type", request.type().name().toLowerCase(Locale.ROOT))
                .put("type", request.type().name().toLowerCase(Locale.ROOT)).put("side", request.side().name().toLowerCase(Locale.ROOT))
                .put("time_in_force", request.timeInForce().name().toLowerCase(Locale.ROOT)).put("status", wireStatus(status)).put("extended_hours", false);
        json.putNull("legs");
        if (shares > 0) json.put("filled_avg_price", money(notional.divide(BigDecimal.valueOf(shares), 10, RoundingMode.HALF_EVEN)));
        else json.putNull("filled_avg_price");
        if (request.limitPrice() != null) json.put("limit_price", request.limitPrice().toBigDecimal().toPlainString());
        else json.putNull("limit_price");
        if (request.stopPrice() != null) json.put("stop_price", request.stopPrice().toBigDecimal().toPlainString());
        else json.putNull("stop_price");
        return json;
    }

    private static String wireStatus(OrderStatus status) {
        return switch (status) {
            case ACCEPTED -> "new";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELLED -> "canceled";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
        };
    }

    private static String money(BigDecimal amount) { return amount.stripTrailingZeros().toPlainString(); }

    // --- the trade_updates stream --------------------------------------------------------------

    private void socket(WsConfig ws) {
        ws.onConnect(ctx -> streamConnections.incrementAndGet());
        ws.onMessage(ctx -> {
            JsonNode message = JSON.readTree(ctx.message());
            switch (message.path("action").asText()) {
                case "auth" -> {
                    boolean known = AlpacaServer.KEY_ID.equals(message.path("key").asText()) && AlpacaServer.SECRET_KEY.equals(message.path("secret").asText());
                    boolean authorized = known && !refuseStream;
                    send(ctx, "{\"stream\":\"authorization\",\"data\":{\"action\":\"authenticate\",\"status\":\"" + (authorized ? "authorized" : "unauthorized") + "\"}}");
                    if (!authorized) ctx.closeSession(1008, "unauthorized");
                    else ctx.attribute("authorized", true);
                }
                case "listen" -> {
                    if (ctx.attribute("authorized") == null) {
                        ctx.closeSession(1008, "unauthorized");
                        return;
                    }
                    listening.put(ctx.sessionId(), ctx);
                    send(ctx, "{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}");
                }
                default -> { }
            }
        });
        ws.onClose(ctx -> listening.remove(ctx.sessionId()));
        ws.onError(ctx -> listening.remove(ctx.sessionId()));
    }

    private static void send(WsContext ctx, String message) { ctx.send(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8))); }

    /** Tells the listeners of the venue's event, as Alpaca's trade update of the same name. */
    private synchronized void stream(OrderEvent event) {
        Order order = venue.findByClientOrderId(event.clientOrderId()).orElse(null);
        if (order == null) return; // refused when sent: the venue answered the request, and streams nothing
        List<Fill> before = fills.computeIfAbsent(event.clientOrderId(), id -> new ArrayList<>());
        ObjectNode data = JSON.createObjectNode();
        switch (event) {
            case OrderEvent.Accepted accepted -> data.put("event", "new").set("order", orderJson(order, OrderStatus.ACCEPTED, before));
            case OrderEvent.PartiallyFilled part -> fill(data, "partial_fill", order, OrderStatus.PARTIALLY_FILLED, before, part.fill());
            case OrderEvent.Filled last -> fill(data, "fill", order, OrderStatus.FILLED, before, last.fill());
            case OrderEvent.Cancelled cancelled -> data.put("event", "canceled").set("order", orderJson(order, OrderStatus.CANCELLED, before));
            case OrderEvent.Expired expired -> data.put("event", "expired").set("order", orderJson(order, OrderStatus.EXPIRED, before));
            case OrderEvent.Rejected rejected -> data.put("event", "rejected").set("order", orderJson(order, OrderStatus.REJECTED, before));
        }
        data.put("timestamp", event.time().toString());
        String message = JSON.createObjectNode().put("stream", "trade_updates").set("data", data).toString();
        boolean isFill = event instanceof OrderEvent.PartiallyFilled || event instanceof OrderEvent.Filled;
        if (!isFill) {
            broadcast(message);
            return;
        }
        switch (fillDelivery) {
            case ONCE -> broadcast(message);
            case TWICE -> {
                broadcast(message);
                broadcast(message);
            }
            case REVERSED -> {
                synchronized (heldFills) {
                    heldFills.add(message);
                }
            }
            case NOT_AT_ALL -> { }
        }
    }

    private void fill(ObjectNode data, String name, Order order, OrderStatus status, List<Fill> before, Fill fill) {
        before.add(fill);
        long position = venue.positions().stream().filter(held -> held.ticker().equals(fill.ticker())).mapToLong(BrokerPosition::quantity).sum();
        data.put("event", name).put("execution_id", UUID.nameUUIDFromBytes(fill.fillId().getBytes(StandardCharsets.UTF_8)).toString())
                .put("price", fill.price().toBigDecimal().toPlainString()).put("qty", Long.toString(fill.quantity()))
                .put("position_qty", Long.toString(position))
                .set("order", orderJson(order, status, before));
    }

    private void broadcast(String message) {
        for (WsContext socket : listening.values()) send(socket, message);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
