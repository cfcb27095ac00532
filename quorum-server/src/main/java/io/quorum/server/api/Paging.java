package io.quorum.server.api;

/** A window of a listing: at most {@code limit} items after skipping {@code offset}. */
public record Paging(int limit, int offset) {
    public static final int MAX_LIMIT = 500;

    public Paging {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit: 1.." + MAX_LIMIT + ", was " + limit);
        if (offset < 0) throw new IllegalArgumentException("offset: must not be negative, was " + offset);
    }
}
