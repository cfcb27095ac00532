package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogFormatTest {
    private final PrintStream standardError = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach void restore() {
        System.setErr(standardError);
        LogFormat.text.apply();
    }

    @Test void with_log_format_json_each_log_line_is_one_json_object() throws Exception {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

        QuorumCli.Run run = QuorumCli.run(Map.of(), "serve", "--log-format", "json", "--help");
        LoggerFactory.getLogger("io.quorum.test").warn("journal slow: {} ms", 250);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("journal slow")).findFirst().orElseThrow();
        JsonNode entry = new ObjectMapper().readTree(line);
        assertThat(entry.path("level").asText()).isEqualTo("WARN");
        assertThat(entry.path("loggerName").asText()).isEqualTo("io.quorum.test");
        assertThat(entry.path("formattedMessage").asText()).isEqualTo("journal slow: 250 ms");
    }

    @Test void the_text_format_stays_the_default() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogFormat.text.apply();

        LoggerFactory.getLogger("io.quorum.test").warn("journal slow: {} ms", 250);

        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN  io.quorum.test - journal slow: 250 ms").doesNotContain("{\"");
    }
}
