package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;


import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.simulation.SimulatedNewsFeed;
import io.quorum.engine.snapshot.DeskSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The desk holds the account to its VaR and stress limits. On the fixture's NVDA, the analysis card
 * the sizing rule gives alone buys 57 shares at $100: a VaR 99% of about 0.13% of equity and a worst
 * stress loss (NVDA's sector −20%) of 1.14%.
 */
class AccountRiskScenarioTest {

    @Test
    void a_card_sized_by_the_rule_is_cut_to_the_largest_size_within_the_var_limit_and_passes() {
        PortfolioLimits limits = limits("0.10", "25");
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).portfolioLimits(limits).build()) {
            desk.advance(Duration.ofMinutes(5));

            DeskSession session = desk.analysed();

            Decision decision = session.analysisDecision().orElseThrow();
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
            Proposal card = decision.terms();
            long shares = card.size().sharesGiven(0);
            DeskSnapshot snapshot = desk.desk.snapshot();
            AccountLimitCheck account = new AccountLimitCheck(snapshot.portfolio(), snapshot.riskModel(), RiskSettings.defaults().withLimits(limits));
            assertThat(shares).as("fewer than the 57 the 0.25% risk per trade gives").isPositive().isLessThan(57);
            assertThat(account.firstBreach(NVDA, 0, shares, card.entry())).as("the card fits").isEmpty();
            assertThat(account.firstBreach(NVDA, 0, shares + 1, card.entry())).map(AccountLimitCheck.Breach::limit)
                    .as("one share more would not").contains(AccountLimitCheck.Limit.VALUE_AT_RISK);
        }
    }

    @Test
    void a_position_whose_stress_loss_drifts_over_the_limit_as_the_price_rises_brings_a_risk_proposal_to_sell_what_is_over() {
        ScriptedPrices rally = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(20)).moveTo("105.00", Duration.ofMinutes(20));
        try (DeskFixture desk = DeskFixture.on(rally).portfolioLimits(limits("5", "1.15")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            assertThat(desk.desk.snapshot().risk().worstStress().orElseThrow().loss().percentOf(desk.desk.snapshot().equity(), 2))
                    .as("within the limit when bought").isLessThanOrEqualTo(new BigDecimal("1.15"));

            // The rally's own signals go by while the desk has no authority, so that the price alone has moved the account.
            session.disableAutoTrading(DeskFixture.USER);
            desk.advance(Duration.ofMinutes(40));
            session.enableAutoTrading(DeskFixture.USER);
            desk.headline("NVDA to present at an industry conference", SimulatedNewsFeed.Tone.NEUTRAL);
            desk.advance(Duration.ofSeconds(1));

            Proposal reduce = (Proposal) desk.awaitSaid(session, from(AgentRole.RISK, MessageType.PROPOSAL)).content();
            assertThat(reduce.action()).isEqualTo(TradeAction.REDUCE);
            assertThat(reduce.rationale()).startsWith("the worst stress loss is 1.19% of equity").endsWith("% of equity, above the 1.15% limit (after: NVDA to present at an industry conference (Newswire))");
            assertThat(reduce.size()).as("at $105, 54 shares lose at most 1.15% of equity when the sector falls 20%").isEqualTo(Size.shares(3));
        }
    }

    private static PortfolioLimits limits(String varPct, String stressPct) {
        PortfolioLimits defaults = PortfolioLimits.defaults();
        return new PortfolioLimits(defaults.maxGrossExposurePct(), defaults.maxNetExposurePct(), defaults.maxSectorPct(), new BigDecimal(varPct),
                new BigDecimal(stressPct));
    }
}
