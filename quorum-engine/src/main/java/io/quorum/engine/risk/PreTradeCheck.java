package io.quorum.engine.risk;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.port.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The checks every order passes before it goes to the broker, in this order: authority, trading
 * hours, a known price, the size of a reducing order, daily loss, price collar, position size,
 * buying power, trades per day and duplicates. The first that fails refuses the order with its
 * sentence. The limits come with each order's {@link PreTradeContext}, so a change applies to the
 * very next order.
 *
 * <p>An order that only makes a position smaller (a sale from a long, a cover of a short, never
 * beyond flat, counting the orders already working) is exempt from the exposure limits — daily
 * loss, position size, buying power and trades per day — so that the desk can always get out. An
 * order sent to reduce or exit that would go beyond flat is refused. A protective exit needs no
 * authority, and is never taken for a duplicate: it is sized to what is still held.
 *
 * <p>Orders actually sent are remembered for the duplicate window ({@link #sent}); one instance
 * serves one session, on the engine loop.
 */
public final class PreTradeCheck {
    private final Clock clock;
    private final Deque<PassedOrder> recentlySent = new ArrayDeque<>();

    private record PassedOrder(Ticker ticker, Side side, long quantity, Instant at) {}

    public PreTradeCheck(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PreTradeResult check(OrderRequest order, PreTradeContext context) {
        return firstRefusal(order, context, clock.now());
    }

    /** Remembers an order that left, for the duplicate window. */
    public void sent(OrderRequest order) {
        recentlySent.addLast(new PassedOrder(order.ticker(), order.side(), order.quantity(), clock.now()));
    }

    private PreTradeResult firstRefusal(OrderRequest order, PreTradeContext context, Instant now) {
        RiskLimits limits = context.limits();
        boolean exit = context.intent() == OrderIntent.EXIT;
        if (!exit && !context.authorised()) return refuse(RejectReason.AUTO_TRADING_DISABLED, "auto-trading is switched off");
        if (!context.marketOpen()) return refuse(RejectReason.OUTSIDE_TRADING_HOURS, "the market is not open for trading at " + now);
        Price last = context.lastPrice();
        if (last == null) return refuse(RejectReason.NO_MARKET_PRICE, "there is no current price for " + order.ticker());

        boolean reducing = onlyReduces(order, context.positionQuantity());
        if (!reducing && !context.intent().addsExposure()) {
            return refuse(RejectReason.BEYOND_POSITION, order.side() + " " + order.quantity() + " " + order.ticker() + " would go beyond flat: "
                    + Math.abs(context.positionQuantity()) + " left to close once the orders already working are done");
        }
        if (!reducing && dailyLossBreached(context)) {
            return refuse(RejectReason.MAX_DAILY_LOSS, "today's loss of $" + context.dailyPnl().negated() + " is "
                    + percent(context.dailyPnl().negated().percentOf(context.equity(), 1)) + " of equity, at or beyond the "
                    + percent(limits.maxDailyLossPct()) + " limit");
        }
        if (order.type() == OrderType.LIMIT) {
            BigDecimal distance = Money.ofMicros(Math.abs(order.limitPrice().micros() - last.micros()))
                    .percentOf(Money.ofMicros(last.micros()), 2);
            if (distance.compareTo(limits.collarPct()) > 0) {
                return refuse(RejectReason.PRICE_COLLAR, "the limit " + order.limitPrice() + " is " + percent(distance)
                        + " from the last price " + last + ", beyond the " + percent(limits.collarPct()) + " collar");
            }
        }
        if (!reducing) {
            PreTradeResult exposure = exposureRefusal(order, context, last);
            if (exposure != null) return exposure;
        }
        return exit ? PreTradeResult.PASS : duplicateRefusal(order, limits, now);
    }

    private PreTradeResult exposureRefusal(OrderRequest order, PreTradeContext context, Price last) {
        long signed = order.side() == Side.BUY ? order.quantity() : -order.quantity();
        long after = Math.addExact(context.positionQuantity(), signed);
        BigDecimal share = last.times(Math.abs(after)).percentOf(context.equity(), 1);
        RiskLimits limits = context.limits();
        if (context.equity().micros() <= 0 || share.compareTo(limits.maxPositionPct()) > 0) {
            return refuse(RejectReason.MAX_POSITION_EXCEEDED, order.ticker() + " would be " + percent(share)
                    + " of the portfolio, above the " + percent(limits.maxPositionPct()) + " limit");
        }
        // Shares that add exposure: the whole order when it grows the position, the part beyond flat when it flips it.
        long opening = Long.signum(after) == Long.signum(context.positionQuantity()) ? order.quantity() : Math.abs(after);
        Price price = order.type() == OrderType.LIMIT ? order.limitPrice() : last;
        Money needed = price.times(opening);
        if (needed.compareTo(context.buyingPower()) > 0) {
            return refuse(RejectReason.INSUFFICIENT_BUYING_POWER, (order.side() == Side.BUY ? "buying " : "selling ") + order.quantity() + " "
                    + order.ticker() + " needs $" + needed + " but the buying power is $" + context.buyingPower());
        }
        if (context.tradesToday() >= limits.maxTradesPerDay()) {
            return refuse(RejectReason.MAX_TRADES_PER_DAY, context.tradesToday() + " trades today already, the limit is " + limits.maxTradesPerDay());
        }
        return null;
    }

    private PreTradeResult duplicateRefusal(OrderRequest order, RiskLimits limits, Instant now) {
        Instant horizon = now.minus(limits.duplicateWindow());
        while (!recentlySent.isEmpty() && !recentlySent.peekFirst().at().isAfter(horizon)) recentlySent.removeFirst();
        for (PassedOrder passed : recentlySent) {
            if (passed.ticker().equals(order.ticker()) && passed.side() == order.side() && passed.quantity() == order.quantity()) {
                return refuse(RejectReason.DUPLICATE_ORDER, "the same order (" + order.side() + " " + order.quantity() + " " + order.ticker()
                        + ") was sent " + Duration.between(passed.at(), now).toMillis() / 1000.0 + " s ago");
            }
        }
        return PreTradeResult.PASS;
    }

    private boolean dailyLossBreached(PreTradeContext context) {
        if (!context.dailyPnl().isNegative()) return false;
        return context.dailyPnl().negated().percentOf(context.equity(), 4).compareTo(context.limits().maxDailyLossPct()) >= 0;
    }

    /** A sale of at most the long held, or a purchase of at most the short held. */
    public static boolean onlyReduces(OrderRequest order, long held) {
        return order.side() == Side.SELL ? held > 0 && order.quantity() <= held : held < 0 && order.quantity() <= -held;
    }

    private static PreTradeResult refuse(RejectReason reason, String why) {
        return new PreTradeResult.Refused(reason, "Refused: " + why);
    }

    private static String percent(BigDecimal value) {
        return value.setScale(Math.max(0, Math.min(value.scale(), 2)), RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }
}
