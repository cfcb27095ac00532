package io.quorum.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.api.Actor;
import io.quorum.server.api.FakeDesk;
import io.quorum.server.api.StreamEventType;
import io.quorum.server.http.Json;
import io.quorum.server.http.ServerMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientStreamTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T14:30:00Z"));
    private final FakeDesk desk = new FakeDesk(clock);
    private final ObjectMapper json = Json.mapper();
    private final ServerMetrics metrics = new ServerMetrics();
    private final SessionId session = SessionId.of(desk.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id());
    private final RecordingSink sink = new RecordingSink();
    private ClientStream stream;

    @AfterEach void close() {
        sink.gate.release(1_000_000);
        if (stream != null) stream.close();
    }

    @Test void a_slow_client_gets_only_the_latest_of_its_pending_position_updates() {
        stream = startedStream(16);
        sink.holdFrames();
        desk.say(session, AgentRole.TECHNICAL, "first");
        await().until(() -> sink.sending.get() == 1);

        desk.tick(session, "100001.00");
        desk.tick(session, "100002.00");
        desk.tick(session, "100003.00");
        desk.say(session, AgentRole.RISK, "second");
        assertThat(stream.pending()).extracting(e -> e.type()).containsExactly(StreamEventType.POSITION_UPDATE, StreamEventType.AGENT_MESSAGE);
        sink.releaseFrames();

        await().until(() -> sink.frames().size() == 3);
        List<JsonNode> frames = sink.frames();
        assertThat(frames).extracting(f -> f.path("type").asText()).containsExactly("agent_message", "position_update", "agent_message");
        assertThat(frames.get(1).path("data").path("equity").asText()).isEqualTo("100003.00");
        assertThat(metrics.scrape()).contains("quorum_ws_frames_coalesced_total 2.0");
    }

    @Test void a_client_whose_queue_overflows_gets_a_resync_frame_and_is_closed() {
        stream = startedStream(4);
        sink.holdFrames();
        desk.say(session, AgentRole.TECHNICAL, "in flight");
        await().until(() -> sink.sending.get() == 1);

        for (int i = 0; i < 5; i++) desk.say(session, AgentRole.SENTIMENT, "backlog " + i);
        sink.releaseFrames();

        await().until(() -> sink.closeCode.get() != 0);
        assertThat(sink.frames()).extracting(f -> f.path("type").asText()).containsExactly("agent_message", "resync");
        assertThat(sink.frames().get(1).path("seq").asLong()).as("the last seq the client has").isEqualTo(2);
        assertThat(sink.closeCode.get()).isEqualTo(ClientStream.RESYNC_CLOSE_CODE);
        assertThat(desk.listenerCount(session)).isZero();
    }

    @Test void events_published_while_replaying_arrive_once_each_in_order() throws Exception {
        for (int i = 0; i < 300; i++) desk.say(session, AgentRole.TECHNICAL, "history " + i);
        Thread publisher = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 700; i++) desk.say(session, AgentRole.RISK, "live " + i);
        });
        stream = startedStream(2000);
        publisher.join();

        await().until(() -> sink.frames().size() == 1000);
        List<Long> seqs = sink.frames().stream().map(f -> f.path("seq").asLong()).toList();
        List<Long> expected = new ArrayList<>();
        for (long seq = 2; seq <= 1001; seq++) expected.add(seq);
        assertThat(seqs).isEqualTo(expected);
    }

    @Test void an_idle_stream_sends_heartbeats_and_answers_pings() {
        stream = new ClientStream(session, desk, sink, new FrameEncoder(json), clock, metrics, 16, Duration.ofMillis(50));
        stream.start(desk.session(session).lastSeq());

        await().until(() -> sink.frames().stream().anyMatch(f -> f.path("type").asText().equals("heartbeat")));
        stream.requestPong();

        await().until(() -> sink.frames().stream().anyMatch(f -> f.path("type").asText().equals("pong")));
        assertThat(sink.frames().getFirst().path("seq").asLong()).isEqualTo(1);
    }

    private ClientStream startedStream(int capacity) {
        ClientStream started = new ClientStream(session, desk, sink, new FrameEncoder(json), clock, metrics, capacity, Duration.ofMinutes(1));
        started.start(1);   // the client has seen the session's creation
        await().until(started::isLive);
        return started;
    }

    /** A client whose connection can be made to stall, to see what the server keeps for it meanwhile. */
    private final class RecordingSink implements FrameSink {
        final Semaphore gate = new Semaphore(1_000_000);
        final AtomicInteger sending = new AtomicInteger();
        final AtomicInteger closeCode = new AtomicInteger();
        private final List<String> texts = new CopyOnWriteArrayList<>();

        void holdFrames() { gate.drainPermits(); }

        void releaseFrames() { gate.release(1_000_000); }

        @Override public void send(String text) throws IOException {
            sending.incrementAndGet();
            gate.acquireUninterruptibly();
            texts.add(text);
        }

        @Override public void close(int code, String reason) { closeCode.set(code); }

        List<JsonNode> frames() {
            return texts.stream().map(text -> {
                try {
                    return json.readTree(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
