package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static io.quorum.engine.desk.DeskFixture.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.position.Position;
import io.quorum.engine.reasoning.ConcernAnswer;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Rejection;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.Transition;
import io.quorum.engine.simulation.ScriptedPrices;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user asks for an analysis, reads the card, and approves or rejects it. */
class AnalysisScenarioTest {
    private DeskFixture desk;

    @BeforeEach
    void openTheMarket() {
        desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build();
        desk.advance(Duration.ofMinutes(5));
    }

    @AfterEach
    void closeTheDesk() { desk.close(); }

    @Test
    void analysis_reasons_in_speaking_order_then_votes_and_puts_the_approved_proposal_on_the_card() {
        DeskSession session = desk.analysed();

        List<AgentMessage> conversation = desk.conversation(session);
        List<AgentRole> reasoners = conversation.stream().filter(update(Update.UpdateKind.REASONING))
                .map(AgentMessage::sender).distinct().toList();
        assertThat(reasoners).containsExactly(AgentRole.TECHNICAL, AgentRole.FUNDAMENTAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION);
        assertThat(conversation.stream().filter(update(Update.UpdateKind.REASONING)).map(AgentMessage::sender).toList())
                .as("each agent finishes its reasoning before the next one starts").isSortedAccordingTo(AgentRole::compareTo);

        AgentMessage proposal = desk.said(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL)).getFirst();
        long lastReasoning = conversation.stream().filter(update(Update.UpdateKind.REASONING)).mapToLong(AgentMessage::seq).max().orElseThrow();
        assertThat(proposal.seq()).isGreaterThan(lastReasoning);

        List<AgentMessage> votes = desk.said(session, DeskFixture.type(MessageType.VOTE));
        assertThat(votes).extracting(AgentMessage::sender)
                .containsExactlyInAnyOrder(AgentRole.FUNDAMENTAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION);
        assertThat(votes).allSatisfy(vote -> {
            assertThat(vote.seq()).isGreaterThan(proposal.seq());
            assertThat(((Vote) vote.content()).proposalId()).isEqualTo(((Proposal) proposal.content()).id());
        });

