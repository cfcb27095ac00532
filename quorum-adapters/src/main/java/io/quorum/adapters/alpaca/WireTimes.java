package io.quorum.adapters.alpaca;

import java.time.DateTimeException;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;

/**
 * The provider's RFC 3339 timestamps ({@code 2021-02-22T15:51:44.208Z}, with up to nine
 * fraction digits) read into epoch milliseconds straight from the parser's characters. The usual
 * UTC form is computed without allocating; any other form (an offset) goes through
 * {@link OffsetDateTime}. An unreadable one is {@link #INVALID}.
 */
final class WireTimes {
    static final long INVALID = Long.MIN_VALUE;

    private WireTimes() {}

    static long epochMillis(char[] text, int offset, int length) {
        int end = offset + length;
        if (length < 20 || text[end - 1] != 'Z' || text[offset + 4] != '-' || text[offset + 7] != '-'
                || text[offset + 10] != 'T' || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return parsed(text, offset, length);
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        int i = offset + 19;
        if (i < end - 1) {
            if (text[i++] != '.') return INVALID;
            int taken = 0;
            for (; i < end - 1; i++) {
                char c = text[i];
                if (c < '0' || c > '9') return INVALID;
                if (taken++ < 3) millis = millis * 10 + (c - '0');
            }
            if (taken == 0) return INVALID;
            for (; taken < 3; taken++) millis *= 10;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1_000L + millis;
    }

    private static long parsed(char[] text, int offset, int length) {
        try {
            return OffsetDateTime.parse(new String(text, offset, length)).toInstant().toEpochMilli();
        } catch (DateTimeException unreadable) {
            return INVALID;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int digits(char[] text, int offset, int count) {
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
