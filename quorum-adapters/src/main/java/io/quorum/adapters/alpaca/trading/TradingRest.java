package io.quorum.adapters.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.adapters.http.Backoff;
import io.quorum.adapters.http.RetryAfter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests to the Trading API with the keys in their headers. A 429 was not carried out, so any
 * request is sent again after a jittered backoff (or the {@code Retry-After} asked for, capped at the
 * longest backoff). Only a read ({@link #get}) is also tried again after a timeout, a dropped
 * connection or a 5xx: a request that changes something may have been carried out then, and only
 * its caller can find out.
 */
final class TradingRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ANSWER_SHOWN = 200;

    private final HttpClient http;
    private final AlpacaTradingSettings settings;
    private final AlpacaKeys keys;
    private final Backoff backoff;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    TradingRest(HttpClient http, AlpacaTradingSettings settings, AlpacaKeys keys) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.backoff = Backoff.of(settings.initialBackoff(), settings.maxBackoff());
    }

    long requests() { return requests.get(); }

    /** Requests answered 429, each waited out. */
    long throttled() { return throttled.get(); }

    TradingAnswer get(String pathAndQuery) { return send("GET", pathAndQuery, null, true); }

    /** Sent again only after a 429. */
    TradingAnswer post(String path, String json) { return send("POST", path, json, false); }

    /** Sent again only after a 429. */
    TradingAnswer delete(String path) { return send("DELETE", path, null, false); }

    private TradingAnswer send(String method, String pathAndQuery, String json, boolean retryUnknown) {
        Attempt attempt = null;
        for (int number = 1; number <= settings.attempts(); number++) {
            attempt = once(method, pathAndQuery, json);
            boolean again = attempt.throttled || (retryUnknown && attempt.answer instanceof TradingAnswer.Unknown);
            if (!again || number == settings.attempts()) break;
            if (!pause(backoff.delay(number, attempt.askedFor))) break;
        }
        return attempt.answer;
    }

    /** One answer; for a 429, the wait the venue asked for. */
    private record Attempt(TradingAnswer answer, boolean throttled, Duration askedFor) {
        static Attempt answered(TradingAnswer answer) { return new Attempt(answer, false, Duration.ZERO); }
    }

    private Attempt once(String method, String pathAndQuery, String json) {
        requests.incrementAndGet();
        HttpRequest.Builder request = keys.sign(HttpRequest.newBuilder(settings.url(pathAndQuery))).timeout(settings.timeout()).header("Accept", "application/json");
        if (json == null) request.method(method, HttpRequest.BodyPublishers.noBody());
        else request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException slow) {
            return Attempt.answered(new TradingAnswer.Unknown("no answer within " + settings.timeout().toMillis() + " ms"));
        } catch (IOException dropped) {
            return Attempt.answered(new TradingAnswer.Unknown("the connection to " + settings.tradingUrl().getHost() + " failed: " + dropped));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Attempt.answered(new TradingAnswer.Unknown("interrupted"));
        }
        int status = response.statusCode();
        String body = response.body();
        if (status / 100 == 2) return Attempt.answered(new TradingAnswer.Ok(body));
        if (status == 429) {
            throttled.incrementAndGet();
            return new Attempt(new TradingAnswer.Unknown("HTTP 429: " + message(status, body)), true, RetryAfter.of(response));
        }
        if (status == 404) return Attempt.answered(new TradingAnswer.NotFound(message(status, body)));
        if (status / 100 == 4) return Attempt.answered(new TradingAnswer.Refused(status, code(body), message(status, body)));
        return Attempt.answered(new TradingAnswer.Unknown("HTTP " + status + ": " + message(status, body)));
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code message} of the venue's error body, else the body's start. */
    private static String message(int status, String body) {
        JsonNode message = tree(body).path("message");
        if (message.isTextual() && !message.asText().isBlank()) return message.asText();
        if (body == null || body.isBlank()) return "HTTP " + status;
        String text = body.strip();
        return text.length() <= ANSWER_SHOWN ? text : text.substring(0, ANSWER_SHOWN) + "…";
    }

    private static long code(String body) { return tree(body).path("code").asLong(0); }

    private static JsonNode tree(String body) {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            return root == null ? JSON.missingNode() : root;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

}
