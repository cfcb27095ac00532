package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static io.quorum.engine.desk.DeskFixture.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Update;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.risk.TradingState;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The feed goes quiet during market hours: the desk stops adding risk, keeps its stops, and trades again when prices return. */
class StaleFeedScenarioTest {
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @Test void a_silent_feed_in_market_hours_allows_only_reducing_orders_and_prices_returning_lift_it_with_an_update() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofHours(2))).staleFeedAfter(STALE_AFTER).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());

            silence(desk, STALE_AFTER.plusSeconds(5));

            AgentMessage alert = desk.awaitSaid(session, from(AgentRole.RISK, MessageType.ALERT)
                    .and(m -> ((Alert) m.content()).kind() == Alert.AlertKind.STALE_MARKET_DATA));
            assertThat(((Alert) alert.content()).text()).startsWith("Market data is stale: no price for NVDA for 3").contains("stops stay armed");
            assertThat(desk.desk.tradingState(session.id())).isEqualTo(TradingState.REDUCING);
            assertThat(desk.journal.read(session.id(), 0, 10_000)).extracting(entry -> entry.event())
                    .contains(new JournalEvent.TradingStateChanged("ACTIVE", "REDUCING", "no price for NVDA for 35 s during market hours"));

            desk.advance(Duration.ofSeconds(1));   // the market catches up: every second it missed, then the next

            desk.awaitSaid(session, update(Update.UpdateKind.STATUS).and(m -> ((Update) m.content()).text().startsWith("Prices for NVDA arrive again")));
            assertThat(desk.desk.tradingState(session.id())).isEqualTo(TradingState.ACTIVE);
        }
    }

    @Test void the_stops_of_a_session_stay_armed_while_its_feed_is_stale() {
        // Flat while the feed is silent, then the first prices after it are far below the stop.
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(20)).moveTo("80.00", Duration.ofSeconds(40)))
                .staleFeedAfter(STALE_AFTER).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            desk.advanceTo(DeskFixture.OPEN.plus(Duration.ofMinutes(20)));

            silence(desk, Duration.ofSeconds(40));
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.desk.tradingState(session.id()) == TradingState.REDUCING);
            desk.advance(Duration.ofSeconds(1));

            desk.awaitSaid(session, tradeExecuted().and(m -> ((Update) m.content()).execution().cause() == OrderCause.STOP_LOSS));
            assertThat(desk.position(session)).isEmpty();
        }
    }

    /** The clock moves on and the desk's timer runs, but the market sends nothing. */
    private static void silence(DeskFixture desk, Duration howLong) {
        Instant until = desk.clock.now().plus(howLong);
        desk.clock.jumpTo(until);
    }
}
