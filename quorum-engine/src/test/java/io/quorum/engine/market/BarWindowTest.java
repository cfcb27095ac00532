package io.quorum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarWindowTest {
    private static final Ticker TICKER = Ticker.of("T");

    private static Bar day(int n) {
        long close = 1_000_000L * n;
        return new Bar(TICKER, Instant.EPOCH.plus(Duration.ofDays(n)), Duration.ofDays(1), close, close + 2, close - 1, close + 1, n);
    }

    @Test
    void a_full_window_keeps_the_latest_bars_oldest_first() {
        BarWindow window = new BarWindow(3);
        for (int n = 1; n <= 7; n++) window.add(day(n));

        assertThat(window.size()).isEqualTo(3);
        assertThat(new long[] {window.volume(0), window.volume(1), window.volume(2)}).containsExactly(5, 6, 7);
        assertThat(window.closeMicros(2)).isEqualTo(7_000_001L);
        assertThat(window.highMicros(0)).isEqualTo(5_000_002L);
        assertThat(window.lowMicros(1)).isEqualTo(5_999_999L);
        assertThat(window.openMicros(1)).isEqualTo(6_000_000L);
    }

    @Test
    void a_window_not_yet_full_holds_every_bar_added() {
        BarWindow window = new BarWindow(5);
        window.add(day(1));
        window.add(day(2));

        assertThat(window.size()).isEqualTo(2);
        assertThat(window.volume(0)).isEqualTo(1);
        assertThat(window.volume(1)).isEqualTo(2);
    }

    @Test
    void a_bar_beyond_the_window_is_refused() {
        BarWindow window = new BarWindow(2);
        window.add(day(1));

        assertThatThrownBy(() -> window.closeMicros(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(new BarWindow(2).isEmpty()).isTrue();
    }
}
