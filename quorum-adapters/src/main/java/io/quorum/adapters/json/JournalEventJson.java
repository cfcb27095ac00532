package io.quorum.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.ConfigChanged;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.OrderFilled;
import io.quorum.engine.journal.JournalEvent.OrderIntended;
import io.quorum.engine.journal.JournalEvent.OrderPlaced;
import io.quorum.engine.journal.JournalEvent.OrderRejected;
import io.quorum.engine.journal.JournalEvent.PositionChanged;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent.SessionOpened;
import io.quorum.engine.journal.JournalEvent.StateChanged;
import io.quorum.engine.journal.JournalEvent.TradingStateChanged;
import io.quorum.engine.journal.JournalEvent.Transition;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.journal.JournalEvent.VoteSeen;
import io.quorum.engine.journal.JournalEvent.WatchlistChanged;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.TimeInForce;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a journal stores an event: the {@link JournalEvent.Kind} name beside a JSON object of the
 * event's fields. The text is deterministic (same event, same bytes), because the journal's hash
 * chain covers it. Decoding is as strict as {@link MessageJson}.
 */
public final class JournalEventJson {
    private JournalEventJson() {}

    /** The event's fields as compact, deterministic JSON text (its kind is stored beside it). */
    public static String encode(JournalEvent event) {
        return QuorumJson.write(toTree(event));
    }

    /** The event of {@code kind} stored as {@code json}. */
    public static JournalEvent decode(String kind, String json) {
        JournalEvent.Kind parsedKind;
        try {
            parsedKind = JournalEvent.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessageException("type", "unknown journal event type \"" + kind + "\"");
        }
        return fromTree(parsedKind, QuorumJson.readTree(json));
    }

    public static ObjectNode toTree(JournalEvent event) {
        ObjectNode node = Wire.object();
        switch (event) {
            case SessionOpened o -> node.put("ticker", o.ticker().symbol());
            case WatchlistChanged w -> {
                ArrayNode tickers = node.putArray("tickers");
                for (Ticker ticker : w.tickers()) tickers.add(ticker.symbol());
            }
            case MessageJournaled m -> node.set("message", MessageJson.toTree(m.message()));
            case OrderIntended o -> {
                node.set("request", request(o.request()));
                node.put("proposalId", Wire.text(o.proposalId()));
                node.put("reason", o.reason());
            }
            case OrderPlaced o -> node.set("order", order(o.order()));
            case OrderFilled f -> node.set("fill", fill(f.fill()));
            case OrderRejected r -> {
                node.put("clientOrderId", r.clientOrderId().value());
                node.put("reason", r.reason().name());
                node.put("detail", r.detail());
            }
            case PositionChanged p -> {
                node.put("ticker", p.ticker().symbol());
                node.put("quantity", p.quantity());
                node.put("averagePrice", Wire.price(p.averagePrice()));
                node.put("stop", Wire.price(p.stop()));
                node.put("target", Wire.price(p.target()));
                node.put("trailingStopPct", Wire.decimal(p.trailingStopPct()));
                node.put("waterMark", Wire.price(p.waterMark()));
            }
            case ConfigChanged c -> {
                ObjectNode fields = node.putObject("fields");
                c.sortedFields().forEach(fields::put);
            }
            case Transition t -> {
                node.put("from", t.from());
                node.put("to", t.to());
                node.put("reason", t.reason());
            }
            case UserAction u -> {
                node.put("actor", u.actor());
                node.put("action", u.action().name());
                node.put("detail", u.detail());
            }
            case VoteSeen v -> {
                node.put("proposalId", v.proposalId().toString());
                node.put("role", v.role().name());
                node.put("at", v.at().toString());
                node.set("seen", SeenDeskJson.toTree(v.seen()));
                if (v.memory() != null) node.put("memory", v.memory());
            }
            case ReasonerCalled r -> {
                if (r.proposalId() != null) node.put("proposalId", r.proposalId().toString());
                if (r.questionId() != null) node.put("questionId", r.questionId().toString());
                node.put("role", r.role().name());
                node.put("provider", r.provider());
                node.put("model", r.model());
                node.put("modelVersion", r.modelVersion());
                node.put("promptVersion", r.promptVersion());
                node.put("promptHash", r.promptHash());
                node.put("tokensIn", r.tokensIn());
                node.put("tokensOut", r.tokensOut());
                node.put("latencyMillis", r.latencyMillis());
                node.put("cost", Wire.decimal(r.cost()));
                node.put("outcome", r.outcome().name());
                node.put("cached", r.cached());
                node.put("raw", r.raw());
            }
        }
        return node;
    }

