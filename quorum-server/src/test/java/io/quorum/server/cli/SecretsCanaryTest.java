package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.alpaca.AlpacaServer;
import io.quorum.engine.market.Ticker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys are planted in the environment of a desk that uses them (Alpaca's, on a local server in
 * Alpaca's format) and of one that does not (a language model's): after a session has been
 * analysed, neither key is in the logs, the journal's files, any {@code /api} answer or {@code /metrics}.
 */
class SecretsCanaryTest {
    private static final String TOKEN = "secrets-canary-test-token";
    private static final String MODEL_KEY = "sk-canary-model-key-5d4c3b2a1f0e";

    @TempDir Path directory;
    private final AlpacaServer alpaca = new AlpacaServer();

    @AfterEach void stopTheProvider() { alpaca.close(); }

    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @Test void planted_keys_never_reach_the_logs_the_journal_the_api_or_the_metrics() throws Exception {
        alpaca.serve("AAPL", () -> ProviderHistory.climbingDays(Ticker.of("AAPL"), 300, 150_000_000, 50_000), () -> List.of());
        Path config = directory.resolve("quorum.yml");
        Files.writeString(config, """
                market:
                  provider: alpaca
                  tickers: [AAPL]
                  staleAfter: 10m
                news:
                  provider: alpaca
                alpaca:
                  feed: iex
                  dataUrl: %s
                  streamUrl: %s
                """.formatted(alpaca.settings().dataUrl(), alpaca.settings().streamUrl()));
        Path journal = directory.resolve("quorum.db");
        Path stderr = directory.resolve("stderr.txt");
        Map<String, String> environment = Map.of("APCA_API_KEY_ID", AlpacaServer.KEY_ID, "APCA_API_SECRET_KEY", AlpacaServer.SECRET_KEY,
                "OPENAI_API_KEY", MODEL_KEY, "ANTHROPIC_API_KEY", MODEL_KEY);
        List<String> answers = new ArrayList<>();

        try (ServeProcess serve = ServeProcess.start(TOKEN, stderr, environment, "--config", config.toString(),
                "--db", journal.toString(), "--broker-db", directory.resolve("broker.db").toString(), "--log-format", "json")) {
            String id = serve.call("POST", "/api/sessions", "{\"ticker\":\"AAPL\"}").path("id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> !serve.call("GET", "/api/sessions/" + id, null).path("state").asText().equals("ANALYZING"));
            assertThat(alpaca.requests()).as("the desk used its Alpaca keys").isNotEmpty();
            for (String path : List.of("/api/sessions", "/api/sessions/" + id, "/api/sessions/" + id + "/messages", "/api/sessions/" + id + "/decisions",
                    "/api/sessions/" + id + "/alerts", "/api/sessions/" + id + "/positions", "/api/sessions/" + id + "/config",
                    "/api/market/AAPL/bars?interval=1d", "/api/tickers?q=AA", "/metrics", "/openapi.json", "/ready", "/health")) {
                HttpResponse<String> answer = serve.send("GET", path, null);
                answers.add(path + " " + answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
            }
            answers.add(String.join("\n", serve.output));
            serve.process.destroy();
            assertThat(serve.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        List<String> places = new ArrayList<>(answers);
        places.add(Files.readString(stderr));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("quorum.db")).toList()) {
                places.add(file.getFileName() + ": " + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(places).hasSizeGreaterThan(14).allSatisfy(text -> assertThat(text)
                .doesNotContain(AlpacaServer.KEY_ID).doesNotContain(AlpacaServer.SECRET_KEY).doesNotContain(MODEL_KEY));
    }
}
