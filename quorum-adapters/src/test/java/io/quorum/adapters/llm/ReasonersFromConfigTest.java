package io.quorum.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.adapters.config.ConfigResult;
import io.quorum.adapters.config.QuorumConfig;
import io.quorum.adapters.config.QuorumConfigLoader;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.time.SystemClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desk asks a model only when the configuration says so, with the key from the environment. */
class ReasonersFromConfigTest {
    @Test void without_an_llm_section_the_rules_vote() {
        assertThat(Reasoners.fromConfig(QuorumConfig.defaults().llm(), Map.of(), SystemClock.INSTANCE)).isSameAs(Reasoner.RULES_ONLY);
    }

    @Test void an_llm_section_gives_the_roles_their_model() {
        Reasoner reasoner = Reasoners.fromConfig(config("llm: {provider: openai-compatible, baseUrl: http://localhost:11434/v1, model: llama3.1:8b}\n").llm(),
                Map.of(), SystemClock.INSTANCE);

        assertThat(reasoner).isInstanceOf(LlmReasoner.class);
        assertThat(reasoner.speaksFor(AgentRole.RISK)).isTrue();
        ((LlmReasoner) reasoner).close();
    }

    @Test void anthropic_without_its_key_is_refused_naming_the_variable() {
        QuorumConfig config = config("llm: {provider: anthropic, model: claude-sonnet-4-20250514}\n");

        assertThatThrownBy(() -> Reasoners.fromConfig(config.llm(), Map.of(), SystemClock.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANTHROPIC_API_KEY").hasMessageContaining("not set");
    }

    @Test void an_unknown_provider_is_a_configuration_error() {
        assertThat(QuorumConfigLoader.parse("llm: {provider: openai, model: m}\n", "quorum.yml", Map.of()))
                .isInstanceOfSatisfying(ConfigResult.Invalid.class, invalid -> assertThat(invalid.errors().toString())
                        .contains("llm.provider: \"openai\" is not a provider"));
    }

    private static QuorumConfig config(String yaml) {
        return ((ConfigResult.Valid) QuorumConfigLoader.parse(yaml, "quorum.yml", Map.of())).config();
    }
}
