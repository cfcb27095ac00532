package io.quorum.engine.consensus;

import io.quorum.engine.message.Tally;

/**
 * Which motion of a round carries when a proposal has a counter-proposal. Each motion is first
 * ruled on its own by {@link DecisionRule} (the quorum, the Risk veto, the deadline), so a motion
 * that does not pass never carries, and at most one motion is ever carried out. Of two that both
 * pass, the better-supported one carries:
 * <ol>
 *   <li>the one with more approvals;</li>
 *   <li>on equal approvals, the one with fewer rejections;</li>
 *   <li>on equal approvals and rejections, the original proposal: a counter-proposal must be better
 *       supported, not merely as well.</li>
 * </ol>
 */
public final class Support {
    private Support() {}

    public enum Carried { ORIGINAL, COUNTER, NEITHER }

    /** Which of a round's two motions, each ruled on its own, carries; a replay asks it too. */
    public static Carried carried(Ruling.Decided original, Ruling.Decided counter) {
        boolean originalPasses = original.outcome().approves();
        boolean counterPasses = counter.outcome().approves();
        if (!counterPasses) return originalPasses ? Carried.ORIGINAL : Carried.NEITHER;
        if (!originalPasses) return Carried.COUNTER;
        return betterSupported(counter.tally(), original.tally()) ? Carried.COUNTER : Carried.ORIGINAL;
    }

    private static boolean betterSupported(Tally challenger, Tally holder) {
        if (challenger.approvals() != holder.approvals()) return challenger.approvals() > holder.approvals();
        return challenger.rejections() < holder.rejections();
    }
}
