package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.simulation.ScriptedPrices;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stopped session can be put away: the desk forgets it, the journal keeps it. */
class SessionArchiveScenarioTest {

    @Test
    void a_stopped_flat_session_is_archived_forgotten_by_the_desk_and_stays_archived_after_a_restart() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.stop(StopReason.USER, USER);

            assertThat(desk.desk.archive(session.id(), USER)).isEmpty();

            assertThat(desk.desk.sessions()).isEmpty();
            assertThat(desk.journal(session)).last().isInstanceOfSatisfying(JournalEvent.UserAction.class,
                    action -> assertThat(action.action()).isEqualTo(JournalEvent.UserAction.Action.ARCHIVE_SESSION));
            assertThat(desk.restart()).as("a restart leaves it put away").isEmpty();
        }
    }

    @Test
    void a_session_that_still_trades_or_holds_a_position_is_not_archived() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());

            assertThat(desk.desk.archive(session.id(), USER)).hasValue("only a stopped session can be archived; stop it first");
            session.stop(StopReason.USER, USER);
            assertThat(desk.desk.archive(session.id(), USER)).hasValue("the session still holds positions; close them first");
            session.closePosition(NVDA, USER);
            desk.advance(Duration.ofSeconds(2));
            assertThat(desk.desk.archive(session.id(), USER)).isEmpty();
        }
    }

    @Test
    void sessions_opened_stopped_and_archived_leave_the_thread_count_where_it_was() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            openStopAndArchive(desk, 10); // the shared pools and the JDK's own threads start on first use
            int before = ManagementFactory.getThreadMXBean().getThreadCount();

            openStopAndArchive(desk, 100);

            // At most the carriers of virtual threads, one per core, may still start late; nothing per session.
            assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(before + Runtime.getRuntime().availableProcessors());
            assertThat(desk.desk.sessions()).isEmpty();
        }
    }

    private static void openStopAndArchive(DeskFixture desk, int sessions) {
        for (int i = 0; i < sessions; i++) {
            DeskSession session = desk.analysed();
            session.stop(StopReason.USER, USER);
            await().atMost(DeskFixture.PATIENCE).until(() -> session.state() == SessionState.STOPPED);
            assertThat(desk.desk.archive(session.id(), USER)).isEmpty();
        }
    }
}
