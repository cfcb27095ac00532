package io.quorum.engine.backtest.strategy;

import io.quorum.engine.market.Bar;
import java.util.List;

/**
 * A {@link StrategySpec}'s rules fed one closed bar at a time. Each indicator is updated from its
 * value at the bar before, so a bar costs the same whatever the periods: ta4j does not cache an
 * indicator's value at a series' last bar (that bar may still change), and a replay that shows
 * every bar as the last one would pay each window in full. The arithmetic is ta4j's, operation for
 * operation on doubles of whole micro-dollars, so each rule holds on the same bar as
 * {@link Ta4jRules} on the finished series.
 */
sealed interface SignalRules {
    /** Takes in the closed bar numbered {@code index}; the rules then read at that bar. */
    void onClose(int index, Bar bar);

    boolean entryHolds();

    boolean exitHolds();

    /** No rule holds before this bar: the indicators do not have the bars they need yet. */
    int unstableBars();

    List<String> indicatorNames();

    /** The value at the latest bar of the indicator numbered as in {@link #indicatorNames()}. */
    double indicator(int number);

    static SignalRules of(StrategySpec spec) {
        return switch (spec.kind()) {
            case SMA_CROSS -> new SmaCross(spec.parameter(0), spec.parameter(1));
            case EMA_CROSS -> new EmaCross(spec.parameter(0), spec.parameter(1));
            case MACD -> new MacdCross(spec.parameter(0), spec.parameter(1), spec.parameter(2));
            case RSI_REVERSION -> new RsiReversion(spec.parameter(0), spec.parameter(1), spec.parameter(2));
            case BREAKOUT -> new Breakout(spec.parameter(0));
        };
    }

    /** Enters when the first line crosses above the second, leaves when it crosses below. */
    abstract sealed class LineCross implements SignalRules permits SmaCross, EmaCross, MacdCross {
        private final Cross cross = new Cross();
        private final int unstableBars;

        LineCross(int unstableBars) { this.unstableBars = unstableBars; }

        final void compare(double first, double second) { cross.compare(first, second); }

        @Override public final boolean entryHolds() { return cross.crossedUp; }

        @Override public final boolean exitHolds() { return cross.crossedDown; }

        @Override public final int unstableBars() { return unstableBars; }
    }

    final class SmaCross extends LineCross {
        private final MovingSum fast;
        private final MovingSum slow;

        SmaCross(int fast, int slow) {
            super(slow);
            this.fast = new MovingSum(fast);
            this.slow = new MovingSum(slow);
        }

        @Override public void onClose(int index, Bar bar) {
            fast.add(bar.closeMicros());
            slow.add(bar.closeMicros());
            compare(fast.average(), slow.average());
        }

        @Override public List<String> indicatorNames() { return List.of("fast", "slow"); }

        @Override public double indicator(int number) { return number == 0 ? fast.average() : slow.average(); }
    }

    final class EmaCross extends LineCross {
        private final Ema fast;
        private final Ema slow;

        EmaCross(int fast, int slow) {
            super(slow);
            this.fast = Ema.exponential(fast);
            this.slow = Ema.exponential(slow);
        }

        @Override public void onClose(int index, Bar bar) {
            compare(fast.add(bar.closeMicros()), slow.add(bar.closeMicros()));
        }

        @Override public List<String> indicatorNames() { return List.of("fast", "slow"); }

        @Override public double indicator(int number) { return number == 0 ? fast.value : slow.value; }
    }

    /** The MACD line (fast EMA − slow EMA of closes) against its signal line (an EMA of the MACD line). */
    final class MacdCross extends LineCross {
        private final Ema fast;
        private final Ema slow;
        private final Ema signal;
        private double macd;

        MacdCross(int fast, int slow, int signal) {
            super(slow + signal);
            this.fast = Ema.exponential(fast);
            this.slow = Ema.exponential(slow);
            this.signal = Ema.exponential(signal);
        }

        @Override public void onClose(int index, Bar bar) {
            macd = fast.add(bar.closeMicros()) - slow.add(bar.closeMicros());
            compare(macd, signal.add(macd));
        }

        @Override public List<String> indicatorNames() { return List.of("macd", "signal"); }

        @Override public double indicator(int number) { return number == 0 ? macd : signal.value; }
    }

    /** Wilder's RSI: 100 − 100 / (1 + the smoothed gains ÷ the smoothed losses), undefined before bar N. */
    final class RsiReversion implements SignalRules {
        private final int bars;
        private final double low;
        private final double high;
        private final Ema gains;
        private final Ema losses;
        private long previousClose;
        private double rsi = Double.NaN;

