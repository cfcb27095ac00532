package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigValues.absent;
import static io.quorum.adapters.config.ConfigValues.found;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.llm.LlmProvider;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.adapters.llm.ModelPrice;
import io.quorum.engine.message.AgentRole;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the {@code llm} section and builds its {@link LlmSettings}. The section's own keys are
 * checked by {@link QuorumConfigValidator} (unknown and secret-looking names); this class checks the
 * values, and the keys of the maps inside (roles, prices, breaker, budget). Without the section, or
 * with {@code provider: none}, the agents vote by their rules and the desk calls no model.
 *
 * <pre>
 * llm:
 *   provider: openai-compatible        # or anthropic, or none
 *   baseUrl: http://localhost:11434/v1 # Ollama; OpenAI's and Anthropic's own by default
 *   model: llama3.1:8b                 # every role's model ...
 *   models: {risk: qwen2.5:14b}        # ... unless a role has its own
 *   timeout: 20s                       # shorter than the vote deadline (30 s by default)
 *   answerLimit: 400                   # the most tokens an answer may take
 *   breaker: {window: 10, minimumCalls: 5, failureRatePct: 50, openFor: 30s}
 *   budget: {tokensPerDecision: 20000, tokensPerDay: 2000000, dollarsPerDecision: 0.05, dollarsPerDay: 5}
 *   prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}   # dollars per million tokens
 * </pre>
 */
final class LlmConfigValidator {
    static final List<String> KEYS = List.of("provider", "baseUrl", "model", "models", "timeout", "answerLimit", "breaker", "budget", "prices");
    static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(25);
    private static final List<String> BREAKER_KEYS = List.of("window", "minimumCalls", "failureRatePct", "openFor");
    private static final List<String> BUDGET_KEYS = List.of("tokensPerDecision", "tokensPerDay", "dollarsPerDecision", "dollarsPerDay");

    private final JsonNode section;
    private final ConfigValues values;

    LlmConfigValidator(JsonNode section, ConfigValues values) {
        this.section = section;
        this.values = values;
    }

    LlmSettings settings() {
        LlmSettings defaults = LlmSettings.none();
        if (section.isMissingNode() || section.isNull() || !section.isObject()) return defaults;
        LlmProvider provider = provider();
        URI baseUrl = values.url("llm.baseUrl", section.path("baseUrl"), "baseUrl: http://localhost:11434/v1",
                provider == LlmProvider.ANTHROPIC ? LlmSettings.ANTHROPIC : LlmSettings.OPENAI);
        Map<AgentRole, String> models = models(provider);
        Duration timeout = values.duration("llm.timeout", section.path("timeout"), Duration.ofSeconds(1), LONGEST_TIMEOUT, "20s", defaults.timeout());
        int answerLimit = (int) values.whole("llm.answerLimit", section.path("answerLimit"), 16, 8_000, "400", defaults.maxAnswerTokens());
        LlmSettings.Breaker breaker = breaker(defaults.breaker());
        LlmSettings.Budget budget = budget(defaults.budget());
        Map<String, ModelPrice> prices = prices();
        return new LlmSettings(provider, baseUrl, models, timeout, breaker, budget, prices, answerLimit);
    }

    private LlmProvider provider() {
        JsonNode node = section.path("provider");
        if (absent(node)) return LlmProvider.NONE;
        for (LlmProvider provider : LlmProvider.values()) {
            if (node.isTextual() && provider.configName().equals(node.asText().strip().toLowerCase(Locale.ROOT))) return provider;
        }
        values.error("llm.provider", found(node) + " is not a provider", "one of openai-compatible, anthropic, none", "provider: openai-compatible");
        return LlmProvider.NONE;
    }

    /** Each voter's model: its own under {@code models}, else {@code model}; a role with neither votes by its rules. */
    private Map<AgentRole, String> models(LlmProvider provider) {
        String every = modelName("llm.model", section.path("model"));
        Map<AgentRole, String> models = new EnumMap<>(AgentRole.class);
        if (every != null) for (AgentRole role : AgentRole.VOTERS) models.put(role, every);
        JsonNode own = section.path("models");
        if (!absent(own) && !own.isObject()) values.error("llm.models", "is not a mapping", "a mapping of role to model", "models: {risk: qwen2.5:14b}");
        for (var fields = own.fields(); fields.hasNext(); ) {
            var field = fields.next();
            AgentRole role = voter(field.getKey());
            String model = modelName("llm.models." + field.getKey(), field.getValue());
            if (role == null) {
                values.error("llm.models." + field.getKey(), "is not a role", "one of technical, fundamental, sentiment, risk, execution", "models: {risk: qwen2.5:14b}");
            } else if (model != null) {
                models.put(role, model);
            }
        }
        if (provider != LlmProvider.NONE && models.isEmpty()) {
            values.error("llm.model", "is missing, so no role has a model", "the model every role asks, or models per role", "model: llama3.1:8b");
        }
        return models;
    }

