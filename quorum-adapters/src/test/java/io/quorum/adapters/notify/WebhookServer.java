package io.quorum.adapters.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local receiver of webhook and Bot API posts: it keeps what it was sent, by path, and answers
 * with the statuses it is told to (then 200), a 429 with the {@code Retry-After} it is given.
 */
public final class WebhookServer implements AutoCloseable {
    /** One request as received. */
    public record Received(String path, String contentType, String body) { }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile String retryAfter = "0";

    public WebhookServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Integer status = statuses.poll();
            int answer = status == null ? 200 : status;
            if (answer == 429) exchange.getResponseHeaders().add("Retry-After", retryAfter);
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers the next requests with these statuses, in order, before going back to 200. */
    public WebhookServer answering(int... next) {
        for (int status : next) statuses.add(status);
        return this;
    }

    public WebhookServer retryAfterSeconds(int seconds) {
        retryAfter = Integer.toString(seconds);
        return this;
    }

    public URI url(String path) { return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path); }

    public List<Received> received() { return List.copyOf(received); }

    @Override public void close() { server.stop(0); }
}
