package io.quorum.engine.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.Direction;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Side;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PositionProperties {

    record Trade(Side side, long quantity, long cents, long commissionCents) {
        String price() { return Price.ofMicros(cents * 10_000).toString(); }
    }

    @Provide
    Arbitrary<List<Trade>> trades() {
        Arbitrary<Trade> trade = Combinators.combine(
                Arbitraries.of(Side.class), Arbitraries.longs().between(1, 1_000),
                Arbitraries.longs().between(100, 100_000), Arbitraries.longs().between(0, 500)).as(Trade::new);
        return trade.list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Long>> centPaths() {
        return Arbitraries.longs().between(5_000, 20_000).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property
    void position_quantity_is_the_sum_of_signed_fills(@ForAll("trades") List<Trade> trades) {
        Desk desk = new Desk();
        long expected = 0;
        for (Trade trade : trades) {
            expected += desk.fill(Desk.SESSION, trade.side(), trade.quantity(), trade.price(), "0").signedQuantity();
        }

        long held = desk.positions.position(Desk.SESSION, Desk.AAPL).map(Position::signedQuantity).orElse(0L);
        assertThat(held).isEqualTo(expected);
    }

    @Property
    void money_is_conserved_cash_moved_plus_market_value_equals_total_pnl(
            @ForAll("trades") List<Trade> trades, @ForAll @IntRange(min = 100, max = 100_000) int markCents) {
        Desk desk = new Desk();
        long cashMoved = 0;
        long shares = 0;
        for (Trade trade : trades) {
            Fill fill = desk.fill(Desk.SESSION, trade.side(), trade.quantity(), trade.price(),
                    Money.ofMicros(trade.commissionCents() * 10_000).toString());
            cashMoved += fill.cashDelta().micros();
            shares += fill.signedQuantity();
        }
        String mark = Price.ofMicros(markCents * 10_000L).toString();
        desk.tick(mark);

        PnlSummary pnl = desk.positions.pnl(Desk.SESSION);
        long marketValue = shares * Price.parse(mark).micros();
        assertThat(pnl.total().micros()).isEqualTo(cashMoved + marketValue);
        assertThat(pnl.total()).isEqualTo(pnl.realised().minus(pnl.commissions()).plus(pnl.unrealised()));
        assertThat(pnl.daily()).as("all on one trading day").isEqualTo(pnl.total());
    }

    @Property
    void the_trailing_stop_never_loosens(
            @ForAll Direction direction, @ForAll @IntRange(min = 1, max = 30) int trailPct, @ForAll("centPaths") List<Long> path) {
        Desk desk = new Desk();
        desk.fill(direction == Direction.LONG ? Side.BUY : Side.SELL, 100, "100");
        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of(null, null, Integer.toString(trailPct)));

        long previous = desk.position().trailingStop().micros();
        for (long cents : path) {
            desk.tick(Price.ofMicros(cents * 10_000).toString());
            long now = desk.position().trailingStop().micros();
            if (direction == Direction.LONG) assertThat(now).isGreaterThanOrEqualTo(previous);
            else assertThat(now).isLessThanOrEqualTo(previous);
            previous = now;
        }
    }

    @Property
    void a_stop_fires_on_the_first_tick_that_crosses_it_and_never_before(
            @ForAll Direction direction, @ForAll @IntRange(min = 1, max = 49) int stopDistanceDollars,
            @ForAll("centPaths") @Size(min = 1, max = 60) List<Long> path) {
        Desk desk = new Desk();
        boolean isLong = direction == Direction.LONG;
        desk.fill(isLong ? Side.BUY : Side.SELL, 100, "100");
        long stopCents = (isLong ? 100 - stopDistanceDollars : 100 + stopDistanceDollars) * 100L;
        desk.positions.protect(Desk.SESSION, Desk.AAPL, new Protection(Price.ofMicros(stopCents * 10_000), null, null));

        int firstCrossing = -1;
        for (int i = 0; i < path.size(); i++) {
            long cents = path.get(i);
            if (firstCrossing < 0 && (isLong ? cents <= stopCents : cents >= stopCents)) firstCrossing = i;
            desk.tick(Price.ofMicros(cents * 10_000).toString());
            assertThat(desk.exits).as("exits after tick %d", i).hasSize(firstCrossing >= 0 ? 1 : 0);
        }
        if (firstCrossing >= 0) {
            assertThat(desk.exits.getFirst().tick().lastMicros()).isEqualTo(path.get(firstCrossing) * 10_000);
            assertThat(desk.exits.getFirst().reason()).isEqualTo(ExitReason.STOP_LOSS);
        }
    }
}
