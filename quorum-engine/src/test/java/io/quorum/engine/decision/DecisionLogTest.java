package io.quorum.engine.decision;

import static io.quorum.engine.message.AgentRole.EXECUTION;
import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.RISK;
import static io.quorum.engine.message.AgentRole.SENTIMENT;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static io.quorum.engine.message.VoteChoice.ABSTAIN;
import static io.quorum.engine.message.VoteChoice.APPROVE;
import static io.quorum.engine.message.VoteChoice.REJECT;
import static io.quorum.engine.message.VoteChoice.VETO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent.OrderFilled;
import io.quorum.engine.journal.JournalEvent.OrderIntended;
import io.quorum.engine.journal.JournalEvent.OrderPlaced;
import io.quorum.engine.journal.JournalEvent.OrderRejected;
import io.quorum.engine.journal.JournalEvent.PositionChanged;
import io.quorum.engine.journal.JournalEvent.StateChanged;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.store.InMemoryJournal;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision log of two sessions: on desk-1, an AAPL long approved with Risk's terms and filled in
 * two parts, an MSFT long vetoed, an AAPL reduction refused by the pre-trade checks; on desk-2, a
 * TSLA long that timed out. Protective exits and everyday chatter are journaled in between.
 */
class DecisionLogTest {
    static final SessionId DESK_1 = SessionId.of("desk-1");
    static final SessionId DESK_2 = SessionId.of("desk-2");
    static final Instant OPEN = Instant.parse("2025-03-14T14:30:00Z");

    private final ManualClock clock = new ManualClock(OPEN);
    private final InMemoryJournal journal = new InMemoryJournal(clock);

    private Proposal aaplLong;
    private Proposal aaplTerms;
    private Proposal msftLong;
    private Proposal aaplReduce;
    private Proposal tslaLong;
    private Fill firstFill;
    private Fill secondFill;

    @BeforeEach
    void journalTheDay() {
        DeskTranscript desk1 = new DeskTranscript(journal, clock, DESK_1);
        DeskTranscript desk2 = new DeskTranscript(journal, clock, DESK_2);
        desk1.record(new StateChanged("PROPOSAL", "AUTO_TRADING", "approved by alice"));
        desk1.say(TECHNICAL, new Alert(Alert.AlertKind.VOLUME_SPIKE, Alert.Severity.INFO, Ticker.of("AAPL"), "AAPL broke above its 200-day SMA."));

        aaplLong = DeskTranscript.longProposal("AAPL", 120, "178.50", "175.00", "190.00");
        desk1.propose(TECHNICAL, aaplLong);
        desk1.vote(FUNDAMENTAL, aaplLong, APPROVE, "P/E below its 5-year mean");
        desk1.vote(SENTIMENT, aaplLong, REJECT, "headlines are mixed");
        desk1.vote(SENTIMENT, aaplLong, APPROVE, "changed my mind");
        desk1.vote(RISK, aaplLong, APPROVE, "exposure stays under 20%", new Modification(Size.shares(100), Price.parse("176.25"), null));
        desk1.vote(EXECUTION, aaplLong, APPROVE, "spread is 2 cents");
        aaplTerms = aaplLong.withTerms(Size.shares(100), Price.parse("176.25"), Price.parse("190.00"), "Open a long of 100 AAPL at 178.50.");
        desk1.decide(aaplTerms, Outcome.APPROVED_MODIFIED, "APPROVED (modified) — 4 of 5 approved", APPROVE, APPROVE, REJECT, APPROVE, APPROVE);

        ClientOrderId aaplOrder = DecisionLog.decisionOrderId(aaplLong.id());
        OrderRequest aaplRequest = OrderRequest.limit(aaplOrder, Ticker.of("AAPL"), Side.BUY, 100, Price.parse("178.60"));
        firstFill = new Fill("f-1", aaplOrder, Ticker.of("AAPL"), Side.BUY, 60, Price.parse("178.50"), Money.parse("0.60"), clock.now());
        secondFill = new Fill("f-2", aaplOrder, Ticker.of("AAPL"), Side.BUY, 40, Price.parse("178.60"), Money.parse("0.40"), clock.now());
        desk1.record(new OrderIntended(aaplRequest, aaplLong.id(), "decision APPROVED_MODIFIED"));
        desk1.record(new OrderPlaced(new Order("broker-1", aaplRequest, OrderStatus.ACCEPTED, List.of(), "accepted")));
        desk1.record(new OrderFilled(firstFill));
        desk1.record(new OrderFilled(secondFill));
        // The broker's final report repeats the fills already journaled one by one.
        desk1.record(new OrderPlaced(new Order("broker-1", aaplRequest, OrderStatus.FILLED, List.of(firstFill, secondFill), "filled")));
        desk1.record(new PositionChanged(Ticker.of("AAPL"), 100, Price.parse("178.54"), Price.parse("176.25"), Price.parse("190.00"), null, Price.parse("178.60")));

        desk1.pause(Duration.ofMinutes(10));
        msftLong = DeskTranscript.longProposal("MSFT", 50, "410.00", "400.00", null);
        desk1.propose(FUNDAMENTAL, msftLong);
        desk1.vote(RISK, msftLong, VETO, "MSFT would take the portfolio over 25% in tech");
        desk1.decide(msftLong, Outcome.VETOED, "VETOED by Risk", null, APPROVE, null, VETO, null);

        // A protective exit: no vote, its own order id, no proposal.
        ClientOrderId exitOrder = ClientOrderId.of("x-aapl-stop-1");
        OrderRequest exitRequest = OrderRequest.market(exitOrder, Ticker.of("AAPL"), Side.SELL, 100);
        desk1.record(new OrderIntended(exitRequest, null, "stop-loss at 176.25"));
        desk1.record(new OrderFilled(new Fill("f-x", exitOrder, Ticker.of("AAPL"), Side.SELL, 100, Price.parse("176.20"), Money.parse("1.00"), clock.now())));

        desk1.pause(Duration.ofMinutes(10));
        aaplReduce = new Proposal(io.quorum.engine.message.ProposalId.random(), io.quorum.engine.message.TradeAction.REDUCE, Ticker.of("AAPL"),
                io.quorum.engine.message.Direction.LONG, Size.percentOfPosition("50"), Price.parse("181.00"), null, null, null,
                "RSI above 75", "Reduce AAPL by half, \"take profit\", at 181.00.");
        desk1.propose(TECHNICAL, aaplReduce);
        desk1.decide(aaplReduce, Outcome.APPROVED, "APPROVED — 3 of 5, \"take profit\"", APPROVE, APPROVE, ABSTAIN, APPROVE, null);
        // Refused by the pre-trade checks before any intention was journaled: linked by its derived id.
        desk1.record(new OrderRejected(DecisionLog.decisionOrderId(aaplReduce.id()), RejectReason.MAX_TRADES_PER_DAY, "10 trades today"));

        desk2.pause(Duration.ofMinutes(5));
        tslaLong = DeskTranscript.longProposal("TSLA", 10, "250.00", "240.00", "280.00");
        desk2.propose(SENTIMENT, tslaLong);
        desk2.vote(TECHNICAL, tslaLong, APPROVE, "momentum");
        desk2.decide(tslaLong, Outcome.TIMED_OUT, "TIMED OUT — hold", APPROVE, null, APPROVE, null, null);
    }