    private String modelName(String path, JsonNode node) {
        if (absent(node)) return null;
        if (node.isTextual() && !node.asText().isBlank() && node.asText().strip().length() <= 200) return node.asText().strip();
        values.error(path, found(node) + " is not a model name", "the model's name as the server knows it", "model: llama3.1:8b");
        return null;
    }

    private static AgentRole voter(String name) {
        for (AgentRole role : AgentRole.VOTERS) if (role.name().equalsIgnoreCase(name)) return role;
        return null;
    }

    private LlmSettings.Breaker breaker(LlmSettings.Breaker defaults) {
        JsonNode node = section.path("breaker");
        values.knownKeys("llm.breaker", node, BREAKER_KEYS, "breaker: {openFor: 30s}");
        int window = (int) values.whole("llm.breaker.window", node.path("window"), 1, 100, "10", defaults.window());
        int minimum = (int) values.whole("llm.breaker.minimumCalls", node.path("minimumCalls"), 1, 100, "5", defaults.minimumCalls());
        int rate = (int) values.whole("llm.breaker.failureRatePct", node.path("failureRatePct"), 1, 100, "50", defaults.failureRatePct());
        Duration openFor = values.duration("llm.breaker.openFor", node.path("openFor"), Duration.ofMillis(100), Duration.ofHours(1), "30s", defaults.openFor());
        if (minimum > window) {
            values.error("llm.breaker.minimumCalls", minimum + " is more than the window of " + window, "at most the window", "minimumCalls: 5");
            minimum = window;
        }
        return new LlmSettings.Breaker(window, minimum, rate, openFor);
    }

    private LlmSettings.Budget budget(LlmSettings.Budget defaults) {
        JsonNode node = section.path("budget");
        values.knownKeys("llm.budget", node, BUDGET_KEYS, "budget: {tokensPerDay: 2000000}");
        long perDecision = values.whole("llm.budget.tokensPerDecision", node.path("tokensPerDecision"), 100, 10_000_000, "20000", defaults.tokensPerDecision());
        long perDay = values.whole("llm.budget.tokensPerDay", node.path("tokensPerDay"), 100, 10_000_000_000L, "2000000", defaults.tokensPerDay());
        BigDecimal dollarsPerDecision = dollars("llm.budget.dollarsPerDecision", node.path("dollarsPerDecision"), "0.05", defaults.dollarsPerDecision());
        BigDecimal dollarsPerDay = dollars("llm.budget.dollarsPerDay", node.path("dollarsPerDay"), "5", defaults.dollarsPerDay());
        if (perDay < perDecision) {
            values.error("llm.budget.tokensPerDay", perDay + " is less than tokensPerDecision " + perDecision, "at least tokensPerDecision", "tokensPerDay: 2000000");
            perDay = perDecision;
        }
        if (dollarsPerDay.compareTo(dollarsPerDecision) < 0) {
            values.error("llm.budget.dollarsPerDay", dollarsPerDay.toPlainString() + " is less than dollarsPerDecision " + dollarsPerDecision.toPlainString(),
                    "at least dollarsPerDecision", "dollarsPerDay: 5");
            dollarsPerDay = dollarsPerDecision;
        }
        return new LlmSettings.Budget(perDecision, perDay, dollarsPerDecision, dollarsPerDay);
    }

    private Map<String, ModelPrice> prices() {
        JsonNode node = section.path("prices");
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        String example = "prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}";
        if (absent(node)) return prices;
        if (!node.isObject()) {
            values.error("llm.prices", "is not a mapping", "a mapping of model to {input, output} dollars per million tokens", example);
            return prices;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String path = "llm.prices." + field.getKey();
            values.knownKeys(path, field.getValue(), List.of("input", "output"), example);
            BigDecimal input = dollars(path + ".input", field.getValue().path("input"), "0.15", null);
            BigDecimal output = dollars(path + ".output", field.getValue().path("output"), "0.60", null);
            if (input == null || output == null) {
                values.error(path, "needs both input and output", "dollars per million tokens each way", example);
            } else {
                prices.put(field.getKey(), new ModelPrice(input, output));
            }
        }
        return prices;
    }

    // --- values ---------------------------------------------------------------------------

    /** Dollars: from 0 to 1,000, at most 6 decimals. */
    private BigDecimal dollars(String path, JsonNode node, String example, BigDecimal fallback) {
        return values.amount(path, node, BigDecimal.ZERO, BigDecimal.valueOf(1000), 6, "dollars", example, fallback);
    }
}
