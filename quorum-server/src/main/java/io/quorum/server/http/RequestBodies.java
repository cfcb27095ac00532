package io.quorum.server.http;

import io.quorum.engine.message.ProposalId;

/** The JSON bodies of the commands that take more than a path; each checks its own shape. */
public final class RequestBodies {
    private RequestBodies() {}

    public record CreateSession(String ticker) {
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

    /** Commands whose meaning is all in the path take {@code {}} (or nothing). */
    public record Empty() {}
}