        RsiReversion(int bars, int low, int high) {
            this.bars = bars;
            this.low = low;
            this.high = high;
            this.gains = Ema.wilder(bars);
            this.losses = Ema.wilder(bars);
        }

        @Override public void onClose(int index, Bar bar) {
            long change = index == 0 ? 0 : bar.closeMicros() - previousClose;
            previousClose = bar.closeMicros();
            double gain = gains.add(Math.max(change, 0));
            double loss = losses.add(Math.max(-change, 0));
            if (index < bars) rsi = Double.NaN;
            else if (loss == 0) rsi = gain == 0 ? 0 : 100;
            else rsi = 100 - 100 / (1 + gain / loss);
        }

        @Override public boolean entryHolds() { return rsi < low; }

        @Override public boolean exitHolds() { return rsi > high; }

        @Override public int unstableBars() { return bars; }

        @Override public List<String> indicatorNames() { return List.of("rsi"); }

        @Override public double indicator(int number) { return rsi; }
    }

    /** The close against the highest high and the lowest low of the N bars before it. */
    final class Breakout implements SignalRules {
        private final int bars;
        private final SlidingMaximum highs;
        private final SlidingMaximum negatedLows;
        private double priorHigh = Double.NaN;
        private double priorLow = Double.NaN;
        private long close;

        Breakout(int bars) {
            this.bars = bars;
            this.highs = new SlidingMaximum(bars);
            this.negatedLows = new SlidingMaximum(bars);
        }

        @Override public void onClose(int index, Bar bar) {
            if (index > 0) {
                priorHigh = highs.maximum();
                priorLow = -negatedLows.maximum();
            }
            close = bar.closeMicros();
            highs.add(index, bar.highMicros());
            negatedLows.add(index, -bar.lowMicros());
        }

        @Override public boolean entryHolds() { return close > priorHigh; }

        @Override public boolean exitHolds() { return close < priorLow; }

        @Override public int unstableBars() { return bars; }

        @Override public List<String> indicatorNames() { return List.of("priorHigh", "priorLow"); }

        @Override public double indicator(int number) { return number == 0 ? priorHigh : priorLow; }
    }

    /**
     * ta4j's cross: the first line is now on the other side of the second than the last time the
     * two differed, so a touch that leaves them equal for a few bars and returns is no cross.
     */
    final class Cross {
        private int lastSide;
        private boolean crossedUp;
        private boolean crossedDown;

        void compare(double first, double second) {
            int side = first > second ? 1 : first < second ? -1 : 0;
            crossedUp = side > 0 && lastSide < 0;
            crossedDown = side < 0 && lastSide > 0;
            if (side != 0) lastSide = side;
        }
    }

    /** The sum of the last N closes, exact in micro-dollars; before N bars, of the bars so far. */
    final class MovingSum {
        private final long[] window;
        private long sum;
        private int added;

        MovingSum(int bars) { this.window = new long[bars]; }

        void add(long micros) {
            int slot = added % window.length;
            sum += micros - window[slot];
            window[slot] = micros;
            added++;
        }

        /** As ta4j divides it: the exact sum as a double, over the bars it holds. */
        double average() { return (double) sum / Math.min(added, window.length); }
    }

    /** An exponential average, ta4j's recursion: the first value, then value += (x − value) × multiplier. */
    final class Ema {
        private final double multiplier;
        private boolean started;
        private double value;

        private Ema(double multiplier) { this.multiplier = multiplier; }

        static Ema exponential(int bars) { return new Ema(2.0 / (bars + 1)); }

        /** Wilder's smoothing, ta4j's MMA. */
        static Ema wilder(int bars) { return new Ema(1.0 / bars); }

        double add(double x) {
            value = started ? (x - value) * multiplier + value : x;
            started = true;
            return value;
        }
    }

    /**
     * The largest of the last N values, in amortised constant time: a queue of candidates, each
     * larger than every one after it, so a value leaves when a larger one comes or when it is N bars old.
     */
    final class SlidingMaximum {
        private final int bars;
        private final long[] values;
        private final int[] indices;
        private int head;
        private int size;

        SlidingMaximum(int bars) {
            this.bars = bars;
            this.values = new long[bars + 1];
            this.indices = new int[bars + 1];
        }

        void add(int index, long value) {
            while (size > 0 && values[slot(size - 1)] <= value) size--;
            values[slot(size)] = value;
            indices[slot(size)] = index;
            size++;
            while (indices[head] <= index - bars) {
                head = slot(1);
                size--;
            }
        }

        long maximum() { return values[head]; }

        private int slot(int position) { return (head + position) % values.length; }
    }
}
