package io.quorum.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.llm.LlmProvider;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.adapters.llm.ModelPrice;
import io.quorum.engine.message.AgentRole;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code llm} section: a model per role, its limits and prices; without it, the rules vote and no model is called. */
class LlmConfigTest {
    private static final Path REPOSITORY = Path.of(Optional.ofNullable(System.getenv("QUORUM_REPO_ROOT")).orElse(".."));

    private static ConfigResult check(String yaml) { return QuorumConfigLoader.parse(yaml, "quorum.yml", Map.of()); }

    private static LlmSettings settings(String yaml) {
        ConfigResult result = check(yaml);
        assertThat(result).as(result.toString()).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config().llm();
    }

    @Test
    void without_the_section_no_role_has_a_model() {
        LlmSettings llm = settings("market: {provider: simulated}");

        assertThat(llm.provider()).isEqualTo(LlmProvider.NONE);
        for (AgentRole role : AgentRole.VOTERS) assertThat(llm.modelFor(role)).isEmpty();
    }

    @Test
    void an_ollama_desk_gives_every_role_the_model_unless_a_role_has_its_own() {
        LlmSettings llm = settings("""
                llm:
                  provider: openai-compatible
                  baseUrl: http://localhost:11434/v1
                  model: llama3.1:8b
                  models: {risk: qwen2.5:14b}
                  timeout: 15s
                  answerLimit: 300
                  breaker: {window: 6, minimumCalls: 3, failureRatePct: 50, openFor: 1m}
                  budget: {tokensPerDecision: 10000, tokensPerDay: 500000, dollarsPerDecision: 0.02, dollarsPerDay: 2}
                  prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}
                """);

        assertThat(llm.provider()).isEqualTo(LlmProvider.OPENAI_COMPATIBLE);
        assertThat(llm.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
        assertThat(llm.modelFor(AgentRole.TECHNICAL)).contains("llama3.1:8b");
        assertThat(llm.modelFor(AgentRole.RISK)).contains("qwen2.5:14b");
        assertThat(llm.modelFor(AgentRole.ORCHESTRATOR)).isEqualTo(Optional.empty());
        assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(llm.maxAnswerTokens()).isEqualTo(300);
        assertThat(llm.breaker()).isEqualTo(new LlmSettings.Breaker(6, 3, 50, Duration.ofMinutes(1)));
        assertThat(llm.budget()).isEqualTo(new LlmSettings.Budget(10_000, 500_000, new BigDecimal("0.02"), new BigDecimal("2")));
        assertThat(llm.priceOf("gpt-4o-mini")).isEqualTo(new ModelPrice(new BigDecimal("0.15"), new BigDecimal("0.6")));
        assertThat(llm.priceOf("llama3.1:8b")).isEqualTo(ModelPrice.FREE);
    }

    @Test
    void the_ollama_example_gives_every_role_a_local_model_and_risk_a_larger_one() {
        ConfigResult result = QuorumConfigLoader.load(REPOSITORY.resolve("examples/ollama.yml"), Map.of());

        assertThat(result).as(result.toString()).isInstanceOfSatisfying(ConfigResult.Valid.class, valid -> {
            LlmSettings llm = valid.config().llm();
            assertThat(llm.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
            assertThat(llm.modelFor(AgentRole.SENTIMENT)).contains("llama3.1:8b");
            assertThat(llm.modelFor(AgentRole.RISK)).contains("qwen2.5:14b");
            assertThat(llm.priceOf("llama3.1:8b")).isEqualTo(ModelPrice.FREE);
        });
    }

    @Test
    void anthropic_is_asked_at_its_own_address_unless_told_otherwise() {
        LlmSettings llm = settings("llm: {provider: anthropic, model: claude-sonnet-4-20250514}");

        assertThat(llm.baseUrl()).isEqualTo(LlmSettings.ANTHROPIC);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an unknown provider        | llm: {provider: openai, model: m}                            | llm.provider: "openai" is not a provider; expected one of openai-compatible, anthropic, none, for example provider: openai-compatible
            a provider with no model   | llm: {provider: anthropic}                                   | llm.model: is missing, so no role has a model; expected the model every role asks, or models per role, for example model: llama3.1:8b
            a timeout past the vote    | llm: {provider: openai-compatible, model: m, timeout: 40s}   | llm.timeout: 40s is out of range; expected a duration from 1s to 25s (a number and a unit: ms, s, m, h or d), for example timeout: 20s
            a model for no voter       | llm: {provider: openai-compatible, model: m, models: {trader: x}} | llm.models.trader: is not a role; expected one of technical, fundamental, sentiment, risk, execution, for example models: {risk: qwen2.5:14b}
            a budget that is upside down | llm: {provider: openai-compatible, model: m, budget: {tokensPerDecision: 5000, tokensPerDay: 1000}} | llm.budget.tokensPerDay: 1000 is less than tokensPerDecision 5000; expected at least tokensPerDecision, for example tokensPerDay: 2000000
            a price with one way only  | llm: {provider: openai-compatible, model: m, prices: {m: {input: 1}}} | llm.prices.m: needs both input and output; expected dollars per million tokens each way, for example prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}
            a price that is negative   | llm: {provider: openai-compatible, model: m, prices: {m: {input: -1, output: 1}}} | llm.prices.m.input: -1 is out of range; expected dollars from 0 to 1000, with at most 6 decimals, for example input: 0.15
            a misspelt breaker key     | llm: {provider: openai-compatible, model: m, breaker: {openfor: 10s}} | llm.breaker.openfor: is not a known key (did you mean openFor?); expected one of window, minimumCalls, failureRatePct, openFor, for example breaker: {openFor: 30s}
            """)
    void a_wrong_llm_section_is_refused_with_its_path_the_expected_and_an_example(String kind, String yaml, String expected) {
        ConfigResult result = check(yaml);

        assertThat(result).isInstanceOfSatisfying(ConfigResult.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting(ConfigError::message).contains(expected));
    }

    @Test
    void a_key_in_the_llm_section_is_refused_without_repeating_it() {
        ConfigResult result = check("llm: {provider: openai-compatible, model: m, apiKey: sk-canary-1234}");

        assertThat(result).isInstanceOfSatisfying(ConfigResult.Invalid.class, invalid -> {
            assertThat(invalid.errors()).extracting(ConfigError::path).containsExactly("llm.apiKey");
            assertThat(invalid.toString()).doesNotContain("sk-canary-1234");
        });
    }
}
