package io.quorum.adapters.alpaca;

import java.time.Duration;

/** What one request to the REST server came to, before its body is decoded. */
sealed interface RestAnswer {

    /** A 200 and its JSON body. */
    record Body(String json) implements RestAnswer {}

    /** A 404 or a 422: the provider does not know the symbol (or refuses its form); {@code providerAnswer} is its own words. */
    record UnknownSymbol(String providerAnswer) implements RestAnswer {}

    /** A 401 or a 403: the keys are wrong, or the plan does not cover what was asked (SIP on a free plan). Not worth retrying. */
    record Refused(String why) implements RestAnswer {}

    /** Throttled (429), failing (5xx), too slow or out of reach: worth retrying after {@code retryAfter} if the provider asked for one. */
    record Unavailable(String why, Duration retryAfter) implements RestAnswer {}
}
