package io.quorum.adapters.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers' chat APIs through LangChain4j: OpenAI's chat completions (any compatible server,
 * at its base URL) or Anthropic's Messages. One client per model, made on first use. LangChain4j's
 * own retries are off: a retry would outlast the vote, and the circuit breaker decides when to try
 * again. The key goes into the client and nowhere else: it is never logged, journaled or echoed.
 */
public final class LangChainEndpoint implements ChatEndpoint {
    /** Deterministic answers: the same facts should bring the same vote, which also makes the cache worth having. */
    private static final double TEMPERATURE = 0.0;

    private final LlmProvider provider;
    private final URI baseUrl;
    private final String key;
    private final Duration timeout;
    private final Map<ModelKey, ChatModel> clients = new ConcurrentHashMap<>();

    private record ModelKey(String model, int maxAnswerTokens) {}

    /** @param key the provider's key from the environment; null for a local server that needs none */
    public LangChainEndpoint(LlmProvider provider, URI baseUrl, String key, Duration timeout) {
        if (provider == LlmProvider.NONE) throw new IllegalArgumentException("provider: none calls no endpoint");
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.key = key;
        this.timeout = timeout;
    }

    @Override public ModelReply ask(Prompt prompt, int maxAnswerTokens) {
        ChatModel model = clients.computeIfAbsent(new ModelKey(prompt.model(), maxAnswerTokens), this::client);
        ChatResponse response = model.chat(ChatRequest.builder().messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())).build());
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        boolean refused = text == null || text.isBlank() || response.finishReason() == FinishReason.CONTENT_FILTER;
        return new ModelReply(text, in, out, response.modelName() == null ? "" : response.modelName(), refused);
    }

    /**
     * HTTP/1.1 always: the local servers (Ollama, vLLM, llama.cpp, LM Studio) speak nothing else on
     * plain http, and the JDK client would first try to upgrade every new connection to HTTP/2.
     */
    private static JdkHttpClientBuilder http() {
        return new JdkHttpClientBuilder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    }

    private ChatModel client(ModelKey model) {
        return switch (provider) {
            case OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
                    .httpClientBuilder(http()).baseUrl(baseUrl.toString()).apiKey(key == null ? "none" : key).modelName(model.model())
                    .temperature(TEMPERATURE).maxTokens(model.maxAnswerTokens()).timeout(timeout).maxRetries(0).build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http()).baseUrl(baseUrl.toString()).apiKey(key).modelName(model.model())
                    .temperature(TEMPERATURE).maxTokens(model.maxAnswerTokens()).timeout(timeout).maxRetries(0).build();
            case NONE -> throw new IllegalStateException("provider: none calls no endpoint");
        };
    }
}
