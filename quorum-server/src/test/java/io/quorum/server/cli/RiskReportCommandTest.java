package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.server.cli.QuorumCli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskReportCommandTest {
    @TempDir Path folder;

    @Test
    void a_positions_file_is_reported_whole_with_var_es_stress_and_correlations_on_the_simulated_market() throws IOException {
        Path positions = Files.writeString(folder.resolve("book.csv"), """
                ticker,shares,price,stop
                # a pair: long Apple, short Microsoft
                AAPL,100,200,190
                MSFT,-50,400
                """);

        Run run = QuorumCli.run(Map.of(), "risk", "report", "--positions", positions.toString(), "--cash", "100000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Portfolio: equity 100000.00, cash 100000.00, gross exposure 40000.00 (40.00%), net exposure 0.00 (0.00%)")
                .containsPattern("AAPL +Technology +100 +200.00 +20000.00")
                .containsPattern("MSFT +Technology +-50 +400.00 +-20000.00")
                .containsPattern("historical +95%  VaR +[0-9]+\\.[0-9]{2} \\([0-9.]+%\\)  ES")
                .containsPattern("parametric +99%  VaR")
                .containsPattern("uniform gap -10% +0.00 +0.00%")
                .containsPattern("volatility spike, stops slip 2 ATR +-[0-9]+\\.[0-9]{2}")
                .containsPattern("March 2020 replayed +0.00 +0.00%  \\(not priced: AAPL, MSFT\\)")
                .containsPattern("AAPL +1.0000 +-?[01]\\.[0-9]{4}  \\([0-9.]+%\\)");
    }

    @Test
    void a_line_that_is_not_a_position_is_refused_with_its_number() throws IOException {
        Path positions = Files.writeString(folder.resolve("book.csv"), "AAPL,100\nMSFT,lots\n");

        Run run = QuorumCli.run(Map.of(), "risk", "report", "--positions", positions.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("book.csv line 2: For input string: \"lots\"");
    }

    @Test
    void the_configurations_risk_section_sets_the_scenarios_and_the_limits_the_report_shows() throws IOException {
        Path positions = Files.writeString(folder.resolve("book.csv"), "AAPL,100,200\nNVDA,10,120\n");
        Path config = Files.writeString(folder.resolve("quorum.yml"), """
                risk:
                  gapPct: -15
                  replays: []
                  limits: {grossPct: 150, varPct: 2.5}
                  shocks:
                    - {name: chip selloff, moves: {NVDA: -25}}
                """);

        Run run = QuorumCli.run(Map.of(), "risk", "report", "--positions", positions.toString(), "--cash", "100000", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("uniform gap -15% +-3180.00 +-2.62%")
                .containsPattern("chip selloff +-300.00 +-0.25%")
                .doesNotContain("March 2020")
                .contains("Limits, per cent of equity: gross 150, net 100, a sector 60, VaR 99% 2.5, stress loss 25");
    }
}
