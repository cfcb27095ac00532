package io.quorum.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.http.Backoff;
import io.quorum.engine.loop.EngineLoop;
import io.quorum.engine.message.SessionId;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SessionId DESK = SessionId.of("desk-1");
    private static final Notice EXIT = new Notice(NoticeKind.EXIT, DESK, "Sold 10 AAPL at $187.20 (the stop-loss was hit); position closed.");
    private static final Set<NoticeKind> EVERY_KIND = EnumSet.allOf(NoticeKind.class);
    private static final DeliveryPolicy QUICK = new DeliveryPolicy(100, Duration.ofSeconds(5), 3, Backoff.of(Duration.ofMillis(10), Duration.ofMillis(50)));

    private final WebhookServer server = new WebhookServer();
    private Notifier notifier;

    @AfterEach
    void stop() {
        if (notifier != null) notifier.close();
        server.close();
    }

    private Notifier notifying(Channel channel, Set<NoticeKind> kinds, DeliveryPolicy policy) {
        notifier = new Notifier(Map.of(channel, kinds), policy);
        return notifier;
    }

    private JsonNode onlyBodyAt(String path) throws Exception {
        await().atMost(10, TimeUnit.SECONDS).until(() -> !server.received().isEmpty());
        WebhookServer.Received received = server.received().getFirst();
        assertThat(received.path()).isEqualTo(path);
        assertThat(received.contentType()).isEqualTo("application/json");
        return JSON.readTree(received.body());
    }

    @ParameterizedTest(name = "{0} is posted the sentence as {2}")
    @CsvSource({"SLACK, /services/T0/B0/x, text", "DISCORD, /api/webhooks/1/abc, content"})
    void a_chat_webhook_is_posted_the_sentence_in_its_one_field(WebhookFormat format, String path, String field) throws Exception {
        notifying(new Webhook("desk-room", format, server.url(path)), EVERY_KIND, QUICK).offer(EXIT);

        JsonNode body = onlyBodyAt(path);
        assertThat(body.get(field).asText()).isEqualTo("desk-1: Sold 10 AAPL at $187.20 (the stop-loss was hit); position closed.");
        assertThat(body.size()).isEqualTo(1);
    }

    @Test
    void a_generic_webhook_is_posted_the_kind_the_session_and_the_text() throws Exception {
        notifying(new Webhook("monitor", WebhookFormat.JSON, server.url("/hook")), EVERY_KIND, QUICK).offer(EXIT);

        JsonNode body = onlyBodyAt("/hook");
        assertThat(body.get("kind").asText()).isEqualTo("exit");
        assertThat(body.get("session").asText()).isEqualTo("desk-1");
        assertThat(body.get("text").asText()).isEqualTo(EXIT.text());
    }

    @Test
    void a_telegram_bot_sends_the_message_to_its_chat_through_send_message() throws Exception {
        notifying(new TelegramBot("phone", server.url("/"), "123456:ABC-token", "-100987"), EVERY_KIND, QUICK).offer(EXIT);

        JsonNode body = onlyBodyAt("/bot123456:ABC-token/sendMessage");
        assertThat(body.get("chat_id").asText()).isEqualTo("-100987");
        assertThat(body.get("text").asText()).startsWith("desk-1: Sold 10 AAPL");
    }

    @Test
    void a_channel_hears_only_the_kinds_it_was_configured_for() {
        Notifier told = notifying(new Webhook("faults", WebhookFormat.SLACK, server.url("/faults")), EnumSet.of(NoticeKind.FAULT), QUICK);

        told.offer(EXIT);
        told.offer(new Notice(NoticeKind.FAULT, null, "the journal cannot be written"));

        await().atMost(10, TimeUnit.SECONDS).until(() -> told.stats().delivered() == 1);
        assertThat(server.received()).singleElement().satisfies(received -> assertThat(received.body()).contains("Quorum: the journal cannot be written"));
    }

    @Test
    void a_429_is_waited_out_and_the_notice_delivered_on_the_next_attempt() {
        server.answering(429).retryAfterSeconds(1);
        Notifier told = notifying(new Webhook("desk-room", WebhookFormat.SLACK, server.url("/hook")), EVERY_KIND, QUICK);

        told.offer(EXIT);

        await().atMost(10, TimeUnit.SECONDS).until(() -> told.stats().delivered() == 1);
        assertThat(told.stats()).isEqualTo(new DeliveryStats(1, 1, 0, 0));
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void a_server_error_is_retried_until_the_attempts_run_out_then_counted_as_failed() {
        server.answering(503, 502, 500);
        Notifier told = notifying(new Webhook("desk-room", WebhookFormat.SLACK, server.url("/hook")), EVERY_KIND, QUICK);

        told.offer(EXIT);

        await().atMost(10, TimeUnit.SECONDS).until(() -> told.stats().failed() == 1);
        assertThat(told.stats()).isEqualTo(new DeliveryStats(0, 2, 1, 0));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void a_refusal_that_will_not_get_better_is_given_up_at_once() {
        server.answering(404);
        Notifier told = notifying(new Webhook("desk-room", WebhookFormat.SLACK, server.url("/hook")), EVERY_KIND, QUICK);

        told.offer(EXIT);

        await().atMost(10, TimeUnit.SECONDS).until(() -> told.stats().failed() == 1);
        assertThat(told.stats().retried()).isZero();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void a_flood_to_a_dead_webhook_never_holds_up_the_engine_loop() throws Exception {
        int capacity = 50;
        int flood = 10_000;
        try (DeadWebhook dead = new DeadWebhook(); EngineLoop loop = new EngineLoop("engine-loop-test", failure -> { })) {
            DeliveryPolicy patient = new DeliveryPolicy(capacity, Duration.ofMinutes(1), 4, Backoff.of(Duration.ofSeconds(1), Duration.ofMinutes(1)));
            Notifier told = notifying(new Webhook("dead", WebhookFormat.SLACK, dead.url()), EVERY_KIND, patient);
            told.offer(EXIT);
            dead.awaitConnection();

            // The desk's events on its loop, each telling the stuck channel of an exit, as the desk's listeners do.
            AtomicInteger exitsHandled = new AtomicInteger();
            CountDownLatch allHandled = new CountDownLatch(flood);
            for (int i = 0; i < flood; i++) {
                loop.submit(() -> {
                    told.offer(EXIT);
                    exitsHandled.incrementAndGet();
                    allHandled.countDown();
                });
            }

            assertThat(allHandled.await(30, TimeUnit.SECONDS)).as("the loop handled every event while the webhook hung").isTrue();
            assertThat(exitsHandled).hasValue(flood);
            DeliveryStats stats = told.stats();
            assertThat(stats.delivered()).isZero();
            assertThat(stats.dropped()).as("all but the queue's worth were dropped, oldest first").isEqualTo(flood - capacity);
            assertThat(loop.call(() -> "still running")).isEqualTo("still running");
        }
    }
}
