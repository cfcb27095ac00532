package io.quorum.engine.message;

/**
 * A message refused at the boundary (the wire codec, or a guard on the bus) before any agent sees
 * it. {@link #field()} names the offending field as it is spelled on the wire, e.g. {@code content.proposalId}.
 */
public final class MalformedMessageException extends RuntimeException {
    private final String field;

    public MalformedMessageException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public MalformedMessageException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    public String field() { return field; }
}
