package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quorum.engine.decision.DecisionLog;
import io.quorum.engine.decision.DecisionQuery;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.store.InMemoryJournal;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.TradeFill;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JournalIndexTest {
    private static final SessionId SESSION = SessionId.of("s-1");
    private static final Ticker AAPL = Ticker.of("AAPL");

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T14:30:00Z"));
    private final InMemoryJournal stored = new InMemoryJournal(clock);
    private final ObservableJournal journal = new ObservableJournal(stored);
    private long busSeq;
    private JournalIndex index;

    @AfterEach void close() {
        if (index != null) index.close();
    }

    @Test void decisions_kept_from_the_tail_are_the_ones_the_decision_log_reads_off_the_whole_journal() {
        index = new JournalIndex(journal);
        journalADecisionAndItsFill();

        assertThat(index.decisions(SESSION)).isEqualTo(new DecisionLog(journal).findAll(DecisionQuery.any().withSession(SESSION)));
        assertThat(index.decisions(SESSION).getFirst().orders().getFirst().fills()).hasSize(1);
    }

    @Test void an_index_opened_on_a_journal_with_history_rebuilds_it_once_at_start() {
        journalADecisionAndItsFill();
        say(AgentRole.RISK, new Alert(Alert.AlertKind.NEWS, Alert.Severity.WARNING, AAPL, "AAPL: guidance cut"));

        index = new JournalIndex(journal);

        assertThat(index.decisions(SESSION)).extracting(r -> r.outcome()).containsExactly(Outcome.APPROVED);
        assertThat(index.alerts(SESSION)).extracting(AlertView::text).containsExactly("AAPL: guidance cut");
        assertThat(index.messageSeqs(SESSION, 0, 100, null, null)).hasSize(5);
    }

    @Test void the_executions_the_journal_reports_are_the_trade_history_of_their_session_and_of_the_account() {
        index = new JournalIndex(journal);
        executed("q-1", Side.BUY, "187.00", "approved by the desk");
        clock.advance(java.time.Duration.ofMinutes(5));
        executed("x-2", Side.SELL, "190.00", "the take-profit target was reached");

        assertThat(index.fills(SESSION)).extracting(TradeFill::clientOrderId, TradeFill::price, TradeFill::time)
                .containsExactly(tuple("q-1", new BigDecimal("187.000000"), Instant.parse("2025-03-03T14:30:00Z")),
                        tuple("x-2", new BigDecimal("190.000000"), Instant.parse("2025-03-03T14:35:00Z")));
        assertThat(index.allFills()).isEqualTo(index.fills(SESSION));
    }

    @Test void a_query_sees_an_entry_the_tail_has_not_delivered_yet() {
        index = new JournalIndex(journal);
        say(AgentRole.TECHNICAL, Update.of(Update.UpdateKind.REASONING, AAPL, "RSI 48"));
        // Written past the observable journal: no listener hears it, only the journal has it.
        stored.append(SESSION, new JournalEvent.MessageJournaled(message(AgentRole.RISK,
                new Alert(Alert.AlertKind.VOLUME_SPIKE, Alert.Severity.INFO, AAPL, "volume twice the average"))));

        assertThat(index.alerts(SESSION)).extracting(AlertView::seq).containsExactly(2L);
        assertThat(index.messageSeqs(SESSION, 0, 100, null, null)).containsExactly(1, 2);
    }

    @Test void message_seqs_are_filtered_by_sender_and_type_and_paged_after_a_seq() {
        index = new JournalIndex(journal);
        say(AgentRole.TECHNICAL, Update.of(Update.UpdateKind.REASONING, AAPL, "step 1"));
        journal.append(SESSION, new JournalEvent.StateChanged("ANALYZING", "PROPOSAL", "ANALYSIS_DONE"));
        say(AgentRole.RISK, Update.of(Update.UpdateKind.REASONING, AAPL, "exposure 4%"));
        say(AgentRole.TECHNICAL, Update.of(Update.UpdateKind.OBSERVATION, AAPL, "volume is thin"));
        say(AgentRole.TECHNICAL, Update.of(Update.UpdateKind.REASONING, AAPL, "step 2"));

        assertThat(index.messageSeqs(SESSION, 0, 100, AgentRole.TECHNICAL, null)).containsExactly(1, 4, 5);
        assertThat(index.messageSeqs(SESSION, 0, 100, null, MessageType.UPDATE)).containsExactly(1, 3, 4, 5);
        assertThat(index.messageSeqs(SESSION, 1, 2, AgentRole.TECHNICAL, MessageType.UPDATE)).containsExactly(4, 5);
        assertThat(index.messageSeqs(SESSION, 5, 100, null, null)).isEmpty();
    }

    @Test void entries_heard_on_the_tail_while_queries_catch_up_are_taken_once_each_in_order() throws Exception {
        index = new JournalIndex(journal);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writing.get()) index.alerts(SESSION);
        });
        for (int i = 0; i < 2_000; i++) say(AgentRole.RISK, new Alert(Alert.AlertKind.PRICE_SIGNAL, Alert.Severity.INFO, AAPL, "signal " + i));
        writing.set(false);
        reader.join();

        List<Long> seqs = index.alerts(SESSION).stream().map(AlertView::seq).toList();
        assertThat(seqs).hasSize(2_000).isSorted().doesNotHaveDuplicates();
    }

    private void journalADecisionAndItsFill() {
        Proposal proposal = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, AAPL, Direction.LONG, Size.shares(10), Price.parse("178.50"),
                Price.parse("175.00"), null, null, "breakout", "Open a long of 10 AAPL at 178.50.");
        say(AgentRole.TECHNICAL, proposal);
        say(AgentRole.RISK, new Vote(proposal.id(), VoteChoice.APPROVE, "within limits", null, "Approve: within limits."));
        say(AgentRole.ORCHESTRATOR, new Decision(proposal.id(), Outcome.APPROVED, new Tally(1, 0, 0, false, 1, 1),
                List.of(new VoteRecord(AgentRole.RISK, VoteChoice.APPROVE, "within limits", null, true)), proposal, "approved", "APPROVED — 1 of 1."));
        OrderRequest order = OrderRequest.market(DecisionLog.decisionOrderId(proposal.id()), AAPL, Side.BUY, 10);
        journal.appendDurably(SESSION, new JournalEvent.OrderIntended(order, proposal.id(), "decision APPROVED"));
        say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, AAPL, "order sent"));
        journal.append(SESSION, new JournalEvent.OrderFilled(new Fill("f-1", order.clientOrderId(), AAPL, Side.BUY, 10, Price.parse("178.50"),
                Money.parse("1.00"), clock.now())));
        journal.append(SESSION, new JournalEvent.OrderIntended(OrderRequest.market(ClientOrderId.of("x-exit-1"), AAPL, Side.SELL, 10),
                null, "stop-loss"));
    }

    private void executed(String clientOrderId, Side side, String price, String reason) {
        say(AgentRole.EXECUTION, new Update(Update.UpdateKind.TRADE_EXECUTED, AAPL,
                new Execution(clientOrderId, AAPL, side, 10, Price.parse(price), reason, OrderCause.ofRecordedReason(reason)), "Traded 10 AAPL at $" + price + "."));
    }

    private void say(AgentRole sender, Payload payload) {
        journal.append(SESSION, new JournalEvent.MessageJournaled(message(sender, payload)));
    }

    private AgentMessage message(AgentRole sender, Payload payload) {
        return AgentMessage.draft(SESSION, sender, Recipients.all(), payload, clock.now()).sequenced(++busSeq);
    }
}
