package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update.UpdateKind;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.Side;
import io.quorum.server.api.StreamEventType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which frame each kind of agent message travels in: the protocol's steps in their own, the rest of the conversation as {@code agent_message}. */
class StreamFrameTypesTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-03T14:30:00Z");
    private static final Proposal PROPOSAL = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, AAPL, Direction.LONG, Size.shares(10),
            Price.parse("178.50"), null, null, null, "breakout", "Open a long of 10 AAPL at 178.50.");

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(Update.of(UpdateKind.REASONING, AAPL, "RSI 48"), StreamEventType.REASONING),
                Arguments.of(Update.of(UpdateKind.ANALYSIS_COMPLETE, AAPL, "analysis done"), StreamEventType.COMPLETE),
                Arguments.of(new Update(UpdateKind.TRADE_EXECUTED, AAPL, new Execution("q-1", AAPL, Side.BUY, 10, Price.parse("178.50"), "decision", OrderCause.DECISION),
                        "Bought 10 AAPL at 178.50."), StreamEventType.TRADE_EXECUTED),
                Arguments.of(Update.of(UpdateKind.OBSERVATION, AAPL, "volume is thin"), StreamEventType.AGENT_MESSAGE),
                Arguments.of(Update.of(UpdateKind.STATUS, AAPL, "Auto-trading on."), StreamEventType.AGENT_MESSAGE),
                Arguments.of(Update.of(UpdateKind.POSITION, AAPL, "AAPL +1.2%"), StreamEventType.AGENT_MESSAGE),
                Arguments.of(PROPOSAL, StreamEventType.PROPOSAL),
                Arguments.of(new Decision(PROPOSAL.id(), Outcome.REJECTED, new Tally(0, 1, 0, false, 1, 1), List.of(), PROPOSAL, "rejected",
                        "REJECTED — 0 of 1."), StreamEventType.DECISION),
                Arguments.of(new Alert(Alert.AlertKind.STOP_LOSS_TRIGGERED, Alert.Severity.CRITICAL, AAPL, "stop hit"), StreamEventType.MARKET_ALERT),
                Arguments.of(new Question(AAPL, "Is the volume real?"), StreamEventType.AGENT_MESSAGE),
                Arguments.of(new VoteRequest(PROPOSAL.id(), PROPOSAL, Set.of(AgentRole.RISK), NOW.plusSeconds(30), "Vote on the AAPL long."),
                        StreamEventType.AGENT_MESSAGE),
                Arguments.of(new Vote(PROPOSAL.id(), VoteChoice.APPROVE, "fine", null, "Approve."), StreamEventType.AGENT_MESSAGE));
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @MethodSource("messages")
    void each_journaled_message_is_sent_as_the_frame_of_its_protocol_step(Payload payload, StreamEventType expected) {
        AgentMessage message = AgentMessage.draft(SessionId.of("s-1"), AgentRole.TECHNICAL, Recipients.all(), payload, NOW).sequenced(1);

        assertThat(StreamHub.typeOf(message)).isEqualTo(expected);
        assertThat(expected.isJournaled()).isTrue();
    }
}
