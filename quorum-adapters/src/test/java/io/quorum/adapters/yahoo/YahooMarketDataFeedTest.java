package io.quorum.adapters.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.testing.LocalHttpServer.Answer;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.SymbolMatch;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class YahooMarketDataFeedTest {
    private static final Ticker AAPL = Ticker.of("AAPL");

    private final YahooChartServer server = new YahooChartServer();
    private YahooMarketDataFeed feed = feed(3);

    @AfterEach
    void stop() {
        feed.close();
        server.close();
    }

    private YahooMarketDataFeed feed(int attempts) { return feed(attempts, Duration.ofMillis(20)); }

    private YahooMarketDataFeed feed(int attempts, Duration pollInterval) {
        return YahooMarketDataFeed.create(YahooSettings.defaults()
                .withBaseUrl(server.baseUrl())
                .withPollInterval(pollInterval)
                .withTimeout(Duration.ofMillis(500))
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40))
                .withAttempts(attempts), List.of(AAPL));
    }

    private void serveAapl() {
        server.serve("AAPL", (interval, range) -> YahooChartServer.fixture(interval.equals("1m") ? "aapl-minutes.json" : "aapl-daily.json"));
    }

    @Test
    void daily_history_is_read_from_the_chart_format_in_cents_from_the_session_open() {
        serveAapl();

        List<Bar> bars = feed.history(AAPL, MarketDataFeed.DAILY, 10);

        assertThat(bars).hasSize(4);
        assertThat(bars.getFirst()).isEqualTo(new Bar(AAPL, Instant.parse("2024-09-16T13:30:00Z"), MarketDataFeed.DAILY,
                216_540_000, 217_220_000, 213_920_000, 216_320_000, 59_357_400));
        assertThat(bars).extracting(Bar::start).containsExactly(Instant.parse("2024-09-16T13:30:00Z"),
                Instant.parse("2024-09-17T13:30:00Z"), Instant.parse("2024-09-18T13:30:00Z"), Instant.parse("2024-09-20T13:30:00Z"));
        assertThat(feed.stats().droppedPoints()).isEqualTo(1);
    }

    @Test
    void the_request_is_the_chart_endpoint_with_its_interval_and_range() {
        serveAapl();

        feed.history(AAPL, MarketDataFeed.DAILY, 300);
        feed.history(AAPL, MarketDataFeed.ONE_MINUTE, 30);

        assertThat(server.requests()).extracting(uri -> uri.getPath() + "?" + uri.getQuery()).containsExactly(
                "/v8/finance/chart/AAPL?interval=1d&range=2y&includePrePost=false",
                "/v8/finance/chart/AAPL?interval=1m&range=1d&includePrePost=false");
    }

    @Test
    void a_share_class_is_asked_with_the_provider_dash() {
        server.serveFixture("BRK-B", "aapl-daily.json");

        assertThat(feed.history(Ticker.of("BRK.B"), MarketDataFeed.DAILY, 2)).hasSize(2);
    }

    @Test
    void minute_history_leaves_out_the_minute_still_in_progress_and_the_empty_ones() {
        serveAapl();

        List<Bar> bars = feed.history(AAPL, MarketDataFeed.ONE_MINUTE, 390);

        assertThat(bars).extracting(Bar::start).containsExactly(Instant.parse("2024-09-20T13:30:00Z"), Instant.parse("2024-09-20T13:31:00Z"));
        assertThat(bars).allSatisfy(bar -> assertThat(bar.interval()).isEqualTo(MarketDataFeed.ONE_MINUTE));
    }

    @Test
    void an_unknown_symbol_is_refused_with_the_provider_answer() {
        Ticker unknown = Ticker.of("QQQQX");

        assertThatThrownBy(() -> feed.history(unknown, MarketDataFeed.DAILY, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Yahoo Finance does not know QQQQX: Not Found: No data found, symbol may be delisted");
        assertThat(feed.admit(unknown)).isEqualTo(new SymbolLookup.Unknown(unknown, "Not Found: No data found, symbol may be delisted"));
        assertThat(feed.tickers()).containsExactly(AAPL);
        assertThat(feed.stats().unknownSymbols()).isEqualTo(2);
    }

    @Test
    void a_known_symbol_can_be_added_to_the_tickers() {
        server.serveFixture("MSFT", "aapl-daily.json");

        assertThat(feed.admit(Ticker.of("MSFT"))).isInstanceOf(SymbolLookup.Known.class);
        assertThat(feed.tickers()).containsExactly(AAPL, Ticker.of("MSFT"));
    }

    @Test
    void a_429_and_a_503_are_retried_after_a_backoff_then_the_history_arrives() {
        serveAapl();
        server.script(Answer.status(429).withHeader("Retry-After", "0"), Answer.status(503));

        List<Bar> bars = feed.history(AAPL, MarketDataFeed.DAILY, 10);

        assertThat(bars).hasSize(4);
        assertThat(server.requests()).hasSize(3);
        assertThat(feed.stats().unavailable()).isEqualTo(2);
    }

    @Test
    void a_provider_that_keeps_failing_gives_an_empty_history_and_no_exception() {
        serveAapl();
        server.script(Answer.status(500), Answer.status(502), Answer.status(503));

        assertThat(feed.history(AAPL, MarketDataFeed.DAILY, 10)).isEmpty();
        assertThat(feed.stats().unavailable()).isEqualTo(3);
    }

    @Test
    void a_refusal_is_not_retried() {
        serveAapl();
        server.script(Answer.status(401));

        assertThat(feed.history(AAPL, MarketDataFeed.DAILY, 10)).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_malformed_and_an_empty_answer_are_counted_and_skipped() {
        serveAapl();
        server.script(Answer.ok(YahooChartServer.fixture("malformed.json"), "application/json"), Answer.ok(YahooChartServer.fixture("empty-result.json"), "application/json"));

        List<Bar> bars = feed.history(AAPL, MarketDataFeed.DAILY, 10);

        assertThat(bars).hasSize(4);
        assertThat(feed.stats().malformed()).isEqualTo(2);
    }

    @Test
    void a_slow_answer_times_out_and_is_tried_again() {
        serveAapl();
        server.script(Answer.slow(Duration.ofSeconds(2)));

        assertThat(feed.history(AAPL, MarketDataFeed.DAILY, 10)).hasSize(4);
        // The slow answer is one timeout; on a loaded machine a retry may run past the 500 ms too, and is tried again as well.
        assertThat(feed.stats().unavailable()).isPositive();
    }

    @Test
    void polling_goes_on_through_an_outage_and_publishes_the_quote_when_it_returns() {
        serveAapl();
        List<Object> heard = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(AAPL, heard::add, heard::add)) {
            server.script(Answer.status(503), Answer.status(429), Answer.ok("<html>Will be right back</html>", "text/html"));
            await().atMost(Duration.ofSeconds(5)).until(() -> feed.stats().unavailable() >= 2 && feed.stats().malformed() >= 1);
            assertThat(heard).isEmpty();

            Instant later = Instant.parse("2024-09-20T13:35:10Z");
            server.serve("AAPL", (interval, range) -> YahooChartServer.render("AAPL", List.of(
                    new Bar(AAPL, Instant.parse("2024-09-20T13:34:00Z"), MarketDataFeed.ONE_MINUTE, 229_460_000, 229_900_000, 229_400_000, 229_800_000, 90_000)),
                    229_810_000, later, 2_400_000));
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);
        }

        assertThat(heard.get(0)).isInstanceOfSatisfying(Bar.class, bar -> assertThat(bar.start()).isEqualTo(Instant.parse("2024-09-20T13:34:00Z")));
        assertThat(heard.get(1)).isInstanceOfSatisfying(Tick.class, tick -> {
            assertThat(tick.time()).isEqualTo(Instant.parse("2024-09-20T13:35:10Z"));
            assertThat(tick.lastMicros()).isEqualTo(229_810_000);
            assertThat(tick.size()).isEqualTo(2_400_000 - 2_250_312);
        });
    }

    @Test
    void a_history_asked_again_within_a_poll_interval_is_answered_without_a_request() {
        serveAapl();
        feed.close();
        feed = feed(3, Duration.ofHours(1));

        List<Bar> first = feed.history(AAPL, MarketDataFeed.DAILY, 10);
        List<Bar> again = feed.history(AAPL, MarketDataFeed.DAILY, 3);

        assertThat(again).containsExactlyElementsOf(first.subList(1, 4));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void subscribing_after_the_minute_history_sends_no_request_so_a_slow_provider_cannot_hold_it_up() {
        serveAapl();
        feed.close();
        feed = feed(3, Duration.ofHours(1));
        feed.history(AAPL, MarketDataFeed.ONE_MINUTE, 30);
        server.script(Answer.slow(Duration.ofSeconds(5)));

        try (MarketDataFeed.Subscription ignored = feed.subscribe(AAPL, tick -> { }, bar -> { })) {
            assertThat(server.requests()).hasSize(1);
            assertThat(feed.lastTick(AAPL)).map(Tick::lastMicros).contains(229_460_000L);
        }
    }

    @Test
    void a_search_offers_the_equities_and_funds_the_provider_finds() {
        server.serveSearch("search-apple.json");

        assertThat(feed.search("apple", 10)).containsExactly(
                new SymbolMatch(AAPL, "Apple Inc.", "NASDAQ", "EQUITY"),
                new SymbolMatch(Ticker.of("AAPU"), "Direxion Daily AAPL Bull 2X Sha", "NASDAQ", "ETF"),
                new SymbolMatch(Ticker.of("APC.DE"), "APPLE INC", "XETRA", "EQUITY"),
                new SymbolMatch(Ticker.of("BRK.B"), "Berkshire Hathaway Inc. New", "NYSE", "EQUITY"));
        assertThat(server.requests().getFirst().getQuery()).isEqualTo("q=apple&quotesCount=10&newsCount=0");
    }

    @Test
    void a_search_the_provider_cannot_answer_offers_nothing() {
        server.script(Answer.status(503));

        assertThat(feed.search("apple", 10)).isEmpty();
        assertThat(feed.stats().unavailable()).isEqualTo(1);
    }

    @Test
    void subscribing_again_after_nobody_listened_publishes_nothing_already_in_the_history() {
        serveAapl();
        List<Object> heard = new CopyOnWriteArrayList<>();
        feed.subscribe(AAPL, tick -> { }, bar -> { }).close();
        Instant later = Instant.parse("2024-09-20T13:35:10Z");
        server.serve("AAPL", (interval, range) -> YahooChartServer.render("AAPL", List.of(
                new Bar(AAPL, Instant.parse("2024-09-20T13:34:00Z"), MarketDataFeed.ONE_MINUTE, 229_460_000, 229_900_000, 229_400_000, 229_800_000, 90_000)),
                229_810_000, later, 2_400_000));
        await().atMost(Duration.ofSeconds(5)).until(() -> feed.history(AAPL, MarketDataFeed.ONE_MINUTE, 30).size() == 1);

        try (MarketDataFeed.Subscription ignored = feed.subscribe(AAPL, heard::add, heard::add)) {
            long requests = server.requests().size();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.requests().size() >= requests + 3);
        }

        assertThat(heard).isEmpty();
    }
}
