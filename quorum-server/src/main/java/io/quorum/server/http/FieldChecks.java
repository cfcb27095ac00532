package io.quorum.server.http;

import io.quorum.server.api.DeskException;
import io.quorum.server.api.FieldError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Shape checks the edge makes before the desk sees a request: present, parseable, well formed.
 * Collects every error so that the client learns about all its bad fields at once. Ranges and
 * business rules are the desk's.
 */
final class FieldChecks {
    private static final int MAX_DECIMAL_LENGTH = 32;

    private final List<FieldError> errors = new ArrayList<>();

    FieldChecks required(String field, Object value) {
        if (value == null) errors.add(new FieldError(field, "is required"));
        return this;
    }

    /** The id of a proposal, as the session's card shows it. */
    FieldChecks proposalId(String field, String value) {
        if (value == null || value.isBlank()) errors.add(new FieldError(field, "is required: the id of the proposal you are answering, from the session's card"));
        else if (!value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) errors.add(new FieldError(field, "a proposal id such as 2f0c6c5e-1c1a-4c8e-9a51-6b1f3f1f2a10"));
        return this;
    }

    FieldChecks text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) errors.add(new FieldError(field, "is required"));
        else if (value.length() > maxLength) errors.add(new FieldError(field, "at most " + maxLength + " characters"));
        return this;
    }

    /** A non-negative decimal string such as {@code "178.50"}; null passes unless required. */
    FieldChecks decimal(String field, String value, boolean required) {
        if (value == null) {
            if (required) errors.add(new FieldError(field, "is required"));
            return this;
        }
        if (value.length() > MAX_DECIMAL_LENGTH) {
            errors.add(new FieldError(field, "is too long for a decimal"));
            return this;
        }
        try {
            if (new BigDecimal(value).signum() < 0) errors.add(new FieldError(field, "must not be negative"));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a decimal string such as \"12.50\""));
        }
        return this;
    }

    FieldChecks timeOfDay(String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!value.matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldError(field, "must be a time HH:mm"));
        } else {
            try {
                LocalTime.parse(value);
            } catch (DateTimeException e) {
                errors.add(new FieldError(field, "must be a time HH:mm"));
            }
        }
        return this;
    }

    FieldChecks zone(String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else {
            try {
                ZoneId.of(value);
            } catch (DateTimeException e) {
                errors.add(new FieldError(field, "is not a time zone such as America/New_York"));
            }
        }
        return this;
    }

    void orThrow() {
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
    }
}
