package io.quorum.engine.message;

import io.quorum.engine.market.Ticker;
import java.util.Objects;

/**
 * A status report: an agent's reasoning step, an answer to a question, a position's P&L, or an
 * executed trade. {@code ticker} and {@code execution} are null where they do not apply;
 * {@code execution} is present exactly when the kind is {@link UpdateKind#TRADE_EXECUTED};
 * {@code attribution} names the model that gave an answer, null for what the rules or the desk said.
 */
public record Update(UpdateKind kind, Ticker ticker, Execution execution, String text, Attribution attribution) implements Payload {
    public Update(UpdateKind kind, Ticker ticker, Execution execution, String text) { this(kind, ticker, execution, text, null); }

    public Update {
        Objects.requireNonNull(kind, "kind");
        Payload.requireText(text);
        if ((kind == UpdateKind.TRADE_EXECUTED) != (execution != null)) {
            throw new IllegalArgumentException("execution: required for TRADE_EXECUTED and only for it");
        }
    }

    public static Update of(UpdateKind kind, Ticker ticker, String text) { return new Update(kind, ticker, null, text); }

    /** The same update, said as reasoned by a model. */
    public Update attributedTo(Attribution model) { return new Update(kind, ticker, execution, text, model); }

    public enum UpdateKind {
        /** One step of an agent's analysis, streamed while it works. */
        REASONING,
        /** An answer to a question or an observation shared with the desk. */
        OBSERVATION,
        /** The session changed state, or auto-trading was switched. */
        STATUS,
        /** A position's price and P&L. */
        POSITION,
        TRADE_EXECUTED,
        /** A trade above the user's threshold waits for the user to confirm it. */
        CONFIRMATION_REQUESTED,
        /** The analysis is finished and its proposal is published. */
        ANALYSIS_COMPLETE
    }
}
