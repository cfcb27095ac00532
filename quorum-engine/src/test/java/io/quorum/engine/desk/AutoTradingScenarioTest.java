package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.decided;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.simulation.SimulatedFundamentals;
import io.quorum.engine.simulation.SimulatedNewsFeed;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The desk trading on its own authority: a signal starts a conversation that ends in a trade, or in no trade. */
class AutoTradingScenarioTest {
    @Test
    void a_breakout_becomes_alert_question_answer_proposal_votes_decision_and_trade() {
        try (DeskFixture desk = DeskFixture.on(DeskFixture.breakout()).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            long switchedOn = desk.awaitSaid(session, message -> message.content() instanceof Update update
                    && update.kind() == Update.UpdateKind.STATUS && update.text().contains("switched on")).seq();

            desk.advanceUntilSignal(SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));

            AgentMessage alert = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.ALERT).and(after(switchedOn)));
            assertThat(((Alert) alert.content()).text()).contains("broke above its 20-day high");
            AgentMessage question = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.QUESTION).and(replyingTo(alert)));
            AgentMessage answer = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.UPDATE).and(replyingTo(question)));
            AgentMessage proposalMessage = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(after(answer.seq())));
            Proposal proposal = (Proposal) proposalMessage.content();
            AgentMessage trade = desk.awaitSaid(session, tradeExecuted().and(message ->
                    ((Update) message.content()).execution().clientOrderId().equals("q-" + proposal.id())));

            List<AgentMessage> votes = desk.said(session, message -> message.content() instanceof Vote vote && vote.proposalId().equals(proposal.id()));
            AgentMessage decision = desk.said(session, message -> message.content() instanceof Decision d && d.proposalId().equals(proposal.id())).getFirst();
            assertThat(votes).extracting(AgentMessage::sender)
                    .containsExactlyInAnyOrder(AgentRole.FUNDAMENTAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION);
            assertThat(votes).allSatisfy(vote -> assertThat(vote.seq()).isBetween(proposalMessage.seq(), decision.seq()));
            assertThat(List.of(alert.seq(), question.seq(), answer.seq(), proposalMessage.seq(), decision.seq(), trade.seq())).isSorted();
            assertThat(((Decision) decision.content()).outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(proposal.action()).as("the signal confirms the position the user approved").isEqualTo(TradeAction.INCREASE);
            assertThat(desk.broker.brokerOrders()).hasSize(2);
        }
    }

    @Test
    void a_risk_veto_blocks_the_trade_even_with_four_approvals() {
        // A wild past: every day swung four dollars either side, an ATR near 10% of the price.
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).dailyRange("4.00").build()) {
            desk.advance(Duration.ofMinutes(5));
            desk.headline("NVDA beats estimates on record data-centre demand", SimulatedNewsFeed.Tone.POSITIVE);

            DeskSession session = desk.analysed();

            Decision decision = session.analysisDecision().orElseThrow();
            assertThat(decision.outcome()).isEqualTo(Outcome.VETOED);
            assertThat(decision.tally().vetoed()).isTrue();
            // A veto decides at once, so the tally may not have counted every approval yet; the conversation has them all.
            List<AgentMessage> votes = await().atMost(DeskFixture.PATIENCE)
                    .until(() -> votesOn(desk, session, decision.terms()), received -> received.size() == 4);
            assertThat(votes).extracting(message -> message.sender() + " " + ((Vote) message.content()).choice())
                    .containsExactlyInAnyOrder("FUNDAMENTAL APPROVE", "SENTIMENT APPROVE", "EXECUTION APPROVE", "RISK VETO");
            assertThat(votes).filteredOn(message -> message.sender() == AgentRole.RISK).singleElement()
                    .satisfies(message -> assertThat(((Vote) message.content()).reason()).contains("volatility is too high"));

            session.approve(session.proposal().orElseThrow().id(), USER);

            assertThat(desk.broker.submitted()).isEmpty();
            assertThat(desk.said(session, tradeExecuted())).isEmpty();
            assertThat(desk.position(session)).isEmpty();
        }
    }

    enum Answer { CONFIRMED, DENIED, NONE }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void a_trade_above_the_confirmation_threshold_waits_for_the_user(Answer answer) {
        try (DeskFixture desk = DeskFixture.on(DeskFixture.breakout()).confirmAbove(500, Duration.ofSeconds(60)).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.advanceUntilSignal(SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));
            PendingConfirmation held = await().atMost(DeskFixture.PATIENCE)
                    .until(() -> desk.desk.confirmations(session.id()), pending -> !pending.isEmpty()).getFirst();
            Decision decision = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(held.proposalId()));
            assertThat(desk.broker.brokerOrders()).as("only the approved analysis's trade so far").hasSize(1);

            switch (answer) {
                case CONFIRMED -> assertThat(desk.desk.confirm(session.id(), held.id(), true, USER)).isInstanceOf(ConfirmationAnswer.Taken.class);
                case DENIED -> assertThat(desk.desk.confirm(session.id(), held.id(), false, USER)).isInstanceOf(ConfirmationAnswer.Taken.class);
                case NONE -> desk.advance(Duration.ofSeconds(61));
            }

            await().atMost(DeskFixture.PATIENCE).until(() -> desk.desk.confirmations(session.id()).isEmpty());
            if (answer == Answer.CONFIRMED) {
                desk.awaitSaid(session, tradeExecuted().and(message -> ((Update) message.content()).execution().clientOrderId().equals(held.order().clientOrderId().value())));
                assertThat(desk.broker.brokerOrders()).hasSize(2);
                assertThat(desk.position(session).orElseThrow().protection().stopLoss())
                        .as("the confirmed trade carries the decision's stop").isEqualTo(decision.terms().stop());
            } else {
                RejectReason reason = answer == Answer.DENIED ? RejectReason.CONFIRMATION_DENIED : RejectReason.CONFIRMATION_TIMED_OUT;
                await().atMost(DeskFixture.PATIENCE).until(() -> desk.journal(session).stream().anyMatch(event ->
                        event instanceof JournalEvent.OrderRejected rejected && rejected.reason() == reason));
                assertThat(desk.broker.brokerOrders()).as("no trade").hasSize(1);
                assertThat(desk.desk.confirm(session.id(), held.id(), true, USER)).as("too late to change one's mind")
                        .isInstanceOf(answer == Answer.DENIED ? ConfirmationAnswer.AnsweredBefore.class : ConfirmationAnswer.Ended.class);
            }
        }
    }

    @Test
    void switching_auto_trading_off_cancels_the_open_vote_and_no_order_follows() {
        GatedFundamentals fundamentals = new GatedFundamentals(new SimulatedFundamentals());
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).fundamentals(fundamentals).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            Proposal add = addToThePosition();
            fundamentals.shut();
            try {
                desk.desk.bus().publish(AgentMessage.draft(session.id(), AgentRole.TECHNICAL, Recipients.all(), add, desk.clock.now()));
                await().atMost(DeskFixture.PATIENCE).until(() -> votesOn(desk, session, add).size() == 3);

                session.disableAutoTrading(USER);

                Decision cancelled = desk.awaitDecision(session, decided(Outcome.CANCELLED));
                assertThat(cancelled.proposalId()).isEqualTo(add.id());
            } finally {
                fundamentals.open();
            }
            await().atMost(DeskFixture.PATIENCE).until(() -> votesOn(desk, session, add).size() == 4);
            assertThat(desk.said(session, DeskFixture.type(MessageType.DECISION))).as("the late vote decides nothing")
                    .extracting(message -> ((Decision) message.content()).outcome()).containsExactly(Outcome.APPROVED, Outcome.CANCELLED);
            assertThat(desk.broker.brokerOrders()).as("only the approved analysis's trade").hasSize(1);
        }
    }

    @Test
    void a_decision_that_arrives_after_the_switch_is_off_places_no_order() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());

            session.disableAutoTrading(USER);
            Proposal add = addToThePosition();
            Decision lateApproval = new Decision(add.id(), Outcome.APPROVED, new Tally(5, 0, 0, false, 3, 5),
                    AgentRole.VOTERS.stream().map(voter -> new VoteRecord(voter, VoteChoice.APPROVE, "agreed", null, true)).toList(),
                    add, "5 of 5 approved", "APPROVED — " + add.text());
            desk.desk.bus().publish(AgentMessage.draft(session.id(), AgentRole.ORCHESTRATOR, Recipients.all(), lateApproval, desk.clock.now()));

            AgentMessage refusal = desk.awaitSaid(session, from(AgentRole.EXECUTION, MessageType.UPDATE)
                    .and(message -> ((Update) message.content()).text().startsWith("Not executing")));
            assertThat(((Update) refusal.content()).text()).contains(RejectReason.AUTO_TRADING_DISABLED.sentence());
            assertThat(desk.broker.brokerOrders()).hasSize(1);
        }
    }

    private static Proposal addToThePosition() {
        return new Proposal(ProposalId.random(), TradeAction.INCREASE, NVDA, Direction.LONG, Size.percentOfPosition("20"), Price.parse("100.00"),
                Price.parse("97.00"), Price.parse("105.00"), null, "the trend holds", "Increase position by 20%. Entry: $100.00, New Stop: $97.00, Target: $105.00");
    }

    private static List<AgentMessage> votesOn(DeskFixture desk, DeskSession session, Proposal proposal) {
        return desk.said(session, message -> message.content() instanceof Vote vote && vote.proposalId().equals(proposal.id()));
    }

    private static Predicate<AgentMessage> after(long seq) { return message -> message.seq() > seq; }

    private static Predicate<AgentMessage> replyingTo(AgentMessage earlier) { return message -> earlier.id().equals(message.replyTo()); }
}
