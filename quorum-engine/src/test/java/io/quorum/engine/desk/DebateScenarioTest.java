package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.simulation.SimulatedNewsFeed;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The desk debates: questions go to the agent who can answer them, and answers change votes. */
class DebateScenarioTest {
    @ParameterizedTest(name = "with the headline \"{0}\", Sentiment answers \"{1}\" and Fundamental votes {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                              | No news behind it | APPROVE
            NVDA probe widens as regulators warn on exports | Negative news     | ABSTAIN
            """)
    void fundamentals_vote_on_the_breakout_follows_sentiments_answer_to_its_question(String headline, String answerOpens, VoteChoice vote) {
        try (DeskFixture desk = DeskFixture.on(DeskFixture.breakout()).build()) {
            desk.advance(Duration.ofMinutes(5));
            if (!headline.isEmpty()) desk.headline(headline, SimulatedNewsFeed.Tone.NEGATIVE);
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, from(AgentRole.EXECUTION, MessageType.UPDATE).and(DeskFixture.tradeExecuted()));

            desk.advanceUntilSignal(SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));

            AgentMessage question = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.QUESTION));
            assertThat(question.recipients()).isEqualTo(Recipients.of(AgentRole.SENTIMENT));
            assertThat(((Question) question.content()).text()).contains("broke above its 20-day high");
            AgentMessage answer = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.UPDATE).and(replyingTo(question)));
            assertThat(((Update) answer.content()).text()).startsWith(answerOpens);
            AgentMessage proposal = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(message -> message.seq() > answer.seq()));
            AgentMessage fundamentalVote = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.VOTE)
                    .and(message -> ((Vote) message.content()).proposalId().equals(((Proposal) proposal.content()).id())));
            assertThat(((Vote) fundamentalVote.content()).choice()).isEqualTo(vote);
            assertThat(((Vote) fundamentalVote.content()).reason()).contains("Sentiment reports");
        }
    }

    private static Predicate<AgentMessage> replyingTo(AgentMessage earlier) { return message -> earlier.id().equals(message.replyTo()); }
}
