package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fundamental asks Sentiment about a move, and what it hears changes its vote; the desk it reads stays the same. */
class FundamentalQuestionTest {
    private static final SessionId SESSION = SessionId.of("s1");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");

    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private final ManualClock clock = new ManualClock(NOW);
    private FundamentalAgent fundamental;

    @BeforeEach
    void strong_fundamentals() {
        desk.fundamentals = new Fundamentals(AAPL, "Technology", new BigDecimal("28.4"), new BigDecimal("0.15"), new BigDecimal("0.05"),
                Money.ofDollars(57_000_000_000L), new BigDecimal("1.5"), new BigDecimal("24.1"), new BigDecimal("0.09"));
        fundamental = new FundamentalAgent(new AgentContext(SESSION, AAPL, bus, clock, desk));
    }

    @Test
    void a_price_signal_brings_a_question_about_that_move_addressed_to_sentiment() {
        AgentMessage alert = signal("AAPL broke above its 20-day high ($101.13)");

        fundamental.onMessage(alert);

        AgentMessage question = bus.published.getLast();
        assertThat(question.recipients()).isEqualTo(Recipients.of(AgentRole.SENTIMENT));
        assertThat(question.replyTo()).isEqualTo(alert.id());
        assertThat(question.requiresResponse()).isTrue();
        assertThat(((Question) question.content()).text()).contains("AAPL broke above its 20-day high ($101.13)").contains("Sentiment");
    }

    @ParameterizedTest(name = "Sentiment answers \"{0}\": Fundamental votes {1} on a long")
    @CsvSource(delimiter = '|', textBlock = """
            Positive news: sentiment 0.71 (positive)    | APPROVE
            No news behind it: sentiment 0.50 (neutral) | APPROVE
            Negative news: sentiment 0.22 (negative)    | ABSTAIN
            """)
    void the_answer_to_its_question_changes_the_vote(String answer, VoteChoice vote) {
        AgentMessage question = ask();

        fundamental.onMessage(answer(question.id(), answer));

        Agent.Judgement judgement = fundamental.judge(buy(Direction.LONG));
        assertThat(judgement.choice()).isEqualTo(vote);
        assertThat(judgement.reason()).contains("Sentiment reports");
    }

    @Test
    void the_same_answer_argues_for_a_short_and_against_a_long_when_valuation_is_neutral() {
        desk.fundamentals = new Fundamentals(AAPL, "Technology", new BigDecimal("18.0"), new BigDecimal("0.02"), new BigDecimal("0.05"),
                Money.ofDollars(-30_000_000_000L), new BigDecimal("3.1"), new BigDecimal("24.1"), new BigDecimal("0.02"));
        fundamental.onMessage(answer(ask().id(), "Negative news: \"AAPL misses estimates\" (Newswire)"));

        assertThat(fundamental.judge(buy(Direction.LONG)).choice()).isEqualTo(VoteChoice.REJECT);
        assertThat(fundamental.judge(buy(Direction.SHORT)).choice()).isEqualTo(VoteChoice.APPROVE);
    }

    @Test
    void an_update_that_does_not_answer_its_question_changes_nothing() {
        ask();

        fundamental.onMessage(answer(UUID.randomUUID(), "Negative news: sentiment 0.22 (negative)"));

        assertThat(fundamental.judge(buy(Direction.LONG)).choice()).isEqualTo(VoteChoice.APPROVE);
    }

    @Test
    void an_answer_older_than_its_lifetime_no_longer_counts() {
        fundamental.onMessage(answer(ask().id(), "Negative news: sentiment 0.22 (negative)"));

        clock.advance(FundamentalAgent.ANSWER_LIFETIME.plus(Duration.ofSeconds(1)));

        assertThat(fundamental.judge(buy(Direction.LONG)).choice()).isEqualTo(VoteChoice.APPROVE);
    }

    private AgentMessage ask() {
        fundamental.onMessage(signal("AAPL broke above its 20-day high ($101.13)"));
        return bus.published.getLast();
    }

    private static AgentMessage signal(String text) {
        return AgentMessage.draft(SESSION, AgentRole.TECHNICAL, Recipients.all(), new Alert(Alert.AlertKind.PRICE_SIGNAL, Alert.Severity.INFO, AAPL, text), NOW)
                .sequenced(1);
    }

    private static AgentMessage answer(UUID question, String text) {
        return AgentMessage.draft(SESSION, AgentRole.SENTIMENT, Recipients.all(), Update.of(Update.UpdateKind.OBSERVATION, AAPL, text), NOW)
                .inReplyTo(question).sequenced(3);
    }

    private static Proposal buy(Direction direction) {
        TradeAction action = direction == Direction.LONG ? TradeAction.OPEN_LONG : TradeAction.OPEN_SHORT;
        Price stop = Price.parse(direction == Direction.LONG ? "96" : "104");
        return new Proposal(ProposalId.random(), action, AAPL, direction, Size.shares(10), Price.parse("100"), stop, null, null, "breakout", "Trade 10 AAPL");
    }
}
