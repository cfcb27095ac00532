package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sentiment speaks up on a breaking headline, and proposes when the news calls for a trade. */
class SentimentHeadlineTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private SentimentAgent sentiment;

    @BeforeEach
    void calm_market_and_no_position() {
        desk.technical = FakeDeskView.calmUptrend();
        sentiment = new SentimentAgent(new AgentContext(SessionId.of("s1"), AAPL, bus, new ManualClock(NOW), desk));
    }

    @Test
    void bad_news_against_a_long_position_brings_a_proposal_to_reduce_it_by_half() {
        desk.sentiment = new BigDecimal("0.30");
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ZERO);

        sentiment.onHeadline(headline("AAPL plunges as regulators open fraud probe"));

        assertThat(bus.published).hasSize(2);
        assertThat(((Alert) bus.published.getFirst().content()).text()).startsWith("Breaking: \"AAPL plunges as regulators open fraud probe\" (Newswire), bad news");
        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.action()).isEqualTo(TradeAction.REDUCE);
        assertThat(proposal.direction()).isEqualTo(Direction.LONG);
        assertThat(proposal.size()).isEqualTo(Size.percentOfPosition("50"));
    }

    @Test
    void good_news_with_no_position_brings_a_half_size_entry_with_a_stop() {
        desk.sentiment = new BigDecimal("0.70");
        desk.suggestedShares = 120;

        sentiment.onHeadline(headline("AAPL beats estimates on record demand"));

        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.action()).isEqualTo(TradeAction.OPEN_LONG);
        assertThat(proposal.size()).isEqualTo(Size.shares(60));
        assertThat(proposal.stop()).isEqualTo(Price.parse("96"));
        assertThat(proposal.rationale()).contains("half the sizing rule's 120 shares");
    }

    @Test
    void good_news_for_a_long_position_is_told_but_proposes_nothing() {
        desk.sentiment = new BigDecimal("0.70");
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ZERO);

        sentiment.onHeadline(headline("AAPL beats estimates on record demand"));

        assertThat(bus.published).singleElement().satisfies(message -> assertThat(message.content()).isInstanceOf(Alert.class));
    }

    @Test
    void a_headline_with_no_strong_tone_is_not_breaking() {
        sentiment.onHeadline(headline("AAPL to hold its annual meeting in March"));

        assertThat(bus.published).isEmpty();
    }

    private static NewsItem headline(String text) { return new NewsItem(AAPL, text, "Newswire", NOW); }
}
