package io.quorum.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.quorum.adapters.alpaca.AlpacaServer.Answer;
import io.quorum.adapters.testing.AcmeBars;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AlpacaMarketDataFeedTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Ticker ACME = AcmeBars.ACME;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AlpacaServer server = new AlpacaServer();
    /** Ten and a half minutes into ACME's Monday session. */
    private final ManualClock clock = new ManualClock(AcmeBars.MONDAY_OPEN.plus(Duration.ofSeconds(10 * 60 + 30)));
    private AlpacaMarketDataFeed feed = AlpacaMarketDataFeed.create(server.settings(), AlpacaServer.keys(), List.of(AAPL, ACME), clock);

    @AfterEach
    void stop() {
        feed.close();
        server.close();
    }

    private static Answer fixture(String name) { return Answer.status(200, AlpacaServer.fixture(name)); }

    private void serveAcme() {
        server.serve(ACME.symbol(), AcmeBars::daily, AcmeBars::minutes);
    }

    // --- REST history ---------------------------------------------------------------------

    @Test
    void daily_history_is_read_from_the_bars_format_from_the_session_open_and_bad_bars_are_dropped() {
        clock.set(Instant.parse("2024-09-21T12:00:00Z"));
        server.script(fixture("bars-aapl-daily.json"));

        List<Bar> bars = feed.history(AAPL, MarketDataFeed.DAILY, 10);

        assertThat(bars).extracting(Bar::start).containsExactly(Instant.parse("2024-09-16T13:30:00Z"),
                Instant.parse("2024-09-17T13:30:00Z"), Instant.parse("2024-09-18T13:30:00Z"), Instant.parse("2024-09-20T13:30:00Z"));
        assertThat(bars.getFirst()).isEqualTo(new Bar(AAPL, Instant.parse("2024-09-16T13:30:00Z"), MarketDataFeed.DAILY,
                216_540_000, 217_220_000, 213_920_000, 216_320_000, 59_357_400));
        assertThat(feed.stats().droppedBars()).isEqualTo(1);
        assertThat(server.requests().getFirst()).startsWith("/v2/stocks/AAPL/bars?timeframe=1Day&start=").contains("&sort=desc&adjustment=raw&feed=iex");
    }

    @Test
    void a_long_history_is_read_page_after_page_by_the_next_page_token() {
        serveAcme();
        clock.set(AcmeBars.MONDAY_OPEN.plus(Duration.ofMinutes(30)));
        server.limitPages(7);

        List<Bar> bars = feed.history(ACME, MarketDataFeed.ONE_MINUTE, 25);

        assertThat(bars).containsExactlyElementsOf(AcmeBars.minutes().subList(5, 30));
        assertThat(server.requests()).hasSize(4);
        assertThat(server.requests().get(1)).endsWith("&page_token=page-7");
    }

    @Test
    void the_minute_in_progress_and_the_day_in_progress_are_not_history() {
        serveAcme();

        List<Bar> minutes = feed.history(ACME, MarketDataFeed.ONE_MINUTE, 100);
        List<Bar> days = feed.history(ACME, MarketDataFeed.DAILY, 100);

        assertThat(minutes).hasSize(10).last().extracting(Bar::end).isEqualTo(AcmeBars.MONDAY_OPEN.plus(Duration.ofMinutes(10)));
        assertThat(days).containsExactlyElementsOf(AcmeBars.daily());
    }

    @Test
    void an_unknown_symbol_is_refused_with_the_providers_answer() {
        assertThatThrownBy(() -> feed.history(Ticker.of("ZZZZ"), MarketDataFeed.DAILY, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Alpaca does not know ZZZZ: invalid symbol: ZZZZ");
        server.script(Answer.status(404, AlpacaServer.fixture("error-not-found.json")));
        assertThatThrownBy(() -> feed.subscribe(Ticker.of("QQQQ"), tick -> { }, bar -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Alpaca does not know QQQQ: asset not found");
        assertThat(feed.stats().unknownSymbols()).isEqualTo(2);
        assertThat(feed.stats().stream().connections()).isZero();
    }

    @Test
    void a_ticker_alpaca_has_bars_of_is_admitted_and_served_from_then_on() {
        serveAcme();
        feed.close();
        feed = AlpacaMarketDataFeed.create(server.settings(), AlpacaServer.keys(), List.of(AAPL), clock);

        assertThat(feed.admit(ACME)).isEqualTo(new SymbolLookup.Known(ACME, ExchangeCalendar.NYSE.zone()));
        assertThat(feed.tickers()).containsExactly(AAPL, ACME);
    }

    @Test
    void a_ticker_alpaca_refuses_or_answers_with_no_bars_is_unknown_with_its_answer_and_an_outage_is_unavailable() {
        assertThat(feed.admit(Ticker.of("ZZZZ"))).isEqualTo(new SymbolLookup.Unknown(Ticker.of("ZZZZ"), "invalid symbol: ZZZZ"));

        server.script(fixture("bars-empty.json"));
        assertThat(feed.admit(Ticker.of("QQQQ"))).isEqualTo(new SymbolLookup.Unknown(Ticker.of("QQQQ"), "Alpaca has no daily bars of QQQQ in the last 20 trading days"));

        assertThat(feed.stats().unknownSymbols()).isEqualTo(2);

        feed.close();
        feed = AlpacaMarketDataFeed.create(server.settings(), wrongKeys(), List.of(AAPL), clock);
        assertThat(feed.admit(Ticker.of("MSFT"))).isInstanceOf(SymbolLookup.Unavailable.class)
                .extracting(lookup -> ((SymbolLookup.Unavailable) lookup).why()).asString().startsWith("Alpaca refused the request");
        assertThat(feed.tickers()).containsExactly(AAPL);
    }

    @Test
    void refused_keys_give_an_empty_history_at_once_and_are_counted() {
        feed.close();
        feed = AlpacaMarketDataFeed.create(server.settings(), wrongKeys(), List.of(AAPL), clock);

        List<Bar> bars = feed.history(AAPL, MarketDataFeed.DAILY, 5);

        assertThat(bars).isEmpty();
        assertThat(feed.stats().refused()).isEqualTo(1);
        assertThat(feed.stats().requests()).isEqualTo(1);
    }

    @Test
    void a_401_is_a_refusal_not_worth_retrying() {
        server.script(Answer.status(401, "{\"message\":\"unauthorized.\"}"));

        assertThat(feed.history(AAPL, MarketDataFeed.DAILY, 5)).isEmpty();
        assertThat(feed.stats().refused()).isEqualTo(1);
        assertThat(feed.stats().requests()).isEqualTo(1);
    }

    @Test
    void throttling_and_server_errors_are_retried_after_a_backoff() {
        serveAcme();
        server.script(Answer.status(429, AlpacaServer.fixture("error-rate-limit.json")).withHeader("Retry-After", "0"), Answer.status(503, ""));

        List<Bar> bars = feed.history(ACME, MarketDataFeed.DAILY, 5);

        assertThat(bars).containsExactlyElementsOf(AcmeBars.daily());
        assertThat(feed.stats().requests()).isEqualTo(3);
        assertThat(feed.stats().unavailable()).isEqualTo(2);
    }

    @Test
    void a_server_that_stays_down_gives_an_empty_history_after_every_attempt() {
        server.script(Answer.status(500, ""), Answer.status(502, ""), Answer.status(500, ""));

        assertThat(feed.history(AAPL, MarketDataFeed.DAILY, 5)).isEmpty();
        assertThat(feed.stats().requests()).isEqualTo(3);
        assertThat(feed.stats().unavailable()).isEqualTo(3);
    }

    @Test
    void a_slow_answer_times_out_and_is_asked_again() {
        serveAcme();
        server.script(Answer.slow(Duration.ofSeconds(3)));

        List<Bar> bars = feed.history(ACME, MarketDataFeed.DAILY, 5);

        assertThat(bars).hasSize(5);
        assertThat(feed.stats().unavailable()).isEqualTo(1);
    }

    @Test
    void a_malformed_answer_is_counted_and_skipped() {
        server.script(fixture("bars-malformed.json"));

        assertThat(feed.history(AAPL, MarketDataFeed.DAILY, 5)).isEmpty();
        assertThat(feed.stats().malformed()).isEqualTo(1);
    }

    @Test
    void an_empty_answer_is_an_empty_history() {
        server.script(fixture("bars-empty.json"));

        assertThat(feed.history(AAPL, MarketDataFeed.DAILY, 5)).isEmpty();
        assertThat(feed.stats().malformed()).isZero();
    }

    // --- the stream -----------------------------------------------------------------------

    @Test
    void a_dropped_stream_connects_again_and_subscribes_again() {
        serveAcme();
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(ACME, ticks::add, bar -> { })) {
            await().atMost(PATIENCE).until(() -> server.marketSubscribed(ACME.symbol()));
            server.dropConnections();
            await().atMost(PATIENCE).until(() -> feed.stats().stream().authentications() == 2 && server.marketSubscribed(ACME.symbol()));
            server.sendMarket(ACME.symbol(), StreamFrames.of(StreamFrames.trade(ACME.symbol(), clock.now(), 104_000_000, 50)));
            await().atMost(PATIENCE).until(() -> !ticks.isEmpty());
        }

        assertThat(ticks).containsExactly(new Tick(ACME, clock.now().toEpochMilli(), 104_000_000, 104_000_000, 104_000_000, 50));
        assertThat(feed.stats().stream().drops()).isGreaterThanOrEqualTo(1);
        assertThat(feed.stats().stream().authentications()).isEqualTo(2);
    }

    @Test
    void a_refused_authentication_is_logged_and_tried_again_after_the_longest_backoff() {
        serveAcme();
        server.refuseNextConnections(402, 1);
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(ACME, ticks::add, bar -> { })) {
            await().atMost(PATIENCE).until(() -> server.marketSubscribed(ACME.symbol()));
            server.sendMarket(ACME.symbol(), StreamFrames.of(StreamFrames.trade(ACME.symbol(), clock.now(), 104_000_000, 50)));
            await().atMost(PATIENCE).until(() -> !ticks.isEmpty());
        }

        StreamStats stream = feed.stats().stream();
        assertThat(stream.providerErrors()).isEqualTo(1);
        assertThat(stream.connections()).isGreaterThanOrEqualTo(2);
        assertThat(stream.lastProblem()).contains("402").contains("the keys were refused");
    }

    @Test
    void a_connection_limit_is_waited_out() {
        serveAcme();
        server.refuseNextConnections(406, 2);
        try (MarketDataFeed.Subscription ignored = feed.subscribe(ACME, tick -> { }, bar -> { })) {
            await().atMost(PATIENCE).until(() -> server.marketSubscribed(ACME.symbol()));
        }

        assertThat(feed.stats().stream().providerErrors()).isEqualTo(2);
        assertThat(feed.stats().stream().connections()).isGreaterThanOrEqualTo(3);
        assertThat(feed.stats().stream().authentications()).isEqualTo(1);
    }

    @Test
    void a_symbol_limit_keeps_the_connection_and_the_symbols_already_subscribed() {
        serveAcme();
        server.serve(AAPL.symbol(), AcmeBars::daily, AcmeBars::minutes);
        server.limitSymbols(1);
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription acme = feed.subscribe(ACME, ticks::add, bar -> { })) {
            await().atMost(PATIENCE).until(() -> server.marketSubscribed(ACME.symbol()));
            try (MarketDataFeed.Subscription aapl = feed.subscribe(AAPL, tick -> { }, bar -> { })) {
                await().atMost(PATIENCE).until(() -> feed.stats().stream().providerErrors() == 1);
                server.sendMarket(ACME.symbol(), StreamFrames.of(StreamFrames.trade(ACME.symbol(), clock.now(), 104_000_000, 50)));
                await().atMost(PATIENCE).until(() -> !ticks.isEmpty());
            }
        }

        assertThat(feed.stats().stream().drops()).isZero();
        assertThat(feed.stats().stream().lastProblem()).contains("405");
    }

    @Test
    void a_trade_inside_the_latest_quote_is_a_tick_with_that_quote_and_an_unreadable_message_is_skipped() {
        serveAcme();
        Instant at = clock.now();
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(ACME, ticks::add, bar -> { })) {
            server.sendMarket(ACME.symbol(), "[{\"T\":\"t\",\"S\":\"ACME\",\"p\":");
            server.sendMarket(ACME.symbol(), StreamFrames.of(
                    StreamFrames.quote(ACME.symbol(), at, 103_990_000, 104_010_000),
                    StreamFrames.trade(ACME.symbol(), at.plusMillis(5), 104_000_000, 20),
                    StreamFrames.quote(ACME.symbol(), at.plusMillis(6), 104_020_000, 104_000_000)));
            await().atMost(PATIENCE).until(() -> ticks.size() == 1 && feed.stats().unusable() == 1);
        }

        assertThat(ticks).containsExactly(new Tick(ACME, at.toEpochMilli() + 5, 104_000_000, 103_990_000, 104_010_000, 20));
        assertThat(feed.stats().stream().unreadable()).isEqualTo(1);
    }

    @Test
    void a_quote_that_moves_neither_side_is_no_new_tick() {
        serveAcme();
        Instant at = clock.now();
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        try (MarketDataFeed.Subscription ignored = feed.subscribe(ACME, ticks::add, bar -> { })) {
            server.sendMarket(ACME.symbol(), StreamFrames.of(
                    StreamFrames.trade(ACME.symbol(), at, 104_000_000, 20),
                    StreamFrames.quote(ACME.symbol(), at.plusMillis(1), 103_990_000, 104_010_000),
                    StreamFrames.quote(ACME.symbol(), at.plusMillis(2), 103_990_000, 104_010_000),
                    StreamFrames.quote(ACME.symbol(), at.plusMillis(3), 103_980_000, 104_010_000)));
            await().atMost(PATIENCE).until(() -> ticks.size() == 3);
        }

        assertThat(ticks).extracting(Tick::epochMillis).containsExactly(at.toEpochMilli(), at.toEpochMilli() + 1, at.toEpochMilli() + 3);
        assertThat(ticks.getLast()).isEqualTo(new Tick(ACME, at.toEpochMilli() + 3, 104_000_000, 103_980_000, 104_010_000, 0));
    }

    // --- the keys ---------------------------------------------------------------------------

    @Test
    void the_keys_never_appear_in_a_log_an_exception_a_request_line_or_to_string() {
        Logger alpacaLogs = (Logger) LoggerFactory.getLogger("io.quorum.adapters.alpaca");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        alpacaLogs.addAppender(logged);
        Level level = alpacaLogs.getLevel();
        alpacaLogs.setLevel(Level.DEBUG);
        try {
            serveAcme();
            server.refuseNextConnections(402, 1);
            server.script(Answer.status(403, "{\"message\":\"forbidden\"}"), Answer.status(500, ""));
            feed.history(ACME, MarketDataFeed.DAILY, 5);
            Throwable refusal = catchThrowable(() -> feed.history(Ticker.of("ZZZZ"), MarketDataFeed.DAILY, 5));
            try (MarketDataFeed.Subscription ignored = feed.subscribe(ACME, tick -> { }, bar -> { })) {
                await().atMost(PATIENCE).until(() -> server.marketSubscribed(ACME.symbol()));
                server.dropConnections();
                await().atMost(PATIENCE).until(() -> server.connections() >= 3);
            }

            assertThat(logged.list).isNotEmpty();
            for (ILoggingEvent event : logged.list) {
                assertThat(event.getFormattedMessage()).doesNotContain(AlpacaServer.KEY_ID, AlpacaServer.SECRET_KEY);
                for (IThrowableProxy fault = event.getThrowableProxy(); fault != null; fault = fault.getCause()) {
                    assertThat(String.valueOf(fault.getMessage())).doesNotContain(AlpacaServer.KEY_ID, AlpacaServer.SECRET_KEY);
                }
            }
            assertThat(refusal.getMessage()).doesNotContain(AlpacaServer.KEY_ID, AlpacaServer.SECRET_KEY);
            assertThat(String.join(" ", server.requests())).doesNotContain(AlpacaServer.KEY_ID, AlpacaServer.SECRET_KEY);
            assertThat(AlpacaServer.keys().toString() + feed.stats()).doesNotContain(AlpacaServer.KEY_ID, AlpacaServer.SECRET_KEY)
                    .contains(AlpacaKeys.KEY_ID_VARIABLE);
        } finally {
            alpacaLogs.setLevel(level);
            alpacaLogs.detachAppender(logged);
        }
    }

    @Test
    void keys_missing_from_the_environment_are_none() {
        assertThat(AlpacaKeys.fromEnvironment(Map.of(AlpacaKeys.KEY_ID_VARIABLE, "PK123"), AlpacaKeys.KEY_ID_VARIABLE, AlpacaKeys.SECRET_KEY_VARIABLE)).isEmpty();
        assertThat(AlpacaKeys.fromEnvironment(Map.of("MY_ID", "PK123", "MY_SECRET", " "), "MY_ID", "MY_SECRET")).isEmpty();
    }

    private static AlpacaKeys wrongKeys() {
        return AlpacaKeys.fromEnvironment(Map.of("ID", AlpacaServer.KEY_ID, "SECRET", "not-the-secret"), "ID", "SECRET").orElseThrow();
    }
}
