package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.llm.LlmProvider;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.adapters.llm.ProviderStub;
import io.quorum.adapters.testing.SharedMarketData;
import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.time.SystemClock;
import io.quorum.server.backtest.BacktestJob;
import io.quorum.server.backtest.BacktestRuns;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/backtests}: runs started over HTTP on files under the data folder, followed while they run, and their reports served. */
class BacktestRoutesTest {
    private static final String AAPL = "market/AAPL.csv";
    private static final int AAPL_BARS = 252;

    @TempDir Path dataDir;
    @TempDir Path outside;
    private ExecutorService thread;
    private BacktestRuns runs;
    private TestServer server;

    @BeforeEach void serve() throws Exception {
        Files.createDirectories(dataDir.resolve("market"));
        Files.copy(SharedMarketData.file("AAPL-PT1D-20130102_20131231.csv"), dataDir.resolve(AAPL));
        thread = BacktestRuns.ownThread();
        runs = new BacktestRuns(dataDir, DeskSettings.defaults(), LlmSettings.none(), Map.of(), SystemClock.INSTANCE, thread);
        server = new TestServer(runs);
    }

    /** Without the shared market data the set-up is skipped before anything is opened. */
    @AfterEach void stop() {
        if (server != null) server.close();
        if (runs != null) runs.close();
    }

