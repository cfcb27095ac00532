package io.quorum.engine.agent;

import io.quorum.engine.market.TechnicalView;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Risk watches the open position and proposes to take risk off; the limits: 25% a position, 5% a day's loss. */
class RiskReviewTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-04T15:00:00Z"));
    private RiskAgent risk;

    @BeforeEach
    void calm_market() {
        desk.technical = FakeDeskView.calmUptrend();
        risk = new RiskAgent(new AgentContext(SessionId.of("s1"), AAPL, bus, clock, desk));
    }

    @ParameterizedTest(name = "holding {0} shares worth ${1}, today''s P&L ${2}: {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            100 | 10000 | -4000 | CLOSE  | 100% of position
            100 | 10000 | -2600 | REDUCE | 50% of position
            300 | 30000 |     0 | REDUCE | 50 shares
            -300| 30000 |     0 | REDUCE | 50 shares
            """)
    void a_position_past_a_threshold_brings_a_proposal_to_take_risk_off(long shares, long value, long pnl, String action, String size) {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), shares, Money.ofDollars(value), Money.ofDollars(value), Money.ofDollars(pnl));

        assertThat(risk.review("AAPL broke below its 20-day low")).isTrue();

        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.action().name()).isEqualTo(action);
        assertThat(proposal.size().toString()).isEqualTo(size);
        assertThat(proposal.direction()).isEqualTo(shares > 0 ? Direction.LONG : Direction.SHORT);
        assertThat(proposal.rationale()).contains("after: AAPL broke below its 20-day low");
    }

    @Test
    void a_volatile_ticker_brings_a_proposal_to_halve_the_position() {
        TechnicalView calm = FakeDeskView.calmUptrend();
        desk.technical = new TechnicalView(calm.last(), calm.sma20(), calm.sma50(), calm.sma200(), calm.rsi14(), Price.parse("7"),
                calm.macd(), calm.macdSignal(), calm.high20(), calm.low20(), calm.averageVolume20(), calm.lastVolume(), calm.open());
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ZERO);

        assertThat(risk.review("a headline")).isTrue();

        assertThat(((Proposal) bus.published.getLast().content()).rationale()).startsWith("volatility is too high to hold the full position: ATR is 7.00%");
    }

    @Test
    void a_position_within_every_limit_brings_no_proposal() {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ofDollars(-2_000));

        assertThat(risk.review("a headline")).isFalse();
        assertThat(bus.published).isEmpty();
    }

    @Test
    void one_alarm_is_one_proposal_until_the_cool_down_has_passed() {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ofDollars(-3_000));
        risk.review("first");

        clock.advance(Duration.ofMinutes(10));
        assertThat(risk.review("second")).isFalse();
        clock.advance(RiskAgent.REVIEW_COOL_DOWN);
        assertThat(risk.review("third")).isTrue();
        assertThat(bus.published).hasSize(2);
    }

    @Test
    void an_account_whose_var_drifted_over_its_limit_brings_a_proposal_to_sell_the_fewest_shares_that_bring_it_back() {
        desk.accountLimits = FakeDeskView.seesawAccount(AAPL, 240, RiskAgentTest.varLimit("0.45"));
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 240, Money.ofDollars(24_000), Money.ofDollars(24_000), Money.ZERO);

        assertThat(risk.review("AAPL fell 2%")).isTrue();

        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.action()).isEqualTo(TradeAction.REDUCE);
        assertThat(proposal.size()).as("229 × $1.96 is the most under $450").isEqualTo(Size.shares(11));
        assertThat(proposal.rationale()).isEqualTo("VaR 99% is 0.47% of equity, above the 0.45% limit (after: AAPL fell 2%)");
    }
}
