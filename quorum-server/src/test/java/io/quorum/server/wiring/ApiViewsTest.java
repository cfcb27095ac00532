package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.money.Price;
import io.quorum.server.api.PositionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A {@code position} frame is built from its journal entry alone when the snapshot does not hold that position yet. */
class ApiViewsTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant AT = Instant.parse("2025-03-03T14:31:04Z");

    @Test void an_entry_of_a_short_shows_its_side_its_shares_and_its_loss_at_the_last_price() {
        JournalEvent.PositionChanged changed = new JournalEvent.PositionChanged(AAPL, -117, Price.parse("187.043333"), Price.parse("191.00"),
                Price.parse("179.00"), new BigDecimal("2.5"), Price.parse("187.04"));

        PositionView view = ApiViews.position(changed, Optional.empty(), Optional.of(Price.parse("188.04")), AT);

        assertThat(view.direction()).isEqualTo(Direction.SHORT);
        assertThat(view.quantity()).isEqualTo(117);
        assertThat(view.entryPrice()).isEqualTo("187.04");
        assertThat(view.currentPrice()).isEqualTo("188.04");
        assertThat(view.unrealizedPnl()).isEqualTo("-116.61");
        assertThat(view.stopLoss()).isEqualTo("191.00");
        assertThat(view.takeProfit()).isEqualTo("179.00");
        assertThat(view.trailingStopPct()).isEqualTo("2.5");
        assertThat(view.openedAt()).isEqualTo(AT);
    }

    @Test void an_entry_of_a_closed_position_shows_no_shares_and_no_price() {
        JournalEvent.PositionChanged closed = new JournalEvent.PositionChanged(AAPL, 0, null, null, null, null, null);

        PositionView view = ApiViews.position(closed, Optional.empty(), Optional.of(Price.parse("188.04")), AT);

        assertThat(view.quantity()).isZero();
        assertThat(view.currentPrice()).isNull();
        assertThat(view.unrealizedPnl()).isEqualTo("0.00");
    }

    @Test void an_entry_before_the_first_tick_shows_no_price_and_no_profit() {
        JournalEvent.PositionChanged opened = new JournalEvent.PositionChanged(AAPL, 50, Price.parse("178.50"), null, null, null, Price.parse("178.50"));

        PositionView view = ApiViews.position(opened, Optional.empty(), Optional.empty(), AT);

        assertThat(view.direction()).isEqualTo(Direction.LONG);
        assertThat(view.currentPrice()).isNull();
        assertThat(view.unrealizedPnl()).isEqualTo("0.00");
    }
}
