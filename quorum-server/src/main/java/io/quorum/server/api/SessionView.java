package io.quorum.server.api;

import java.util.List;

/**
 * A trading session as the UI sees it. {@code ticker} is the session's own ticker, and
 * {@code watchlist} every ticker it watches and trades, its own first. {@code state} is one of IDLE,
 * ANALYZING, PROPOSAL, RE_ANALYZING, AUTO_TRADING, STOPPED; {@code stopReason} is null,
 * "max_loss_hit" or "user". {@code lastSeq} is the session's latest journal seq, where a fresh
 * WebSocket may start.
 */
public record SessionView(String id, String ticker, List<String> watchlist, String state, String stopReason, AutoTradingStatus autoTrading, Trading trading,
                          ProposalView proposal, AutoTradingConfigView config, int tradesToday, long lastSeq, Models models) {
    public record AutoTradingStatus(boolean enabled) {}

    /** What the session may trade (ACTIVE, REDUCING, HALTED), and why when it is not ACTIVE (null then). */
    public record Trading(String state, String reason) {}

    /**
     * Whether a language model speaks for any agent ({@code enabled}), and whether the day's budget
     * for the models is spent ({@code budgetSpentToday}): then every agent answers by its rules until the day turns.
     */
    public record Models(boolean enabled, boolean budgetSpentToday) {
        public static final Models NONE = new Models(false, false);
    }
}
