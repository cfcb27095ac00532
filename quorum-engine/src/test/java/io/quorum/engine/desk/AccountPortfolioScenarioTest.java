package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.money.Money;
import io.quorum.engine.portfolio.Confidence;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskReport;
import io.quorum.engine.portfolio.TailRisk;
import io.quorum.engine.position.Position;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.snapshot.DeskSnapshot;
import io.quorum.engine.snapshot.SessionSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several sessions trade one account: the portfolio shows it whole, and every session's figures agree with it. */
class AccountPortfolioScenarioTest {

    @Test
    void three_sessions_on_one_account_are_one_portfolio_whose_equity_every_panel_shows() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").moveTo("103.00", Duration.ofMinutes(30))).build()) {
            desk.advance(Duration.ofMinutes(5));
            List<DeskSession> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DeskSession session = desk.analysed();
                session.approve(session.proposal().orElseThrow().id(), DeskFixture.USER);
                desk.awaitSaid(session, tradeExecuted());
                sessions.add(session);
                desk.advance(Duration.ofMinutes(1));
            }
            desk.advance(Duration.ofMinutes(5));

            DeskSnapshot snapshot = desk.desk.snapshot();
            Portfolio portfolio = snapshot.portfolio();
            assertThat(portfolio.positions()).as("one position per session").hasSize(3)
                    .extracting(Position::session).containsExactlyInAnyOrderElementsOf(sessions.stream().map(DeskSession::id).toList());
            Money marked = portfolio.cash();
            Money gross = Money.ZERO;
            for (Position position : portfolio.positions()) {
                marked = marked.plus(position.signedMarketValue());
                gross = gross.plus(position.marketValue());
            }
            assertThat(portfolio.equity()).isEqualTo(marked).isEqualTo(snapshot.equity());
            assertThat(portfolio.grossExposure()).isEqualTo(gross);
            assertThat(portfolio.exposureByTicker()).containsOnlyKeys(NVDA).containsEntry(NVDA, portfolio.netExposure());
            assertThat(portfolio.exposureBySector().values()).containsExactly(portfolio.netExposure());
            for (DeskSession session : sessions) {
                SessionSnapshot part = snapshot.session(session.id()).orElseThrow();
                assertThat(portfolio.positions()).as("the Positions panel of each session lists a part of the account").containsAll(part.positions());
            }

            RiskReport risk = snapshot.risk();
            assertThat(risk.equity()).isEqualTo(portfolio.equity());
            assertThat(risk.historyDays()).isPositive();
            TailRisk var99 = risk.tailRisk(RiskReport.Method.HISTORICAL, Confidence.P99).orElseThrow();
            assertThat(var99.valueAtRisk()).isPositive();
            assertThat(risk.stress()).extracting(result -> result.scenario()).contains("uniform gap -10%");
            assertThat(risk.stress().getFirst().pnl()).isEqualTo(Money.of(portfolio.netExposure().toBigDecimal().movePointLeft(1).negate()));
        }
    }
}
