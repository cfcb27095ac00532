package io.quorum.adapters.alpaca.trading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.TimeInForce;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Trading API's JSON: the order the desk sends ({@code {"symbol":"AAPL","qty":"10","side":"buy",
 * "type":"limit","time_in_force":"day","limit_price":"95","client_order_id":"…"}}, with
 * {@code "order_class":"bracket","take_profit":{"limit_price":…},"stop_loss":{"stop_price":…}} when
 * the venue keeps its exits), and the orders,
 * positions, account and trade updates the venue sends back. The venue writes numbers as strings;
 * they are read as decimals, never as binary floats, and a value with more than 12 integer digits or
 * 10 decimals, a fractional share or an unknown word makes its object unreadable.
 */
final class TradingJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int MAX_INTEGER_DIGITS = 12;
    private static final int MAX_SCALE = 10;

    private TradingJson() {}

    /** What a {@code trade_updates} message says: its event word, the order as it now stands, and the fill it reports, if any. */
    record TradeUpdate(String event, VenueOrder order, Optional<Execution> execution) {}

    static String order(OrderRequest request) {
        ObjectNode order = JSON.createObjectNode()
                .put("symbol", request.ticker().symbol())
                .put("qty", Long.toString(request.quantity()))
                .put("side", request.side().name().toLowerCase(Locale.ROOT))
                .put("type", request.type().name().toLowerCase(Locale.ROOT))
                .put("time_in_force", request.timeInForce().name().toLowerCase(Locale.ROOT))
                .put("client_order_id", request.clientOrderId().value());
        if (request.limitPrice() != null) order.put("limit_price", wire(request.limitPrice()));
        if (request.stopPrice() != null) order.put("stop_price", wire(request.stopPrice()));
        Bracket bracket = request.bracket();
        if (bracket != null) {
            order.put("order_class", "bracket");
            order.putObject("take_profit").put("limit_price", wire(bracket.takeProfit()));
            order.putObject("stop_loss").put("stop_price", wire(bracket.stopLoss()));
        }
        return order.toString();
    }

    private static String wire(Price price) { return price.toBigDecimal().toPlainString(); }

    static Optional<VenueOrder> venueOrder(String json) { return Optional.ofNullable(venueOrder(tree(json))); }

    /** Every readable order of a list ({@code GET /v2/orders}); the unreadable ones are left out. */
    static List<VenueOrder> venueOrders(String json) {
        List<VenueOrder> orders = new ArrayList<>();
        for (JsonNode item : tree(json)) {
            VenueOrder order = venueOrder(item);
            if (order != null) orders.add(order);
        }
        return orders;
    }

    static Optional<TradeUpdate> tradeUpdate(JsonNode data) {
        VenueOrder order = venueOrder(data.path("order"));
        String event = data.path("event").asText("");
        if (order == null || event.isEmpty()) return Optional.empty();
        BigDecimal quantity = decimal(data.path("qty"));
        BigDecimal price = decimal(data.path("price"));
        Instant time = instant(data.path("timestamp"));
        Optional<Execution> execution = Optional.empty();
        if ((event.equals("fill") || event.equals("partial_fill")) && whole(quantity) > 0 && price != null && price.signum() > 0 && time != null) {
            execution = Optional.of(new Execution(whole(quantity), Price.of(price).micros(), time));
        }
        return Optional.of(new TradeUpdate(event, order, execution));
    }

    static List<BrokerPosition> positions(String json) {
        List<BrokerPosition> positions = new ArrayList<>();
        for (JsonNode item : tree(json)) {
            String symbol = item.path("symbol").asText("");
            long quantity = signedWhole(decimal(item.path("qty")));
            BigDecimal cost = decimal(item.path("cost_basis"));
            if (symbol.isEmpty() || quantity == 0 || cost == null) continue;
            if (item.path("side").asText("long").equals("short") && quantity > 0) quantity = -quantity;
            positions.add(new BrokerPosition(Ticker.of(symbol), quantity, Money.of(cost.abs())));
        }
        return positions;
    }

    static Optional<Account> account(String json) {
        JsonNode root = tree(json);
        BigDecimal cash = decimal(root.path("cash"));
        BigDecimal buyingPower = decimal(root.path("buying_power"));
        BigDecimal equity = decimal(root.path("equity"));
        if (cash == null || buyingPower == null || equity == null) return Optional.empty();
        return Optional.of(new Account(root.path("account_number").asText(""), Money.of(cash), Money.of(buyingPower), Money.of(equity)));
    }

    static JsonNode tree(String json) {
        try {
            JsonNode root = JSON.readTree(json == null ? "" : json);
            return root == null ? JSON.missingNode() : root;
        } catch (JsonProcessingException notJson) {
            return JSON.missingNode();
        }
    }

    private static VenueOrder venueOrder(JsonNode order) {
        String id = order.path("id").asText("");
        String clientOrderId = order.path("client_order_id").asText("");
        String symbol = order.path("symbol").asText("");
        long quantity = whole(decimal(order.path("qty")));
        long filled = whole(decimal(order.path("filled_qty")));
        Side side = switch (order.path("side").asText("")) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> null;
        };
        OrderType type = switch (order.path("type").asText(order.path("order_type").asText(""))) {
            case "market" -> OrderType.MARKET;
            case "limit" -> OrderType.LIMIT;
            case "stop" -> OrderType.STOP;
            case "stop_limit" -> OrderType.STOP_LIMIT;
            default -> null;
        };
        TimeInForce timeInForce = switch (order.path("time_in_force").asText("")) {
            case "day" -> TimeInForce.DAY;
            case "gtc" -> TimeInForce.GTC;
            default -> null;
        };
        Instant updated = instant(order.path("updated_at"));
        if (id.isEmpty() || symbol.isEmpty() || quantity <= 0 || filled < 0 || filled > quantity || side == null || type == null || timeInForce == null || updated == null) return null;
        BigDecimal limit = decimal(order.path("limit_price"));
        BigDecimal stop = decimal(order.path("stop_price"));
        if (type.hasLimitPrice() != (limit != null && limit.signum() > 0) || type.hasStopPrice() != (stop != null && stop.signum() > 0)) return null;
        ClientOrderId desk;
        try {
            desk = ClientOrderId.of(clientOrderId);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
        BigDecimal average = decimal(order.path("filled_avg_price"));
        if (filled > 0 && (average == null || average.signum() <= 0)) return null;
        OrderRequest request;
        try {
            request = new OrderRequest(desk, Ticker.of(symbol), side, quantity, type, type.hasLimitPrice() ? Price.of(limit) : null,
                    type.hasStopPrice() ? Price.of(stop) : null, timeInForce, bracket(order));
        } catch (IllegalArgumentException inconsistent) {
            return null;
        }
        List<VenueOrder> legs = new ArrayList<>();
        for (JsonNode leg : order.path("legs")) {
            VenueOrder read = venueOrder(leg);
            if (read != null) legs.add(read);
        }
        return new VenueOrder(id, request, order.path("status").asText(""), filled, average == null ? BigDecimal.ZERO : average, updated, legs);
    }

    /** A bracket's exits from its legs ({@code "legs":[{"type":"limit","limit_price":…},{"type":"stop","stop_price":…}]}); null for a simple order. */
    private static Bracket bracket(JsonNode order) {
        if (!order.path("order_class").asText("").equals("bracket")) return null;
        BigDecimal takeProfit = null;
        BigDecimal stopLoss = null;
        for (JsonNode leg : order.path("legs")) {
            if (leg.path("type").asText("").equals("limit")) takeProfit = decimal(leg.path("limit_price"));
            if (leg.path("type").asText("").equals("stop")) stopLoss = decimal(leg.path("stop_price"));
        }
        return takeProfit == null || stopLoss == null ? null : new Bracket(Price.of(takeProfit), Price.of(stopLoss));
    }

    /** A decimal within bounds, from a string or a number; null when missing, null, unreadable or out of bounds. */
    private static BigDecimal decimal(JsonNode value) {
        BigDecimal number;
        if (value.isNumber()) number = value.decimalValue();
        else if (value.isTextual() && value.asText().length() <= 40) {
            try {
                number = new BigDecimal(value.asText().strip());
            } catch (NumberFormatException unreadable) {
                return null;
            }
        } else return null;
        if (number.scale() > MAX_SCALE || number.precision() - number.scale() > MAX_INTEGER_DIGITS) return null;
        return number;
    }

    /** Whole shares, or -1 for a missing, negative or fractional quantity. */
    private static long whole(BigDecimal quantity) {
        if (quantity == null || quantity.signum() < 0 || quantity.stripTrailingZeros().scale() > 0) return -1;
        return quantity.longValueExact();
    }

    /** Whole shares with their sign, or 0 for a missing or fractional quantity. */
    private static long signedWhole(BigDecimal quantity) {
        if (quantity == null || quantity.stripTrailingZeros().scale() > 0) return 0;
        return quantity.longValueExact();
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) return null;
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeException unreadable) {
            return null;
        }
    }
}
