package io.quorum.engine.message;

import io.quorum.engine.market.Ticker;

/**
 * The typed content of an {@link AgentMessage}, one record per {@link MessageType}. Every payload
 * carries {@link #text()}, the short sentence a person reads in the desk's conversation, beside its
 * structured fields, which are what the agents act on.
 */
public sealed interface Payload permits Alert, Question, Update, Proposal, VoteRequest, Vote, Decision {
    String text();

    /**
     * The ticker {@code payload} is about, or null when it names none (a session's status, a vote,
     * which names its proposal instead): what routes a message to the agents of that ticker.
     */
    static Ticker about(Payload payload) {
        return switch (payload) {
            case Alert alert -> alert.ticker();
            case Question question -> question.ticker();
            case Update update -> update.ticker();
            case Proposal proposal -> proposal.ticker();
            case VoteRequest request -> request.terms().ticker();
            case Decision decision -> decision.terms().ticker();
            case Vote vote -> null;
        };
    }

    static String requireText(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("text: must not be blank");
        return text;
    }
}