    private DecisionLog log() { return new DecisionLog(journal); }

    private List<Outcome> outcomes(DecisionQuery query) {
        return log().findAll(query).stream().map(DecisionRecord::outcome).toList();
    }

    @Test
    void every_decision_of_every_session_is_listed_oldest_first() {
        assertThat(outcomes(DecisionQuery.any()))
                .containsExactly(Outcome.APPROVED_MODIFIED, Outcome.VETOED, Outcome.APPROVED, Outcome.TIMED_OUT);
    }

    @Test
    void a_decision_is_linked_to_the_proposal_it_answered() {
        DecisionRecord aapl = log().findAll(DecisionQuery.any()).getFirst();

        assertThat(aapl.session()).isEqualTo(DESK_1);
        assertThat(aapl.proposalId()).isEqualTo(aaplLong.id());
        assertThat(aapl.proposer()).contains(TECHNICAL);
        assertThat(aapl.originalProposal()).contains(aaplLong);
        assertThat(aapl.terms()).isEqualTo(aaplTerms);
        assertThat(aapl.decision().text()).isEqualTo("APPROVED (modified) — 4 of 5 approved");
        assertThat(aapl.tally().approvals()).isEqualTo(4);
        JournalEntry journaled = journal.read(DESK_1, aapl.journalSeq() - 1, 1).getFirst();
        assertThat(journaled.time()).isEqualTo(aapl.time());
        assertThat(journaled.event()).isInstanceOf(JournalEvent.MessageJournaled.class);
    }

    @Test
    void each_vote_keeps_the_reason_counted_and_the_words_of_the_voters_first_vote() {
        List<RecordedVote> votes = log().findAll(DecisionQuery.any()).getFirst().votes();

        assertThat(votes).extracting(RecordedVote::voter).containsExactly(TECHNICAL, FUNDAMENTAL, SENTIMENT, RISK, EXECUTION);
        assertThat(votes.get(0).text()).as("the proposer's approval is implied, it sent no VOTE").isNull();
        assertThat(votes.get(1).text()).isEqualTo("Fundamental: APPROVE, P/E below its 5-year mean");
        assertThat(votes.get(2).text()).isEqualTo("Sentiment: REJECT, headlines are mixed");
        assertThat(votes.get(2).choice()).isEqualTo(REJECT);
        assertThat(votes.get(3).reason()).isEqualTo("Risk says APPROVE");
    }

