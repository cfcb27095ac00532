package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /metrics counts the model's calls, fallbacks, errors, tokens and dollars by role and model, from the journal. */
class ReasonerMetricsTest {
    private final EmbeddedDesk embedded = new EmbeddedDesk(42, 60, null, null, DeskSettings.defaults());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeskMetrics metrics = new DeskMetrics(registry, embedded.desk(), embedded.journal());

    @AfterEach void close() {
        metrics.close();
        embedded.close();
    }

    @Test
    void each_journaled_call_is_counted_by_role_model_and_outcome_with_its_tokens_and_cost() {
        SessionId session = SessionId.of("metered");
        ProposalId proposal = ProposalId.random();
        embedded.journal().append(session, call(proposal, AgentRole.RISK, Outcome.ANSWERED, 800, 60, "0.000156"));
        embedded.journal().append(session, call(proposal, AgentRole.RISK, Outcome.TIMED_OUT, 0, 0, "0"));
        embedded.journal().append(session, call(proposal, AgentRole.TECHNICAL, Outcome.BUDGET_SPENT, 0, 0, "0"));

        await().atMost(Duration.ofSeconds(5)).until(() -> registry.find("quorum.reasoner.calls").counters().size() == 3);
        assertThat(registry.get("quorum.reasoner.calls").tags("role", "RISK", "model", "llama3.1:8b", "outcome", "ANSWERED").counter().count()).isEqualTo(1);
        assertThat(registry.get("quorum.reasoner.fallbacks").tags("role", "RISK", "outcome", "TIMED_OUT").counter().count()).isEqualTo(1);
        assertThat(registry.get("quorum.reasoner.fallbacks").tags("role", "TECHNICAL", "outcome", "BUDGET_SPENT").counter().count()).isEqualTo(1);
        assertThat(registry.get("quorum.reasoner.errors").tags("role", "RISK").counter().count()).isEqualTo(1);
        assertThat(registry.find("quorum.reasoner.errors").tags("role", "TECHNICAL").counter()).isNull();
        assertThat(registry.get("quorum.reasoner.tokens").tags("role", "RISK", "direction", "in").counter().count()).isEqualTo(800);
        assertThat(registry.get("quorum.reasoner.tokens").tags("role", "RISK", "direction", "out").counter().count()).isEqualTo(60);
        assertThat(registry.get("quorum.reasoner.cost.dollars").tags("role", "RISK", "model", "llama3.1:8b").counter().count()).isEqualTo(0.000156);
    }

    private static ReasonerCalled call(ProposalId proposal, AgentRole role, Outcome outcome, long in, long out, String cost) {
        return new ReasonerCalled(proposal, role, "openai-compatible", "llama3.1:8b", "llama3.1:8b", role.name().toLowerCase() + ".v1+answer.v1", "9f2c",
                in, out, 700, new BigDecimal(cost), outcome, false, "");
    }
}
