package io.quorum.engine.message;

/** The kind of an {@link AgentMessage}; each has exactly one payload record. */
public enum MessageType {
    ALERT(Alert.class),
    QUESTION(Question.class),
    UPDATE(Update.class),
    PROPOSAL(Proposal.class),
    VOTE_REQUEST(VoteRequest.class),
    VOTE(Vote.class),
    DECISION(Decision.class);

    private final Class<? extends Payload> payloadType;

    MessageType(Class<? extends Payload> payloadType) { this.payloadType = payloadType; }

    public Class<? extends Payload> payloadType() { return payloadType; }

    public static MessageType of(Payload payload) {
        return switch (payload) {
            case Alert a -> ALERT;
            case Question q -> QUESTION;
            case Update u -> UPDATE;
            case Proposal p -> PROPOSAL;
            case VoteRequest r -> VOTE_REQUEST;
            case Vote v -> VOTE;
            case Decision d -> DECISION;
        };
    }
}
