package io.quorum.server.http;

import io.quorum.engine.message.ProposalId;
import io.quorum.server.http.FieldChecks.DecimalRange;
import java.util.List;

/** The JSON bodies of the commands that take more than a path; each checks its own shape. */
public final class RequestBodies {
    private RequestBodies() {}

    public record CreateSession(String ticker) {
        void check() { new FieldChecks().required("ticker", ticker).orThrow(); }
    }

    /** The ticker to add to a session's watchlist. */
    public record WatchTicker(String ticker) {
        void check() { new FieldChecks().required("ticker", ticker).orThrow(); }
    }

    /** Names the proposal it approves, so that a card the desk has replaced meanwhile is never approved by mistake. */
    public record ApproveProposal(String proposalId) {
        void check() { new FieldChecks().proposalId("proposalId", proposalId).orThrow(); }

        ProposalId proposal() { return ProposalId.parse(proposalId); }
    }

    public record RejectProposal(String proposalId, String reason) {
        void check() { new FieldChecks().proposalId("proposalId", proposalId).text("reason", reason, 1000).orThrow(); }

        ProposalId proposal() { return ProposalId.parse(proposalId); }
    }

    public record EnableAutoTrading(String acceptedDisclosureVersion) {
        void check() { new FieldChecks().text("acceptedDisclosureVersion", acceptedDisclosureVersion, 32).orThrow(); }
    }

    /** The live account's number as the user typed it, to compare with the venue's. */
    public record ConfirmLiveAccount(String accountNumber) {
        void check() { new FieldChecks().text("accountNumber", accountNumber, 64).orThrow(); }
    }

    /**
     * {@code POST /api/backtests}: a CSV file named relative to the data folder and its ticker, the
     * strategy, the mode ({@code desk}, the default, or {@code single-agent}), and the options of
     * {@code quorum backtest}, decimals as strings; what is left out takes the command's default.
     */
    public record StartBacktest(String file, String ticker, String strategy, String mode, Long size, String cash, String from, String to,
                                String commissionPerShare, String commissionPerOrder, Integer commissionBps, Integer slippageBps,
                                String stopPct, String targetPct, String trailPct, Long seed, String llmAnswers) {
        static final int MAX_FILE_NAME = 200;
        static final int MAX_STRATEGY = 64;
        static final long MAX_SIZE = 1_000_000;
        static final int MAX_BASIS_POINTS = 10_000;

        void check() {
            new FieldChecks()
                    .text("file", file, MAX_FILE_NAME)
                    .text("ticker", ticker, 16)
                    .optionalText("strategy", strategy, MAX_STRATEGY)
                    .oneOf("mode", mode, List.of("desk", "single-agent"))
                    .whole("size", size, 1, MAX_SIZE)
                    .decimal("cash", cash, false, DecimalRange.DOLLARS)
                    .date("from", from)
                    .date("to", to)
                    .decimal("commissionPerShare", commissionPerShare, false, DecimalRange.COMMISSION)
                    .decimal("commissionPerOrder", commissionPerOrder, false, DecimalRange.COMMISSION)
                    .whole("commissionBps", commissionBps == null ? null : commissionBps.longValue(), 0, MAX_BASIS_POINTS)
                    .whole("slippageBps", slippageBps == null ? null : slippageBps.longValue(), 0, MAX_BASIS_POINTS)
                    .decimal("stopPct", stopPct, false, DecimalRange.PERCENT)
                    .decimal("targetPct", targetPct, false, DecimalRange.PERCENT)
                    .decimal("trailPct", trailPct, false, DecimalRange.PERCENT)
                    .whole("seed", seed, 0, Long.MAX_VALUE)
                    .oneOf("llmAnswers", llmAnswers, List.of("live", "cached", "recorded"))
                    .orThrow();
        }
    }

    /** Commands whose meaning is all in the path take {@code {}} (or nothing). */
    public record Empty() {}
}