    public static JournalEvent fromTree(JournalEvent.Kind kind, JsonNode json) {
        WireObject in = WireObject.at(json, "");
        JournalEvent event = switch (kind) {
            case SESSION_OPENED -> {
                var ticker = in.ticker("ticker");
                yield in.build(() -> new SessionOpened(ticker));
            }
            case WATCHLIST_CHANGED -> {
                List<Ticker> tickers = new ArrayList<>();
                for (WireObject.Element element : in.array("tickers")) tickers.add(element.ticker());
                yield in.build(() -> new WatchlistChanged(tickers));
            }
            case MESSAGE -> {
                var message = MessageJson.fromTree(in.raw("message").node());
                yield new MessageJournaled(message);
            }
            case ORDER_INTENDED -> {
                OrderRequest request = request(in.object("request"));
                var proposalId = in.optionalUuid("proposalId");
                String reason = in.text("reason");
                yield in.build(() -> new OrderIntended(request, proposalId == null ? null : new ProposalId(proposalId), reason));
            }
            case ORDER_PLACED -> new OrderPlaced(order(in.object("order")));
            case ORDER_FILLED -> new OrderFilled(fill(in.object("fill")));
            case ORDER_REJECTED -> {
                String clientOrderId = in.text("clientOrderId");
                var reason = in.enumValue("reason", RejectReason.class);
                String detail = in.text("detail");
                yield in.build(() -> new OrderRejected(clientOrderId(clientOrderId), reason, detail));
            }
            case POSITION_CHANGED -> {
                var ticker = in.ticker("ticker");
                long quantity = in.integer("quantity");
                var averagePrice = in.optionalPrice("averagePrice");
                var stop = in.optionalPrice("stop");
                var target = in.optionalPrice("target");
                var trailingStopPct = in.optionalDecimal("trailingStopPct");
                var waterMark = in.optionalPrice("waterMark");
                yield in.build(() -> new PositionChanged(ticker, quantity, averagePrice, stop, target, trailingStopPct, waterMark));
            }
            case CONFIG_CHANGED -> new ConfigChanged(fields(in.object("fields")));
            case STATE_CHANGED -> transition(in, StateChanged::new);
            case TRADING_STATE_CHANGED -> transition(in, TradingStateChanged::new);
            case USER_ACTION -> {
                String actor = in.text("actor");
                var action = in.enumValue("action", UserAction.Action.class);
                String detail = in.text("detail");
                yield in.build(() -> new UserAction(actor, action, detail));
            }
            case REASONER_CALLED -> reasonerCalled(in);
            case VOTE_SEEN -> {
                var proposalId = new ProposalId(in.uuid("proposalId"));
                var role = in.enumValue("role", AgentRole.class);
                var at = in.instant("at");
                var seen = SeenDeskJson.fromTree(in.object("seen"));
                String memory = in.optionalText("memory");
                yield in.build(() -> new VoteSeen(proposalId, role, at, seen, memory));
            }
        };
        in.finish();
        return event;
    }

    /** How each kind of {@link Transition} is made from its three fields. */
    private interface TransitionOf {
        Transition of(String from, String to, String reason);
    }

    private static Transition transition(WireObject in, TransitionOf kind) {
        String from = in.text("from");
        String to = in.text("to");
        String reason = in.text("reason");
        return in.build(() -> kind.of(from, to, reason));
    }

    private static ReasonerCalled reasonerCalled(WireObject in) {
        UUID proposal = in.optionalUuid("proposalId");
        var proposalId = proposal == null ? null : new ProposalId(proposal);
        UUID questionId = in.optionalUuid("questionId");
        var role = in.enumValue("role", AgentRole.class);
        String provider = in.text("provider");
        String model = in.text("model");
        String modelVersion = in.text("modelVersion");
        String promptVersion = in.text("promptVersion");
        String promptHash = in.text("promptHash");
        long tokensIn = in.integer("tokensIn");
        long tokensOut = in.integer("tokensOut");
        long latencyMillis = in.integer("latencyMillis");
        var cost = in.decimal("cost");
        var outcome = in.enumValue("outcome", ReasonerCalled.Outcome.class);
        boolean cached = in.bool("cached");
        String raw = in.text("raw");
        return in.build(() -> new ReasonerCalled(proposalId, role, provider, model, modelVersion, promptVersion, promptHash,
                tokensIn, tokensOut, latencyMillis, cost, outcome, cached, raw, questionId));
    }

