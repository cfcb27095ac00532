package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The user names a ticker; the desk asks the market-data provider whether it has it before anything opens. */
class TickerAdmissionScenarioTest {
    private final AtomicReference<ProviderFeed> provider = new AtomicReference<>();
    private final DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00"))
            .feed(market -> {
                provider.set(new ProviderFeed(market));
                return provider.get();
            }).build();

    @AfterEach void closeTheDesk() { desk.close(); }

    @Test void a_ticker_the_provider_does_not_know_is_refused_in_the_providers_words_and_opens_nothing() {
        assertThatThrownBy(() -> desk.desk.open(Ticker.of("ZZZZQ"), USER))
                .isInstanceOf(TickerRefusedException.class)
                .hasMessage("no market data for ZZZZQ: " + ProviderFeed.UNKNOWN_ANSWER);

        assertThat(desk.desk.sessions()).isEmpty();
        assertThat(desk.journal.sessions()).isEmpty();
    }

    @Test void a_provider_that_cannot_be_asked_refuses_the_session_as_a_failure_to_retry() {
        provider.get().answering(new SymbolLookup.Unavailable(NVDA, "HTTP 503 (server error)"));

        assertThatThrownBy(() -> desk.desk.open(NVDA, USER))
                .isInstanceOfSatisfying(TickerRefusedException.class, refused -> assertThat(refused.lookup()).isInstanceOf(SymbolLookup.Unavailable.class))
                .hasMessage("cannot check NVDA with the market-data provider now: HTTP 503 (server error)");
        assertThat(desk.desk.sessions()).isEmpty();
    }

    @Test void a_ticker_the_provider_knows_is_analysed_and_the_provider_is_never_asked_on_the_engine_loop() {
        provider.get().answering(new SymbolLookup.Known(NVDA, ZoneId.of("America/New_York")));
        desk.advance(Duration.ofMinutes(5));

        DeskSession session = desk.desk.open(NVDA, USER);

        await().atMost(DeskFixture.PATIENCE).until(() -> session.state() == SessionState.PROPOSAL);
        assertThat(provider.get().tickers()).containsExactly(NVDA);
        assertThat(provider.get().askingThreads()).isNotEmpty().doesNotContain("engine-loop");
    }
}
