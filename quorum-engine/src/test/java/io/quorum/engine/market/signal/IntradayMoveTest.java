package io.quorum.engine.market.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thirty flat days at $100 with a $2 range: an ATR of $2, so 1.5 ATR is a $3 move from the open. */
class IntradayMoveTest {
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;
    private static final Ticker ACME = Ticker.of("ACME");
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 4);

    private final SignalDetector detector = new SignalDetector(ACME, flatDays(), MonitorSettings.defaults(), NYSE);

    @Test
    void a_move_of_one_and_a_half_atr_from_the_open_fires_once_a_day_with_its_size_in_atrs() {
        assertThat(kinds(today("100", "102.90"))).doesNotContain(SignalKind.INTRADAY_RALLY);

        List<IndicatorSignal> fired = detector.onDay(today("100", "103.10"), NYSE.sessionOpen(TODAY).plusSeconds(3_600), 0.2);
        List<IndicatorSignal> again = detector.onDay(today("100", "104.00"), NYSE.sessionOpen(TODAY).plusSeconds(4_000), 0.25);

        assertThat(fired).filteredOn(s -> s.kind() == SignalKind.INTRADAY_RALLY).singleElement()
                .satisfies(s -> assertThat(s.text()).startsWith("ACME rallied to $103.10, 1.5 ATRs above today's open ($100.00)"));
        assertThat(again).as("once a day").noneMatch(s -> s.kind() == SignalKind.INTRADAY_RALLY);
    }

    @Test
    void a_drop_of_one_and_a_half_atr_from_the_open_is_bearish() {
        List<IndicatorSignal> fired = detector.onDay(today("100", "96.80"), NYSE.sessionOpen(TODAY).plusSeconds(3_600), 0.2);

        assertThat(fired).filteredOn(s -> s.kind() == SignalKind.INTRADAY_DROP).singleElement()
                .satisfies(s -> assertThat(s.kind().isBullish()).isFalse());
    }

    private List<SignalKind> kinds(Bar day) {
        return detector.onDay(day, NYSE.sessionOpen(TODAY).plusSeconds(1_800), 0.1).stream().map(IndicatorSignal::kind).toList();
    }

    private static Bar today(String open, String close) {
        long o = Math.round(Double.parseDouble(open) * 1e6);
        long c = Math.round(Double.parseDouble(close) * 1e6);
        return new Bar(ACME, NYSE.sessionOpen(TODAY), MarketDataFeed.DAILY, o, Math.max(o, c), Math.min(o, c), c, 1_000_000);
    }

    private static List<Bar> flatDays() {
        List<Bar> days = new ArrayList<>();
        LocalDate day = TODAY;
        for (int i = 0; i < 30; i++) day = NYSE.previousTradingDay(day);
        for (int i = 0; i < 30; i++, day = NYSE.nextTradingDay(day)) {
            days.add(new Bar(ACME, NYSE.sessionOpen(day), MarketDataFeed.DAILY, 100_000_000, 101_000_000, 99_000_000, 100_000_000, 1_000_000));
        }
        return days;
    }
}
