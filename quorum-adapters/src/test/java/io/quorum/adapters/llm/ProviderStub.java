package io.quorum.adapters.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local server speaking one provider's chat API, answering from the fixtures in
 * {@code src/test/resources/llm/<provider>/}: each request gets the reply set last, after its
 * delay. It keeps the bodies it was sent, and the headers that carry a key, to check what left.
 */
final class ProviderStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the server answers: an HTTP status, a fixture, the model's text put into it, and how long it waits first. */
    record Reply(int status, String fixture, String content, Duration delay) {}

    private final String provider;
    private final HttpServer server;
    private final AtomicReference<Reply> reply = new AtomicReference<>();
    final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<String> keysSeen = new ConcurrentLinkedQueue<>();

    /** @param provider {@code openai} or {@code anthropic}: the fixtures' folder */
    ProviderStub(String provider) {
        this.provider = provider;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/", this::handle);
        server.start();
    }

    /** The base URL a client is configured with: {@code http://127.0.0.1:port/v1/}. */
    URI baseUrl() { return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1/"); }

    void answer(String content) { reply.set(new Reply(200, "answer", content, Duration.ZERO)); }

    void answerAfter(Duration delay, String content) { reply.set(new Reply(200, "answer", content, delay)); }

    void refuse() { reply.set(new Reply(200, "refusal", "", Duration.ZERO)); }

    void fail(int status) { reply.set(new Reply(status, "error-" + status, "", Duration.ZERO)); }

    int requests() { return bodies.size(); }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (String header : List.of("Authorization", "x-api-key")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) keysSeen.add(value);
            }
            Reply now = reply.get();
            sleep(now.delay());
            String content = JSON.writeValueAsString(now.content());
            byte[] body = fixture(now.fixture()).replace("\"{{content}}\"", content).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(now.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGaveUp) {
                // A client that timed out has closed its end: nothing to tell it.
            }
        }
    }

    private String fixture(String name) throws IOException {
        try (InputStream in = ProviderStub.class.getResourceAsStream("/llm/" + provider + "/" + name + ".json")) {
            if (in == null) throw new IllegalStateException("no fixture llm/" + provider + "/" + name + ".json");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) return;
        try {
            Thread.sleep(delay);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() { server.stop(0); }
}
