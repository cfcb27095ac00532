package io.quorum.engine.backtest.strategy;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ticker's strategy in a replay: it is shown each bar once the bar has closed, and reads its
 * signal from the bars shown so far and nothing else. The bars and indicator values it keeps are
 * bounded ({@value #KEPT_BARS} bars), so a replay of any length holds the same memory, and
 * {@link #bar} and {@link #indicator} refuse any bar after the latest one: there is no path to the future.
 */
public final class SignalStrategy {
    static final int KEPT_BARS = 1_000;

    private final Ticker ticker;
    private final StrategySpec spec;
    private final SignalRules rules;
    private final List<String> indicatorNames;
    private final Bar[] recent = new Bar[KEPT_BARS];
    private final double[][] recentIndicators;
    private int latest = -1;

    public SignalStrategy(Ticker ticker, StrategySpec spec) {
        if (spec.parameters().stream().anyMatch(period -> period >= KEPT_BARS / 2)) {
            throw new IllegalArgumentException(spec + ": a period must be shorter than " + KEPT_BARS / 2 + " bars");
        }
        this.ticker = ticker;
        this.spec = spec;
        this.rules = SignalRules.of(spec);
        this.indicatorNames = rules.indicatorNames();
        this.recentIndicators = new double[indicatorNames.size()][KEPT_BARS];
    }

    /** Shows the strategy a closed bar and returns what it signals at that close. */
    public Signal onClose(Bar bar, boolean holding) {
        if (!bar.ticker().equals(ticker)) throw new IllegalArgumentException("a bar of " + bar.ticker() + " shown to the strategy of " + ticker);
        latest++;
        rules.onClose(latest, bar);
        int slot = latest % KEPT_BARS;
        recent[slot] = bar;
        for (int number = 0; number < recentIndicators.length; number++) recentIndicators[number][slot] = rules.indicator(number);
        if (latest < rules.unstableBars()) return Signal.NONE;
        if (holding) return rules.exitHolds() ? Signal.EXIT_LONG : Signal.NONE;
        return rules.entryHolds() ? Signal.ENTER_LONG : Signal.NONE;
    }

    /**
     * Whether the latest bar's close signals the exit of a long, held or not: what a position the
     * replay did not take (a vetoed entry, followed to tell what the veto saved) would have left on.
     */
    public boolean exitSignalled() { return latest >= rules.unstableBars() && rules.exitHolds(); }

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
        int number = indicatorNames.indexOf(name);
        if (number < 0) throw new IllegalArgumentException(spec + " has no indicator \"" + name + "\"; it has " + indicatorNames());
        return recentIndicators[number][index % KEPT_BARS];
    }

    public Set<String> indicatorNames() { return new TreeSet<>(indicatorNames); }

    private void check(int index) {
        if (index > latest) throw new IllegalArgumentException("bar " + index + " of " + ticker + " is in the future: the replay has shown bars up to " + latest);
        if (index < 0 || index <= latest - KEPT_BARS) throw new IllegalArgumentException("bar " + index + " of " + ticker + " is no longer kept: only the last " + KEPT_BARS + " are");
    }
}
