package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.alpaca.trading.AlpacaBroker;
import io.quorum.adapters.alpaca.trading.AlpacaTradingServer;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.api.Actor;
import io.quorum.server.api.BrokerAccountView;
import io.quorum.server.api.ProposalView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The desk trading on the local server that speaks Alpaca's formats: its entries go as brackets, and the account panel reads the venue. */
class DeskOnAlpacaTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Actor USER = new Actor("user", "test");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The venue's market is open all the test long. */
    private final AlpacaTradingServer venue = new AlpacaTradingServer(new ManualClock(Instant.parse("2025-03-03T15:00:00Z")), Money.ofDollars(100_000), Long.MAX_VALUE);
    private EmbeddedDesk embedded;
    private DeskService service;

    @AfterEach
    void close() {
        if (service != null) service.close();
        if (embedded != null) embedded.close();
        venue.close();
    }

    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @Test
    void an_approved_entry_arrives_at_alpaca_as_a_bracket_and_the_desk_keeps_no_second_stop() throws Exception {
        AlpacaBroker alpaca = AlpacaBroker.start(venue.settings().withVenueBrackets(true), AlpacaTradingServer.keys(), new ManualClock(Instant.parse("2025-03-03T15:00:00Z")));
        embedded = EmbeddedDesk.onSimulatedMarket(42, 60, null, new BrokerChoice.Venue(alpaca), DeskSettings.defaults());
        service = new DeskService(embedded.desk(), embedded.journal(), Duration.ofMillis(200));
        embedded.start();
        SessionId session = SessionId.of(service.createSession(AAPL, USER).id());
        await().atMost(PATIENCE).until(() -> service.session(session).state().equals("PROPOSAL"));
        Tick last = embedded.market().lastTick(AAPL).orElseThrow();
        venue.quote(AAPL, Price.ofMicros(last.bidMicros()), Price.ofMicros(last.askMicros()));
        ProposalView proposal = service.session(session).proposal();

        service.approve(session, ProposalId.parse(proposal.id()), USER);

        await().atMost(PATIENCE).until(() -> !venue.posts().isEmpty());
        JsonNode entry = JSON.readTree(venue.posts().getFirst());
        assertThat(entry.path("order_class").asText()).isEqualTo("bracket");
        assertThat(Price.parse(entry.path("stop_loss").path("stop_price").asText())).isEqualTo(Price.parse(proposal.stop()));
        assertThat(Price.parse(entry.path("take_profit").path("limit_price").asText())).isEqualTo(Price.parse(proposal.target()));
        await().atMost(PATIENCE).until(() -> embedded.desk().position(session, AAPL).isPresent());
        assertThat(embedded.desk().position(session, AAPL).map(Position::protection)).as("the venue keeps the exits, the desk none").contains(Protection.NONE);

        await().atMost(PATIENCE).until(() -> service.brokerAccount().orders().stream().anyMatch(order -> order.state().equals("FILLED")));
        BrokerAccountView account = service.brokerAccount();
        assertThat(account.broker()).isEqualTo("alpaca");
        assertThat(account.live()).isFalse();
        assertThat(account.accountNumber()).isEqualTo("…TEST");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(service.brokerAccount().orders()).hasSize(3));
        assertThat(service.brokerAccount().orders()).as("the entry and the two legs the venue works for it")
                .extracting(BrokerAccountView.VenueOrder::bracketLeg).containsExactlyInAnyOrder(null, "TAKE_PROFIT", "STOP_LOSS");
        assertThat(service.brokerAccount().orders()).filteredOn(order -> order.bracketLeg() == null).singleElement().satisfies(order -> {
            assertThat(order.stopsKeptBy()).isEqualTo("VENUE");
            assertThat(order.stopLoss()).isEqualTo(Price.parse(proposal.stop()).toString());
            assertThat(order.ticker()).isEqualTo("AAPL");
        });
        assertThat(service.brokerAccount().orders()).filteredOn(order -> "STOP_LOSS".equals(order.bracketLeg())).singleElement()
                .satisfies(leg -> assertThat(leg.stopsKeptBy()).isEqualTo("VENUE"));
        assertThat(venue.posts()).as("one order: the entry with its bracket, no exit of the desk's").hasSize(1);
    }
}
