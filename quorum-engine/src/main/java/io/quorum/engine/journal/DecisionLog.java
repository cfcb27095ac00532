package io.quorum.engine.journal;

import io.quorum.engine.journal.JournalEvent.ConfigChanged;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.OrderFilled;
import io.quorum.engine.journal.JournalEvent.OrderIntended;
import io.quorum.engine.journal.JournalEvent.OrderPlaced;
import io.quorum.engine.journal.JournalEvent.OrderRejected;
import io.quorum.engine.journal.JournalEvent.PositionChanged;
import io.quorum.engine.journal.JournalEvent.StateChanged;
import io.quorum.engine.journal.JournalEvent.SessionOpened;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
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
import io.quorum.engine.port.Journal;
import io.quorum.engine.session.SessionId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The history of the desk's decisions, read from the journal: each DECISION linked to its
 * PROPOSAL, its votes, and the orders and fills it caused.
 *
 * <p>An order belongs to a decision when its intention names the proposal, or when its client order
 * id is the one the desk derives from the proposal ({@value #DECISION_ORDER_PREFIX} + proposal id);
 * protective exits and user closes have other ids and belong to no decision.
 *
 * <p>Each query reads the journals it needs from the start, page by page, and links in memory: simple
 * and exactly as correct as the journal. A long-lived desk with many sessions would rather keep a
 * decision index beside the journal (a table filled as DECISION entries are appended) and query that.
 */
public final class DecisionLog {
    /** How the desk names the order that carries out a decision: this prefix and the proposal id. */
    public static final String DECISION_ORDER_PREFIX = "q-";
    private static final Pattern DECISION_ORDER_ID = Pattern.compile(
            Pattern.quote(DECISION_ORDER_PREFIX) + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final int DEFAULT_PAGE_SIZE = 1_000;

    private final Journal journal;
    private final int readPageSize;

    public DecisionLog(Journal journal) { this(journal, DEFAULT_PAGE_SIZE); }

    /** {@code readPageSize}: how many journal entries each read asks for. */
    public DecisionLog(Journal journal, int readPageSize) {
        this.journal = Objects.requireNonNull(journal, "journal");
        if (readPageSize <= 0) throw new IllegalArgumentException("readPageSize: must be positive, was " + readPageSize);
        this.readPageSize = readPageSize;
    }

    /** The client order id of the order that carries out the decision on {@code proposal}. */
    public static ClientOrderId decisionOrderId(ProposalId proposal) { return ClientOrderId.of(DECISION_ORDER_PREFIX + proposal); }

    /** Every matching decision, in the query's order. */
    public List<DecisionRecord> findAll(DecisionQuery query) {
        List<SessionId> sessions = query.session() == null ? journal.sessions() : List.of(query.session());
        List<DecisionRecord> matching = new ArrayList<>();
        for (SessionId session : sessions) {
            for (DecisionRecord record : decisionsOf(session)) {
                if (query.matches(record)) matching.add(record);
            }
        }
        matching.sort(query.order().comparator());
        return matching;
    }

    /** The matching decisions from {@code offset}, at most {@code limit}, with the number that match in all. */
    public DecisionPage find(DecisionQuery query, int offset, int limit) {
        if (offset < 0) throw new IllegalArgumentException("offset: must not be negative, was " + offset);
        if (limit <= 0) throw new IllegalArgumentException("limit: must be positive, was " + limit);
        List<DecisionRecord> matching = findAll(query);
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min((long) from + limit, matching.size());
        return new DecisionPage(matching.subList(from, to), matching.size(), offset, limit);
    }

    private List<DecisionRecord> decisionsOf(SessionId session) {
        SessionScan scan = new SessionScan(session);
        long after = 0;
        while (true) {
            List<JournalEntry> page = journal.read(session, after, readPageSize);
            for (JournalEntry entry : page) scan.take(entry);
            if (page.size() < readPageSize) break;
            after = page.getLast().seq();
        }
        return scan.decisions();
    }

    /** Everything of one session's journal a decision record needs, gathered in one pass. */
    private static final class SessionScan {
        private final SessionId session;
        private final Map<ProposalId, AgentMessage> proposals = new HashMap<>();
        private final Map<ProposalId, Map<AgentRole, String>> voteTexts = new HashMap<>();
        private final List<JournalEntry> decisionEntries = new ArrayList<>();
        private final Map<ClientOrderId, TrailBuilder> orders = new LinkedHashMap<>();

        SessionScan(SessionId session) { this.session = session; }

        void take(JournalEntry entry) {
            switch (entry.event()) {
                case MessageJournaled journaled -> take(entry, journaled.message());
                case OrderIntended intended -> trail(intended.clientOrderId()).intended(intended);
                case OrderPlaced placed -> trail(placed.order().clientOrderId()).placed(placed.order());
                case OrderFilled filled -> trail(filled.fill().clientOrderId()).filled(filled.fill());
                case OrderRejected rejected -> trail(rejected.clientOrderId()).rejected(rejected);
                case PositionChanged ignored -> { }
                case ConfigChanged ignored -> { }
                case StateChanged ignored -> { }
                case JournalEvent.TradingStateChanged ignored -> { }
                case UserAction ignored -> { }
                case SessionOpened ignored -> { }
            }
        }

        private void take(JournalEntry entry, AgentMessage message) {
            switch (message.content()) {
                case Proposal proposal -> proposals.putIfAbsent(proposal.id(), message);
                // The first vote of each voter is the one counted, so its words are the ones kept.
                case Vote vote -> voteTexts.computeIfAbsent(vote.proposalId(), id -> new EnumMap<>(AgentRole.class))
                        .putIfAbsent(message.sender(), vote.text());
                case Decision decision -> decisionEntries.add(entry);
                case Alert ignored -> { }
                case Question ignored -> { }
                case Update ignored -> { }
                case VoteRequest ignored -> { }
            }
        }

        private TrailBuilder trail(ClientOrderId id) { return orders.computeIfAbsent(id, TrailBuilder::new); }

        List<DecisionRecord> decisions() {
            Map<ProposalId, List<OrderTrail>> ordersByProposal = new HashMap<>();
            for (TrailBuilder order : orders.values()) {
                ProposalId proposal = order.proposal();
                if (proposal != null) ordersByProposal.computeIfAbsent(proposal, id -> new ArrayList<>()).add(order.build());
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
            return records;
        }
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

        /** The proposal this order carries out, or null for an order no decision caused. */
        ProposalId proposal() {
            if (intendedFor != null) return intendedFor;
            var derived = DECISION_ORDER_ID.matcher(id.value());
            return derived.matches() ? ProposalId.parse(derived.group(1)) : null;
        }

        OrderTrail build() {
            return new OrderTrail(id, request, intention, brokerOrderId, status, rejectReason, rejectDetail, List.copyOf(fills.values()));
        }
    }
}
