package io.quorum.adapters.llm;

import io.quorum.engine.message.AgentRole;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code llm} section of {@code quorum.yml}: which provider, where, which model speaks for
 * which role, how long a call may take, how much the desk may spend, and what each model costs.
 * The key is not here: it is read from the provider's environment variable ({@link LlmProvider#keyVariable}).
 *
 * @param models    the model of each role that has one; a role without one votes by its rules
 * @param timeout   how long a call may take before the role votes by its rules; shorter than the vote deadline
 * @param breaker   when the provider is given a rest
 * @param maxAnswerTokens the most tokens the model may answer with
 */
public record LlmSettings(LlmProvider provider, URI baseUrl, Map<AgentRole, String> models, Duration timeout, Breaker breaker,
                          Budget budget, Map<String, ModelPrice> prices, int maxAnswerTokens) {
    public static final URI OPENAI = URI.create("https://api.openai.com/v1");
    public static final URI ANTHROPIC = URI.create("https://api.anthropic.com/v1/");

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        models = models.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(models));
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(budget, "budget");
        prices = Map.copyOf(prices);
        if (maxAnswerTokens < 1) throw new IllegalArgumentException("maxAnswerTokens: must be positive, was " + maxAnswerTokens);
    }

    /** No model: the rule-based agents, and no network. */
    public static LlmSettings none() {
        return new LlmSettings(LlmProvider.NONE, OPENAI, Map.of(), Duration.ofSeconds(20), Breaker.defaults(), Budget.defaults(), Map.of(), 400);
    }

    public Optional<String> modelFor(AgentRole role) { return provider == LlmProvider.NONE ? Optional.empty() : Optional.ofNullable(models.get(role)); }

    public ModelPrice priceOf(String model) { return prices.getOrDefault(model, ModelPrice.FREE); }

    /**
     * The circuit breaker of the provider: once {@code failureRatePct} of the last {@code window}
     * calls (at least {@code minimumCalls} of them) failed or timed out, no call is made for
     * {@code openFor}; then one trial call decides whether it closes again.
     */
    public record Breaker(int window, int minimumCalls, int failureRatePct, Duration openFor) {
        public Breaker {
            if (window < 1 || minimumCalls < 1 || minimumCalls > window) throw new IllegalArgumentException("breaker: need 1 <= minimumCalls <= window, were " + minimumCalls + ", " + window);
            if (failureRatePct < 1 || failureRatePct > 100) throw new IllegalArgumentException("breaker.failureRatePct: from 1 to 100, was " + failureRatePct);
            if (openFor.isNegative() || openFor.isZero()) throw new IllegalArgumentException("breaker.openFor: must be positive, was " + openFor);
        }

        public static Breaker defaults() { return new Breaker(10, 5, 50, Duration.ofSeconds(30)); }
    }

    /**
     * What the desk may spend on models, per decision (the five votes on one proposal) and per day
     * (UTC). Once a limit is reached no call starts, and the roles vote by their rules; calls already
     * under way finish, so a limit may be passed by what they cost.
     */
    public record Budget(long tokensPerDecision, long tokensPerDay, BigDecimal dollarsPerDecision, BigDecimal dollarsPerDay) {
        public Budget {
            if (tokensPerDecision < 1 || tokensPerDay < tokensPerDecision) throw new IllegalArgumentException("budget: need 1 <= tokensPerDecision <= tokensPerDay");
            Objects.requireNonNull(dollarsPerDecision, "dollarsPerDecision");
            Objects.requireNonNull(dollarsPerDay, "dollarsPerDay");
            if (dollarsPerDecision.signum() < 0 || dollarsPerDay.compareTo(dollarsPerDecision) < 0) throw new IllegalArgumentException("budget: need 0 <= dollarsPerDecision <= dollarsPerDay");
        }

        public static Budget defaults() { return new Budget(20_000, 2_000_000, new BigDecimal("0.05"), new BigDecimal("5")); }
    }
}
