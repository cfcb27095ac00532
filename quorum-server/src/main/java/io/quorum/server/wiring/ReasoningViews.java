package io.quorum.server.wiring;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.quorum.adapters.llm.LlmReasoner;
import io.quorum.adapters.llm.TokenBudget;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.server.api.ReasoningView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The desk's reasoner as the API shows it: who answers for each role now, and today's budget. */
final class ReasoningViews {
    private ReasoningViews() {}

    static ReasoningView of(Reasoner reasoner) {
        if (!(reasoner instanceof LlmReasoner llm)) {
            List<ReasoningView.RoleReasoning> roles = new ArrayList<>();
            for (AgentRole role : AgentRole.VOTERS) roles.add(new ReasoningView.RoleReasoning(role.name(), null, "RULES", "no model is configured", false, 0, "0"));
            return new ReasoningView("none", null, null, roles);
        }
        TokenBudget.Today today = llm.budgetToday();
        CircuitBreaker.State circuit = llm.circuit();
        List<ReasoningView.RoleReasoning> roles = new ArrayList<>();
        for (AgentRole role : AgentRole.VOTERS) {
            String model = llm.models().get(role);
            TokenBudget.Spent spent = model == null ? new TokenBudget.Spent(0, BigDecimal.ZERO) : today.of(model);
            String why = model == null ? "no model is configured for this role"
                    : today.exhausted() ? "today's budget is spent"
                    : circuit == CircuitBreaker.State.OPEN ? "the provider failed too often lately and is given a rest" : null;
            roles.add(new ReasoningView.RoleReasoning(role.name(), model, why == null ? "MODEL" : "RULES", why, today.exhausted(), spent.tokens(), spent.dollars().toPlainString()));
        }
        ReasoningView.Budget budget = new ReasoningView.Budget(today.day().toString(), today.spent().tokens(), today.tokensPerDay(),
                today.spent().dollars().toPlainString(), today.dollarsPerDay().toPlainString(), today.exhausted());
        return new ReasoningView(llm.provider(), circuit.name(), budget, roles);
    }
}
