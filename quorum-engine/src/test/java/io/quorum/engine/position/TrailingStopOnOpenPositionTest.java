package io.quorum.engine.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.money.Price;
import io.quorum.engine.order.Side;
import org.junit.jupiter.api.Test;

/**
 * A trailing stop set on a position that is already open trails from the current price, not from
 * the best price since entry: trailing from an old high could put the stop above the market.
 */
class TrailingStopOnOpenPositionTest {

    @Test
    void a_trailing_stop_added_after_the_high_starts_from_the_current_price_and_does_not_fire_at_once() {
        Desk desk = new Desk();
        desk.fill(Side.BUY, 40, "110");
        desk.tick("123.74");
        desk.tick("118.58");

        assertThat(desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of(null, null, "2"))).isInstanceOf(ProtectionEdit.Applied.class);
        desk.tick("118.50");

        assertThat(desk.exits).as("2% under the $123.74 high would be $121.27, above the market").isEmpty();
        assertThat(desk.position().trailingStop()).as("2% under the current $118.58").isEqualTo(Price.parse("116.2084"));
        desk.tick("116.20");
        assertThat(desk.exits).singleElement().satisfies(exit -> assertThat(exit.reason()).isEqualTo(ExitReason.TRAILING_STOP));
    }

    @Test
    void editing_the_stop_of_a_trailing_position_keeps_the_water_mark_it_reached() {
        Desk desk = new Desk();
        desk.fill(Side.BUY, 40, "100");
        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of(null, null, "2"));
        desk.tick("110");
        desk.tick("108.50");

        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of("95", null, "2"));

        assertThat(desk.position().trailingStop()).as("still 2% under the $110 high: the trail never loosens").isEqualTo(Price.parse("107.80"));
    }

    @Test
    void a_short_trailing_stop_added_after_the_low_starts_from_the_current_price() {
        Desk desk = new Desk();
        desk.fill(Side.SELL, 40, "100");
        desk.tick("90");
        desk.tick("93");

        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of(null, null, "2"));
        desk.tick("93.10");

        assertThat(desk.exits).as("2% over the $90 low would be $91.80, below the market").isEmpty();
        assertThat(desk.position().trailingStop()).isEqualTo(Price.parse("94.86"));
    }
}
