package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.http.Backoff;
import io.quorum.adapters.notify.DeliveryPolicy;
import io.quorum.adapters.notify.DeskNotices;
import io.quorum.adapters.notify.Notice;
import io.quorum.adapters.notify.NoticeKind;
import io.quorum.adapters.notify.Notifier;
import io.quorum.adapters.notify.Webhook;
import io.quorum.adapters.notify.WebhookFormat;
import io.quorum.adapters.notify.WebhookServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What `quorum serve` wires: the notifier follows the desk's journal and tells each channel the kinds it asked for. */
class DeskNotificationsTest {
    private final EmbeddedDesk embedded = new EmbeddedDesk(42, 60, null, null, DeskSettings.defaults());
    private final WebhookServer room = new WebhookServer();
    private final Notifier notifier = new Notifier(
            Map.of(new Webhook("desk-room", WebhookFormat.SLACK, room.url("/services/T0/B0/x")), EnumSet.of(NoticeKind.TRADING_STATE, NoticeKind.KILL_SWITCH)),
            new DeliveryPolicy(100, Duration.ofSeconds(5), 2, Backoff.of(Duration.ofMillis(10), Duration.ofMillis(50))));

    @AfterEach void close() {
        notifier.close();
        embedded.close();
        room.close();
    }

    @Test
    void a_halt_and_the_kill_switch_reach_the_channel_that_asked_for_them_and_nothing_else_does() {
        notifier.follow(embedded.desk(), embedded.journal(), new DeskNotices(URI.create("https://desk.example.com")));
        SessionId session = SessionId.of("notified");

        embedded.journal().append(session, new JournalEvent.ConfigChanged(Map.of("maxPositionPct", "25")));
        embedded.journal().append(session, new JournalEvent.TradingStateChanged("ACTIVE", "HALTED", "the daily loss limit was hit"));
        embedded.journal().append(session, new JournalEvent.UserAction("alice", JournalEvent.UserAction.Action.DISABLE_AUTO_TRADING, ""));

        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.stats().delivered() == 2);
        assertThat(room.received()).extracting(WebhookServer.Received::body).containsExactly(
                "{\"text\":\"notified: trading is HALTED (was ACTIVE): the daily loss limit was hit.\"}",
                "{\"text\":\"notified: auto-trading switched off by alice.\"}");
    }

    @Test
    void metrics_count_each_channels_notices_by_outcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DeskMetrics metrics = new DeskMetrics(registry, embedded.desk(), embedded.journal())) {
            metrics.watch(notifier);
            notifier.offer(new Notice(NoticeKind.KILL_SWITCH, null, "auto-trading switched off by alice."));

            await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("quorum.notifications").tags("channel", "desk-room", "outcome", "delivered").gauge().value() == 1);
            assertThat(registry.get("quorum.notifications").tags("channel", "desk-room", "outcome", "dropped").gauge().value()).isZero();
        }
    }
}
