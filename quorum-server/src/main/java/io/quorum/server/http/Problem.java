package io.quorum.server.http;

import io.quorum.server.api.FieldError;
import java.util.List;

/** The body of every error answer: {@code application/problem+json} (RFC 9457). */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, List.copyOf(errors));
    }
}
