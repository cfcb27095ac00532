package io.quorum.adapters.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The wait a server asks for before the next request, in its {@code Retry-After} header. */
public final class RetryAfter {
    private RetryAfter() {}

    /** The seconds the header asks for; zero without one, or for an HTTP date, which is not read. */
    public static Duration of(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) return Duration.ZERO;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.get().strip())));
        } catch (NumberFormatException httpDate) {
            return Duration.ZERO;
        }
    }
}
