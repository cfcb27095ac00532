package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), 5_036);

    @Test void the_line_shows_the_bars_done_the_rate_and_the_time_left() {
        assertThat(bar.line(1_679, 0.5)).isEqualTo("[##########....................] 1,679/5,036 bars · 3,358 bars/s · ETA 0:01");
    }

    @Test void a_long_run_tells_minutes_and_seconds_left() {
        assertThat(bar.line(36, 1.0)).endsWith("36/5,036 bars · 36 bars/s · ETA 2:19");
    }

    @Test void at_the_end_the_bar_is_full_and_nothing_is_left() {
        assertThat(bar.line(5_036, 2.0)).startsWith("[" + "#".repeat(30) + "]").endsWith("ETA 0:00");
    }
}
