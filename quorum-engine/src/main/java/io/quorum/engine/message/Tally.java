package io.quorum.engine.message;

/** The count behind a decision: {@code approvals} of {@code voters} against the {@code quorum} needed. */
public record Tally(int approvals, int rejections, int abstentions, boolean vetoed, int quorum, int voters) {
    public Tally {
        if (approvals < 0 || rejections < 0 || abstentions < 0) throw new IllegalArgumentException("tally: counts must not be negative");
        if (quorum < 1 || quorum > voters) throw new IllegalArgumentException("tally: quorum must be in [1, " + voters + "], was " + quorum);
        if (approvals + rejections + abstentions > voters) throw new IllegalArgumentException("tally: more votes than voters");
    }

    public boolean hasQuorum() { return approvals >= quorum; }
}
