package io.quorum.engine.message;

import io.quorum.engine.market.Ticker;

/** A request for another agent's view; answered by an {@link Update} whose message replies to it. */
public record Question(Ticker ticker, String text) implements Payload {
    public Question {
        Payload.requireText(text);
    }
}
