package io.quorum.adapters.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.http.Backoff;
import io.quorum.adapters.http.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests to the REST server ({@code GET {dataUrl}{path}}) with the keys in the
 * {@code APCA-API-KEY-ID} and {@code APCA-API-SECRET-KEY} headers. A 429, a 5xx, a timeout or a
 * failed connection is tried again after a jittered backoff (or the {@code Retry-After} asked for,
 * capped at the longest backoff), up to the settings' attempts; a refusal or an unknown symbol is not.
 */
final class AlpacaRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ANSWER_SHOWN = 200;

    private final HttpClient http;
    private final AlpacaSettings settings;
    private final AlpacaKeys keys;
    private final Backoff backoff;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    AlpacaRest(HttpClient http, AlpacaSettings settings, AlpacaKeys keys) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.backoff = Backoff.of(settings.initialBackoff(), settings.maxBackoff());
    }

    long requests() { return requests.get(); }

    long unavailable() { return unavailable.get(); }

    long refused() { return refused.get(); }

    /** {@code pathAndQuery} (such as {@code /v2/stocks/AAPL/bars?timeframe=1Day}), tried up to the settings' attempts. */
    RestAnswer get(String pathAndQuery) {
        RestAnswer answer = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            answer = getOnce(pathAndQuery);
            if (!(answer instanceof RestAnswer.Unavailable down) || attempt == settings.attempts()) break;
            try {
                Thread.sleep(backoff.delay(attempt, down.retryAfter()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return answer;
    }

    private RestAnswer getOnce(String pathAndQuery) {
        requests.incrementAndGet();
        HttpRequest request = keys.sign(HttpRequest.newBuilder(URI.create(AlpacaSettings.trimmed(settings.dataUrl()) + pathAndQuery)))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException slow) {
            unavailable.incrementAndGet();
            return new RestAnswer.Unavailable("no answer within " + settings.timeout().toMillis() + " ms", Duration.ZERO);
        } catch (IOException unreachable) {
            unavailable.incrementAndGet();
            return new RestAnswer.Unavailable("no answer from " + settings.dataUrl().getHost() + ": " + unreachable, Duration.ZERO);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new RestAnswer.Unavailable("interrupted", Duration.ZERO);
        }
        int status = response.statusCode();
        if (status == 200) return new RestAnswer.Body(response.body());
        String answer = providerAnswer(status, response.body());
        if (status == 404 || status == 422) return new RestAnswer.UnknownSymbol(answer);
        if (status == 401 || status == 403) {
            refused.incrementAndGet();
            return new RestAnswer.Refused("HTTP " + status + " (check " + keys.origin() + " and the plan's feed): " + answer);
        }
        unavailable.incrementAndGet();
        return new RestAnswer.Unavailable("HTTP " + status + ": " + answer, RetryAfter.of(response));
    }

    /** The {@code message} of the provider's error body ({@code {"code":42210000,"message":"invalid symbol: …"}}), else the body's start. */
    static String providerAnswer(int status, String body) {
        if (body == null || body.isBlank()) return "HTTP " + status;
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (message.isTextual() && !message.asText().isBlank()) return message.asText();
        } catch (IOException notJson) {
            // the body is shown as it is below
        }
        String text = body.strip();
        return text.length() <= ANSWER_SHOWN ? text : text.substring(0, ANSWER_SHOWN) + "…";
    }

}
