package io.quorum.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.StressScenario.HistoricalReplay;
import io.quorum.engine.portfolio.StressScenario.SectorShock;
import io.quorum.engine.portfolio.StressScenario.TickerShocks;
import io.quorum.engine.portfolio.StressScenario.UniformGap;
import io.quorum.engine.portfolio.StressScenario.VolatilitySpike;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressScenarioTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Ticker MSFT = Ticker.of("MSFT");
    private static final Ticker XOM = Ticker.of("XOM");

    /** Long 100 AAPL at 200 (stop 190), short 50 MSFT at 400 (no stop), long 100 XOM at 100 (stop 95). */
    private static final List<Holding> BOOK = List.of(
            new Holding(AAPL, "Technology", 100, Price.parse("200"), Price.parse("190")),
            new Holding(MSFT, "Technology", -50, Price.parse("400"), null),
            new Holding(XOM, "Energy", 100, Price.parse("100"), Price.parse("95")));

    private final StressTest stress = new StressTest(
            Map.of(AAPL, Price.parse("4"), MSFT, Price.parse("8")),
            Map.of(AAPL, replayBars(AAPL, "100", "90", "70", "80"), XOM, replayBars(XOM, "50", "55", "60", "40")));

    @Test
    void a_uniform_gap_moves_every_market_value_the_same_fraction_shorts_gaining() {
        StressResult result = stress.run(new UniformGap(new BigDecimal("-0.10")), BOOK);

        // 20,000 − 20,000 + 10,000 = 10,000 net long: −10% is −1,000
        assertThat(result.pnl()).isEqualTo(Money.parse("-1000"));
        assertThat(result.loss()).isEqualTo(Money.parse("1000"));
        assertThat(result.scenario()).isEqualTo("uniform gap -10%");
    }

    @Test
    void a_sector_shock_moves_only_that_sector() {
        assertThat(stress.run(new SectorShock("Energy", new BigDecimal("-0.25")), BOOK).pnl()).isEqualTo(Money.parse("-2500"));
        assertThat(stress.run(new SectorShock("Technology", new BigDecimal("-0.25")), BOOK).pnl()).isEqualTo(Money.ZERO);
    }

    @Test
    void user_shocks_move_the_tickers_they_name() {
        StressResult result = stress.run(new TickerShocks("earnings miss", Map.of(AAPL, new BigDecimal("-0.15"), MSFT, new BigDecimal("0.05"))), BOOK);

        assertThat(result.pnl()).isEqualTo(Money.parse("-4000"));
    }

    @Test
    void in_a_volatility_spike_stops_slip_by_k_average_true_ranges() {
        StressResult result = stress.run(new VolatilitySpike(new BigDecimal("1.5")), BOOK);

        // AAPL leaves at 190 − 6 = 184: −1,600. MSFT has no stop: 400 + 12 = 412 on 50 short: −600. XOM has no ATR.
        assertThat(result.pnl()).isEqualTo(Money.parse("-2200"));
        assertThat(result.uncovered()).containsExactly(XOM);
    }

    @Test
    void a_replay_follows_each_tickers_closes_and_reports_the_worst_point_of_the_path() {
        StressResult result = stress.run(new HistoricalReplay("March 2020", LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 4)), BOOK);

        // day 1: AAPL −10% (−2,000), XOM +10% (+1,000); day 2: −30% (−6,000), +20% (+2,000); day 3: −20%, −20% (−6,000)
        assertThat(result.pnl()).isEqualTo(Money.parse("-6000"));
        assertThat(result.uncovered()).containsExactly(MSFT);
        assertThat(result.scenario()).isEqualTo("March 2020 replayed");
    }

    @Test
    void the_standard_replays_find_no_history_on_a_desk_that_has_none() {
        StressResult result = new StressTest(Map.of(), Map.of()).run(HistoricalReplay.OCTOBER_2008, BOOK);

        assertThat(result.pnl()).isEqualTo(Money.ZERO);
        assertThat(result.uncovered()).containsExactly(AAPL, MSFT, XOM);
    }

    @Test
    void a_move_is_bounded_in_scale_and_size() {
        assertThatThrownBy(() -> new UniformGap(new BigDecimal("-1.5"))).hasMessageContaining("from -1 to 10");
        assertThatThrownBy(() -> new UniformGap(new BigDecimal("0.123456"))).hasMessageContaining("4 decimals");
        assertThatThrownBy(() -> new VolatilitySpike(BigDecimal.ZERO)).hasMessageContaining("ATR multiple");
    }

    /** The close of 2020-02-28, then closes on 2 March 2020 and the days after. */
    private static List<Bar> replayBars(Ticker ticker, String base, String... closes) {
        List<String> all = new ArrayList<>();
        all.add(base);
        all.addAll(List.of(closes));
        List<Bar> bars = new ArrayList<>(DailyBars.closing(ticker, LocalDate.of(2020, 3, 1), all.toArray(String[]::new)));
        bars.addFirst(DailyBars.closing(ticker, LocalDate.of(2020, 2, 28), base).getFirst());
        bars.remove(1);
        return bars;
    }
}
