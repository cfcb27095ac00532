package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigTexts.REPOSITORY;
import static io.quorum.adapters.config.ConfigTexts.errorsOf;
import static io.quorum.adapters.config.ConfigTexts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.portfolio.StressScenario;
import io.quorum.engine.portfolio.StressScenario.HistoricalReplay;
import io.quorum.engine.portfolio.StressScenario.TickerShocks;
import io.quorum.engine.portfolio.StressScenario.UniformGap;
import io.quorum.engine.portfolio.StressScenario.VolatilitySpike;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskConfigTest {

    private static RiskSettings risk(String yaml) { return valid(yaml).risk(); }

    @Test
    void without_a_risk_section_the_desk_measures_and_limits_as_it_always_has() {
        assertThat(risk("market: {provider: simulated}")).isEqualTo(RiskSettings.defaults());
    }

    @Test
    void the_limits_the_window_and_the_scenarios_are_the_users_own_in_per_cent() {
        RiskSettings risk = risk("""
                risk:
                  historyDays: 500
                  gapPct: -7.5
                  sectorShockPct: -30
                  stopSlipAtr: 3
                  replays: [october-2008]
                  limits: {grossPct: 150, netPct: 80, sectorPct: 40, varPct: 2.5, stressLossPct: 12}
                  shocks:
                    - {name: chip selloff, moves: {NVDA: -25, AMD: -20}}
                """);

        assertThat(risk.historyDays()).isEqualTo(500);
        assertThat(risk.sectorShock()).isEqualByComparingTo("-0.30");
        assertThat(risk.limits()).isEqualTo(new PortfolioLimits(new BigDecimal("150"), new BigDecimal("80"), new BigDecimal("40"),
                new BigDecimal("2.5"), new BigDecimal("12")));
        assertThat(risk.scenarios()).containsExactly(
                new UniformGap(new BigDecimal("-0.075")),
                new VolatilitySpike(new BigDecimal("3")),
                HistoricalReplay.OCTOBER_2008,
                new TickerShocks("chip selloff", Map.of(Ticker.of("NVDA"), new BigDecimal("-0.25"), Ticker.of("AMD"), new BigDecimal("-0.20"))));
    }

    @Test
    void a_limit_left_out_keeps_its_default() {
        RiskSettings risk = risk("risk: {limits: {varPct: 2}}");

        assertThat(risk.limits().maxVarPct()).isEqualByComparingTo("2");
        assertThat(risk.limits().maxGrossExposurePct()).isEqualTo(PortfolioLimits.defaults().maxGrossExposurePct());
        assertThat(risk.scenarios()).hasSameElementsAs(RiskSettings.defaults().scenarios());
    }

    @Test
    void no_replays_leaves_only_the_gap_and_the_volatility_spike() {
        assertThat(risk("risk: {replays: []}").scenarios()).extracting(StressScenario::getClass).containsExactly(UniformGap.class, VolatilitySpike.class);
    }

    @Test
    void the_readmes_risk_example_is_valid() throws Exception {
        String doc = Files.readString(REPOSITORY.resolve("docs/portfolio-risk.md"));
        String section = doc.substring(doc.indexOf("## Configuration"));
        String yaml = section.substring(section.indexOf("```yaml") + "```yaml".length(), section.indexOf("```", section.indexOf("```yaml") + 7));

        assertThat(risk(yaml).scenarios()).filteredOn(TickerShocks.class::isInstance).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a window too short         | risk: {historyDays: 1}                                   | risk.historyDays: 1 is out of range; expected a whole number from 2 to 5000, for example historyDays: 250
            a gap past zero            | risk: {gapPct: -120}                                     | risk.gapPct: -120 is out of range; expected per cent of the price from -100 to 1000, with at most 2 decimals, for example gapPct: -10
            a gap in words             | risk: {gapPct: a lot}                                    | risk.gapPct: "a lot" is not a number; expected per cent of the price from -100 to 1000, with at most 2 decimals, for example gapPct: -10
            a limit of nothing         | risk: {limits: {varPct: 0}}                              | risk.limits.varPct: 0 would refuse every order; expected per cent of equity above 0, for example varPct: 5
            a VaR limit past the whole | risk: {limits: {varPct: 120}}                            | risk.limits.varPct: 120 is out of range; expected per cent of equity from 0 to 100, with at most 2 decimals, for example varPct: 5
            a limit too precise        | risk: {limits: {grossPct: 150.125}}                      | risk.limits.grossPct: 150.125 has more than 2 decimals; expected per cent of equity from 0 to 1000, with at most 2 decimals, for example grossPct: 200
            a misspelt limit           | risk: {limits: {var: 5}}                                 | risk.limits.var: is not a known key (did you mean varPct?); expected one of grossPct, netPct, sectorPct, varPct, stressLossPct, for example limits: {varPct: 5}
            an unknown replay          | risk: {replays: [dotcom-2000]}                           | risk.replays: "dotcom-2000" is not a period the desk can replay; expected a list of march-2020, october-2008 (or [] for none), for example replays: [march-2020]
            a shock with no moves      | risk: {shocks: [{name: chips}]}                          | risk.shocks[0].moves: is missing; expected a mapping of ticker to its move in per cent, for example moves: {NVDA: -25, AMD: -20}
            a shock on no ticker       | risk: {shocks: [{name: chips, moves: {"$$$": -5}}]}      | risk.shocks[0].moves.$$$: is not a ticker symbol; expected 1 to 10 letters, digits, '.' or '-', starting with a letter, for example NVDA: -25
            two shocks of one name     | risk: {shocks: [{name: a, moves: {NVDA: -5}}, {name: a, moves: {AMD: -5}}]} | risk.shocks[1].name: "a" names another shock too; expected a name of its own, for example name: chip selloff 2
            a misspelt section key     | risk: {limit: {varPct: 5}}                               | risk.limit: is not a known key (did you mean limits?); expected one of historyDays, gapPct, sectorShockPct, stopSlipAtr, replays, limits, shocks, for example risk: {limits: {varPct: 5}}
            """)
    void a_wrong_risk_section_is_refused_with_its_path_the_expected_and_an_example(String kind, String yaml, String expected) {
        assertThat(errorsOf(yaml)).contains(expected);
    }
}
