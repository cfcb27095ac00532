package io.quorum.bench.consensus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quorum.adapters.llm.LangChainEndpoint;
import io.quorum.adapters.llm.LlmProvider;
import io.quorum.adapters.llm.LlmReasoner;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.SystemClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A language model that thinks for a fixed time: a local server speaking OpenAI's streamed chat
 * completions, which answers every request with the same valid APPROVE after {@code thinking} (in
 * one {@code chat.completion.chunk}, then the usage and {@code [DONE]}), each request on a
 * virtual thread of its own, as a real server answers concurrent requests. The desk reaches it
 * through the real adapter ({@link LlmReasoner} on LangChain4j), over HTTP.
 */
final class SlowModelServer implements AutoCloseable {
    static final String MODEL = "bench-model";
    private static final String ANSWER = "{\"choice\":\"APPROVE\",\"reason\":\"the bench model approves\",\"confidence\":0.9}";
    private static final String CHUNK = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,\"model\":\"" + MODEL + "\",";
    private static final byte[] REPLY = ("data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":" + quoted(ANSWER) + "},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n"
            + "data: " + CHUNK + "\"choices\":[],\"usage\":{\"prompt_tokens\":800,\"completion_tokens\":30,\"total_tokens\":830}}\n\n"
            + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

    private final Duration thinking;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final LongAdder answered = new LongAdder();

    SlowModelServer(Duration thinking) {
        this.thinking = thinking;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/v1/", this::answer);
        server.start();
    }

    /** The desk's reasoner on this server: a model for each of the five roles, a timeout far above the thinking time, and a budget the bench never spends. */
    LlmReasoner reasoner() {
        Map<AgentRole, String> models = new EnumMap<>(AgentRole.class);
        for (AgentRole role : AgentRole.VOTERS) models.put(role, MODEL);
        Duration timeout = thinking.multipliedBy(10);
        URI baseUrl = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1/");
        LlmSettings settings = new LlmSettings(LlmProvider.OPENAI_COMPATIBLE, baseUrl, models, timeout, LlmSettings.Breaker.defaults(),
                new LlmSettings.Budget(1_000_000, 10_000_000_000L, BigDecimal.valueOf(1000), BigDecimal.valueOf(1000)), Map.of(), 100);
        return new LlmReasoner(settings, new LangChainEndpoint(LlmProvider.OPENAI_COMPATIBLE, baseUrl, null, timeout), SystemClock.INSTANCE);
    }

    long answered() { return answered.sum(); }

    /**
     * Loads and compiles the adapter's path (LangChain4j, its JSON, the JDK HTTP client) with a few
     * rounds of five calls at once, through a reasoner of its own: the first calls of a cold JVM take
     * seconds, and would open the measured reasoner's circuit breaker before the run starts.
     */
    void warmUp(int rounds) {
        try (LlmReasoner warming = reasoner()) {
            for (int round = 0; round < rounds; round++) {
                List<CompletableFuture<Reasoning<VoteAnswer>>> calls = new ArrayList<>();
                for (AgentRole role : AgentRole.VOTERS) {
                    Deliberation deliberation = new Deliberation(role, SessionId.of("bench-warm-up"), ModelVoteRounds.proposal(-1 - round), List.of(), null, List.of());
                    calls.add(warming.reason(deliberation).toCompletableFuture());
                }
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            Thread.sleep(thinking);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, REPLY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(REPLY);
            }
            answered.increment();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quoted(String text) { return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

    @Override public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
