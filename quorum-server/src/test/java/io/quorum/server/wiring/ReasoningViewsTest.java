package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.llm.LlmProvider;
import io.quorum.adapters.llm.LlmReasoner;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.adapters.llm.ModelPrice;
import io.quorum.adapters.llm.ModelReply;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.api.ReasoningView;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/reasoning: who answers for each role now, and what the day's budget has left. */
class ReasoningViewsTest {
    private static final String VOTE = "{\"choice\":\"APPROVE\",\"reason\":\"within limits\",\"confidence\":0.8}";
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T14:30:00Z"));

    @Test
    void a_desk_without_a_model_says_every_role_answers_by_its_rules() {
        ReasoningView view = ReasoningViews.of(Reasoner.RULES_ONLY);

        assertThat(view.provider()).isEqualTo("none");
        assertThat(view.budget()).isNull();
        assertThat(view.roles()).extracting(ReasoningView.RoleReasoning::answersBy).containsOnly("RULES");
    }

    @Test
    void the_roles_with_a_model_answer_by_it_until_the_days_budget_is_spent_and_then_by_their_rules() {
        try (LlmReasoner reasoner = reasoner(new LlmSettings.Budget(1_000, 1_000, new BigDecimal("1"), new BigDecimal("1")))) {
            ReasoningView before = ReasoningViews.of(reasoner);
            assertThat(before.budget().spent()).isFalse();
            assertThat(role(before, AgentRole.RISK).answersBy()).isEqualTo("MODEL");
            assertThat(role(before, AgentRole.TECHNICAL).answersBy()).isEqualTo("RULES");
            assertThat(role(before, AgentRole.TECHNICAL).why()).isEqualTo("no model is configured for this role");

            reasoner.reason(deliberation()).toCompletableFuture().join();

            ReasoningView after = ReasoningViews.of(reasoner);
            assertThat(after.budget()).isEqualTo(new ReasoningView.Budget("2025-03-03", 1_200, 1_000, "0.000420", "1", true));
            ReasoningView.RoleReasoning risk = role(after, AgentRole.RISK);
            assertThat(risk).isEqualTo(new ReasoningView.RoleReasoning("RISK", "small-model", "RULES", "today's budget is spent", true, 1_200, "0.000420"));

            clock.advance(Duration.ofDays(1));
            assertThat(role(ReasoningViews.of(reasoner), AgentRole.RISK).answersBy()).isEqualTo("MODEL");
        }
    }

    private LlmReasoner reasoner(LlmSettings.Budget budget) {
        LlmSettings settings = new LlmSettings(LlmProvider.OPENAI_COMPATIBLE, URI.create("http://127.0.0.1:1/v1"), Map.of(AgentRole.RISK, "small-model"),
                Duration.ofSeconds(2), LlmSettings.Breaker.defaults(), budget, Map.of("small-model", new ModelPrice(new BigDecimal("0.30"), new BigDecimal("0.60"))), 400);
        return new LlmReasoner(settings, (prompt, maxAnswerTokens, draft) -> new ModelReply(VOTE, 1_000, 200, "small-model-1", false), clock);
    }

    private static Deliberation deliberation() {
        Proposal proposal = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, Ticker.of("AAPL"), Direction.LONG, Size.shares(10),
                Price.parse("100.00"), Price.parse("95.00"), Price.parse("110.00"), null, "breakout", "Buy 10 AAPL. Entry: $100.00");
        return new Deliberation(AgentRole.RISK, SessionId.of("api"), proposal, List.of("Portfolio: equity $100000.00."), null, List.of());
    }

    private static ReasoningView.RoleReasoning role(ReasoningView view, AgentRole role) {
        return view.roles().stream().filter(r -> r.role().equals(role.name())).findFirst().orElseThrow();
    }
}
