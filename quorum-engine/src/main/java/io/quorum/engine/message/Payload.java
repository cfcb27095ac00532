package io.quorum.engine.message;

/**
 * The typed content of an {@link AgentMessage}, one record per {@link MessageType}. Every payload
 * carries {@link #text()}, the short sentence a person reads in the desk's conversation, beside its
 * structured fields, which are what the agents act on.
 */
public sealed interface Payload permits Alert, Question, Update, Proposal, VoteRequest, Vote, Decision {
    String text();

    static String requireText(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("text: must not be blank");
        return text;
    }
}
