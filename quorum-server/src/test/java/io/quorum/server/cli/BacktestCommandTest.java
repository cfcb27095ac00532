package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.testing.SharedMarketData;
import io.quorum.server.cli.QuorumCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum backtest}: a real CSV in, a report folder out, a sentence for every mistake. */
class BacktestCommandTest {
    @TempDir Path directory;

    @Test void a_single_agent_backtest_of_oracle_writes_its_three_report_files_and_prints_the_headline_figures() throws Exception {
        Path report = directory.resolve("orcl");

        Run run = QuorumCli.run(Map.of(), "backtest", "--data", SharedMarketData.file("orcl-1995-2014.txt").toString(), "--ticker", "ORCL",
                "--strategy", "sma-cross:10,30", "--single-agent", "--size", "100", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("sma-cross:10,30 on ORCL: 5036 bars, ").contains("net P&L ", "Sharpe ", "max drawdown ")
                .contains("Report: " + report.resolve("report.html").toAbsolutePath());
        assertThat(run.err()).as("no progress bar when not on a terminal").isEmpty();
        assertThat(Files.readString(report.resolve("report.json"))).contains("\"strategy\":\"sma-cross:10,30\"", "\"bars\":5036");
        assertThat(Files.readString(report.resolve("trades.csv"))).startsWith("ticker,direction,shares,entry,entry_price");
        assertThat(Files.readString(report.resolve("report.html"))).contains("<svg");
    }

    @Test void a_backtest_of_the_five_agent_desk_on_oracle_journals_its_run_and_the_journal_passes_audit_verify() throws Exception {
        Path report = directory.resolve("desk");

        Run run = QuorumCli.run(Map.of(), "backtest", "--data", SharedMarketData.file("orcl-1995-2014.txt").toString(), "--ticker", "ORCL",
                "--strategy", "sma-cross:10,30", "--report", report.toString());
        Run verify = QuorumCli.run(Map.of(), "audit", "verify", "--db", report.resolve("journal.db").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Journal: " + report.resolve("journal.db").toAbsolutePath());
        assertThat(Files.readString(report.resolve("report.json"))).contains("\"mode\":\"desk: the five rule-based agents vote", "\"agents\":\"rule-based\"", "\"vetoes\":");
        assertThat(Files.readString(report.resolve("report.html"))).contains("Decisions by outcome");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).startsWith("OK: ").contains("in 1 session verified");
    }

    @Test void model_answers_for_a_single_agent_run_are_refused_with_a_sentence() {
        Run run = QuorumCli.run(Map.of(), "backtest", "--data", SharedMarketData.file("orcl-1995-2014.txt").toString(), "--ticker", "ORCL",
                "--single-agent", "--llm-answers", "cached", "--report", directory.resolve("single").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("a --single-agent run asks no model");
    }

    @Test void from_and_to_replay_only_the_trading_days_between_them() throws Exception {
        Path report = directory.resolve("aapl");

        Run run = QuorumCli.run(Map.of(), "backtest", "--data", SharedMarketData.file("AAPL-PT1D-20130102_20131231.csv").toString(), "--ticker", "AAPL",
                "--from", "2013-03-01", "--to", "2013-06-28", "--strategy", "breakout:10", "--single-agent", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("breakout:10 on AAPL: 84 bars, ");
        assertThat(Files.readString(report.resolve("report.json"))).contains("[\"2013-03-01\",100000.00,false]", "[\"2013-06-28\",");
    }

    @Test void a_malformed_strategy_is_refused_with_its_sentence_and_writes_nothing() {
        Path report = directory.resolve("nothing");

        Run run = QuorumCli.run(Map.of(), "backtest", "--data", SharedMarketData.file("orcl-1995-2014.txt").toString(), "--ticker", "ORCL",
                "--strategy", "sma-cross:30,10", "--single-agent", "--report", report.toString());

        assertThat(run.exitCode()).isEqualTo(ExitStatus.CANNOT_RUN);
        assertThat(run.err()).contains("sma-cross's FAST period (30) must be shorter than its SLOW period (10)");
        assertThat(report).doesNotExist();
    }

    @Test void a_file_with_a_bad_row_is_refused_and_the_row_is_named_by_its_line() throws Exception {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n2024-01-03,10,9,11,10,100\n");

        Run run = QuorumCli.run(Map.of(), "backtest", "--data", file.toString(), "--ticker", "ACME", "--single-agent", "--report", directory.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(ExitStatus.FAULT_FOUND);
        assertThat(run.err()).contains(file + ": line 3: high 9.00 is below low 11.00");
    }
}
