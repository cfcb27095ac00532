package io.quorum.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.AccountLimits;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskModel;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.session.SizingRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PositionSizerTest {
    private static final Ticker NVDA = Ticker.of("NVDA");
    private final PositionSizer onePercentRisk = new PositionSizer(BigDecimal.ONE, BigDecimal.valueOf(25));

    @ParameterizedTest(name = "equity {0}, entry {1}, stop {2} -> {3} shares")
    @CsvSource(delimiter = '|', textBlock = """
            # equity | entry | stop   | shares (1% risk, 25% cap)
            100000   | 100   | 95     | 200
            100000   | 100   | 105    | 200
            100000   | 100   | 98     | 250
            100000   | 100   | 97     | 250
            100000   | 100   | 93     | 142
            100000   | 100   | 100    | 0
            0        | 100   | 95     | 0
            1000     | 300   | 290    | 0
            """)
    void risks_a_fixed_fraction_of_equity_over_the_stop_distance_capped_by_the_position_limit(
            long equity, String entry, String stop, long shares) {
        assertThat(onePercentRisk.sharesForStop(Money.ofDollars(equity), Price.parse(entry), Price.parse(stop))).isEqualTo(shares);
    }

    @Property
    void the_size_never_risks_more_than_the_budget_nor_exceeds_the_cap_and_one_more_share_would(
            @ForAll @LongRange(min = 1, max = 10_000_000) long equityDollars,
            @ForAll @LongRange(min = 100, max = 100_000) long entryCents,
            @ForAll @LongRange(min = 1, max = 99_999) long stopCents,
            @ForAll @IntRange(min = 1, max = 10) int riskPct) {
        PositionSizer sizer = new PositionSizer(BigDecimal.valueOf(riskPct), BigDecimal.valueOf(25));
        Money equity = Money.ofDollars(equityDollars);
        Price entry = Price.ofMicros(entryCents * 10_000);
        Price stop = Price.ofMicros(stopCents * 10_000);

        long shares = sizer.sharesForStop(equity, entry, stop);

        assertThat(shares).isNotNegative();
        long distance = Math.abs(entry.micros() - stop.micros());
        long budget = equity.micros() / 100 * riskPct;
        long cap = equity.micros() / 4;
        if (distance == 0) {
            assertThat(shares).isZero();
            return;
        }
        assertThat(shares * distance).isLessThanOrEqualTo(budget);
        assertThat(entry.times(shares).micros()).isLessThanOrEqualTo(cap);
        assertThat((shares + 1) * distance > budget || entry.times(shares + 1).micros() > cap).isTrue();
    }

    @Property
    void a_stop_on_the_entry_sizes_to_zero(@ForAll @LongRange(min = 1, max = 100_000) long entryCents) {
        Price entry = Price.ofMicros(entryCents * 10_000);

        assertThat(onePercentRisk.sharesForStop(Money.ofDollars(1_000_000), entry, entry)).isZero();
    }

    @ParameterizedTest(name = "{0} ({1}, {2}) at ${3}, stop ${4}, ATR ${5} -> {6} shares")
    @CsvSource(delimiter = '|', textBlock = """
            # rule             | input | k   | entry | stop | ATR  | shares ($100,000 equity, 25% cap)
            FIXED_FRACTIONAL   | 1     |     | 100   | 95   | 2    | 200
            ATR_MULTIPLE       | 1     | 2   | 100   | 95   | 2    | 250
            ATR_MULTIPLE       | 1     | 2.5 | 100   | 95   | 3    | 133
            ATR_MULTIPLE       | 1     | 2   | 100   | 95   | 0    | 0
            VOLATILITY_TARGET  | 0.5   |     | 100   | 95   | 2    | 250
            VOLATILITY_TARGET  | 0.25  |     | 100   | 95   | 3    | 83
            VOLATILITY_TARGET  | 0.5   |     | 100   | 95   | 0    | 0
            FIXED_AMOUNT       | 10000 |     | 300   | 290  | 2    | 33
            FIXED_AMOUNT       | 50000 |     | 100   | 95   | 2    | 250
            """)
    void each_rule_sizes_by_its_formula_rounded_down_and_capped_by_the_position_limit(
            SizingRule.Kind kind, String input, String multiple, String entry, String stop, String atr, long shares) {
        BigDecimal value = new BigDecimal(input);
        SizingRule rule = SizingRule.of(kind, value, multiple == null ? null : new BigDecimal(multiple), value, Money.of(value));
        PositionSizer sizer = new PositionSizer(rule, BigDecimal.valueOf(25));

        assertThat(sizer.shares(Money.ofDollars(100_000), Price.parse(entry), Price.parse(stop), new BigDecimal(atr).movePointRight(6).longValueExact()))
                .isEqualTo(shares);
    }

    @Test
    void the_cap_leaves_room_for_what_is_held_on_the_same_side_only() {
        PositionSizer sizer = new PositionSizer(new SizingRule.FixedAmount(Money.ofDollars(1_000_000)), BigDecimal.valueOf(25));
        AccountLimits unlimited = new AccountLimitCheck(Portfolio.of(Money.ofDollars(100_000), List.of(), Map.of()), RiskModel.EMPTY, RiskSettings.defaults());
        Money equity = Money.ofDollars(100_000);
        Price entry = Price.parse("100");

        assertThat(sizer.cappedBy(unlimited, NVDA, 100, true, 1_000, equity, entry)).as("long 100, 250 allowed").isEqualTo(150);
        assertThat(sizer.cappedBy(unlimited, NVDA, -100, true, 1_000, equity, entry)).as("a buy against a short").isEqualTo(250);
        assertThat(sizer.cappedBy(unlimited, NVDA, 300, true, 1_000, equity, entry)).as("already over the limit").isZero();
    }
}
