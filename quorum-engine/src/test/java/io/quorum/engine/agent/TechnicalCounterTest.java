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
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Holding 100 AAPL in a calm uptrend, Technical would rather trim a quarter than cut the position on the news. */
class TechnicalCounterTest {
    private static final SessionId SESSION = SessionId.of("s1");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private TechnicalAgent technical;

    @BeforeEach
    void long_100_shares_in_a_calm_uptrend() {
        desk.technical = FakeDeskView.calmUptrend();
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ZERO);
        technical = new TechnicalAgent(new AgentContext(SESSION, AAPL, bus, new ManualClock(NOW), desk));
    }

    @Test
    void a_halving_on_the_news_while_the_chart_favours_the_position_is_answered_with_a_trim_in_reply_and_its_vote_says_so() {
        AgentMessage halving = proposed(AgentRole.SENTIMENT, reduce("50"));

        technical.onMessage(halving);

        AgentMessage counter = bus.published.getLast();
        assertThat(counter.replyTo()).isEqualTo(halving.id());
        Proposal trim = (Proposal) counter.content();
        assertThat(trim.action()).isEqualTo(TradeAction.REDUCE);
        assertThat(trim.size()).isEqualTo(Size.percentOfPosition("25"));
        assertThat(trim.rationale()).contains("trim a quarter, 25 shares, rather than 50 on Sentiment's reading");
        Agent.Judgement vote = technical.judge((Proposal) halving.content());
        assertThat(vote.choice()).isEqualTo(VoteChoice.REJECT);
        assertThat(vote.reason()).contains("I proposed a smaller trim instead");
    }

    @ParameterizedTest(name = "{0} proposing to reduce by {1}% is not countered")
    @CsvSource(delimiter = '|', textBlock = """
            RISK      | 50
            SENTIMENT | 25
            SENTIMENT | 10
            """)
    void a_reduction_for_a_limit_or_no_bigger_than_a_trim_is_not_countered(AgentRole proposer, String percent) {
        technical.onMessage(proposed(proposer, reduce(percent)));

        assertThat(bus.published).isEmpty();
    }

    @Test
    void a_chart_that_has_turned_against_the_position_brings_no_counter_and_an_approval() {
        TechnicalView calm = FakeDeskView.calmUptrend();
        desk.technical = new TechnicalView(calm.last(), calm.sma20(), calm.sma50(), calm.sma200(), calm.rsi14(), calm.atr14(),
                new BigDecimal("-0.5"), new BigDecimal("0.2"), calm.high20(), calm.low20(), calm.averageVolume20(), calm.lastVolume(), calm.open());
        Proposal halve = reduce("50");

        technical.onMessage(proposed(AgentRole.SENTIMENT, halve));

        assertThat(bus.published).isEmpty();
        assertThat(technical.judge(halve).choice()).isEqualTo(VoteChoice.APPROVE);
    }

    private static AgentMessage proposed(AgentRole proposer, Proposal proposal) {
        return AgentMessage.draft(SESSION, proposer, Recipients.all(), proposal, NOW).sequenced(5);
    }

    private static Proposal reduce(String percent) {
        return new Proposal(ProposalId.random(), TradeAction.REDUCE, AAPL, Direction.LONG, Size.percentOfPosition(percent), Price.parse("100"),
                null, null, null, "bad news", "Reduce AAPL by " + percent + "%");
    }
}
