package io.quorum.adapters.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import io.quorum.engine.reasoning.AnswerDraft;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The providers' chat APIs through LangChain4j: OpenAI's chat completions (any compatible server,
 * at its base URL) or Anthropic's Messages, both streamed (server-sent events: OpenAI's
 * {@code chat.completion.chunk}s, Anthropic's {@code content_block_delta}s), so that the desk can
 * show the answer while it is written. One client per model, made on first use. A streamed call is
 * never retried: a retry would outlast the vote, and the circuit breaker decides when to try
 * again. The key goes into the client and nowhere else: it is never logged, journaled or echoed.
 */
public final class LangChainEndpoint implements ChatEndpoint {
    /** Deterministic answers: the same facts should bring the same vote, which also makes the cache worth having. */
    private static final double TEMPERATURE = 0.0;

    private final LlmProvider provider;
    private final URI baseUrl;
    private final String key;
    private final Duration timeout;
    private final Map<ModelKey, StreamingChatModel> clients = new ConcurrentHashMap<>();

    private record ModelKey(String model, int maxAnswerTokens) {}

    /** @param key the provider's key from the environment; null for a local server that needs none */
    public LangChainEndpoint(LlmProvider provider, URI baseUrl, String key, Duration timeout) {
        if (provider == LlmProvider.NONE) throw new IllegalArgumentException("provider: none calls no endpoint");
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.key = key;
        this.timeout = timeout;
    }

    @Override public ModelReply ask(Prompt prompt, int maxAnswerTokens, AnswerDraft draft) {
        StreamingChatModel model = clients.computeIfAbsent(new ModelKey(prompt.model(), maxAnswerTokens), this::client);
        CompletableFuture<ChatResponse> whole = new CompletableFuture<>();
        model.chat(ChatRequest.builder().messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())).build(), new StreamingChatResponseHandler() {
            // The client calls the handler from one thread, piece after piece.
            private final StringBuilder soFar = new StringBuilder();

            @Override public void onPartialResponse(String piece) {
                soFar.append(piece);
                draft.soFar(soFar.toString());
            }

            @Override public void onCompleteResponse(ChatResponse response) { whole.complete(response); }

            @Override public void onError(Throwable error) { whole.completeExceptionally(error); }
        });
        ChatResponse response = awaited(whole);
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        boolean refused = text == null || text.isBlank() || response.finishReason() == FinishReason.CONTENT_FILTER;
        return new ModelReply(text, in, out, response.modelName() == null ? "" : response.modelName(), refused);
    }

    /** The whole response, or the failure the stream ended with, thrown as it came. */
    private static ChatResponse awaited(CompletableFuture<ChatResponse> whole) {
        try {
            return whole.get();
        } catch (InterruptedException givenUp) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the call was given up", givenUp);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(failed.getCause());
        }
    }

    /**
     * HTTP/1.1 always: the local servers (Ollama, vLLM, llama.cpp, LM Studio) speak nothing else on
     * plain http, and the JDK client would first try to upgrade every new connection to HTTP/2.
     */
    private static JdkHttpClientBuilder http() {
        return new JdkHttpClientBuilder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    }

    private StreamingChatModel client(ModelKey model) {
        return switch (provider) {
            case OPENAI_COMPATIBLE -> OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(http()).baseUrl(baseUrl.toString()).apiKey(key == null ? "none" : key).modelName(model.model())
                    .temperature(TEMPERATURE).maxTokens(model.maxAnswerTokens()).timeout(timeout).build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .httpClientBuilder(http()).baseUrl(baseUrl.toString()).apiKey(key).modelName(model.model())
                    .temperature(TEMPERATURE).maxTokens(model.maxAnswerTokens()).timeout(timeout).build();
            case NONE -> throw new IllegalStateException("provider: none calls no endpoint");
        };
    }
}
