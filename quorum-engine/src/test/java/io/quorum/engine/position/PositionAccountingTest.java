package io.quorum.engine.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PositionAccountingTest {

    @ParameterizedTest(name = "{0} -> {1} shares at {2}, realised {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # fills                                  | signed shares | average entry | realised
            BUY 100 @ 10                             | 100           | 10            | 0
            BUY 100 @ 10, BUY 100 @ 12               | 200           | 11            | 0
            BUY 100 @ 10, SELL 40 @ 12               | 60            | 10            | 80
            BUY 100 @ 10, SELL 100 @ 9               | 0             |               | -100
            BUY 100 @ 10, SELL 150 @ 12              | -50           | 12            | 200
            SELL 100 @ 10, BUY 40 @ 8                | -60           | 10            | 80
            SELL 100 @ 10, BUY 130 @ 11              | 30            | 11            | -100
            BUY 1 @ 10, BUY 2 @ 10.01, SELL 1 @ 10.02 | 2            | 10.006667     | 0.013334
            """)
    void fills_open_increase_reduce_close_and_flip_a_position(String fills, long signedShares, String averageEntry, String realised) {
        Desk desk = new Desk();
        for (String fill : fills.split(", ")) {
            String[] words = fill.split(" ");
            desk.fill(Side.valueOf(words[0]), Long.parseLong(words[1]), words[3]);
        }

        if (signedShares == 0) {
            assertThat(desk.positions.position(Desk.SESSION, Desk.AAPL)).isEmpty();
        } else {
            assertThat(desk.position().signedQuantity()).isEqualTo(signedShares);
            assertThat(desk.position().averageEntry()).isEqualByComparingTo(averageEntry);
        }
        assertThat(desk.positions.pnl(Desk.SESSION).realised()).isEqualTo(Money.parse(realised));
    }

    @Test
    void a_flip_starts_a_new_position_without_the_old_protection() {
        Desk desk = new Desk();
        desk.fill(Side.BUY, 100, "100");
        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of("95", "110", "5"));

        desk.fill(Side.SELL, 150, "101");

        assertThat(desk.position().protection()).isEqualTo(Protection.NONE);
        assertThat(desk.position().trailingStop()).isNull();
        assertThat(desk.position().waterMark()).hasToString("101.00");
    }

    @Test
    void unrealised_pnl_marks_the_open_shares_at_the_last_price() {
        Desk desk = new Desk();
        desk.fill(Side.SELL, 200, "50");

        desk.tick("47.50");

        Position position = desk.position();
        assertThat(position.unrealised()).isEqualTo(Money.parse("500"));
        assertThat(position.unrealisedPct()).isEqualByComparingTo("5.00");
        assertThat(desk.positions.pnl(Desk.SESSION).unrealised()).isEqualTo(Money.parse("500"));
    }

    @Test
    void total_pnl_is_realised_less_commissions_plus_unrealised() {
        Desk desk = new Desk();
        desk.fill(Desk.SESSION, Side.BUY, 100, "10", "1.00");
        desk.fill(Desk.SESSION, Side.SELL, 50, "12", "1.00");
        desk.tick("11");

        PnlSummary pnl = desk.positions.pnl(Desk.SESSION);

        assertThat(pnl.realised()).isEqualTo(Money.parse("100"));
        assertThat(pnl.commissions()).isEqualTo(Money.parse("2"));
        assertThat(pnl.unrealised()).isEqualTo(Money.parse("50"));
        assertThat(pnl.total()).isEqualTo(Money.parse("148"));
        assertThat(pnl.totalPctOf(Money.parse("10000"))).isEqualByComparingTo(new BigDecimal("1.48"));
    }

    @Test
    void daily_pnl_restarts_from_the_previous_close_on_a_new_trading_day() {
        Desk desk = new Desk();
        desk.fill(Desk.SESSION, Side.BUY, 100, "10", "1.00");
        desk.tick("12");
        assertThat(desk.positions.pnl(Desk.SESSION).daily()).isEqualTo(Money.parse("199"));

        desk.setClock(Instant.parse("2025-03-04T14:30:00Z"));
        desk.tick("12.50");

        PnlSummary nextDay = desk.positions.pnl(Desk.SESSION);
        assertThat(nextDay.daily()).isEqualTo(Money.parse("50"));
        assertThat(nextDay.total()).isEqualTo(Money.parse("249"));
    }

    @Test
    void the_trading_day_follows_the_exchange_time_zone_not_utc() {
        Desk desk = new Desk();
        desk.setClock(Instant.parse("2025-03-03T23:00:00Z"));
        desk.fill(Side.BUY, 100, "10");
        desk.setClock(Instant.parse("2025-03-04T01:00:00Z"));
        desk.tick("11");

        assertThat(desk.positions.pnl(Desk.SESSION).daily()).as("still 3 March in New York").isEqualTo(Money.parse("100"));
    }

    @Test
    void positions_of_different_sessions_in_one_ticker_are_kept_apart() {
        Desk desk = new Desk();
        SessionId other = SessionId.of("s2");
        desk.fill(Desk.SESSION, Side.BUY, 100, "10", "0");
        desk.fill(other, Side.SELL, 30, "10", "0");

        assertThat(desk.positions.position(Desk.SESSION, Desk.AAPL).orElseThrow().signedQuantity()).isEqualTo(100);
        assertThat(desk.positions.position(other, Desk.AAPL).orElseThrow().signedQuantity()).isEqualTo(-30);
        assertThat(desk.positions.openPositionCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} at 100 with stop {1} and target {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # side | stop | target | outcome
            BUY    | 95   | 110    | applied
            BUY    | 100  | 110    | the stop 100.00 of a long must be below the current price 100.00
            BUY    | 95   | 99     | the target 99.00 of a long must be above the current price 100.00
            SELL   | 105  | 90     | applied
            SELL   | 99   | 90     | the stop 99.00 of a short must be above the current price 100.00
            SELL   | 105  | 101    | the target 101.00 of a short must be below the current price 100.00
            """)
    void stops_and_targets_must_sit_on_the_right_side_of_the_price(Side side, String stop, String target, String outcome) {
        Desk desk = new Desk();
        desk.fill(side, 100, "100");

        ProtectionEdit edit = desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of(stop, target, null));

        if (outcome.equals("applied")) {
            assertThat(edit).isInstanceOf(ProtectionEdit.Applied.class);
            assertThat(desk.position().protection()).isEqualTo(Protection.of(stop, target, null));
        } else {
            assertThat(edit).isEqualTo(new ProtectionEdit.Refused(outcome));
            assertThat(desk.position().protection()).isEqualTo(Protection.NONE);
        }
    }

    @Test
    void protecting_a_ticker_without_a_position_is_refused() {
        Desk desk = new Desk();

        assertThat(desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of("95", null, null)))
                .isEqualTo(new ProtectionEdit.Refused("there is no open position in AAPL"));
    }

    @Test
    void a_rearmed_position_fires_again_when_its_exit_was_refused() {
        Desk desk = new Desk();
        desk.fill(Side.BUY, 100, "100");
        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of("95", null, null));
        desk.tick("94");
        desk.tick("93");
        assertThat(desk.exits).hasSize(1);

        assertThat(desk.positions.rearm(Desk.SESSION, Desk.AAPL)).isTrue();
        desk.tick("92");

        assertThat(desk.exits).hasSize(2);
    }

    @Test
    void the_exit_fill_closes_the_position_and_realises_its_pnl() {
        Desk desk = new Desk();
        desk.fill(Side.BUY, 100, "100");
        desk.positions.protect(Desk.SESSION, Desk.AAPL, Protection.of("95", null, null));
        desk.tick("94");

        ExitTriggered exit = desk.exits.getFirst();
        desk.fill(exit.side(), exit.quantity(), exit.expectedFillPrice().toString());

        assertThat(desk.positions.position(Desk.SESSION, Desk.AAPL)).isEmpty();
        assertThat(desk.positions.pnl(Desk.SESSION).realised()).isEqualTo(Money.parse("-601"));
    }
}
