package io.quorum.server.api;

/** One rejected input field, named by its JSON path ({@code size.amount}, {@code stopLoss}). */
public record FieldError(String field, String message) {
    public FieldError {
        if (field == null || message == null) throw new IllegalArgumentException("a field error needs a field and a message");
    }
}
