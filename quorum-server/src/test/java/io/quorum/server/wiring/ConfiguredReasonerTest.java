package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.adapters.llm.LlmReasoner;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.reasoning.Reasoner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's desk asks a model only when the configuration says so, with the key from the environment. */
class ConfiguredReasonerTest {
    @TempDir Path folder;

    @Test
    void without_a_configuration_the_rules_vote() {
        assertThat(ConfiguredReasoner.of(Map.of(), folder)).isSameAs(Reasoner.RULES_ONLY);
    }

    @Test
    void an_llm_section_in_quorum_yml_gives_the_roles_their_model() throws IOException {
        Files.writeString(folder.resolve("quorum.yml"), "llm: {provider: openai-compatible, baseUrl: http://localhost:11434/v1, model: llama3.1:8b}\n");

        Reasoner reasoner = ConfiguredReasoner.of(Map.of(), folder);

        assertThat(reasoner).isInstanceOf(LlmReasoner.class);
        assertThat(reasoner.speaksFor(AgentRole.RISK)).isTrue();
        ((LlmReasoner) reasoner).close();
    }

    @Test
    void anthropic_without_its_key_stops_the_start_naming_the_variable() throws IOException {
        Path file = folder.resolve("claude.yml");
        Files.writeString(file, "llm: {provider: anthropic, model: claude-sonnet-4-20250514}\n");

        assertThatThrownBy(() -> ConfiguredReasoner.of(Map.of("QUORUM_CONFIG", file.toString()), folder))
                .hasMessageContaining("ANTHROPIC_API_KEY").hasMessageContaining("not set");
    }

    @Test
    void an_invalid_configuration_stops_the_start_with_its_errors() throws IOException {
        Files.writeString(folder.resolve("quorum.yml"), "llm: {provider: openai, model: m}\n");

        assertThatThrownBy(() -> ConfiguredReasoner.of(Map.of(), folder)).hasMessageContaining("llm.provider: \"openai\" is not a provider");
    }
}
