package io.quorum.engine.backtest.fill;

import static io.quorum.engine.backtest.HandMadeBars.ACME;
import static io.quorum.engine.backtest.HandMadeBars.micros;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.backtest.HandMadeBars;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.market.Bar;
import io.quorum.engine.money.Money;
import io.quorum.engine.position.ExitReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarFillsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 3);
    private static final BarFills NO_COSTS = new BarFills(Costs.NONE);

    @ParameterizedTest(name = "{0} entered at 100, stop {1}%, target {2}%: bar {3} exits by {4} at {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # side | stop % | target % | bar (o h l c)        | exit        | at
            long   | 5      | 10       | 90 92 88 91          | STOP_LOSS   | 90
            long   | 5      | 10       | 97 98 94 96          | STOP_LOSS   | 95
            long   | 5      | 10       | 100 111 94 105       | STOP_LOSS   | 95
            long   | 5      | 10       | 112 115 111 113      | TAKE_PROFIT | 112
            long   | 5      | 10       | 104 111 101 109      | TAKE_PROFIT | 110
            long   | 5      | 10       | 99 109 96 101        | -           | -
            short  | 5      | 10       | 108 109 107 108      | STOP_LOSS   | 108
            short  | 5      | 10       | 101 106 100 104      | STOP_LOSS   | 105
            short  | 5      | 10       | 100 106 89 95        | STOP_LOSS   | 105
            short  | 5      | 10       | 88 89 86 87          | TAKE_PROFIT | 88
            short  | 5      | 10       | 96 97 89 92          | TAKE_PROFIT | 90
            """)
    void a_stop_or_target_fills_at_its_level_or_at_the_open_through_a_gap_and_the_stop_wins_a_bar_that_touches_both(
            String side, String stopPct, String targetPct, String bar, ExitReason expected, String at) {
        boolean isLong = side.equals("long");
        Holding holding = entered(isLong, new ProtectionPolicy(new BigDecimal(stopPct), new BigDecimal(targetPct), null));

        Optional<ProtectiveExit> exit = NO_COSTS.protectiveExit(holding, HandMadeBars.bar(DAY, bar), 1);

        if (expected == null) {
            assertThat(exit).isEmpty();
        } else {
            assertThat(exit).contains(new ProtectiveExit(expected, micros(at)));
        }
    }

    @Test
    void no_level_is_checked_on_the_bar_the_entry_filled_on() {
        Holding holding = entered(true, new ProtectionPolicy(new BigDecimal("5"), new BigDecimal("10"), null));
        Bar throughBoth = HandMadeBars.bar(DAY, "100 120 80 100");

        assertThat(NO_COSTS.protectiveExit(holding, throughBoth, 0)).isEmpty();
        assertThat(NO_COSTS.protectiveExit(holding, throughBoth, 1)).contains(new ProtectiveExit(ExitReason.STOP_LOSS, micros("95")));
    }

    @Test
    void the_trailing_stop_ratchets_on_closes_and_never_on_highs() {
        Holding holding = entered(true, new ProtectionPolicy(null, null, new BigDecimal("10")));
        assertThat(holding.trailingStopMicros()).isEqualTo(micros("90"));

        holding = holding.ratchetedOn(micros("110"));
        assertThat(holding.trailingStopMicros()).as("10% under the close of 110, not under a high of 130").isEqualTo(micros("99"));
        holding = holding.ratchetedOn(micros("105"));
        assertThat(holding.trailingStopMicros()).as("a lower close never loosens it").isEqualTo(micros("99"));

        assertThat(NO_COSTS.protectiveExit(holding, HandMadeBars.bar(DAY, "104 106 98 100"), 2))
                .contains(new ProtectiveExit(ExitReason.TRAILING_STOP, micros("99")));
    }

    @Test
    void a_short_trailing_stop_ratchets_down_on_closes() {
        Holding holding = entered(false, new ProtectionPolicy(null, null, new BigDecimal("10")));

        holding = holding.ratchetedOn(micros("80")).ratchetedOn(micros("85"));

        assertThat(holding.trailingStopMicros()).isEqualTo(micros("88"));
    }

    @Test
    void the_tighter_of_the_fixed_and_trailing_stops_is_the_one_that_fires() {
        Holding holding = entered(true, new ProtectionPolicy(new BigDecimal("5"), null, new BigDecimal("2"))).ratchetedOn(micros("100"));

        assertThat(NO_COSTS.protectiveExit(holding, HandMadeBars.bar(DAY, "99 99 97 98"), 1))
                .contains(new ProtectiveExit(ExitReason.TRAILING_STOP, micros("98")));
    }

    @Test
    void slippage_moves_every_fill_against_the_trader() {
        BarFills slipping = new BarFills(new Costs(CommissionSchedule.FREE, 10));
        Holding holding = entered(true, new ProtectionPolicy(new BigDecimal("5"), null, null));

        assertThat(slipping.marketFill(true, HandMadeBars.bar(DAY, "100 101 99 100"))).isEqualTo(micros("100.10"));
        assertThat(slipping.marketFill(false, HandMadeBars.bar(DAY, "100 101 99 100"))).isEqualTo(micros("99.90"));
        assertThat(slipping.protectiveExit(holding, HandMadeBars.bar(DAY, "97 98 94 96"), 1))
                .contains(new ProtectiveExit(ExitReason.STOP_LOSS, micros("94.905")));
    }

    @Test
    void commission_adds_a_charge_per_share_per_order_and_a_share_of_the_notional() {
        Costs costs = new Costs(new CommissionSchedule.Sum(List.of(
                new CommissionSchedule.PerShare(Money.parse("0.005"), Money.ZERO),
                new CommissionSchedule.PerOrder(Money.parse("1")),
                new CommissionSchedule.BasisPoints(10))), 0);

        assertThat(costs.commissionMicros(100, micros("50"))).as("0.50 + 1.00 + 10 bp of 5,000").isEqualTo(micros("6.5"));
    }

    @Test
    void costs_are_zero_by_default() {
        assertThat(Costs.NONE.commissionMicros(1_000, micros("123.45"))).isZero();
        assertThat(Costs.NONE.fillPrice(true, micros("123.456789"))).isEqualTo(micros("123.456789"));
    }

    private static Holding entered(boolean isLong, ProtectionPolicy policy) {
        long entry = micros("100");
        return Holding.entered(ACME, isLong ? 100 : -100, entry, 0, Instant.parse("2024-01-02T14:30:00Z"), 0, policy.protectionFor(isLong, entry));
    }
}
