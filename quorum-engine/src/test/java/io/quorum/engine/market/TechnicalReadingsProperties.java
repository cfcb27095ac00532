package io.quorum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.money.Price;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The integer readings against ta4j's decimal ones on random daily charts: random walks from two
 * dollars to over a million (never below a quarter of their start), in whole cents as quotes are
 * or in micros, with quiet stretches (no change, no range) where averages sit on their inputs.
 */
class TechnicalReadingsProperties {
    private static final Ticker TICKER = Ticker.of("T");
    private static final Instant FIRST_DAY = Instant.parse("2020-01-02T14:30:00Z");

    /** One day: the close's move and the day's range, in basis points of the previous close. */
    record Day(int moveBps, int rangeBps, int openPart) {}

    record Chart(long startMicros, boolean wholeCents, List<Day> days) {
        List<Bar> bars() {
            List<Bar> bars = new ArrayList<>(days.size());
            long close = startMicros;
            for (int i = 0; i < days.size(); i++) {
                Day day = days.get(i);
                long next = quote(Math.max(startMicros / 4, close + close * day.moveBps() / 10_000));
                long range = quote(close * day.rangeBps() / 10_000);
                long low = Math.max(quote(1), Math.min(close, next) - range / 2);
                long high = Math.max(close, next) + range - range / 2;
                long open = quote(low + (high - low) * day.openPart() / 100);
                bars.add(new Bar(TICKER, FIRST_DAY.plus(Duration.ofDays(i)), Duration.ofDays(1), Math.max(low, open), high, low, Math.max(low, next), 1_000 + i));
                close = Math.max(low, next);
            }
            return bars;
        }

        private long quote(long micros) { return wholeCents ? Math.max(10_000, micros / 10_000 * 10_000) : Math.max(1, micros); }
    }

    @Provide
    Arbitrary<Chart> charts() {
        Arbitrary<Long> start = Arbitraries.of(2_000_000L, 23_450_000L, 100_000_000L, 1_234_567_890L, 500_000_000_000L)
                .flatMap(base -> Arbitraries.longs().between(base, base * 3));
        Arbitrary<Day> day = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(10, Arbitraries.integers().between(-600, 600))),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(10, Arbitraries.integers().between(0, 800))),
                Arbitraries.integers().between(0, 100)).as(Day::new);
        Arbitrary<List<Day>> days = day.list().ofMinSize(TechnicalView.BARS_NEEDED).ofMaxSize(280);
        return Combinators.combine(start, Arbitraries.of(true, false), days).as(Chart::new);
    }

    @Property(tries = 1500)
    void integer_readings_equal_ta4j_readings_whenever_they_give_one(@ForAll("charts") Chart chart) {
        List<Bar> bars = chart.bars();
        BarWindow window = BarWindow.of(bars);
        Optional<TechnicalReadings> integer = FixedPointReadings.of(window);
        boolean dear = bars.stream().anyMatch(bar -> bar.highMicros() > 1_000_000_000_000L);
        Statistics.collect(dear ? "above a million dollars" : integer.isPresent() ? "decided in integers" : "left to ta4j");

        integer.ifPresent(readings -> assertThat(readings).isEqualTo(Ta4jReadings.of(window)));
        Statistics.coverage(coverage -> coverage.check("left to ta4j").percentage(p -> p < 2));
    }

    @Property(tries = 300)
    void a_technical_view_reads_ta4j_values(@ForAll("charts") Chart chart) {
        List<Bar> bars = chart.bars();
        TechnicalView view = TechnicalView.of(bars);
        TechnicalReadings ta4j = Ta4jReadings.of(BarWindow.of(bars));

        assertThat(new TechnicalReadings(view.sma20(), view.sma50(), view.sma200(), view.rsi14(), view.atr14(), view.macd(), view.macdSignal()))
                .isEqualTo(ta4j);
    }

    @Property(tries = 200)
    void a_window_that_has_moved_on_reads_as_its_last_bars_do(@ForAll("charts") Chart chart) {
        List<Bar> bars = chart.bars();
        int kept = TechnicalView.BARS_NEEDED;
        BarWindow moving = new BarWindow(kept);
        for (Bar bar : bars) moving.add(bar);

        assertThat(TechnicalView.of(moving)).isEqualTo(TechnicalView.of(bars.subList(bars.size() - kept, bars.size())));
    }

    @Example
    void an_average_true_range_exactly_half_way_between_two_cents_is_left_to_ta4j_which_rounds_it_half_even() {
        List<Bar> flat = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            flat.add(new Bar(TICKER, FIRST_DAY.plus(Duration.ofDays(i)), Duration.ofDays(1), 10_000_000, 10_062_500, 9_937_500, 10_000_000, 1_000));
        }

        assertThat(FixedPointReadings.of(BarWindow.of(flat))).isEmpty();
        assertThat(TechnicalView.of(flat).atr14()).isEqualTo(Price.parse("0.12"));
    }

    @Example
    void a_chart_above_a_million_dollars_is_left_to_ta4j() {
        List<Bar> dear = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            long close = 1_000_000_000_000L + i * 1_000_000L;
            dear.add(new Bar(TICKER, FIRST_DAY.plus(Duration.ofDays(i)), Duration.ofDays(1), close, close + 5_000_000, close - 5_000_000, close, 10));
        }

        assertThat(FixedPointReadings.of(BarWindow.of(dear))).isEmpty();
        assertThat(TechnicalView.of(dear).sma20()).isEqualTo(Ta4jReadings.of(BarWindow.of(dear)).sma20());
    }
}
