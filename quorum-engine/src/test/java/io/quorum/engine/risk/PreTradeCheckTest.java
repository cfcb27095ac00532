package io.quorum.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreTradeCheckTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Predicate<Instant> REGULAR_HOURS = instant -> {
        LocalTime time = instant.atZone(ZoneId.of("America/New_York")).toLocalTime();
        return !time.isBefore(LocalTime.of(9, 30)) && time.isBefore(LocalTime.of(16, 0));
    };

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T15:00:00Z"));
    private final PreTradeCheck check = new PreTradeCheck(clock);
    private int orderNumber;

    /** "BUY 100" is a market order, "BUY 100 LIMIT 106" a limit order. */
    private OrderRequest order(String text) {
        String[] words = text.split(" ");
        ClientOrderId id = ClientOrderId.of("o" + ++orderNumber);
        Side side = Side.valueOf(words[0]);
        long quantity = Long.parseLong(words[1]);
        return words.length > 2
                ? OrderRequest.limit(id, AAPL, side, quantity, Price.parse(words[3]))
                : OrderRequest.market(id, AAPL, side, quantity);
    }

    private PreTradeContext context(long held, String last, String buyingPower, int tradesToday, String dailyPnl, boolean autoTrading) {
        return context(OrderIntent.OPEN, held, last, buyingPower, tradesToday, dailyPnl, autoTrading);
    }

    private PreTradeContext context(OrderIntent intent, long held, String last, String buyingPower, int tradesToday, String dailyPnl, boolean autoTrading) {
        return new PreTradeContext(intent, RiskLimits.defaults(), Money.ofDollars(100_000), held, last == null ? null : Price.parse(last), tradesToday,
                Money.parse(buyingPower), Money.parse(dailyPnl), autoTrading, REGULAR_HOURS.test(clock.now()));
    }

    /** Checks {@code order} and, when it passes, sends it, as the RiskEngine does. */
    private PreTradeResult checkAndSend(OrderRequest order, PreTradeContext context) {
        PreTradeResult result = check.check(order, context);
        if (result == PreTradeResult.PASS) check.sent(order);
        return result;
    }

    @ParameterizedTest(name = "{0} holding {1} at {2}: {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # order (equity 100,000; limits 25% / 5% loss / 20 trades / 5% collar) | held | last | buying power | trades | daily P&L | auto  | reason                    | sentence
            BUY 100              | 0    | 100  | 100000 | 0  | 0     | true  | PASS                      |
            BUY 100              | 0    | 100  | 100000 | 0  | 0     | false | AUTO_TRADING_DISABLED     | Refused: auto-trading is switched off
            BUY 100              | 0    |      | 100000 | 0  | 0     | true  | NO_MARKET_PRICE           | Refused: there is no current price for AAPL
            BUY 310              | 0    | 100  | 100000 | 0  | 0     | true  | MAX_POSITION_EXCEEDED     | Refused: AAPL would be 31% of the portfolio, above the 25% limit
            SELL 60              | -200 | 100  | 100000 | 0  | 0     | true  | MAX_POSITION_EXCEEDED     | Refused: AAPL would be 26% of the portfolio, above the 25% limit
            BUY 100              | 0    | 100  | 100000 | 20 | 0     | true  | MAX_TRADES_PER_DAY        | Refused: 20 trades today already, the limit is 20
            BUY 100              | 0    | 100  | 5000   | 0  | 0     | true  | INSUFFICIENT_BUYING_POWER | Refused: buying 100 AAPL needs $10000.00 but the buying power is $5000.00
            SELL 300             | 200  | 100  | 5000   | 0  | 0     | true  | INSUFFICIENT_BUYING_POWER | Refused: selling 300 AAPL needs $10000.00 but the buying power is $5000.00
            BUY 100 LIMIT 106    | 0    | 100  | 100000 | 0  | 0     | true  | PRICE_COLLAR              | Refused: the limit 106.00 is 6% from the last price 100.00, beyond the 5% collar
            BUY 100 LIMIT 95     | 0    | 100  | 100000 | 0  | 0     | true  | PASS                      |
            BUY 100              | 0    | 100  | 100000 | 0  | -5000 | true  | MAX_DAILY_LOSS            | Refused: today's loss of $5000.00 is 5% of equity, at or beyond the 5% limit
            BUY 100              | 0    | 100  | 100000 | 0  | -4999 | true  | PASS                      |
            SELL 100             | 300  | 100  | 0      | 20 | -6000 | true  | PASS                      |
            BUY 300              | -300 | 100  | 0      | 20 | -6000 | true  | PASS                      |
            """)
    void every_order_is_held_to_the_limits_and_a_refusal_says_why(
            String order, long held, String last, String buyingPower, int trades, String dailyPnl, boolean auto, String reason, String sentence) {
        PreTradeResult result = check.check(order(order), context(held, last, buyingPower, trades, dailyPnl, auto));

        if (reason.equals("PASS")) assertThat(result).isEqualTo(PreTradeResult.PASS);
        else assertThat(result).isEqualTo(new PreTradeResult.Refused(RejectReason.valueOf(reason), sentence));
    }

    @Test
    void an_order_that_passed_but_was_never_sent_is_no_duplicate() {
        PreTradeContext context = context(0, "100", "100000", 0, "0", true);
        assertThat(check.check(order("BUY 10"), context)).as("held for the user's confirmation").isEqualTo(PreTradeResult.PASS);

        assertThat(check.check(order("BUY 10"), context)).as("checked again once confirmed").isEqualTo(PreTradeResult.PASS);
    }

    @ParameterizedTest(name = "{0} {1} holding {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # intent | order    | held (net of working) | reason
            EXIT     | SELL 100 | 100                   | PASS
            EXIT     | SELL 101 | 100                   | BEYOND_POSITION
            EXIT     | SELL 1   | 0                     | BEYOND_POSITION
            REDUCE   | BUY 50   | -100                  | PASS
            REDUCE   | BUY 150  | -100                  | BEYOND_POSITION
            REDUCE   | SELL 10  | -100                  | BEYOND_POSITION
            """)
    void an_order_sent_to_reduce_never_goes_beyond_flat(OrderIntent intent, String order, long held, String reason) {
        PreTradeResult result = check.check(order(order), context(intent, held, "100", "100000", 0, "0", true));

        if (reason.equals("PASS")) assertThat(result).isEqualTo(PreTradeResult.PASS);
        else assertThat(result).isInstanceOfSatisfying(PreTradeResult.Refused.class, refused -> assertThat(refused.reason()).isEqualTo(RejectReason.valueOf(reason)));
    }

    @Test
    void a_protective_exit_needs_no_authority_and_is_never_a_duplicate() {
        PreTradeContext exit = context(OrderIntent.EXIT, 100, "100", "100000", 0, "0", false);
        assertThat(checkAndSend(order("SELL 50"), exit)).isEqualTo(PreTradeResult.PASS);

        assertThat(check.check(order("SELL 50"), context(OrderIntent.EXIT, 50, "100", "100000", 0, "0", false))).isEqualTo(PreTradeResult.PASS);
    }

    @Test
    void orders_outside_trading_hours_are_refused() {
        clock.set(Instant.parse("2025-03-03T22:00:00Z"));

        PreTradeResult result = check.check(order("BUY 10"), context(0, "100", "100000", 0, "0", true));

        assertThat(result).isEqualTo(new PreTradeResult.Refused(RejectReason.OUTSIDE_TRADING_HOURS,
                "Refused: the market is not open for trading at 2025-03-03T22:00:00Z"));
    }

    @Test
    void the_same_order_twice_within_the_window_is_refused_as_a_duplicate() {
        PreTradeContext context = context(0, "100", "100000", 0, "0", true);
        assertThat(checkAndSend(order("BUY 10"), context)).isEqualTo(PreTradeResult.PASS);
        clock.advance(Duration.ofSeconds(2));

        assertThat(check.check(order("BUY 10"), context)).isEqualTo(new PreTradeResult.Refused(RejectReason.DUPLICATE_ORDER,
                "Refused: the same order (BUY 10 AAPL) was sent 2.0 s ago"));
        assertThat(check.check(order("BUY 11"), context)).as("another size").isEqualTo(PreTradeResult.PASS);
        assertThat(check.check(order("SELL 10"), context)).as("the other side").isEqualTo(PreTradeResult.PASS);
    }

    @Test
    void the_same_order_after_the_window_passes() {
        PreTradeContext context = context(0, "100", "100000", 0, "0", true);
        checkAndSend(order("BUY 10"), context);
        clock.advance(Duration.ofSeconds(5));

        assertThat(check.check(order("BUY 10"), context)).isEqualTo(PreTradeResult.PASS);
    }

    @Test
    void a_refused_order_does_not_count_as_sent_for_the_duplicate_guard() {
        checkAndSend(order("BUY 10"), context(0, "100", "100000", 0, "0", false));

        assertThat(check.check(order("BUY 10"), context(0, "100", "100000", 0, "0", true))).isEqualTo(PreTradeResult.PASS);
    }
}
