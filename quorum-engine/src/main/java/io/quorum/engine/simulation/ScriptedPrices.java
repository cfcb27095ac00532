package io.quorum.engine.simulation;

import io.quorum.engine.money.Price;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A price path written as a desk would describe it, with time counted in market time from the
 * first tick the market generates for the ticker:
 * <pre>{@code
 * ScriptedPrices.startingAt("100.00")
 *         .hold(Duration.ofMinutes(30))
 *         .gapTo("94.00")                         // the next tick prints 94.00, nothing in between
 *         .moveTo("96.00", Duration.ofMinutes(20)).onVolume(5);
 * }</pre>
 * After the last step the price holds. Market closes count as time passing: a step that ends
 * after the close and is followed by {@code gapTo} makes the next session open at the gap.
 * Build a new script per market: it remembers where its first tick was.
 */
public final class ScriptedPrices implements PricePath {
    private record Step(long fromOffsetMillis, long toOffsetMillis, long fromMicros, long toMicros, double volumeMultiple) {}

    private final Price start;
    private final List<Step> steps = new ArrayList<>();
    private long scriptedMillis;
    private long lastMicros;
    private long originMillis = Long.MIN_VALUE;
    private int cursor;

    private ScriptedPrices(Price start) {
        this.start = start;
        this.lastMicros = start.micros();
    }

    public static ScriptedPrices startingAt(String price) { return startingAt(Price.parse(price)); }

    public static ScriptedPrices startingAt(Price price) { return new ScriptedPrices(price); }

    /** Keeps the price where it is for {@code duration}. */
    public ScriptedPrices hold(Duration duration) { return moveTo(Price.ofMicros(lastMicros), duration); }

    public ScriptedPrices moveTo(String price, Duration over) { return moveTo(Price.parse(price), over); }

    /** Moves linearly to {@code price} over {@code over}. */
    public ScriptedPrices moveTo(Price price, Duration over) {
        if (over.isNegative() || over.isZero()) throw new IllegalArgumentException("a move takes a positive duration: " + over);
        long to = scriptedMillis + over.toMillis();
        steps.add(new Step(scriptedMillis, to, lastMicros, price.micros(), 1.0));
        scriptedMillis = to;
        lastMicros = price.micros();
        return this;
    }

    public ScriptedPrices gapTo(String price) { return gapTo(Price.parse(price)); }

    /** Jumps to {@code price} at once: the next tick prints it, with no tick in between. */
    public ScriptedPrices gapTo(Price price) {
        steps.add(new Step(scriptedMillis, scriptedMillis, price.micros(), price.micros(), 1.0));
        lastMicros = price.micros();
        return this;
    }

    /** Trades {@code multiple} times the usual volume during the step just written. */
    public ScriptedPrices onVolume(double multiple) {
        if (steps.isEmpty()) throw new IllegalArgumentException("onVolume applies to the step before it; there is none");
        if (!(multiple > 0)) throw new IllegalArgumentException("volume multiple must be positive: " + multiple);
        Step last = steps.removeLast();
        steps.add(new Step(last.fromOffsetMillis(), last.toOffsetMillis(), last.fromMicros(), last.toMicros(), multiple));
        return this;
    }

    @Override public Price start() { return start; }

    @Override public long priceMicrosAt(long epochMillis) {
        long offset = offsetOf(epochMillis);
        Step step = stepAt(offset);
        if (step == null) return lastMicros;
        if (offset >= step.toOffsetMillis()) return step.toMicros();
        long span = step.toOffsetMillis() - step.fromOffsetMillis();
        double fraction = (double) (offset - step.fromOffsetMillis()) / span;
        long micros = step.fromMicros() + Math.round((step.toMicros() - step.fromMicros()) * fraction);
        return Math.max(SimulatedMarket.CENT_MICROS, Math.round(micros / (double) SimulatedMarket.CENT_MICROS) * SimulatedMarket.CENT_MICROS);
    }

    @Override public double volumeMultipleAt(long epochMillis) {
        long offset = offsetOf(epochMillis);
        Step step = stepAt(offset);
        return step == null || offset > step.toOffsetMillis() ? 1.0 : step.volumeMultiple();
    }

    private long offsetOf(long epochMillis) {
        if (originMillis == Long.MIN_VALUE) originMillis = epochMillis;
        return epochMillis - originMillis;
    }

    /** The step in force at {@code offset}: the last one that has begun (gaps last no time, so a later step supersedes them). */
    private Step stepAt(long offset) {
        if (steps.isEmpty()) return null;
        while (cursor + 1 < steps.size() && steps.get(cursor + 1).fromOffsetMillis() <= offset) cursor++;
        Step step = steps.get(cursor);
        return offset < step.fromOffsetMillis() ? null : step;
    }
}