        AgentMessage decisionMessage = desk.said(session, from(AgentRole.ORCHESTRATOR, MessageType.DECISION)).getFirst();
        Decision decision = (Decision) decisionMessage.content();
        assertThat(decisionMessage.seq()).isGreaterThan(votes.stream().mapToLong(AgentMessage::seq).max().orElseThrow());
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.tally().approvals()).isEqualTo(4);

        assertThat(session.state()).isEqualTo(SessionState.PROPOSAL);
        assertThat(session.proposal()).contains(decision.terms());
        assertThat(session.analysisDecision()).contains(decision);
    }

    @Test
    void approving_the_card_places_the_trade_with_the_proposals_stop_and_target() {
        DeskSession session = desk.analysed();
        Proposal card = session.proposal().orElseThrow();

        session.approve(session.proposal().orElseThrow().id(), USER);

        AgentMessage executed = desk.awaitSaid(session, tradeExecuted());
        assertThat(executed.sender()).isEqualTo(AgentRole.EXECUTION);
        assertThat(((Update) executed.content()).execution().quantity()).isEqualTo(card.size().sharesGiven(0));
        Position position = desk.position(session).orElseThrow();
        assertThat(position.quantity()).isEqualTo(card.size().sharesGiven(0));
        assertThat(position.protection().stopLoss()).isEqualTo(card.stop());
        assertThat(position.protection().takeProfit()).isEqualTo(card.target());
        assertThat(desk.broker.brokerOrders()).hasSize(1);
        assertThat(session.state()).isEqualTo(SessionState.AUTO_TRADING);
        assertThat(session.isAutoTradingEnabled()).as("approval alone hands no authority").isFalse();
    }

    @Test
    void a_rejection_with_a_reason_brings_a_revised_proposal_that_is_more_careful() {
        DeskSession session = desk.analysed();
        Proposal first = session.proposal().orElseThrow();
        String concern = "earnings are due next week, too risky";

        Transition rejected = session.reject(first.id(), concern, USER);

        assertThat(rejected).isInstanceOfSatisfying(Transition.Moved.class, moved -> assertThat(moved.change().to()).isEqualTo(SessionState.RE_ANALYZING));
        await().atMost(DeskFixture.PATIENCE).until(() -> session.state() == SessionState.PROPOSAL
                && session.proposal().filter(p -> !p.id().equals(first.id())).isPresent());
        Proposal revised = session.proposal().orElseThrow();
        assertThat(revised.rationale()).contains(concern).contains("read as 'too risky'");
        assertThat(revised.size().sharesGiven(0)).isLessThan(first.size().sharesGiven(0));
        assertThat(revised.stop()).as("a tighter stop, nearer the entry").isGreaterThan(first.stop()).isLessThan(revised.entry());
        assertThat(session.analysisDecision().orElseThrow().proposalId()).isEqualTo(revised.id());
        assertThat(desk.broker.submitted()).as("a card is only a proposal").isEmpty();
    }

    @ParameterizedTest(name = "rejected with \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            stop too wide    | stop
            position too big | size
            too risky        | size and stop
            target too far   | target
            """)
    void the_revised_card_answers_the_users_reason_and_never_loosens_a_term(String reason, String changed) {
        DeskSession session = desk.analysed();
        Proposal first = session.proposal().orElseThrow();

        session.reject(first.id(), reason, USER);
        await().atMost(DeskFixture.PATIENCE).until(() -> session.state() == SessionState.PROPOSAL
                && session.proposal().filter(p -> !p.id().equals(first.id())).isPresent());

        Proposal revised = session.proposal().orElseThrow();
        long before = first.size().sharesGiven(0);
        long after = revised.size().sharesGiven(0);
        assertThat(revised.rationale()).contains("read as '" + reason + "'");
        assertThat(after).isLessThanOrEqualTo(before);
        assertThat(revised.stop()).isGreaterThanOrEqualTo(first.stop());
        assertThat(revised.target()).isLessThanOrEqualTo(first.target());
        assertThat(after < before).as("size changed").isEqualTo(changed.contains("size"));
        assertThat(revised.stop().isAbove(first.stop())).as("stop changed").isEqualTo(changed.contains("stop"));
        assertThat(revised.target().isBelow(first.target())).as("target changed").isEqualTo(changed.contains("target"));
    }

    @Test
    void a_reason_that_names_no_concern_is_read_by_technicals_model_and_the_revised_card_answers_what_it_read() {
        try (DeskFixture modelDesk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).reasoner(new ConcernModel("target too far")).build()) {
            modelDesk.advance(Duration.ofMinutes(5));
            DeskSession session = modelDesk.analysed();
            Proposal first = session.proposal().orElseThrow();

            session.reject(first.id(), "I don't buy it, that's a moonshot", USER);
            await().atMost(DeskFixture.PATIENCE).until(() -> session.state() == SessionState.PROPOSAL
                    && session.proposal().filter(p -> !p.id().equals(first.id())).isPresent());

            Proposal revised = session.proposal().orElseThrow();
            assertThat(revised.rationale()).contains("which names no term, read by the model as 'target too far' (the trader calls the target a moonshot");
            assertThat(revised.target()).isLessThan(first.target());
            assertThat(revised.stop()).isEqualTo(first.stop());
            assertThat(revised.size()).isEqualTo(first.size());
            assertThat(modelDesk.journal(session)).filteredOn(JournalEvent.ReasonerCalled.class::isInstance).map(JournalEvent.ReasonerCalled.class::cast)
                    .singleElement().satisfies(call -> assertThat(call.proposalId()).isEqualTo(first.id()));
        }
    }

    /** A model that reads Technical's rejections as {@code concern}, a moment later on a thread of its own; it votes for no one. */
    private record ConcernModel(String concern) implements Reasoner {
        @Override public boolean speaksFor(AgentRole role) { return false; }

        @Override public boolean readsFor(AgentRole role) { return role == AgentRole.TECHNICAL; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            return CompletableFuture.failedFuture(new IllegalStateException("this model only reads rejections"));
        }

        @Override public CompletionStage<Reasoning<ConcernAnswer>> readConcern(Rejection rejection) {
            JournalEvent.ReasonerCalled call = new JournalEvent.ReasonerCalled(rejection.card().id(), rejection.role(), "scripted", "test-model", "test-model-1",
                    "technical.v1+concern.v1", "00ff", 300, 30, 5, new BigDecimal("0.0001"), JournalEvent.ReasonerCalled.Outcome.ANSWERED, false, "{}");
            ConcernAnswer answer = new ConcernAnswer(concern, "the trader calls the target a moonshot", new BigDecimal("0.7"));
            return CompletableFuture.supplyAsync(() -> new Reasoning.Answered<>(answer, call), CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void an_answer_to_a_card_the_desk_has_since_replaced_is_refused_and_nothing_is_executed() {
        DeskSession session = desk.analysed();
        Proposal first = session.proposal().orElseThrow();
        session.reject(first.id(), "stop too wide", USER);
        await().atMost(DeskFixture.PATIENCE).until(() -> session.state() == SessionState.PROPOSAL
                && session.proposal().filter(p -> !p.id().equals(first.id())).isPresent());

        Transition approvedTheOldCard = session.approve(first.id(), USER);
        Transition rejectedTheOldCard = session.reject(first.id(), "still too wide", USER);

        assertThat(approvedTheOldCard).isInstanceOfSatisfying(Transition.Refused.class,
                refused -> assertThat(refused.reason()).contains(first.id().toString()).contains("no longer the one to answer"));
        assertThat(rejectedTheOldCard).isInstanceOf(Transition.Refused.class);
        assertThat(session.state()).isEqualTo(SessionState.PROPOSAL);
        assertThat(desk.broker.submitted()).as("the user never saw the terms that replaced the card").isEmpty();
        assertThat(desk.journal(session)).filteredOn(JournalEvent.UserAction.class::isInstance).map(e -> ((JournalEvent.UserAction) e).action())
                .containsExactly(JournalEvent.UserAction.Action.START_SESSION, JournalEvent.UserAction.Action.REJECT_PROPOSAL);
    }
}
