package io.quorum.server.api;

import java.util.List;

/**
 * Why the desk refused an operation. The edge maps each kind to an HTTP status; the desk never
 * speaks HTTP. Thrown before anything changed.
 */
public abstract sealed class DeskException extends RuntimeException
        permits DeskException.NotFound, DeskException.Conflict, DeskException.Invalid, DeskException.Unavailable {

    private DeskException(String message) {
        super(message, null, false, false);
    }

    /** No such session, position or confirmation. */
    public static final class NotFound extends DeskException {
        public NotFound(String what, Object id) { super("no " + what + " " + id); }
    }

    /** The operation is not allowed in the current state, e.g. approving a STOPPED session. */
    public static final class Conflict extends DeskException {
        public Conflict(String message) { super(message); }
    }

    /** The desk cannot do it now because something it depends on is down, e.g. the journal; try again later. */
    public static final class Unavailable extends DeskException {
        public Unavailable(String message) { super(message); }
    }

    /** The input is well formed but not acceptable; one error per offending field. */
    public static final class Invalid extends DeskException {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(summary(errors));
            this.errors = List.copyOf(errors);
        }

        public static Invalid of(String field, String message) { return new Invalid(List.of(new FieldError(field, message))); }

        public List<FieldError> errors() { return errors; }

        private static String summary(List<FieldError> errors) {
            if (errors.isEmpty()) throw new IllegalArgumentException("an Invalid needs at least one field error");
            return errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid";
        }
    }
}
