package io.quorum.engine.decision;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.port.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The history of the desk's decisions, read from the journal: each DECISION linked to its
 * PROPOSAL, its votes, and the orders and fills it caused.
 *
 * <p>An order belongs to a decision when its intention names the proposal, or when its client order
 * id is the one the desk derives from the proposal ({@value #DECISION_ORDER_PREFIX} + proposal id);
 * protective exits and user closes have other ids and belong to no decision.
 *
 * <p>Each query reads the journals it needs from the start, page by page, and links in memory
 * ({@link DecisionLinks}): simple and exactly as correct as the journal, for the command line's
 * export. The server keeps one {@link DecisionLinks} per session, fed from the journal's tail, and
 * queries that instead.
 */
public final class DecisionLog {
    /** How the desk names the order that carries out a decision: this prefix and the proposal id. */
    public static final String DECISION_ORDER_PREFIX = "q-";
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
        DecisionLinks links = new DecisionLinks(session);
        long after = 0;
        while (true) {
            List<JournalEntry> page = journal.read(session, after, readPageSize);
            for (JournalEntry entry : page) links.take(entry);
            if (page.size() < readPageSize) break;
            after = page.getLast().seq();
        }
        return links.decisions();
    }
}
