package io.quorum.engine.backtest;

import static io.quorum.engine.backtest.HandMadeBars.ACME;
import static io.quorum.engine.backtest.HandMadeBars.micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.backtest.fill.ProtectionPolicy;
import io.quorum.engine.backtest.strategy.SignalStrategy;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestReplayTest {
    /** breakout:2 buys the close of bar 2 (12 above the 10.50 high of bars 0 and 1) and sells the close of bar 5 (below their lows). */
    private static final List<Bar> BREAKOUT = HandMadeBars.daily(
            "10 10.50 9.50 10",
            "10 10.50 9.50 10",
            "10 12 10 12",
            "12.50 13 12 12.80",
            "12.80 13.20 12.40 13",
            "12.90 13 11 11.20",
            "11.10 11.50 10.80 11");
    private static final BacktestConfig CONFIG = BacktestConfig.defaults().withStrategy(StrategySpec.parse("breakout:2"));

    @Test
    void a_market_order_decided_on_a_close_fills_at_the_next_bars_open() {
        BacktestRun run = new Backtest(CONFIG).run(BREAKOUT.iterator());

        assertThat(run.trades()).containsExactly(new Trade(ACME, Direction.LONG, 100, BREAKOUT.get(3).start(), micros("12.50"),
                BREAKOUT.get(6).start(), micros("11.10"), 0, TradeExit.SIGNAL, 3));
    }

    @Test
    void bars_from_before_1970_are_replayed_like_any_others() {
        List<Bar> sixties = new ArrayList<>();
        LocalDate day = LocalDate.of(1962, 1, 2);
        for (Bar bar : BREAKOUT) {
            sixties.add(new Bar(bar.ticker(), ExchangeCalendar.NYSE.sessionOpen(day), bar.interval(), bar.openMicros(), bar.highMicros(), bar.lowMicros(),
                    bar.closeMicros(), bar.volume()));
            day = ExchangeCalendar.NYSE.nextTradingDay(day);
        }

        BacktestRun run = new Backtest(CONFIG).run(sixties.iterator());

        assertThat(run.trades()).singleElement().satisfies(trade -> assertThat(trade.entryTime()).isEqualTo(sixties.get(3).start()));
    }

    @Test
    void a_stop_is_not_taken_on_the_entry_bar_but_on_the_next_one() {
        BacktestConfig protectedEntries = CONFIG.withProtection(new ProtectionPolicy(new BigDecimal("3"), null, null));

        BacktestRun run = new Backtest(protectedEntries).run(BREAKOUT.iterator());

        assertThat(run.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.entryTime()).isEqualTo(BREAKOUT.get(3).start());
            assertThat(trade.exit()).isEqualTo(TradeExit.STOP_LOSS);
            assertThat(trade.exitTime()).as("bar 3's low of 12 is under the 12.125 stop, but bar 3 is the entry bar").isEqualTo(BREAKOUT.get(5).start());
            assertThat(trade.exitMicros()).isEqualTo(micros("12.125"));
        });
    }

    @Test
    void a_position_still_open_when_the_data_ends_is_closed_at_the_last_close() {
        BacktestRun run = new Backtest(CONFIG).run(BREAKOUT.subList(0, 5).iterator());

        assertThat(run.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exit()).isEqualTo(TradeExit.END_OF_DATA);
            assertThat(trade.exitMicros()).isEqualTo(micros("13"));
        });
        assertThat(run.equity().getLast().equityMicros()).isEqualTo(CONFIG.startingCash().micros() + run.trades().getFirst().pnlMicros());
    }

    @Test
    void the_equity_curve_marks_the_holding_at_each_close() {
        BacktestRun run = new Backtest(CONFIG).run(BREAKOUT.iterator());

        List<Long> gains = new ArrayList<>();
        for (EquityPoint point : run.equity()) gains.add(point.equityMicros() - CONFIG.startingCash().micros());
        assertThat(gains).containsExactly(0L, 0L, 0L, micros("30"), micros("50"), -micros("130"), -micros("140"));
        assertThat(run.equity()).extracting(EquityPoint::invested).containsExactly(false, false, false, true, true, true, false);
    }

    @Test
    void no_path_of_the_replay_shows_a_bar_after_now() {
        List<String> refusals = new ArrayList<>();
        new Backtest(CONFIG, (view, bar) -> {
            SignalStrategy strategy = view.strategy(ACME).orElseThrow();
            int now = strategy.latest();
            assertThat(strategy.bar(now)).isEqualTo(bar);
            assertThat(view.now()).as("the replay clock is at this bar's close").isEqualTo(bar.end());
            view.holding(ACME).ifPresent(holding -> assertThat(holding.entryTime()).isBeforeOrEqualTo(bar.start()));
            assertThatThrownBy(() -> strategy.bar(now + 1)).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(refused -> refusals.add(refused.getMessage()));
            for (String indicator : strategy.indicatorNames()) {
                assertThatThrownBy(() -> strategy.indicator(indicator, now + 1)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("in the future");
            }
        }).run(BREAKOUT.iterator());

        assertThat(refusals).hasSize(BREAKOUT.size()).first().isEqualTo("bar 1 of ACME is in the future: the replay has shown bars up to 0");
    }

    @Test
    void bars_of_several_tickers_are_replayed_in_time_order() {
        List<Bar> other = new ArrayList<>();
        for (Bar bar : BREAKOUT) other.add(new Bar(Ticker.of("ZETA"), bar.start(), bar.interval(), bar.openMicros(),
                bar.highMicros(), bar.lowMicros(), bar.closeMicros(), bar.volume()));
        List<Bar> seen = new ArrayList<>();

        BacktestRun run = new Backtest(CONFIG, (view, bar) -> seen.add(bar)).run(new MergedBars(List.of(other.iterator(), BREAKOUT.iterator())));

        assertThat(seen).hasSize(14).isSortedAccordingTo(Comparator.comparing(Bar::start));
        assertThat(seen.get(0).ticker()).isEqualTo(ACME);
        assertThat(run.trades()).hasSize(2);
        assertThat(run.equity()).hasSize(BREAKOUT.size());
    }
}