    private static ObjectNode request(OrderRequest request) {
        ObjectNode node = Wire.object();
        node.put("clientOrderId", request.clientOrderId().value());
        node.put("ticker", request.ticker().symbol());
        node.put("side", request.side().name());
        node.put("quantity", request.quantity());
        node.put("type", request.type().name());
        node.put("limitPrice", Wire.price(request.limitPrice()));
        node.put("stopPrice", Wire.price(request.stopPrice()));
        // a day order without a bracket is written as it always was
        if (request.timeInForce() != TimeInForce.DAY) node.put("timeInForce", request.timeInForce().name());
        if (request.bracket() != null) {
            node.put("takeProfit", Wire.price(request.bracket().takeProfit()));
            node.put("stopLoss", Wire.price(request.bracket().stopLoss()));
        }
        return node;
    }

    private static OrderRequest request(WireObject in) {
        String clientOrderId = in.text("clientOrderId");
        var ticker = in.ticker("ticker");
        var side = in.enumValue("side", Side.class);
        long quantity = in.integer("quantity");
        var type = in.enumValue("type", OrderType.class);
        var limitPrice = in.optionalPrice("limitPrice");
        var stopPrice = in.optionalPrice("stopPrice");
        var timeInForce = in.optionalEnumValue("timeInForce", TimeInForce.class);
        var takeProfit = in.optionalPrice("takeProfit");
        var stopLoss = in.optionalPrice("stopLoss");
        in.finish();
        return in.build(() -> new OrderRequest(clientOrderId(clientOrderId), ticker, side, quantity, type, limitPrice, stopPrice,
                timeInForce == null ? TimeInForce.DAY : timeInForce,
                takeProfit == null && stopLoss == null ? null : new Bracket(takeProfit, stopLoss)));
    }

    private static ObjectNode order(Order order) {
        ObjectNode node = Wire.object();
        node.put("brokerOrderId", order.brokerOrderId());
        node.set("request", request(order.request()));
        node.put("status", order.status().name());
        ArrayNode fills = node.putArray("fills");
        for (Fill fill : order.fills()) fills.add(fill(fill));
        node.put("statusReason", order.statusReason());
        return node;
    }

    private static Order order(WireObject in) {
        String brokerOrderId = in.text("brokerOrderId");
        OrderRequest request = request(in.object("request"));
        var status = in.enumValue("status", OrderStatus.class);
        List<Fill> fills = new ArrayList<>();
        for (WireObject.Element fill : in.array("fills")) fills.add(fill(fill.object()));
        String statusReason = in.text("statusReason");
        in.finish();
        return in.build(() -> new Order(brokerOrderId, request, status, fills, statusReason));
    }

    private static ObjectNode fill(Fill fill) {
        ObjectNode node = Wire.object();
        node.put("fillId", fill.fillId());
        node.put("clientOrderId", fill.clientOrderId().value());
        node.put("ticker", fill.ticker().symbol());
        node.put("side", fill.side().name());
        node.put("quantity", fill.quantity());
        node.put("price", Wire.price(fill.price()));
        node.put("commission", Wire.money(fill.commission()));
        node.put("time", fill.time().toString());
        return node;
    }

    private static Fill fill(WireObject in) {
        String fillId = in.text("fillId");
        String clientOrderId = in.text("clientOrderId");
        var ticker = in.ticker("ticker");
        var side = in.enumValue("side", Side.class);
        long quantity = in.integer("quantity");
        var price = in.price("price");
        var commission = in.money("commission");
        var time = in.instant("time");
        in.finish();
        return in.build(() -> new Fill(fillId, clientOrderId(clientOrderId), ticker, side, quantity, price, commission, time));
    }

    static Map<String, String> fields(WireObject in) {
        Map<String, String> fields = new TreeMap<>();
        Iterator<String> names = in.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            fields.put(name, in.text(name));
        }
        in.finish();
        return fields;
    }

    private static ClientOrderId clientOrderId(String text) {
        try {
            return ClientOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clientOrderId: " + e.getMessage(), e);
        }
    }
}
