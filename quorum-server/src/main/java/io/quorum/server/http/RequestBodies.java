package io.quorum.server.http;

/** The JSON bodies of the commands that take more than a path; each checks its own shape. */
public final class RequestBodies {
    private RequestBodies() {}

    public record CreateSession(String ticker) {
        void check() { new FieldChecks().required("ticker", ticker).orThrow(); }
    }

    public record RejectProposal(String reason) {
        void check() { new FieldChecks().text("reason", reason, 1000).orThrow(); }
    }

    public record EnableAutoTrading(String acceptedDisclosureVersion) {
        void check() { new FieldChecks().text("acceptedDisclosureVersion", acceptedDisclosureVersion, 32).orThrow(); }
    }

    /** Commands whose meaning is all in the path take {@code {}} (or nothing). */
    public record Empty() {}
}
