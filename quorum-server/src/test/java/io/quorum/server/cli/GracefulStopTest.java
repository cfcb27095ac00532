package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum serve} in its own process, trading, stopped the way a service manager stops it: SIGTERM. */
class GracefulStopTest {
    private static final String TOKEN = "graceful-stop-test-token";

    @TempDir Path directory;

    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @Test void sigterm_stops_a_trading_desk_in_order_and_exits_zero_within_five_seconds() throws Exception {
        Path journal = directory.resolve("quorum.db");
        try (ServeProcess serve = ServeProcess.start(TOKEN, directory.resolve("stderr.txt"), Map.of(),
                "--db", journal.toString(), "--broker-db", directory.resolve("broker.db").toString(), "--speed", "600")) {
            Process desk = serve.process;
            String id = tradingSession(serve);
            Closing stream = new Closing();
            serve.http().newWebSocketBuilder().subprotocols("quorum.bearer." + TOKEN)
                    .buildAsync(URI.create(serve.baseUrl.replace("http://", "ws://") + "/ws/sessions/" + id + "?lastSeq=0"), stream).get(10, TimeUnit.SECONDS);

            long signalled = System.nanoTime();
            desk.destroy();   // SIGTERM
            boolean exited = desk.waitFor(5, TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - signalled) / 1_000_000;

            assertThat(exited).as("exited within 5 s").isTrue();
            assertThat(desk.exitValue()).as("exit status, %d ms after SIGTERM", tookMillis).isZero();
            assertThat(stream.closed.get(1, TimeUnit.SECONDS)).as("the stream was closed with a reason").matches("1001 .+");
            assertThat(java.nio.file.Files.readString(directory.resolve("stderr.txt"))).doesNotContain("Exception");
            assertLastEntryIsWhole(journal, SessionId.of(id));
        }
    }

    /** The journal ends on a whole entry: the last one reads back, sits at the session's head, and the chain verifies. */
    private void assertLastEntryIsWhole(Path journal, SessionId session) {
        try (Database database = Database.openFile(journal);
             JdbcJournal reader = new JdbcJournal(database, AuditKey.resolve(Map.of(), database.defaultAuditKeyFile()), new ManualClock(Instant.now()))) {
            long head = reader.lastSeq(session);
            List<JournalEntry> last = reader.read(session, head - 1, 10);
            assertThat(head).as("entries journaled while trading").isGreaterThan(3);
            assertThat(last).singleElement().satisfies(entry -> assertThat(entry.seq()).isEqualTo(head));
        }
        QuorumCli.Run verify = QuorumCli.run(Map.of(), "audit", "verify", "--db", journal.toString());
        assertThat(verify.out()).as(verify.err()).startsWith("OK: ");
        assertThat(verify.exitCode()).isZero();
    }

    /** Creates a session, approves its proposal and enables auto-trading, through the API as the UI would. */
    private static String tradingSession(ServeProcess serve) throws Exception {
        String id = serve.call("POST", "/api/sessions", "{\"ticker\":\"AAPL\"}").path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> serve.call("GET", "/api/sessions/" + id, null).path("state").asText().equals("PROPOSAL"));
        String proposal = serve.call("GET", "/api/sessions/" + id, null).path("proposal").path("id").asText();
        serve.call("POST", "/api/sessions/" + id + "/approve", "{\"proposalId\":\"" + proposal + "\"}");
        String version = serve.call("GET", "/api/risk-disclosure", null).path("version").asText();
        JsonNode enabled = serve.call("POST", "/api/sessions/" + id + "/auto-trading/enable", "{\"acceptedDisclosureVersion\":\"" + version + "\"}");
        assertThat(enabled.path("autoTrading").path("enabled").asBoolean()).as(enabled.toString()).isTrue();
        return id;
    }

    private static final class Closing implements WebSocket.Listener {
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }
    }
}
