package io.quorum.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local server speaking one provider's chat API, answering from the fixtures in
 * {@code src/test/resources/llm/<provider>/}: each request gets the reply set last, after its
 * delay. It keeps the bodies it was sent, and the headers that carry a key, to check what left.
 *
 * <p>A request that asks for a stream ({@code "stream": true}) gets the same reply as the providers
 * stream it, in server-sent events: OpenAI's {@code chat.completion.chunk}s (a role, the text in
 * pieces, the finish reason, the usage, {@code [DONE]}), Anthropic's {@code message_start},
 * {@code content_block_start}, {@code content_block_delta}s, {@code content_block_stop},
 * {@code message_delta} (stop reason and output tokens) and {@code message_stop}. The text goes in
 * pieces of {@value #PIECE} characters, {@code gap} apart. An error is a JSON body either way.
 * Public, so that the server's tests put a whole backtest through it.
 */
public final class ProviderStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The length of each piece of a streamed text. */
    static final int PIECE = 8;

    /** What the server answers: an HTTP status, a fixture, the model's text put into it, how long it waits first, and between pieces of a stream. */
    record Reply(int status, String fixture, String content, Duration delay, Duration gap) {
        Reply(int status, String fixture, String content, Duration delay) { this(status, fixture, content, delay, Duration.ZERO); }
    }

    private final String provider;
    private final HttpServer server;
    private final AtomicReference<Reply> reply = new AtomicReference<>();
    final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<String> keysSeen = new ConcurrentLinkedQueue<>();

    /** @param provider {@code openai} or {@code anthropic}: the fixtures' folder */
    public ProviderStub(String provider) {
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
    public URI baseUrl() { return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1/"); }

    public void answer(String content) { reply.set(new Reply(200, "answer", content, Duration.ZERO)); }

    public void answerAfter(Duration delay, String content) { reply.set(new Reply(200, "answer", content, delay)); }

    /** Answers {@code content}, streamed in pieces {@code gap} apart to a client that asks for a stream. */
    void answerInPieces(Duration gap, String content) { reply.set(new Reply(200, "answer", content, Duration.ZERO, gap)); }

    void refuse() { reply.set(new Reply(200, "refusal", "", Duration.ZERO)); }

    void fail(int status) { reply.set(new Reply(status, "error-" + status, "", Duration.ZERO)); }

    public int requests() { return bodies.size(); }

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
            String json = fixture(now.fixture()).replace("\"{{content}}\"", content);
            try {
                if (now.status() == 200 && JSON.readTree(bodies.getLast()).path("stream").asBoolean(false)) {
                    stream(exchange, JSON.readTree(json), now.gap());
                } else {
                    byte[] body = json.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(now.status(), body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (IOException clientGaveUp) {
                // A client that timed out has closed its end: nothing to tell it.
            }
        }
    }

    private void stream(HttpExchange exchange, JsonNode whole, Duration gap) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            List<String> events = provider.equals("anthropic") ? anthropicEvents(whole) : openAiEvents(whole);
            for (String event : events) {
                boolean piece = event.contains("\"content_block_delta\"") || event.contains("\"delta\":{\"content\"") || event.contains("\"delta\":{\"refusal\"");
                if (piece) sleep(gap);
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** A chat.completion as OpenAI streams it: {@code data:} lines of chat.completion.chunk, then {@code data: [DONE]}. */
    private static List<String> openAiEvents(JsonNode whole) {
        JsonNode message = whole.path("choices").path(0).path("message");
        List<String> events = new ArrayList<>();
        events.add(openAiChunk(whole, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        for (String field : List.of("content", "refusal")) {
            if (!message.path(field).isTextual()) continue;
            for (String piece : pieces(message.path(field).asText())) events.add(openAiChunk(whole, JSON.createObjectNode().put(field, piece), null));
        }
        events.add(openAiChunk(whole, JSON.createObjectNode(), whole.path("choices").path(0).path("finish_reason").asText()));
        ObjectNode usage = chunkOf(whole);
        usage.putArray("choices");
        usage.set("usage", whole.path("usage"));
        events.add("data: " + usage + "\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static String openAiChunk(JsonNode whole, ObjectNode delta, String finishReason) {
        ObjectNode chunk = chunkOf(whole);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return "data: " + chunk + "\n\n";
    }

    private static ObjectNode chunkOf(JsonNode whole) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", whole.path("id").asText());
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", whole.path("created").asLong());
        chunk.put("model", whole.path("model").asText());
        chunk.put("system_fingerprint", whole.path("system_fingerprint").asText());
        return chunk;
    }

    /** A message as Anthropic streams it: named events, each with its JSON data. */
    private static List<String> anthropicEvents(JsonNode whole) {
        List<String> events = new ArrayList<>();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message");
        for (String field : List.of("id", "type", "role", "model")) message.set(field, whole.path(field));
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", whole.path("usage").path("input_tokens").asLong()).put("output_tokens", 1);
        events.add(event("message_start", start));
        int index = 0;
        for (JsonNode block : whole.path("content")) {
            ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
            blockStart.putObject("content_block").put("type", "text").put("text", "");
            events.add(event("content_block_start", blockStart));
            events.add(event("ping", JSON.createObjectNode().put("type", "ping")));
            for (String piece : pieces(block.path("text").asText())) {
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
                events.add(event("content_block_delta", delta));
            }
            events.add(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index)));
            index++;
        }
        ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
        end.putObject("delta").put("stop_reason", whole.path("stop_reason").asText()).putNull("stop_sequence");
        end.putObject("usage").put("output_tokens", whole.path("usage").path("output_tokens").asLong());
        events.add(event("message_delta", end));
        events.add(event("message_stop", JSON.createObjectNode().put("type", "message_stop")));
        return events;
    }

    private static String event(String name, JsonNode data) { return "event: " + name + "\ndata: " + data + "\n\n"; }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (int at = 0; at < text.length(); at += PIECE) pieces.add(text.substring(at, Math.min(text.length(), at + PIECE)));
        return pieces;
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
