package io.quorum.server.cli;

import io.quorum.engine.decision.ExportFormat;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.SessionId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Turns command-line text into the engine's types; a bad value becomes picocli's one-line usage error. */
final class CliConverters {
    private CliConverters() {}

    static final class SessionIdConverter implements ITypeConverter<SessionId> {
        @Override public SessionId convert(String value) {
            try {
                return SessionId.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TickerConverter implements ITypeConverter<Ticker> {
        @Override public Ticker convert(String value) {
            try {
                return Ticker.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OutcomeConverter implements ITypeConverter<Outcome> {
        @Override public Outcome convert(String value) { return constant(Outcome.class, value); }
    }

    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override public ExportFormat convert(String value) { return constant(ExportFormat.class, value); }
    }

    /** An ISO-8601 instant ({@code 2025-03-14T14:30:00Z}) or a date, meaning its midnight in UTC. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override public Instant convert(String value) {
            try {
                return value.length() == "yyyy-mm-dd".length() ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("not an ISO-8601 instant or date (e.g. 2025-03-14T14:30:00Z or 2025-03-14): " + value);
            }
        }
    }

    /** Any case: {@code csv}, {@code CSV}, {@code approved_modified}. */
    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", was " + value);
        }
    }
}
