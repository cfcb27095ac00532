package io.quorum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one paced run of one subject measured, and the rows it prints. Every latency is from the
 * intended send time (see {@link PacedLoad}); {@code sinceSent} is only a diagnostic beside it.
 *
 * @param faults what went wrong during the run, one short phrase each ("3 missing"); empty when nothing did
 */
public record LatencyResult(String subject, Histogram latency, Histogram sinceSent, Histogram senderLateness, Histogram sendCall, List<String> faults) {
    public LatencyResult {
        faults = List.copyOf(faults);
    }

    public double p99Micros() { return micros(latency.getValueAtPercentile(99)); }

    public List<Scenario.Figure> figures(String scenario, String p99Target) {
        List<Scenario.Figure> rows = new ArrayList<>();
        rows.add(new Scenario.Figure(scenario, subject, "p50 µs", format(micros(latency.getValueAtPercentile(50))), ""));
        rows.add(new Scenario.Figure(scenario, subject, "p99 µs", format(p99Micros()), p99Target));
        rows.add(new Scenario.Figure(scenario, subject, "p99.9 µs", format(micros(latency.getValueAtPercentile(99.9))), ""));
        rows.add(new Scenario.Figure(scenario, subject, "max µs", format(micros(latency.getMaxValue())), ""));
        rows.add(new Scenario.Figure(scenario, subject, "p99 from actual send µs", format(micros(sinceSent.getValueAtPercentile(99))), "diagnostic"));
        rows.add(new Scenario.Figure(scenario, subject, "sender late p99 µs", format(micros(senderLateness.getValueAtPercentile(99))), ""));
        rows.add(new Scenario.Figure(scenario, subject, "send call p99 µs", format(micros(sendCall.getValueAtPercentile(99))), ""));
        if (!faults.isEmpty()) rows.add(new Scenario.Figure(scenario, subject, "faults", String.join(", ", faults), "none: MISSED"));
        return rows;
    }

    public static double micros(long nanos) { return nanos / 1_000.0; }

    public static String format(double value) { return String.format(Locale.ROOT, "%.1f", value); }

    public static String verdict(boolean met) { return met ? "met" : "MISSED"; }
}
