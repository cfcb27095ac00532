package io.quorum.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.api.FakeDesk;
import io.quorum.server.backtest.BacktestRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A server on a free loopback port over a {@link FakeDesk}, with a client that speaks to it. */
public final class TestServer implements AutoCloseable {
    public static final String TOKEN = "test-token-0123456789abcdef";

    public final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T14:30:00Z"));
    public final FakeDesk desk = new FakeDesk(clock);
    public final QuorumServer server;
    /** The backtests of a server made here, over an empty data folder of its own; null when the test brought its own. */
    private final BacktestRuns ownBacktests;
    private final Path ownDataDir;
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final ObjectMapper json = Json.mapper();

    public TestServer() {
        this(ServerSettings.defaults());
    }

    /** Every route, the backtests' too (over an empty data folder), so that the checks of every route cover them. */
    public TestServer(ServerSettings settings) {
        ownDataDir = emptyDataFolder();
        ownBacktests = new BacktestRuns(ownDataDir, DeskSettings.defaults(), LlmSettings.none(), Map.of(), clock, BacktestRuns.ownThread());
        server = new QuorumServer(desk, Optional.of(ownBacktests), AccessToken.explicit(TOKEN), settings, new ServerMetrics(), clock).start(0, "127.0.0.1");
    }

    /** A server whose backtests the test made, over the data folder it chose. */
    public TestServer(BacktestRuns backtests) {
        ownDataDir = null;
        ownBacktests = null;
        server = new QuorumServer(desk, Optional.of(backtests), AccessToken.explicit(TOKEN), ServerSettings.defaults(), new ServerMetrics(), clock).start(0, "127.0.0.1");
    }

    private static Path emptyDataFolder() {
        try {
            return Files.createTempDirectory("quorum-test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create(server.baseUrl() + pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public HttpResponse<String> put(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override public void close() {
        server.stop();
        if (ownBacktests == null) return;
        ownBacktests.close();
        try (Stream<Path> files = Files.walk(ownDataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
