package io.quorum.server.http;

import io.quorum.server.api.FieldError;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem the edge itself raises (missing token, wrong content type, too many
 * requests); the desk's own refusals arrive as {@link io.quorum.server.api.DeskException}.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public HttpProblem(int status, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static HttpProblem of(int status, String title, String detail) {
        return new HttpProblem(status, title, detail, List.of(), Map.of());
    }

    public static HttpProblem unauthorized() {
        return new HttpProblem(401, "Unauthorized", "send the access token as 'Authorization: Bearer <token>'",
                List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"quorum\""));
    }

    public static HttpProblem tooManyRequests(long retryAfterSeconds) {
        return new HttpProblem(429, "Too Many Requests", "slow down: retry in " + retryAfterSeconds + " s",
                List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static HttpProblem contentTooLarge(long maxBytes) {
        return of(413, "Content Too Large", "the request body is limited to " + maxBytes + " bytes");
    }

    public static HttpProblem badRequest(String field, String message) {
        return new HttpProblem(400, "Bad Request", field + ": " + message, List.of(new FieldError(field, message)), Map.of());
    }

    public Problem toProblem() { return Problem.of(status, title, getMessage(), errors); }

    public Map<String, String> headers() { return headers; }
}
