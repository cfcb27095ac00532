package io.quorum.server.api;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the closed trades off a desk's fills. Each session's position in each ticker is kept at its
 * average cost, as the desk keeps it: fills in the position's direction add to it, fills against it
 * close shares at that average, and a fill beyond flat closes the position and opens the other way.
 */
public final class TradeBook {
    private static final int PRICE_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TradeBook() { }

    /** The trades closed by {@code fills}, in the order they closed; {@code fills} must be in time order. */
    public static List<ClosedTrade> closedTrades(List<TradeFill> fills) {
        Map<Holding, OpenPosition> open = new HashMap<>();
        List<ClosedTrade> closed = new ArrayList<>();
        for (TradeFill fill : fills) {
            OpenPosition position = open.computeIfAbsent(new Holding(fill.session(), fill.ticker()), holding -> new OpenPosition());
            position.take(fill, closed);
        }
        return closed;
    }

    private record Holding(SessionId session, Ticker ticker) {}

    /** One holding's position between its fills: signed shares at an average price. */
    private static final class OpenPosition {
        long shares;
        BigDecimal averagePrice = BigDecimal.ZERO;
        Instant openedAt;
        final List<String> entryOrders = new ArrayList<>();

        void take(TradeFill fill, List<ClosedTrade> closed) {
            long delta = fill.signedQuantity();
            if (shares != 0 && Long.signum(delta) != Long.signum(shares)) {
                long closing = Math.min(Math.abs(delta), Math.abs(shares));
                closed.add(close(fill, closing));
                shares += Long.signum(delta) * closing;
                delta -= Long.signum(delta) * closing;
            }
            if (delta != 0) add(fill, delta);
        }

        private void add(TradeFill fill, long delta) {
            if (shares == 0) {
                openedAt = fill.time();
                entryOrders.clear();
                averagePrice = BigDecimal.ZERO;
            }
            long after = shares + delta;
            averagePrice = averagePrice.multiply(BigDecimal.valueOf(Math.abs(shares)))
                    .add(fill.price().multiply(BigDecimal.valueOf(Math.abs(delta))))
                    .divide(BigDecimal.valueOf(Math.abs(after)), PRICE_SCALE, RoundingMode.HALF_EVEN);
            shares = after;
            if (!entryOrders.contains(fill.clientOrderId())) entryOrders.add(fill.clientOrderId());
        }

        private ClosedTrade close(TradeFill fill, long quantity) {
            Direction direction = shares > 0 ? Direction.LONG : Direction.SHORT;
            BigDecimal perShare = fill.price().subtract(averagePrice);
            if (direction == Direction.SHORT) perShare = perShare.negate();
            BigDecimal pnl = perShare.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal pnlPct = perShare.multiply(HUNDRED).divide(averagePrice, 2, RoundingMode.HALF_EVEN);
            return new ClosedTrade(fill.session().value(), fill.ticker().symbol(), direction, quantity,
                    averagePrice.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), fill.price().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                    openedAt, fill.time(), pnl.toPlainString(), pnlPct.toPlainString(), ExitKind.of(fill.cause()), fill.reason(),
                    List.copyOf(entryOrders), fill.clientOrderId());
        }
    }
}
