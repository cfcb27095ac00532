package io.quorum.engine.backtest.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Bar;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What a replayed agent reads of the chart is what the live desk's agent reads at the same close. */
class ReplayDeskViewTest {
    private static final Ticker ORCL = Ticker.of("ORCL");

    /**
     * The recursive averages forget their first bar slowly: a bad print of $90,000 on the oldest bar
     * read still moves them by a fraction of a cent 260 bars later, so that the bar a view starts on shows.
     */
    @Test
    void the_replay_reads_the_bar_just_closed_and_the_260_completed_before_it_as_the_live_view_reads_today_and_the_260_before() {
        int read = TechnicalView.COMPLETED_DAYS_READ + 1;
        List<Bar> closes = randomWalk(400);
        int oldestRead = closes.size() - read;
        Bar print = closes.get(oldestRead);
        closes.set(oldestRead, new Bar(ORCL, print.start(), MarketDataFeed.DAILY, 90_000_000_000L, 90_000_000_000L, print.lowMicros(), 90_000_000_000L, print.volume()));
        ReplayDeskView view = new ReplayDeskView(SessionId.of("replay"), ORCL, DeskSettings.defaults());

        for (Bar bar : closes) view.show(bar, null);

        assertThat(view.technical(ORCL)).isEqualTo(TechnicalView.of(closes.subList(closes.size() - read, closes.size())));
        assertThat(view.technical(ORCL)).as("one bar fewer starts the recursive averages a bar later")
                .isNotEqualTo(TechnicalView.of(closes.subList(closes.size() - read + 1, closes.size())));
    }

    /** Daily bars of a walk from $50 with cents-sized steps, the same every run. */
    private static List<Bar> randomWalk(int days) {
        SplittableRandom random = new SplittableRandom(11);
        List<Bar> bars = new ArrayList<>(days);
        long close = 50_000_000;
        for (int day = 0; day < days; day++) {
            long open = close;
            close = Math.max(1_000_000, close + (random.nextLong(2_000_001) - 1_000_000) / 10_000 * 10_000);
            long high = Math.max(open, close) + random.nextLong(500_001) / 10_000 * 10_000;
            long low = Math.min(open, close) - random.nextLong(500_001) / 10_000 * 10_000;
            bars.add(new Bar(ORCL, Instant.parse("2010-01-04T14:30:00Z").plus(Duration.ofDays(day)), MarketDataFeed.DAILY, open, high, low, close,
                    1_000_000 + random.nextLong(1_000_000)));
        }
        return bars;
    }
}
