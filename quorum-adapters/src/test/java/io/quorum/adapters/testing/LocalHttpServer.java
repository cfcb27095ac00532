package io.quorum.adapters.testing;

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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server for the adapters' tests, on a free port of the loopback interface: each
 * path prefix answers through a function of the request's URI; scripted answers (a status, a
 * body, a delay) are served first, in order, whatever the path. Every request is recorded.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** One answer: a status, a body, its content type, extra headers, and how long to wait before sending it. */
    public record Answer(int status, String body, String contentType, Duration delay, Map<String, String> headers) {
        public static Answer ok(String body, String contentType) { return new Answer(200, body, contentType, Duration.ZERO, Map.of()); }
        public static Answer status(int status) { return new Answer(status, "", "text/plain", Duration.ZERO, Map.of()); }
        public static Answer slow(Duration delay) { return new Answer(200, "", "text/plain", delay, Map.of()); }

        public Answer withHeader(String name, String value) { return new Answer(status, body, contentType, delay, Map.of(name, value)); }
    }

    private final HttpServer server;
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<URI, Answer>> routes = new ConcurrentHashMap<>();

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI baseUrl() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    public URI url(String path) { return baseUrl().resolve(path); }

    /** Requests whose path starts with {@code prefix} are answered by {@code route} (the longest prefix wins). */
    public void route(String prefix, Function<URI, Answer> route) { routes.put(prefix, route); }

    public void script(Answer... answers) {
        synchronized (scripted) {
            scripted.addAll(List.of(answers));
        }
    }

    public List<URI> requests() { return requests; }

    @Override public void close() { server.stop(0); }

    /** A file of {@code src/test/resources}, as text. */
    public static String resource(String path) {
        try (InputStream in = LocalHttpServer.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            requests.add(uri);
            Answer answer;
            synchronized (scripted) {
                answer = scripted.pollFirst();
            }
            if (answer == null) answer = routed(uri);
            if (!answer.delay().isZero()) pause(answer.delay());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType() + ";charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer routed(URI uri) {
        String best = null;
        for (String prefix : routes.keySet()) {
            if (uri.getPath().startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best == null ? Answer.status(404) : routes.get(best).apply(uri);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
