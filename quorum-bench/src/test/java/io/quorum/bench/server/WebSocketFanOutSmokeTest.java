package io.quorum.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs S8 with a few clients and a few events, and its end-to-end part for a second and a half, so
 * that a broken scenario fails the build. It checks that every subject's figures come out, that
 * every consumer got every event and that ticks were charged to position updates; the times are
 * for the bench command to judge.
 */
class WebSocketFanOutSmokeTest {

    @Test
    void every_client_and_every_queue_consumer_gets_every_event_and_each_subject_is_reported() throws Exception {
        List<Scenario.Figure> figures = new WebSocketFanOutLatency(RunLength.fixed(10, 20), 20).run(Scenario.Mode.QUICK);

        assertThat(figures).filteredOn(figure -> figure.metric().equals("faults")).isEmpty();
        assertThat(figures).filteredOn(figure -> figure.metric().equals("p99 µs")).hasSize(3)
                .allSatisfy(row -> assertThat(Double.parseDouble(row.value())).isPositive());
        assertThat(figures).filteredOn(figure -> figure.metric().equals("consumers with every event")).hasSize(3)
                .allSatisfy(row -> assertThat(row.value()).isEqualTo("20 / 20"));
        assertThat(figures).anyMatch(figure -> figure.subject().startsWith("QuorumServer, 20 WebSocket clients")
                && figure.metric().equals("p99 µs") && figure.target().startsWith("≤ 10000.0 µs"));
        assertThat(figures).filteredOn(figure -> figure.metric().equals("p99 difference µs")).hasSize(2);
        List<Scenario.Figure> endToEnd = figures.stream().filter(figure -> figure.subject().startsWith("desk tick -> position_update")).toList();
        assertThat(endToEnd).filteredOn(figure -> figure.metric().equals("p99 ms"))
                .singleElement().satisfies(row -> assertThat(Double.parseDouble(row.value())).isPositive());
        assertThat(endToEnd).filteredOn(figure -> figure.metric().equals("ticks measured / updates received"))
                .singleElement().satisfies(row -> assertThat(row.value()).doesNotStartWith("0 ").doesNotEndWith(" 0"));
    }
}
