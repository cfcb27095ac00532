package io.quorum.engine.session;

import java.util.Objects;

/** One refused setting: {@code field} is spelled as in the API, {@code message} says what is allowed. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override public String toString() { return field + ": " + message; }
}
