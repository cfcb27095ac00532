package io.quorum.engine.agent;

import io.quorum.engine.market.TechnicalView;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RiskAgentTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private RiskAgent risk;

    @BeforeEach
    void calm_market_and_a_100k_account() {
        desk.technical = FakeDeskView.calmUptrend();
        risk = new RiskAgent(new AgentContext(SessionId.of("s1"), AAPL, bus, new ManualClock(Instant.EPOCH), desk));
    }

    @Test
    void a_trade_within_the_limits_is_approved_as_proposed() {
        Agent.Judgement judgement = risk.judge(buy(100, "96"));

        assertThat(judgement.choice()).isEqualTo(VoteChoice.APPROVE);
        assertThat(judgement.modification()).isNull();
        assertThat(judgement.reason()).contains("exposure 0.0% → 10.0% of equity");
    }

    @Test
    void a_trade_above_the_position_limit_is_cut_to_the_limit() {
        Agent.Judgement judgement = risk.judge(buy(400, "96"));

        assertThat(judgement.choice()).isEqualTo(VoteChoice.APPROVE);
        assertThat(judgement.modification().size()).isEqualTo(Size.shares(250));
        assertThat(judgement.reason()).contains("reduce size to 250 shares").contains("→ 25.0%");
    }

    @Test
    void a_stop_wider_than_three_atr_is_pulled_in_to_two_atr() {
        Agent.Judgement judgement = risk.judge(buy(100, "90"));

        assertThat(judgement.modification().stop()).isEqualTo(Price.parse("96"));
    }

    @Test
    void risk_vetoes_new_exposure_once_the_daily_loss_limit_is_reached() {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 0, Money.ZERO, Money.ZERO, Money.ofDollars(-5_000));

        assertThat(risk.judge(buy(10, "96")).choice()).isEqualTo(VoteChoice.VETO);
    }

    @Test
    void risk_vetoes_a_ticker_moving_more_than_six_percent_a_day() {
        TechnicalView calm = FakeDeskView.calmUptrend();
        desk.technical = new TechnicalView(calm.last(), calm.sma20(), calm.sma50(), calm.sma200(), calm.rsi14(), Price.parse("7"),
                calm.macd(), calm.macdSignal(), calm.high20(), calm.low20(), calm.averageVolume20(), calm.lastVolume(), calm.open());

        assertThat(risk.judge(buy(10, "90")).reason()).contains("volatility is too high");
    }

    @Test
    void risk_never_vetoes_closing_a_position_even_at_the_loss_limit() {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ofDollars(-6_000));
        Proposal close = new Proposal(ProposalId.random(), TradeAction.CLOSE, AAPL, Direction.LONG, Size.percentOfPosition("100"),
                Price.parse("100"), null, null, null, "signal turned", "Close AAPL");

        assertThat(risk.judge(close).choice()).isEqualTo(VoteChoice.APPROVE);
    }

    @Test
    void a_trade_that_would_push_the_var_over_its_limit_is_vetoed_with_the_largest_size_that_fits() {
        desk.accountLimits = FakeDeskView.seesawAccount(AAPL, 0, varLimit("0.25"));

        Agent.Judgement judgement = risk.judge(buy(200, "96"));

        assertThat(judgement.choice()).isEqualTo(VoteChoice.VETO);
        assertThat(judgement.reason()).isEqualTo("VaR 99% would go from 0% to 0.39% of equity, above the 0.25% limit; 127 shares fit");
        assertThat(judgement.modification().size()).as("127 × $1.96 is the most under $250").isEqualTo(Size.shares(127));
    }

    @Test
    void a_trade_of_which_not_one_share_fits_the_var_limit_is_vetoed_without_a_size() {
        desk.accountLimits = FakeDeskView.seesawAccount(AAPL, 200, varLimit("0.25"));
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 200, Money.ofDollars(20_000), Money.ofDollars(20_000), Money.ZERO);

        Agent.Judgement judgement = risk.judge(buy(10, "96"));

        assertThat(judgement.choice()).isEqualTo(VoteChoice.VETO);
        assertThat(judgement.modification()).isNull();
        assertThat(judgement.reason()).endsWith("above the 0.25% limit; not one share fits");
    }

    @Test
    void a_proposal_over_the_var_limit_is_answered_with_a_counter_of_the_largest_size_that_fits_which_the_veto_names() {
        desk.accountLimits = FakeDeskView.seesawAccount(AAPL, 0, varLimit("0.25"));
        Proposal entry = buy(200, "96");
        AgentMessage proposed = AgentMessage.draft(SessionId.of("s1"), AgentRole.TECHNICAL, Recipients.all(), entry, Instant.EPOCH).sequenced(5);

        risk.onMessage(proposed);

        AgentMessage countering = bus.published.getLast();
        Proposal counter = (Proposal) countering.content();
        assertThat(countering.replyTo()).isEqualTo(proposed.id());
        assertThat(counter.size()).isEqualTo(Size.shares(127));
        assertThat(counter.action()).isEqualTo(TradeAction.OPEN_LONG);
        assertThat(counter.stop()).isEqualTo(entry.stop());
        assertThat(counter.text()).isEqualTo("Counter-proposal: buy 127 AAPL instead, the most the account's limits allow. Entry: $100.00, Stop: $96.00, Target: $106.00");
        assertThat(risk.judge(entry).reason()).endsWith("; 127 shares fit, which I put to the vote instead");
    }

    @Test
    void a_proposal_of_which_not_one_share_fits_or_a_counter_proposal_is_not_countered() {
        desk.accountLimits = FakeDeskView.seesawAccount(AAPL, 200, varLimit("0.25"));
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 200, Money.ofDollars(20_000), Money.ofDollars(20_000), Money.ZERO);
        AgentMessage original = AgentMessage.draft(SessionId.of("s1"), AgentRole.TECHNICAL, Recipients.all(), buy(10, "96"), Instant.EPOCH).sequenced(5);
        risk.onMessage(original);

        desk.accountLimits = FakeDeskView.seesawAccount(AAPL, 0, varLimit("0.25"));
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 0, Money.ZERO, Money.ZERO, Money.ZERO);
        risk.onMessage(AgentMessage.draft(SessionId.of("s1"), AgentRole.SENTIMENT, Recipients.all(), buy(200, "96"), Instant.EPOCH).inReplyTo(original.id()).sequenced(6));

        assertThat(bus.published).isEmpty();
    }

    static PortfolioLimits varLimit(String pct) {
        PortfolioLimits defaults = PortfolioLimits.defaults();
        return new PortfolioLimits(defaults.maxGrossExposurePct(), defaults.maxNetExposurePct(), defaults.maxSectorPct(), new BigDecimal(pct),
                defaults.maxStressLossPct());
    }

    private static Proposal buy(long shares, String stop) {
        return new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, AAPL, Direction.LONG, Size.shares(shares), Price.parse("100"),
                Price.parse(stop), Price.parse("106"), null, "breakout", "Buy " + shares + " AAPL");
    }
}
