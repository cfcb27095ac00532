package io.quorum.engine.decision;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.ConfigChanged;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.OrderFilled;
import io.quorum.engine.journal.JournalEvent.OrderIntended;
import io.quorum.engine.journal.JournalEvent.OrderPlaced;
import io.quorum.engine.journal.JournalEvent.OrderRejected;
import io.quorum.engine.journal.JournalEvent.PositionChanged;
import io.quorum.engine.journal.JournalEvent.SessionOpened;
import io.quorum.engine.journal.JournalEvent.StateChanged;
import io.quorum.engine.journal.JournalEvent.TradingStateChanged;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One session's decisions, linked as its journal entries are taken in seq order: each DECISION
 * with its PROPOSAL, the words of its votes, and the orders and fills it caused. It can be fed a
 * whole journal at once (the {@link DecisionLog}) or entry by entry from the journal's tail, and
 * answers {@link #decisions()} from what it has taken so far.
 *
 * <p>It keeps only what a decision record needs: proposals, the first vote text of each voter, the
 * decisions and the orders that carry one out; a protective exit or a user's close is dropped.
 * Not thread-safe: one writer, or a lock around it.
 */
public final class DecisionLinks {
    private static final Pattern DECISION_ORDER_ID = Pattern.compile(
            Pattern.quote(DecisionLog.DECISION_ORDER_PREFIX) + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    private final SessionId session;
    private final Map<ProposalId, AgentMessage> proposals = new HashMap<>();
    private final Map<ProposalId, Map<AgentRole, String>> voteTexts = new HashMap<>();
    private final List<JournalEntry> decisionEntries = new ArrayList<>();
    private final Map<ClientOrderId, TrailBuilder> orders = new LinkedHashMap<>();
    private List<DecisionRecord> linked = List.of();
    private boolean changed;

    public DecisionLinks(SessionId session) { this.session = Objects.requireNonNull(session, "session"); }

    /** Takes the session's next journal entry; entries must come in seq order. */
    public void take(JournalEntry entry) {
        if (!entry.session().equals(session)) throw new IllegalArgumentException("entry: of session " + entry.session() + ", not " + session);
        switch (entry.event()) {
            case MessageJournaled journaled -> take(entry, journaled.message());
            case OrderIntended intended -> {
                if (intended.proposalId() != null || decisionOf(intended.clientOrderId()) != null) {
                    trail(intended.clientOrderId()).intended(intended);
                }
            }
            case OrderPlaced placed -> ifDecisionOrder(placed.order().clientOrderId(), trail -> trail.placed(placed.order()));
            case OrderFilled filled -> ifDecisionOrder(filled.fill().clientOrderId(), trail -> trail.filled(filled.fill()));
            case OrderRejected rejected -> ifDecisionOrder(rejected.clientOrderId(), trail -> trail.rejected(rejected));
            case PositionChanged ignored -> { }
            case ConfigChanged ignored -> { }
            case StateChanged ignored -> { }
            case TradingStateChanged ignored -> { }
            case UserAction ignored -> { }
            case SessionOpened ignored -> { }
            case JournalEvent.WatchlistChanged ignored -> { }
            case JournalEvent.ReasonerCalled ignored -> { }
            case JournalEvent.VoteSeen ignored -> { }
        }
    }

    /** The session's decisions so far, in journal order, each with the orders and fills taken so far. */
    public List<DecisionRecord> decisions() {
        if (!changed) return linked;
        Map<ProposalId, List<OrderTrail>> ordersByProposal = new HashMap<>();
        for (TrailBuilder order : orders.values()) {
            ordersByProposal.computeIfAbsent(order.proposal(), id -> new ArrayList<>()).add(order.build());
        }
        List<DecisionRecord> records = new ArrayList<>(decisionEntries.size());
        for (JournalEntry entry : decisionEntries) {
            Decision decision = (Decision) ((MessageJournaled) entry.event()).message().content();
            Map<AgentRole, String> texts = voteTexts.getOrDefault(decision.proposalId(), Map.of());
            List<RecordedVote> votes = new ArrayList<>(decision.votes().size());
            for (VoteRecord counted : decision.votes()) votes.add(RecordedVote.of(counted, texts.get(counted.voter())));
            records.add(new DecisionRecord(session, entry.seq(), entry.time(), decision, proposals.get(decision.proposalId()),
                    votes, ordersByProposal.getOrDefault(decision.proposalId(), List.of())));
        }
        linked = List.copyOf(records);
        changed = false;
        return linked;
    }

    private void take(JournalEntry entry, AgentMessage message) {
        switch (message.content()) {
            case Proposal proposal -> proposals.putIfAbsent(proposal.id(), message);
            // The first vote of each voter is the one counted, so its words are the ones kept.
            case Vote vote -> voteTexts.computeIfAbsent(vote.proposalId(), id -> new EnumMap<>(AgentRole.class))
                    .putIfAbsent(message.sender(), vote.text());
            case Decision decision -> decisionEntries.add(entry);
            case Alert ignored -> { return; }
            case Question ignored -> { return; }
            case Update ignored -> { return; }
            case VoteRequest ignored -> { return; }
        }
        changed = true;
    }

    private void ifDecisionOrder(ClientOrderId id, Consumer<TrailBuilder> change) {
        TrailBuilder trail = orders.get(id);
        if (trail == null && decisionOf(id) == null) return;
        change.accept(trail == null ? trail(id) : trail);
        changed = true;
    }

    private TrailBuilder trail(ClientOrderId id) {
        changed = true;
        return orders.computeIfAbsent(id, TrailBuilder::new);
    }

    /** The proposal an order carries out by its id alone, or null. */
    private static ProposalId decisionOf(ClientOrderId id) {
        var derived = DECISION_ORDER_ID.matcher(id.value());
        return derived.matches() ? ProposalId.parse(derived.group(1)) : null;
    }

    /** One order's events as they arrive, in journal order. */
    private static final class TrailBuilder {
        private final ClientOrderId id;
        private ProposalId intendedFor;
        private OrderRequest request;
        private String intention;
        private String brokerOrderId;
        private OrderStatus status;
        private RejectReason rejectReason;
        private String rejectDetail;
        // By fill id: a placement may report fills that are also journaled one by one.
        private final Map<String, Fill> fills = new LinkedHashMap<>();

        TrailBuilder(ClientOrderId id) { this.id = id; }

        void intended(OrderIntended event) {
            if (event.proposalId() != null) intendedFor = event.proposalId();
            request = event.request();
            intention = event.reason();
        }

        void placed(Order order) {
            if (request == null) request = order.request();
            brokerOrderId = order.brokerOrderId();
            status = order.status();
            for (Fill fill : order.fills()) fills.putIfAbsent(fill.fillId(), fill);
        }

        void filled(Fill fill) { fills.putIfAbsent(fill.fillId(), fill); }

        void rejected(OrderRejected event) {
            rejectReason = event.reason();
            rejectDetail = event.detail();
        }

        /** The proposal this order carries out. */
        ProposalId proposal() { return intendedFor != null ? intendedFor : decisionOf(id); }

        OrderTrail build() {
            return new OrderTrail(id, request, intention, brokerOrderId, status, rejectReason, rejectDetail, List.copyOf(fills.values()));
        }
    }
}
