package io.quorum.engine.message;

import java.util.UUID;
import java.util.regex.Pattern;

/** Names one trading session; also the key of its journal and of its bus stream. */
public record SessionId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    public SessionId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a session id: " + value + " (1-64 letters, digits, '-' or '_')");
        }
    }

    public static SessionId random() { return new SessionId(UUID.randomUUID().toString()); }

    public static SessionId of(String value) { return new SessionId(value); }

    @Override public String toString() { return value; }
}
