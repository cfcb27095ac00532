package io.quorum.engine.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.Direction;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PositionExitScenarioTest {

    @ParameterizedTest(name = "{0} from {1}, stop {2}, target {3}, trail {4}%, prices {5} -> {6} at {7} on tick {8}")
    @CsvSource(delimiter = '|', textBlock = """
            # side | entry | stop | target | trail % | last prices          | exit          | level  | on tick
            LONG   | 100   | 95   | 110    |         | 99 97 95.50 94.90    | STOP_LOSS     | 95     | 3
            LONG   | 100   | 95   | 110    |         | 101 105 110          | TAKE_PROFIT   | 110    | 2
            LONG   | 100   | 95   |        | 5       | 104 108 102.60       | TRAILING_STOP | 102.60 | 2
            LONG   | 100   | 97   |        | 2       | 100 99 98            | TRAILING_STOP | 98     | 2
            LONG   | 100   | 95   | 110    |         | 96 95.01 109.99      | NONE          |        |
            LONG   | 100   | 95   |        | 10      | 120 108.01 115       | NONE          |        |
            LONG   | 100   | 95   |        |         | 99 90                | STOP_LOSS     | 95     | 1
            SHORT  | 100   | 105  | 90     |         | 101 104 105          | STOP_LOSS     | 105    | 2
            SHORT  | 100   | 105  | 90     |         | 95 90                | TAKE_PROFIT   | 90     | 1
            SHORT  | 100   | 105  |        | 5       | 96 92 96.60          | TRAILING_STOP | 96.60  | 2
            SHORT  | 100   | 105  | 90     |         | 104.99 90.01 100     | NONE          |        |
            """)
    void a_protective_level_fires_once_on_the_first_tick_that_crosses_it(
            Direction direction, String entry, String stop, String target, String trailPct, String prices,
            String exit, String level, Integer onTick) {
        Desk desk = new Desk();
        desk.fill(direction == Direction.LONG ? Side.BUY : Side.SELL, 100, entry);
        assertThat(desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of(stop, target, trailPct)))
                .isInstanceOf(ProtectionEdit.Applied.class);

        String[] lasts = prices.split(" ");
        for (int i = 0; i < lasts.length; i++) {
            desk.tick(lasts[i]);
            if (!exit.equals("NONE") && i < onTick) assertThat(desk.exits).as("exits before tick %d", i).isEmpty();
        }

        if (exit.equals("NONE")) {
            assertThat(desk.exits).isEmpty();
            assertThat(desk.position().exitPending()).isFalse();
            return;
        }
        assertThat(desk.exits).singleElement().satisfies(fired -> {
            assertThat(fired.reason()).isEqualTo(ExitReason.valueOf(exit));
            assertThat(fired.level()).isEqualTo(Price.parse(level));
            assertThat(fired.direction()).isEqualTo(direction);
            assertThat(fired.side()).isEqualTo(direction == Direction.LONG ? Side.SELL : Side.BUY);
            assertThat(fired.quantity()).isEqualTo(100);
            assertThat(fired.tick().lastMicros()).isEqualTo(Price.parse(lasts[onTick]).micros());
        });
        assertThat(desk.position().exitPending()).isTrue();
    }

    @ParameterizedTest(name = "{0} with stop {1} gapping to {2} exits at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # side | stop | gap last | expected fill (bid for a sell, ask for a buy)
            LONG   | 95   | 90       | 89.99
            SHORT  | 105  | 112      | 112.01
            """)
    void a_gap_through_the_stop_exits_at_the_gap_price_not_at_the_stop(Direction direction, String stop, String gapLast, String expectedFill) {
        Desk desk = new Desk();
        desk.fill(direction == Direction.LONG ? Side.BUY : Side.SELL, 100, "100");
        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of(stop, null, null));

        desk.tick(gapLast);

        assertThat(desk.exits).singleElement().satisfies(fired -> {
            assertThat(fired.level()).isEqualTo(Price.parse(stop));
            assertThat(fired.expectedFillPrice()).isEqualTo(Price.parse(expectedFill));
        });
    }
}
