package io.quorum.bench.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S10 for a pass of the tape and a few hundred paced frames, so that a broken scenario fails the build; the figures are the bench command's to judge. */
class AlpacaStreamDecodingSmokeTest {

    @Test
    void every_subject_reports_its_rates_and_every_paced_tick_reaches_the_engine_loop() throws Exception {
        List<Scenario.Figure> figures = new AlpacaStreamDecoding(1, 1, RunLength.fixed(100, 300)).run(Scenario.Mode.QUICK);

        assertThat(figures).filteredOn(figure -> figure.metric().equals("msg per CPU-second")).hasSize(5)
                .allSatisfy(row -> assertThat(Double.parseDouble(row.value().replace(",", ""))).isPositive());
        assertThat(figures).anyMatch(figure -> figure.metric().equals("x bare parse (CPU per msg)") && figure.target().startsWith("≤ 2.0×"));
        assertThat(figures).filteredOn(figure -> figure.metric().equals("ticks measured"))
                .singleElement().satisfies(row -> assertThat(Long.parseLong(row.value())).isGreaterThan(900));
    }
}
