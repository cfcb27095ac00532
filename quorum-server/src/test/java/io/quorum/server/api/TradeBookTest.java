package io.quorum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TradeBookTest {
    private static final SessionId SESSION = SessionId.of("s1");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant OPEN = Instant.parse("2025-03-03T14:30:00Z");

    @Test void a_long_bought_and_sold_is_one_trade_at_its_fill_prices() {
        List<ClosedTrade> trades = TradeBook.closedTrades(List.of(
                fill(0, "q-1", Side.BUY, 100, "187.00", "approved by the desk"),
                fill(5, "x-2", Side.SELL, 100, "190.50", "the take-profit target was reached")));

        assertThat(trades).containsExactly(new ClosedTrade("s1", "AAPL", Direction.LONG, 100, "187.00", "190.50", OPEN, OPEN.plusSeconds(300),
                "350.00", "1.87", ExitKind.TAKE_PROFIT, "the take-profit target was reached", List.of("q-1"), "x-2"));
    }

    @Test void a_trade_takes_its_exit_kind_from_the_cause_its_exit_carried_not_from_the_words() {
        List<ClosedTrade> trades = TradeBook.closedTrades(List.of(
                fill(0, "q-1", Side.BUY, 100, "187.00", "approved by the desk"),
                new TradeFill(SESSION, OPEN.plusSeconds(60), "c-2", AAPL, Side.SELL, 100, new BigDecimal("188.00"), "everything out, now", OrderCause.FLATTEN)));

        assertThat(trades).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitKind.FLATTEN);
            assertThat(trade.exitDetail()).isEqualTo("everything out, now");
        });
    }

    @Test void a_short_that_the_price_rose_against_loses() {
        List<ClosedTrade> trades = TradeBook.closedTrades(List.of(
                fill(0, "q-1", Side.SELL, 117, "187.04", "approved by the desk"),
                fill(3, "x-2", Side.BUY, 117, "191.00", "the stop-loss was hit")));

        assertThat(trades).singleElement().satisfies(trade -> {
            assertThat(trade.direction()).isEqualTo(Direction.SHORT);
            assertThat(trade.pnl()).isEqualTo("-463.32");
            assertThat(trade.pnlPct()).isEqualTo("-2.12");
            assertThat(trade.exitReason()).isEqualTo(ExitKind.STOP_LOSS);
        });
    }

    @Test void shares_added_at_another_price_enter_at_the_average_and_a_partial_exit_is_a_trade_of_its_own() {
        List<ClosedTrade> trades = TradeBook.closedTrades(List.of(
                fill(0, "q-1", Side.BUY, 100, "100.00", "approved by the desk"),
                fill(1, "q-2", Side.BUY, 100, "110.00", "approved by the desk"),
                fill(2, "q-3", Side.SELL, 50, "120.00", "approved by the desk"),
                fill(3, "c-4", Side.SELL, 150, "100.00", "closed by user")));

        assertThat(trades).extracting(ClosedTrade::quantity, ClosedTrade::entryPrice, ClosedTrade::pnl, ClosedTrade::exitReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(50L, "105.00", "750.00", ExitKind.DECISION),
                        org.assertj.core.groups.Tuple.tuple(150L, "105.00", "-750.00", ExitKind.USER));
        assertThat(trades.get(1).entryOrderIds()).containsExactly("q-1", "q-2");
    }

    @Test void a_fill_beyond_flat_closes_the_position_and_opens_the_other_way() {
        List<ClosedTrade> trades = TradeBook.closedTrades(List.of(
                fill(0, "q-1", Side.BUY, 100, "100.00", "approved by the desk"),
                fill(1, "q-2", Side.SELL, 150, "102.00", "approved by the desk"),
                fill(2, "q-3", Side.BUY, 50, "101.00", "flattened by user")));

        assertThat(trades).extracting(ClosedTrade::direction, ClosedTrade::quantity, ClosedTrade::entryPrice, ClosedTrade::pnl)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Direction.LONG, 100L, "100.00", "200.00"),
                        org.assertj.core.groups.Tuple.tuple(Direction.SHORT, 50L, "102.00", "50.00"));
        assertThat(trades.get(1).openedAt()).isEqualTo(OPEN.plusSeconds(60));
        assertThat(trades.get(1).entryOrderIds()).containsExactly("q-2");
    }

    @Test void positions_of_two_sessions_in_one_ticker_are_kept_apart() {
        TradeFill other = new TradeFill(SessionId.of("s2"), OPEN.plusSeconds(30), "q-9", AAPL, Side.SELL, 100, new BigDecimal("101.00"), "approved by the desk", OrderCause.DECISION);
        List<ClosedTrade> trades = TradeBook.closedTrades(List.of(fill(0, "q-1", Side.BUY, 100, "100.00", "approved by the desk"), other));

        assertThat(trades).isEmpty();
    }

    /** Money is conserved: once flat, the trades' P&L is what the sales brought in less what the buys cost. */
    @Property void once_flat_the_trades_pnl_is_the_cash_the_fills_moved(@ForAll("fillsEndingFlat") List<TradeFill> fills) {
        List<ClosedTrade> trades = TradeBook.closedTrades(fills);
        BigDecimal cash = BigDecimal.ZERO;
        for (TradeFill fill : fills) {
            BigDecimal notional = fill.price().multiply(BigDecimal.valueOf(fill.quantity()));
            cash = fill.side() == Side.SELL ? cash.add(notional) : cash.subtract(notional);
        }
        BigDecimal pnl = trades.stream().map(t -> new BigDecimal(t.pnl())).reduce(BigDecimal.ZERO, BigDecimal::add);
        // Each trade's P&L is rounded to the cent and its average entry to the micro-dollar.
        BigDecimal rounding = new BigDecimal("0.01").multiply(BigDecimal.valueOf(trades.size()));

        assertThat(pnl.subtract(cash).abs()).isLessThanOrEqualTo(rounding);
        long closed = trades.stream().mapToLong(ClosedTrade::quantity).sum();
        long traded = fills.stream().mapToLong(TradeFill::quantity).sum();
        assertThat(2 * closed).isEqualTo(traded);
    }

    @Provide Arbitrary<List<TradeFill>> fillsEndingFlat() {
        Arbitrary<long[]> step = Combinators.combine(Arbitraries.longs().between(-500, 500).filter(q -> q != 0), Arbitraries.longs().between(1_00, 500_00))
                .as((quantity, cents) -> new long[] {quantity, cents});
        return step.list().ofMinSize(1).ofMaxSize(20).map(steps -> {
            List<TradeFill> fills = new ArrayList<>();
            long held = 0;
            for (long[] s : steps) {
                fills.add(signedFill(fills.size(), s[0], s[1]));
                held += s[0];
            }
            if (held != 0) fills.add(signedFill(fills.size(), -held, steps.getLast()[1]));
            return fills;
        });
    }

    private static TradeFill signedFill(int minute, long signedQuantity, long cents) {
        return new TradeFill(SESSION, OPEN.plusSeconds(60L * minute), "q-" + minute, AAPL, signedQuantity > 0 ? Side.BUY : Side.SELL,
                Math.abs(signedQuantity), BigDecimal.valueOf(cents, 2), "approved by the desk", OrderCause.DECISION);
    }

    private static TradeFill fill(int minute, String orderId, Side side, long quantity, String price, String reason) {
        return new TradeFill(SESSION, OPEN.plusSeconds(60L * minute), orderId, AAPL, side, quantity, new BigDecimal(price), reason, OrderCause.ofRecordedReason(reason));
    }
}
