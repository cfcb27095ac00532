package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code quorum serve} in a process of its own, as a user starts it: the test waits for the line
 * with its address, then talks to it over HTTP with the token, as the UI would.
 */
final class ServeProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTENING = "Quorum is listening on ";

    final Process process;
    final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServeProcess(Process process, String baseUrl, String token) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Starts {@code serve --port 0 --token TOKEN ARGS…}, its standard error going to {@code stderr}, and waits for its address. */
    static ServeProcess start(String token, Path stderr, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", QuorumCommand.class.getName(), "serve", "--port", "0", "--token", token));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            for (String line = out.readLine(); baseUrl == null; line = out.readLine()) {
                assertThat(line).as("the desk printed its address before ending; its errors: %s", java.nio.file.Files.readString(stderr)).isNotNull();
                if (line.startsWith(LISTENING)) baseUrl = line.substring(LISTENING.length());
            }
            Thread.ofPlatform().daemon().start(() -> out.lines().forEach(line -> { }));
            return new ServeProcess(process, baseUrl, token);
        } catch (IOException | RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** A request with the token; the answer whatever its status. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request that must succeed; its JSON answer. */
    JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException { return JSON.readTree(response.body()); }

    HttpClient http() { return http; }

    @Override public void close() { process.destroyForcibly(); }
}
