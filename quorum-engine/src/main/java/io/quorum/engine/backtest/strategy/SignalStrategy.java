package io.quorum.engine.backtest.strategy;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * One ticker's strategy in a replay: it is shown each bar once the bar has closed, and reads its
 * signal from the bars shown so far and nothing else. The bars and indicators it keeps are
 * bounded ({@value #KEPT_BARS} bars), so a replay of any length holds the same memory, and
 * {@link #bar} and {@link #indicator} refuse any bar after the latest one: there is no path to the future.
 */
public final class SignalStrategy {
    static final int KEPT_BARS = 1_000;

    private final Ticker ticker;
    private final BarSeries series;
    private final Ta4jRules rules;
    private final NumFactory numbers = DoubleNumFactory.getInstance();
    private final Bar[] recent = new Bar[KEPT_BARS];
    private int latest = -1;

    public SignalStrategy(Ticker ticker, StrategySpec spec) {
        if (spec.parameters().stream().anyMatch(period -> period >= KEPT_BARS / 2)) {
            throw new IllegalArgumentException(spec + ": a period must be shorter than " + KEPT_BARS / 2 + " bars");
        }
        this.ticker = ticker;
        this.series = new BaseBarSeriesBuilder().withName(ticker.symbol()).withNumFactory(numbers).build();
        series.setMaximumBarCount(KEPT_BARS);
        this.rules = Ta4jRules.of(spec, series);
    }

    /** Shows the strategy a closed bar and returns what it signals at that close. */
    public Signal onClose(Bar bar, boolean holding) {
        if (!bar.ticker().equals(ticker)) throw new IllegalArgumentException("a bar of " + bar.ticker() + " shown to the strategy of " + ticker);
        Duration interval = bar.interval();
        series.addBar(new BaseBar(interval, bar.start(), bar.end(), price(bar.openMicros()), price(bar.highMicros()), price(bar.lowMicros()),
                price(bar.closeMicros()), numbers.numOf(bar.volume()), numbers.zero(), 0), false);
        latest++;
        recent[latest % KEPT_BARS] = bar;
        if (holding) return rules.strategy().shouldExit(latest) ? Signal.EXIT_LONG : Signal.NONE;
        return rules.strategy().shouldEnter(latest) ? Signal.ENTER_LONG : Signal.NONE;
    }

    /** The number of the latest bar shown (0 for the first), or −1 before any. */
    public int latest() { return latest; }

    /** The bar numbered {@code index}; refused when it is after the latest bar, or older than the bars kept. */
    public Bar bar(int index) {
        check(index);
        return recent[index % KEPT_BARS];
    }

    /**
     * The value of the named indicator ({@link #indicatorNames()}) at bar {@code index}, refused like
     * {@link #bar}. Prices and averages read in micro-dollars, an RSI in points.
     */
    public double indicator(String name, int index) {
        check(index);
        Indicator<Num> indicator = rules.indicators().get(name);
        if (indicator == null) throw new IllegalArgumentException(rules.strategy().getName() + " has no indicator \"" + name + "\"; it has " + indicatorNames());
        return indicator.getValue(index).doubleValue();
    }

    public Set<String> indicatorNames() { return new TreeSet<>(rules.indicators().keySet()); }

    private void check(int index) {
        if (index > latest) throw new IllegalArgumentException("bar " + index + " of " + ticker + " is in the future: the replay has shown bars up to " + latest);
        if (index < 0 || index <= latest - KEPT_BARS) throw new IllegalArgumentException("bar " + index + " of " + ticker + " is no longer kept: only the last " + KEPT_BARS + " are");
    }

    /**
     * Prices enter the series as whole micro-dollars: a double holds them and their sums exactly, so
     * two averages that are equal in exact arithmetic compare equal, and a crossover is never read
     * off a rounding error.
     */
    private Num price(long micros) { return numbers.numOf((double) micros); }
}
