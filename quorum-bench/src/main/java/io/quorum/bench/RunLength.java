package io.quorum.bench;

/**
 * How many messages (or rounds) a scenario sends to warm up and then measures, in each mode. The
 * bench command uses each scenario's own lengths; the smoke test passes {@link #fixed} tiny ones
 * so that a broken scenario fails the build without a minute of measuring.
 */
public record RunLength(int quickWarmup, int quickMeasured, int fullWarmup, int fullMeasured) {
    public RunLength {
        if (quickWarmup < 0 || fullWarmup < 0 || quickMeasured < 1 || fullMeasured < 1) {
            throw new IllegalArgumentException("warm-up counts must not be negative and measured counts must be positive: "
                    + quickWarmup + ", " + quickMeasured + ", " + fullWarmup + ", " + fullMeasured);
        }
    }

    /** {@code warmupSeconds} then {@code measuredSeconds} of sending at {@code perSecond}, in each mode. */
    public static RunLength ofSeconds(int perSecond, int quickWarmupSeconds, int quickMeasuredSeconds, int fullWarmupSeconds, int fullMeasuredSeconds) {
        return new RunLength(perSecond * quickWarmupSeconds, perSecond * quickMeasuredSeconds, perSecond * fullWarmupSeconds, perSecond * fullMeasuredSeconds);
    }

    /** The same counts whatever the mode. */
    public static RunLength fixed(int warmup, int measured) { return new RunLength(warmup, measured, warmup, measured); }

    public int warmup(Scenario.Mode mode) { return mode == Scenario.Mode.QUICK ? quickWarmup : fullWarmup; }

    public int measured(Scenario.Mode mode) { return mode == Scenario.Mode.QUICK ? quickMeasured : fullMeasured; }
}
