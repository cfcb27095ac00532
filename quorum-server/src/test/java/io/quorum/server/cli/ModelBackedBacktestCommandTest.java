package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.llm.ProviderStub;
import io.quorum.adapters.testing.SharedMarketData;
import io.quorum.server.cli.QuorumCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorum backtest} with a configuration whose Risk agent asks a language model: a local
 * server speaking OpenAI's chat API, which approves every proposal, in front of the live desk's reasoner.
 */
class ModelBackedBacktestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPROVE = "{\"choice\":\"APPROVE\",\"reason\":\"exposure within the limit\",\"confidence\":0.8}";

    @TempDir Path directory;
    private ProviderStub model;
    private Path config;

    @BeforeEach void start() throws Exception {
        model = new ProviderStub("openai");
        model.answer(APPROVE);
        config = directory.resolve("quorum.yml");
        Files.writeString(config, "llm:\n  provider: openai-compatible\n  baseUrl: " + model.baseUrl() + "\n  models: {risk: gpt-4o-mini}\n"
                + "  prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}\n");
    }

    @AfterEach void stop() { model.close(); }

    /** Two years of Oracle: the 200-day average the agents read is ready after the first. */
    private Run backtest(String report, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("backtest", "--data", SharedMarketData.file("orcl-1995-2014.txt").toString(), "--ticker", "ORCL",
                "--from", "1999-01-04", "--to", to, "--config", config.toString(), "--report", directory.resolve(report).toString()));
        args.addAll(List.of(more));
        return QuorumCli.run(Map.of(), args.toArray(String[]::new));
    }

    private static Run succeeded(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** {@code quorum audit verify} on the report's journal, which must pass. */
    private void assertVerified(String report) {
        Run verified = QuorumCli.run(Map.of(), "audit", "verify", "--db", directory.resolve(report).resolve("journal.db").toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).startsWith("OK: ");
    }

    private JsonNode llmOf(String report) throws Exception {
        return JSON.readTree(directory.resolve(report).resolve("report.json").toFile()).path("decisions").path("llm");
    }

    @Test void a_cached_backtest_run_again_asks_the_model_nothing_and_writes_the_same_report_json_byte_for_byte() throws Exception {
        Path answers = directory.resolve("answers.jsonl");

        Run first = succeeded(backtest("first", "2000-12-29", "--llm-answers", "cached", "--llm-cache", answers.toString()));
        int asked = model.requests();
        Run second = succeeded(backtest("second", "2000-12-29", "--llm-answers", "cached", "--llm-cache", answers.toString()));

        assertThat(asked).isPositive();
        assertThat(model.requests()).as("the rerun's calls").isEqualTo(asked);
        assertThat(Files.readString(directory.resolve("second/report.json"))).isEqualTo(Files.readString(directory.resolve("first/report.json")));
        JsonNode llm = llmOf("second");
        assertThat(llm.path("answers").asText()).isEqualTo("cached");
        assertThat(llm.path("agents").toString()).isEqualTo("[\"RISK\"]");
        assertThat(llm.path("calls").asInt()).isPositive();
        assertThat(llm.path("byOutcome").path("ANSWERED").asInt()).isPositive();
        assertThat(llm.path("tokensIn").asLong()).isEqualTo(812L * (llm.path("calls").asInt() - llm.path("cacheHits").asInt()));
        assertThat(first.out()).contains("Language model (cached): Risk (gpt-4o-mini); ", "this run: 0 answers from answers.jsonl, " + asked + " questions asked of the model");
        assertThat(second.out()).contains("this run: " + asked + " answers from answers.jsonl, 0 questions asked of the model, 0 answers added");
        assertThat(Files.readString(directory.resolve("second/report.html"))).contains("Language model", "Risk asking a language model");
        assertVerified("second");
    }

    @Test void recorded_answers_without_one_for_a_prompt_fall_back_to_the_rules_and_the_report_says_how_often() throws Exception {
        Path answers = directory.resolve("answers.jsonl");
        succeeded(backtest("recording", "2000-06-30", "--llm-answers", "live", "--llm-cache", answers.toString()));
        int asked = model.requests();

        Run replayed = succeeded(backtest("replayed", "2000-12-29", "--llm-answers", "recorded", "--llm-cache", answers.toString()));

        assertThat(model.requests()).as("recorded answers never ask the model").isEqualTo(asked);
        JsonNode llm = llmOf("replayed");
        assertThat(llm.path("answers").asText()).isEqualTo("recorded");
        assertThat(llm.path("notRecorded").asInt()).isPositive();
        assertThat(llm.path("fallbacks").asInt()).isGreaterThanOrEqualTo(llm.path("notRecorded").asInt());
        assertThat(llm.path("byOutcome").path("ANSWERED").asInt()).as("the prompts of the recorded half year").isPositive();
        assertThat(replayed.out()).contains("Language model (recorded): ", llm.path("notRecorded").asInt() + " not recorded", "0 questions asked of the model");
        assertVerified("replayed");
    }

    @Test void recorded_answers_with_no_answers_file_are_refused_before_anything_is_replayed() {
        Run run = backtest("nothing", "2000-12-29", "--llm-answers", "recorded");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("recorded answers come from an answers file, and there is none at ");
        assertThat(model.requests()).isZero();
    }
}
