package io.quorum.engine.message;

import io.quorum.engine.market.Ticker;

/**
 * A request for another agent's view; answered by an {@link Update} whose message replies to it.
 * {@code attribution} names the model that asked it, null for a question the rules asked.
 */
public record Question(Ticker ticker, String text, Attribution attribution) implements Payload {
    public Question(Ticker ticker, String text) { this(ticker, text, null); }

    public Question {
        Payload.requireText(text);
    }
}
