package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Money;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fundamental proposes when a valuation fact changes and turns its verdict; strong AAPL facts to begin with. */
class FundamentalValuationTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private FundamentalAgent fundamental;

    @BeforeEach
    void strong_fundamentals() {
        desk.technical = FakeDeskView.calmUptrend();
        desk.fundamentals = facts("28.4", "0.15", "0.05", 57_000_000_000L);
        fundamental = new FundamentalAgent(new AgentContext(SessionId.of("s1"), AAPL, bus, new ManualClock(Instant.parse("2025-03-04T15:00:00Z")), desk));
    }

    @Test
    void growth_that_collapses_under_a_long_position_brings_a_proposal_to_halve_it() {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ZERO);
        desk.fundamentals = facts("28.4", "-0.05", "-0.02", -5_000_000_000L);

        assertThat(fundamental.reviewValuation("AAPL misses quarterly estimates and cuts its outlook")).isTrue();

        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.action()).isEqualTo(TradeAction.REDUCE);
        assertThat(proposal.size()).isEqualTo(Size.percentOfPosition("50"));
        assertThat(proposal.rationale()).startsWith("the valuation changed (EPS growth 15.0% → -5.0%, revenue growth 5.0% → -2.0%, net cash")
                .contains("after: AAPL misses quarterly estimates").contains("no longer supports the long position");
    }

    @Test
    void with_no_position_a_valuation_that_turns_favourable_brings_a_half_size_entry() {
        desk.fundamentals = facts("28.4", "0.02", "-0.02", -5_000_000_000L);
        fundamental = new FundamentalAgent(new AgentContext(SessionId.of("s1"), AAPL, bus, new ManualClock(Instant.parse("2025-03-04T15:00:00Z")), desk));
        desk.suggestedShares = 80;
        desk.fundamentals = facts("20.0", "0.25", "0.08", 57_000_000_000L);

        assertThat(fundamental.reviewValuation("AAPL beats quarterly estimates")).isTrue();

        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.action()).isEqualTo(TradeAction.OPEN_LONG);
        assertThat(proposal.direction()).isEqualTo(Direction.LONG);
        assertThat(proposal.size()).isEqualTo(Size.shares(40));
        assertThat(proposal.rationale()).contains("now favours owning AAPL").contains("half the sizing rule's 80 shares");
    }

    @Test
    void a_fact_that_changes_without_turning_the_verdict_is_not_traded() {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ZERO);
        desk.fundamentals = facts("29.0", "0.14", "0.05", 57_000_000_000L);

        assertThat(fundamental.reviewValuation("a headline")).isFalse();
        assertThat(fundamental.reviewValuation("another headline")).isFalse();
        assertThat(bus.published).isEmpty();
    }

    private static Fundamentals facts(String pe, String epsGrowth, String revenueGrowth, long netCash) {
        return new Fundamentals(AAPL, "Technology", new BigDecimal(pe), new BigDecimal(epsGrowth), new BigDecimal(revenueGrowth),
                Money.ofDollars(netCash), new BigDecimal("1.5"), new BigDecimal("24.1"), new BigDecimal("0.09"));
    }
}
