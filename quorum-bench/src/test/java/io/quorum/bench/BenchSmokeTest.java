package io.quorum.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.bench.bus.BusHopLatency;
import io.quorum.bench.consensus.DecisionRoundLatency;
import io.quorum.bench.journal.JournalCommitThroughput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs scenarios for a handful of messages, so that a broken bench fails the build. It checks that
 * every subject's figures come out, positive and without faults; the times themselves are for the
 * bench command to judge, not for a test on a shared machine.
 */
class BenchSmokeTest {
    private static final List<String> LATENCY_METRICS = List.of("p50 µs", "p99 µs", "p99.9 µs", "max µs");

    @Test
    void the_decision_round_runs_to_a_decision_for_every_round_and_reports_each_subject() throws Exception {
        List<Scenario.Figure> figures = new DecisionRoundLatency(RunLength.fixed(20, 50)).run(Scenario.Mode.QUICK);

        assertLatenciesPositiveForEachOf(figures, 3);
        assertThat(figures).filteredOn(figure -> figure.metric().equals("faults")).isEmpty();
        assertThat(figures).anyMatch(figure -> figure.subject().startsWith("round:") && figure.metric().equals("p99 µs")
                && figure.target().startsWith("≤ 500.0 µs"));
        assertThat(figures).filteredOn(figure -> figure.metric().equals("p99 protocol overhead µs")).hasSize(2);
    }

    @Test
    void the_bus_hop_delivers_every_message_to_every_subscriber_and_reports_each_subject() throws Exception {
        List<Scenario.Figure> figures = new BusHopLatency(RunLength.fixed(200, 500)).run(Scenario.Mode.QUICK);

        assertLatenciesPositiveForEachOf(figures, 4);
        assertThat(figures).filteredOn(figure -> figure.metric().equals("faults")).isEmpty();
        assertThat(figures).anyMatch(figure -> figure.metric().equals("p99 ratio"));
    }

    @Test
    void the_journal_scenario_appends_durably_with_and_without_group_commit_and_reports_the_ratio() throws Exception {
        List<Scenario.Figure> figures = new JournalCommitThroughput(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(300)).run(Scenario.Mode.QUICK);

        assertThat(figures).filteredOn(figure -> figure.metric().equals("faults")).isEmpty();
        // A window of 300 ms on a loaded machine may see no fsync finish: a smoke test asks for figures, not for speed.
        List<Double> appendsPerSecond = figures.stream().filter(figure -> figure.metric().equals("durable appends/s") && figure.subject().startsWith("SQLite"))
                .map(row -> Double.parseDouble(row.value().replace(",", ""))).toList();
        assertThat(appendsPerSecond).hasSize(11).allSatisfy(value -> assertThat(value).isNotNegative()).anySatisfy(value -> assertThat(value).isPositive());
        assertThat(figures).anyMatch(figure -> figure.subject().startsWith("SQLite") && figure.metric().equals("x one commit per event (best)")
                && figure.target().startsWith("≥ 20.0×"));
    }

    private static void assertLatenciesPositiveForEachOf(List<Scenario.Figure> figures, int subjects) {
        for (String metric : LATENCY_METRICS) {
            List<Scenario.Figure> rows = figures.stream().filter(figure -> figure.metric().equals(metric)).toList();
            assertThat(rows).as(metric).hasSize(subjects);
            assertThat(rows).as(metric).allSatisfy(row -> assertThat(Double.parseDouble(row.value())).isPositive());
        }
    }
}
