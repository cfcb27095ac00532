package io.quorum.engine.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.money.Money;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.simulation.SimulatedClock;
import io.quorum.engine.simulation.SimulatedFundamentals;
import io.quorum.engine.simulation.SimulatedMarket;
import io.quorum.engine.store.InMemoryJournal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new user on the demo market: the default simulated market (seed 42, its five tickers), a
 * session opened a minute after the open (a new user's market starts at the latest open), the card
 * approved and auto-trading switched on. At the default speed of 60 ({@code quorum serve}), five
 * wall minutes are five market hours: the desk must start its first discussion of the market
 * within them, an agent's alert about a signal, a volume spike or a headline, or a proposal.
 * Measured on the simulated clock, never on the wall's.
 */
class FirstDiscussionScenarioTest {
    /** The default `--speed` of `quorum serve` and `quorum desk`: market seconds per wall second. */
    private static final int DEFAULT_SPEED = 60;
    private static final Duration FIVE_WALL_MINUTES_OF_MARKET = Duration.ofMinutes(5).multipliedBy(DEFAULT_SPEED);
    private static final Set<Alert.AlertKind> MARKET_ALERTS = EnumSet.of(Alert.AlertKind.PRICE_SIGNAL, Alert.AlertKind.VOLUME_SPIKE, Alert.AlertKind.NEWS);
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;
    /** The default `--seed`. */
    private static final long DEMO_SEED = 42;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AAPL", "MSFT", "NVDA", "TSLA", "SPY"})
    void a_new_user_sees_the_first_market_driven_discussion_within_five_wall_minutes_at_the_default_speed(String symbol) {
        Optional<Duration> first = firstDiscussion(Ticker.of(symbol), NYSE.sessionOpen(LocalDate.of(2025, 3, 4)), DEMO_SEED);

        assertThat(first).hasValueSatisfying(wait -> assertThat(wait).isLessThan(FIVE_WALL_MINUTES_OF_MARKET));
    }

    /** Market time from switching auto-trading on to the first alert or proposal the market started, if any within five market hours. */
    private static Optional<Duration> firstDiscussion(Ticker ticker, Instant open, long seed) {
        SimulatedClock clock = SimulatedClock.manual(open);
        SimulatedMarket market = SimulatedMarket.builder(clock).seed(seed).start(open).build();
        PaperBroker paper = PaperBroker.inMemory(clock, NYSE, PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
        List<MarketDataFeed.Subscription> subscriptions = new ArrayList<>();
        for (Ticker each : market.tickers()) subscriptions.add(market.subscribe(each, paper::onTick, bar -> { }));
        InMemoryJournal journal = new InMemoryJournal(clock);
        Desk desk = new Desk(new DeskPorts(clock, clock, NYSE, market, market.newsFeed(), new SimulatedFundamentals(), paper, journal, InMemoryMessageBus::new),
                DeskSettings.defaults());
        try {
            market.advanceTo(open.plusSeconds(60));
            DeskSession session = desk.open(ticker, "newcomer");
            await().atMost(Duration.ofSeconds(10)).until(() -> session.state() == SessionState.PROPOSAL);
            session.approve(session.proposal().orElseThrow().id(), "newcomer");
            session.enableAutoTrading("newcomer");
            Instant enabled = clock.now();
            long before = journal.lastSeq(session.id());
            Instant until = enabled.plus(FIVE_WALL_MINUTES_OF_MARKET);
            while (clock.now().isBefore(until)) {
                Instant next = clock.now().plusSeconds(10);
                clock.jumpTo(next);
                market.advanceTo(next);
                desk.loop().awaitIdle();
                for (JournalEntry entry : journal.read(session.id(), before, Integer.MAX_VALUE)) {
                    if (entry.event() instanceof JournalEvent.MessageJournaled journaled && marketDriven(journaled.message())) {
                        return Optional.of(Duration.between(enabled, journaled.message().timestamp()));
                    }
                }
            }
            return Optional.empty();
        } finally {
            desk.close();
            for (MarketDataFeed.Subscription subscription : subscriptions) subscription.close();
            market.close();
        }
    }

    private static boolean marketDriven(AgentMessage message) {
        if (message.sender() == AgentRole.ORCHESTRATOR) return false;
        return message.content() instanceof Alert alert && MARKET_ALERTS.contains(alert.kind()) || message.content() instanceof Proposal;
    }
}