    @Test void a_single_agent_run_is_started_with_202_and_lists_as_done_with_its_headline_figures_and_full_progress() {
        HttpResponse<String> started = server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"strategy\":\"sma-cross:10,30\",\"mode\":\"single-agent\",\"size\":50}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode run = server.parse(started);
        assertThat(run.path("state").asText()).isEqualTo("running");
        JsonNode done = finished(run.path("id").asText());
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("progress").path("barsDone").asLong()).isEqualTo(AAPL_BARS);
        assertThat(done.path("progress").path("totalBars").asLong()).isEqualTo(AAPL_BARS);
        assertThat(done.path("progress").path("etaSeconds").asLong()).isZero();
        JsonNode figures = done.path("figures");
        assertThat(figures.path("trades").asInt()).isPositive();
        assertThat(figures.path("totalReturn").isNumber()).isTrue();
        assertThat(figures.path("maxDrawdown").isNumber()).isTrue();
        assertThat(figures.path("winRate").isNumber()).isTrue();
        assertThat(figures.path("netPnl").asText()).matches("-?\\d+\\.\\d{2}");
        assertThat(figures.path("decisions").isNull()).as("no vote in single-agent mode").isTrue();
        assertThat(done.path("size").asLong()).isEqualTo(50);
        JsonNode list = server.parse(server.get("/api/backtests"));
        assertThat(list).singleElement().satisfies(listed -> assertThat(listed.path("figures")).isEqualTo(figures));
    }

    @Test void a_desk_run_counts_the_decisions_and_vetoes_of_the_vote() throws Exception {
        Files.copy(SharedMarketData.file("orcl-1995-2014.txt"), dataDir.resolve("market/ORCL.csv"));

        JsonNode done = finished(startedId("{\"file\":\"market/ORCL.csv\",\"ticker\":\"ORCL\",\"mode\":\"desk\"}"));

        assertThat(done.path("mode").asText()).isEqualTo("desk");
        assertThat(done.path("figures").path("decisions").asInt()).isPositive();
        assertThat(done.path("figures").path("vetoes").isInt()).isTrue();
        assertThat(dataDir.resolve("backtests").resolve(done.path("id").asText()).resolve(BacktestJob.JOURNAL_FILE)).isRegularFile();
    }

    @Test void a_desk_run_on_the_servers_model_keeps_its_answers_so_that_the_same_run_again_asks_nothing() throws Exception {
        Files.copy(SharedMarketData.file("orcl-1995-2014.txt"), dataDir.resolve("market/ORCL.csv"));
        try (ProviderStub model = new ProviderStub("openai")) {
            model.answer("{\"choice\":\"APPROVE\",\"reason\":\"exposure within the limit\",\"confidence\":0.8}");
            server.close();
            runs.close();
            LlmSettings risk = new LlmSettings(LlmProvider.OPENAI_COMPATIBLE, model.baseUrl(), Map.of(AgentRole.RISK, "gpt-4o-mini"), Duration.ofSeconds(20),
                    LlmSettings.Breaker.defaults(), LlmSettings.Budget.defaults(), Map.of(), 400);
            runs = new BacktestRuns(dataDir, DeskSettings.defaults(), risk, Map.of(), SystemClock.INSTANCE, BacktestRuns.ownThread());
            server = new TestServer(runs);
            String order = "{\"file\":\"market/ORCL.csv\",\"ticker\":\"ORCL\",\"mode\":\"desk\",\"from\":\"1999-01-04\",\"to\":\"2000-12-29\"}";

            JsonNode first = finished(startedId(order));
            int asked = model.requests();
            JsonNode second = finished(startedId(order.replace("}", ",\"llmAnswers\":\"recorded\"}")));

            assertThat(first.path("state").asText()).as(first.toString()).isEqualTo("done");
            assertThat(asked).isPositive();
            assertThat(model.requests()).isEqualTo(asked);
            JsonNode cached = first.path("figures").path("llm");
            assertThat(cached.path("answers").asText()).isEqualTo("cached");
            assertThat(cached.path("askedOfModel").asInt()).isEqualTo(asked);
            assertThat(cached.path("line").asText()).startsWith("Language model (cached): Risk (gpt-4o-mini); ")
                    .endsWith("this run: 0 answers from " + BacktestJob.ANSWERS_FILE + ", " + asked + " questions asked of the model, " + asked + " answers added");
            JsonNode recorded = second.path("figures").path("llm");
            assertThat(recorded.path("answers").asText()).isEqualTo("recorded");
            assertThat(recorded.path("fallbacks").asInt()).isZero();
            assertThat(recorded.path("askedOfModel").asInt()).isZero();
            assertThat(recorded.path("cost").asText()).isEqualTo(cached.path("cost").asText()).matches("\\d+\\.\\d{6}");
            assertThat(server.get("/api/backtests/" + second.path("id").asText() + "/report.json").body())
                    .isEqualTo(server.get("/api/backtests/" + first.path("id").asText() + "/report.json").body().replace("\"answers\":\"cached\"", "\"answers\":\"recorded\"")
                            .replace("(cached: " + LlmAnswers.CACHED.sentence(), "(recorded: " + LlmAnswers.RECORDED.sentence()));
        }
    }

    @Test void a_finished_runs_report_html_json_and_trades_are_served_the_page_under_a_policy_that_lets_it_draw_and_nothing_more() {
        String id = finished(startedId("{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"single-agent\"}")).path("id").asText();

        HttpResponse<String> html = server.get("/api/backtests/" + id + "/report.html");
        HttpResponse<String> json = server.get("/api/backtests/" + id + "/report.json");
        HttpResponse<String> csv = server.get("/api/backtests/" + id + "/trades.csv");

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValue(BacktestRoutes.REPORT_POLICY);
        assertThat(html.body()).contains("<svg");
        assertThat(server.parse(json).path("metrics").isObject()).isTrue();
        assertThat(csv.body()).startsWith("ticker,direction,shares,entry,entry_price");
        assertThat(server.get("/api/backtests/" + id + "/run.json").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/backtests/" + id + "/journal.db").statusCode()).isEqualTo(404);
        assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/backtests/" + id + "/report.html")).header("Authorization", "Bearer wrong").GET().build()).statusCode())
                .isEqualTo(401);
    }

    @Test void a_file_with_a_bad_row_fails_the_run_with_the_row_named() throws Exception {
        Files.writeString(dataDir.resolve("bad.csv"), "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n2024-01-03,10,9,11,10,100\n");

        JsonNode failed = finished(startedId("{\"file\":\"bad.csv\",\"ticker\":\"BAD\",\"mode\":\"single-agent\"}"));

        assertThat(failed.path("state").asText()).isEqualTo("failed");
        assertThat(failed.path("reason").asText()).startsWith("the file is refused: ").contains("line 3");
        assertThat(failed.path("figures").isNull()).isTrue();
        assertThat(server.get("/api/backtests/" + failed.path("id").asText() + "/report.html").statusCode()).isEqualTo(409);
    }

    @Test void a_window_with_no_bars_fails_the_run_with_that_reason() {
        JsonNode failed = finished(startedId("{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"single-agent\",\"from\":\"2020-01-01\"}"));

        assertThat(failed.path("reason").asText()).isEqualTo("the file has no bars between 2020-01-01 and its end");
    }

    @Test void a_path_out_of_the_data_folder_absolute_or_through_a_link_is_refused_with_a_sentence_and_nothing_starts() throws Exception {
        Files.writeString(outside.resolve("secret.csv"), "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n");
        Files.createSymbolicLink(dataDir.resolve("link.csv"), outside.resolve("secret.csv"));
        Files.createSymbolicLink(dataDir.resolve("linked"), outside);
        Map<String, String> refusals = Map.of(
                "../" + outside.getFileName() + "/secret.csv", "'..' is refused",
                "market/../../secret.csv", "'..' is refused",
                outside.resolve("secret.csv").toString(), "an absolute path is refused",
                "link.csv", "a link to outside the data folder",
                "linked/secret.csv", "a link to outside the data folder",
                "market/none.csv", "there is no file market/none.csv in the data folder");

        refusals.forEach((file, sentence) -> {
            HttpResponse<String> refused = server.post("/api/backtests", "{\"file\":\"" + file + "\",\"ticker\":\"AAPL\"}");
            assertThat(refused.statusCode()).as(file).isEqualTo(400);
            JsonNode error = server.parse(refused).path("errors").get(0);
            assertThat(error.path("field").asText()).isEqualTo("file");
            assertThat(error.path("message").asText()).as(file).contains(sentence);
        });
        assertThat(server.parse(server.get("/api/backtests"))).isEmpty();
    }

    @Test void the_data_files_offered_are_the_csv_files_under_the_folder_without_links_or_the_runs_own() throws Exception {
        Files.createSymbolicLink(dataDir.resolve("link.csv"), dataDir.resolve(AAPL));
        Files.writeString(dataDir.resolve("notes.txt"), "not bars");
        finished(startedId("{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"single-agent\"}"));

        assertThat(server.parse(server.get("/api/backtests/data")).findValuesAsText("file")).containsExactly(AAPL);
    }

    @Test void a_second_run_while_one_runs_is_refused_with_409_and_a_sentence() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        thread.execute(() -> awaitQuietly(release));
        String first = startedId("{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"single-agent\"}");

        HttpResponse<String> busy = server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"single-agent\"}");
        JsonNode waiting = server.parse(server.get("/api/backtests/" + first));
        release.countDown();

        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(server.parse(busy).path("detail").asText()).isEqualTo("backtest " + first + " is running: one runs at a time on this server; start this one when it is done");
        assertThat(waiting.path("state").asText()).isEqualTo("running");
        assertThat(waiting.path("progress").path("totalBars").asLong()).as("not yet checked").isZero();
        assertThat(finished(first).path("state").asText()).isEqualTo("done");
        assertThat(server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"single-agent\"}").statusCode()).isEqualTo(202);
    }

    @Test void the_runs_are_listed_again_after_a_restart_and_one_cut_short_by_the_stop_is_failed_with_that_reason() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        thread.execute(() -> awaitQuietly(release));
        String cutShort = startedId("{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"single-agent\"}");

        BacktestRuns restarted = new BacktestRuns(dataDir, DeskSettings.defaults(), LlmSettings.none(), Map.of(), SystemClock.INSTANCE, BacktestRuns.ownThread());
        release.countDown();
        try {
            assertThat(restarted.list()).singleElement().satisfies(run -> {
                assertThat(run.id()).isEqualTo(cutShort);
                assertThat(run.state()).isEqualTo("failed");
                assertThat(run.reason()).isEqualTo("the server stopped before the run was done");
            });
        } finally {
            restarted.close();
        }
    }

    @Test void recorded_model_answers_with_no_answers_file_yet_are_refused_by_field_and_a_bad_answers_mode_too() {
        server.close();
        runs.close();
        LlmSettings anthropic = new LlmSettings(LlmProvider.ANTHROPIC, LlmSettings.ANTHROPIC, Map.of(AgentRole.RISK, "claude-sonnet-4-20250514"),
                Duration.ofSeconds(20), LlmSettings.Breaker.defaults(), LlmSettings.Budget.defaults(), Map.of(), 400);
        runs = new BacktestRuns(dataDir, DeskSettings.defaults(), anthropic, Map.of(), SystemClock.INSTANCE, BacktestRuns.ownThread());
        server = new TestServer(runs);

        HttpResponse<String> recorded = server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"desk\",\"llmAnswers\":\"recorded\"}");
        HttpResponse<String> unknown = server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"desk\",\"llmAnswers\":\"guessed\"}");

        assertThat(recorded.statusCode()).isEqualTo(400);
        assertThat(server.parse(recorded).path("errors").get(0).path("field").asText()).isEqualTo("llmAnswers");
        assertThat(server.parse(recorded).path("detail").asText()).contains("recorded answers come from an answers file, and there is none at ");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(server.parse(unknown).path("errors").get(0).path("field").asText()).isEqualTo("llmAnswers");
    }

    @Test void every_bad_field_is_named_at_once_and_strategy_parameters_are_checked_by_the_engine() {
        HttpResponse<String> shapes = server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"mode\":\"vote\",\"size\":0,"
                + "\"cash\":\"1E+999999999\",\"from\":\"2024-13-01\",\"commissionPerShare\":\"1001\",\"slippageBps\":10001,\"stopPct\":\"101\"}");
        HttpResponse<String> strategy = server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"strategy\":\"sma-cross:30,10\"}");
        HttpResponse<String> dates = server.post("/api/backtests", "{\"file\":\"" + AAPL + "\",\"ticker\":\"AAPL\",\"from\":\"2013-06-01\",\"to\":\"2013-01-01\"}");

        assertThat(server.parse(shapes).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("mode", "size", "cash", "from", "commissionPerShare", "slippageBps", "stopPct");
        assertThat(strategy.statusCode()).isEqualTo(400);
        assertThat(server.parse(strategy).path("errors").get(0).path("field").asText()).isEqualTo("strategy");
        assertThat(server.parse(dates).path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(server.get("/api/backtests/" + "f".repeat(65)).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/backtests/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    private String startedId(String body) {
        HttpResponse<String> started = server.post("/api/backtests", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return server.parse(started).path("id").asText();
    }

    /** The run once it is no longer running, polled as the UI polls it. */
    private JsonNode finished(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = server.parse(server.get("/api/backtests/" + id));
            if (!run.path("state").asText().equals("running")) return run;
            awaitQuietly(new CountDownLatch(1), 50);
        }
        throw new AssertionError("backtest " + id + " still running after 60 s");
    }

    private static void awaitQuietly(CountDownLatch latch) { awaitQuietly(latch, 30_000); }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
