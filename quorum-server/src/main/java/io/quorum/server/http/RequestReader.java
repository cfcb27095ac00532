package io.quorum.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.server.api.DeskException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the parts of a request into typed values, refusing anything malformed with a 4xx that
 * names the offending field. Nothing is defaulted silently except documented query defaults.
 */
final class RequestReader {
    private final ObjectMapper mapper;

    RequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON body as {@code type}; an empty body reads as {@code {}}, a literal {@code null} is refused like any other non-object. */
    <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        String contentType = ctx.header("Content-Type");
        boolean empty = bytes.length == 0;
        if (!empty && (contentType == null || !isJson(contentType))) {
            throw HttpProblem.of(415, "Unsupported Media Type", "send the body as application/json");
        }
        T value;
        try {
            value = mapper.readValue(empty ? "{}".getBytes() : bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw HttpProblem.badRequest(fieldOf(e), "is not a known field");
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw HttpProblem.badRequest(field, "body".equals(field) ? "must be a JSON object" : "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("body", "is not valid JSON");
        } catch (IOException e) {
            throw HttpProblem.badRequest("body", "could not be read");
        }
        if (value == null) throw HttpProblem.badRequest("body", "must be a JSON object");
        return value;
    }

    SessionId sessionId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return SessionId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new DeskException.NotFound("session", abbreviate(raw));
        }
    }

    Ticker ticker(Context ctx) {
        try {
            return Ticker.of(ctx.pathParam("ticker"));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("ticker", "is not a ticker symbol such as AAPL");
        }
    }

    String pathText(Context ctx, String name, int maxLength) {
        String value = ctx.pathParam(name);
        if (value.isEmpty() || value.length() > maxLength) throw HttpProblem.badRequest(name, "1-" + maxLength + " characters");
        return value;
    }

    int intQuery(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return defaultValue;
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw HttpProblem.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    long longQuery(Context ctx, String name, long defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return defaultValue;
        try {
            long value = Long.parseLong(raw);
            if (value >= 0) return value;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw HttpProblem.badRequest(name, "must be a non-negative whole number");
    }

    Optional<Instant> instantQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(raw));
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name, "must be an ISO-8601 instant such as 2025-01-31T14:30:00Z");
        }
    }

    <E extends Enum<E>> Optional<E> enumQuery(Context ctx, String name, Class<E> type) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Enum.valueOf(type, raw.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    Optional<Ticker> tickerQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Ticker.of(raw));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(name, "is not a ticker symbol such as AAPL");
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    /** The JSON path of the failing value ({@code size.amount}, {@code items[2]}), or "body" for the whole. */
    private static String fieldOf(JacksonException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) return "body";
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 64 ? raw : raw.substring(0, 64) + "…";
    }
}
