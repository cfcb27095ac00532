package io.quorum.engine.decision;

import java.util.List;

/** One page of the decision log: {@code records} from {@code offset}, at most {@code limit} of them, out of {@code total} matching. */
public record DecisionPage(List<DecisionRecord> records, long total, int offset, int limit) {
    public DecisionPage {
        records = List.copyOf(records);
        if (offset < 0) throw new IllegalArgumentException("offset: must not be negative, was " + offset);
        if (limit <= 0) throw new IllegalArgumentException("limit: must be positive, was " + limit);
        if (records.size() > limit) throw new IllegalArgumentException("records: more than the limit of " + limit);
    }

    public boolean hasMore() { return offset + records.size() < total; }
}