    @Test
    void a_voter_who_never_answered_is_listed_without_words() {
        DecisionRecord tsla = log().findAll(DecisionQuery.any().withSession(DESK_2)).getFirst();

        assertThat(tsla.votes().get(1)).isEqualTo(new RecordedVote(FUNDAMENTAL, ABSTAIN, "no answer in time", null, false, null));
        assertThat(tsla.votes().get(0).text()).isEqualTo("Technical: APPROVE, momentum");
    }

    @Test
    void the_orders_and_fills_a_decision_caused_are_linked_and_counted_once() {
        DecisionRecord aapl = log().findAll(DecisionQuery.any()).getFirst();

        assertThat(aapl.orders()).hasSize(1);
        OrderTrail order = aapl.orders().getFirst();
        assertThat(order.clientOrderId()).isEqualTo(ClientOrderId.of("q-" + aaplLong.id()));
        assertThat(order.intention()).isEqualTo("decision APPROVED_MODIFIED");
        assertThat(order.brokerOrderId()).isEqualTo("broker-1");
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.fills()).containsExactly(firstFill, secondFill);
        assertThat(aapl.filledQuantity()).isEqualTo(100);
        // (60 x 178.50 + 40 x 178.60) / 100
        assertThat(aapl.averageFillPrice()).contains(Price.parse("178.54"));
    }

    @Test
    void protective_exits_belong_to_no_decision() {
        assertThat(log().findAll(DecisionQuery.any()))
                .flatExtracting(DecisionRecord::orderIds)
                .doesNotContain(ClientOrderId.of("x-aapl-stop-1"));
    }

    @Test
    void an_order_is_linked_by_its_intentions_proposal_whatever_its_id() {
        DeskTranscript desk3 = new DeskTranscript(journal, clock, SessionId.of("desk-3"));
        Proposal nvda = DeskTranscript.longProposal("NVDA", 5, "900.00", "880.00", "950.00");
        desk3.propose(RISK, nvda);
        desk3.decide(nvda, Outcome.APPROVED, "APPROVED — 5 of 5", APPROVE, APPROVE, APPROVE, APPROVE, APPROVE);
        OrderRequest request = OrderRequest.market(ClientOrderId.of("desk-3-order-7"), Ticker.of("NVDA"), Side.BUY, 5);
        desk3.record(new OrderIntended(request, nvda.id(), "decision APPROVED"));
        desk3.record(new OrderRejected(request.clientOrderId(), RejectReason.BROKER_UNAVAILABLE, "connection refused"));

        DecisionRecord record = log().findAll(DecisionQuery.any().withSession(SessionId.of("desk-3"))).getFirst();

        assertThat(record.orders()).singleElement().satisfies(order -> {
            assertThat(order.request()).isEqualTo(request);
            assertThat(order.rejected()).isTrue();
            assertThat(order.rejectReason()).isEqualTo(RejectReason.BROKER_UNAVAILABLE);
            assertThat(order.brokerOrderId()).isNull();
        });
        assertThat(record.averageFillPrice()).isEmpty();
    }

    @Test
    void an_order_refused_before_its_intention_is_linked_by_its_derived_id() {
        DecisionRecord reduce = log().findAll(DecisionQuery.any().withOutcomes(Outcome.APPROVED)).getFirst();

        assertThat(reduce.orders()).singleElement().satisfies(order -> {
            assertThat(order.request()).isNull();
            assertThat(order.rejectReason()).isEqualTo(RejectReason.MAX_TRADES_PER_DAY);
            assertThat(order.rejectDetail()).isEqualTo("10 trades today");
        });
        assertThat(reduce.filledQuantity()).isZero();
    }

    @Test
    void decisions_are_filtered_by_session() {
        assertThat(outcomes(DecisionQuery.any().withSession(DESK_2))).containsExactly(Outcome.TIMED_OUT);
        assertThat(outcomes(DecisionQuery.any().withSession(SessionId.of("never-ran")))).isEmpty();
    }

    @Test
    void decisions_are_filtered_by_the_ticker_they_traded() {
        assertThat(log().findAll(DecisionQuery.any().withTicker(Ticker.of("AAPL"))))
                .extracting(DecisionRecord::proposalId).containsExactly(aaplLong.id(), aaplReduce.id());
    }

    @Test
    void decisions_are_filtered_by_outcome() {
        assertThat(outcomes(DecisionQuery.any().withOutcomes(Outcome.APPROVED, Outcome.APPROVED_MODIFIED)))
                .containsExactly(Outcome.APPROVED_MODIFIED, Outcome.APPROVED);
        assertThat(outcomes(DecisionQuery.any().withOutcomes(Outcome.CANCELLED))).isEmpty();
    }

    @Test
    void the_time_range_includes_its_start_and_excludes_its_end() {
        List<DecisionRecord> all = log().findAll(DecisionQuery.any());
        Instant vetoed = all.get(1).time();
        Instant reduced = all.get(2).time();

        assertThat(outcomes(DecisionQuery.any().withTimeRange(vetoed, reduced))).containsExactly(Outcome.VETOED);
        assertThat(outcomes(DecisionQuery.any().withTimeRange(reduced, null))).containsExactly(Outcome.APPROVED, Outcome.TIMED_OUT);
        assertThat(outcomes(DecisionQuery.any().withTimeRange(null, vetoed))).containsExactly(Outcome.APPROVED_MODIFIED);
    }

    @Test
    void filters_combine() {
        DecisionQuery query = DecisionQuery.any().withSession(DESK_1).withTicker(Ticker.of("AAPL"))
                .withOutcomes(Outcome.APPROVED).withTimeRange(OPEN, OPEN.plus(Duration.ofHours(1)));

        assertThat(log().findAll(query)).extracting(DecisionRecord::proposalId).containsExactly(aaplReduce.id());
    }

    @Test
    void a_time_range_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> DecisionQuery.any().withTimeRange(OPEN, OPEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to: must be after from");
    }

    @Test
    void a_page_holds_its_slice_and_the_total() {
        DecisionPage first = log().find(DecisionQuery.any(), 0, 3);
        DecisionPage second = log().find(DecisionQuery.any(), 3, 3);

        assertThat(first.records()).extracting(DecisionRecord::outcome)
                .containsExactly(Outcome.APPROVED_MODIFIED, Outcome.VETOED, Outcome.APPROVED);
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.records()).extracting(DecisionRecord::outcome).containsExactly(Outcome.TIMED_OUT);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void a_page_past_the_end_is_empty_and_still_counts_the_total() {
        DecisionPage page = log().find(DecisionQuery.any().withTicker(Ticker.of("AAPL")), 10, 5);

        assertThat(page.records()).isEmpty();
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void newest_first_pages_from_the_latest_decision() {
        DecisionPage page = log().find(DecisionQuery.any().withOrder(DecisionQuery.Order.NEWEST_FIRST), 0, 2);

        assertThat(page.records()).extracting(DecisionRecord::outcome).containsExactly(Outcome.TIMED_OUT, Outcome.APPROVED);
    }

    @Test
    void reading_the_journal_in_small_pages_finds_the_same_records() {
        assertThat(new DecisionLog(journal, 2).findAll(DecisionQuery.any())).isEqualTo(log().findAll(DecisionQuery.any()));
    }

    @Test
    void links_fed_entry_by_entry_agree_with_the_log_after_every_entry() {
        DecisionLinks links = new DecisionLinks(DESK_1);
        InMemoryJournal sofar = new InMemoryJournal(clock);
        for (JournalEntry entry : journal.read(DESK_1, 0, 10_000)) {
            links.take(entry);
            sofar.append(DESK_1, entry.event());
            assertThat(links.decisions()).as("after seq %d", entry.seq())
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("time")
                    .isEqualTo(new DecisionLog(sofar).findAll(DecisionQuery.any().withSession(DESK_1)));
        }
    }

    @Test
    void links_keep_no_order_that_carries_out_no_decision() {
        DecisionLinks links = new DecisionLinks(DESK_1);
        for (JournalEntry entry : journal.read(DESK_1, 0, 10_000)) links.take(entry);

        assertThat(links.decisions()).flatExtracting(DecisionRecord::orders).extracting(order -> order.clientOrderId().value())
                .doesNotContain("x-aapl-stop-1")
                .containsExactly(DecisionLog.decisionOrderId(aaplLong.id()).value(), DecisionLog.decisionOrderId(aaplReduce.id()).value());
    }

    @Test
    void links_refuse_an_entry_of_another_session() {
        DecisionLinks links = new DecisionLinks(DESK_1);

        assertThatThrownBy(() -> links.take(journal.read(DESK_2, 0, 1).getFirst())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paging_arguments_out_of_range_are_refused() {
        assertThatThrownBy(() -> log().find(DecisionQuery.any(), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log().find(DecisionQuery.any(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
