package io.quorum.adapters.csv;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads bars from a CSV file in Yahoo Finance's download format
 * ({@code Date,Open,High,Low,Close,Adj Close,Volume}) or the plain
 * {@code date,open,high,low,close,volume}, daily or intraday. Columns are found by their header
 * names, in any order and any case; {@code Adj Close} is ignored (prices are kept as published).
 *
 * <p>A date alone ({@code 2013-01-02}) is a daily bar starting at that day's session open; a date
 * and time ({@code 2024-03-04 09:30:00}, optionally with an offset such as {@code -05:00}) is an
 * intraday bar, read in the exchange's time zone when it has no offset. An intraday file's
 * interval is the smallest step between its rows.
 *
 * <p>Every bad row is reported with its line number: dates out of order or repeated, high below
 * low, an open or close outside [low, high], missing, unreadable or negative values. With
 * {@link BadRows#REFUSE_FILE} a file with any bad row imports nothing.
 */
public final class CsvBarReader {
    private static final String FORMATS = "Date,Open,High,Low,Close,Adj Close,Volume or date,open,high,low,close,volume";
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    private final ExchangeCalendar calendar;

    public CsvBarReader(ExchangeCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** A reader for files of NYSE-listed tickers. */
    public static CsvBarReader nyse() { return new CsvBarReader(ExchangeCalendar.NYSE); }

    public BarImport read(Path file, Ticker ticker, BadRows badRows) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException unreadable) {
            return new BarImport.Refused("cannot read " + file + ": " + unreadable.getMessage(), List.of());
        }
        return read(lines, ticker, badRows);
    }

    /** Reads the lines of a file, the header first. */
    public BarImport read(List<String> lines, Ticker ticker, BadRows badRows) {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(badRows, "badRows");
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return new BarImport.Refused("the file is empty; expected a header " + FORMATS, List.of());
        }
        Columns columns = Columns.of(lines.getFirst());
        if (columns.missing() != null) {
            return new BarImport.Refused("the header lacks " + columns.missing() + "; expected " + FORMATS, List.of());
        }
        List<Row> rows = new ArrayList<>(lines.size());
        List<RowProblem> problems = new ArrayList<>();
        Row previous = null;
        for (int index = 1; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.isBlank()) continue;
            Row row = parse(index + 1, line, columns, previous, problems);
            if (row != null) {
                rows.add(row);
                previous = row;
            }
        }
        if (!problems.isEmpty() && badRows == BadRows.REFUSE_FILE) {
            return new BarImport.Refused(problems.size() + " bad row" + (problems.size() == 1 ? "" : "s")
                    + "; nothing imported (skip bad rows to import the others)", problems);
        }
        if (rows.isEmpty()) return new BarImport.Refused("no bars in the file", problems);
        Duration interval = interval(rows);
        List<Bar> bars = new ArrayList<>(rows.size());
        for (Row row : rows) {
            bars.add(new Bar(ticker, row.start, interval, row.open, row.high, row.low, row.close, row.volume));
        }
        return new BarImport.Imported(ticker, interval, bars, problems);
    }

    private Row parse(int lineNumber, String line, Columns columns, Row previous, List<RowProblem> problems) {
        String[] cells = line.split(",", -1);
        if (cells.length < columns.width) {
            problems.add(new RowProblem(lineNumber, "has " + cells.length + " cells, the header has " + columns.width));
            return null;
        }
        int before = problems.size();
        String dateText = unquote(cells[columns.date]);
        Instant start = null;
        boolean daily = false;
        if (dateText.isEmpty() || dateText.equalsIgnoreCase("null")) {
            problems.add(new RowProblem(lineNumber, "missing date"));
        } else {
            daily = dateText.length() == 10;
            start = start(dateText);
            if (start == null) problems.add(new RowProblem(lineNumber, "date is not a date or a date and time: \"" + dateText + "\""));
        }
        long open = price(lineNumber, "open", cells[columns.open], problems);
        long high = price(lineNumber, "high", cells[columns.high], problems);
        long low = price(lineNumber, "low", cells[columns.low], problems);
        long close = price(lineNumber, "close", cells[columns.close], problems);
        long volume = volume(lineNumber, cells[columns.volume], problems);
        if (start != null && previous != null) {
            if (daily != previous.daily) {
                problems.add(new RowProblem(lineNumber, "mixes dates and times: " + dateText + " after line " + previous.line + "'s " + previous.dateText));
            } else if (start.equals(previous.start)) {
                problems.add(new RowProblem(lineNumber, "repeats line " + previous.line + "'s date " + dateText));
            } else if (start.isBefore(previous.start)) {
                problems.add(new RowProblem(lineNumber, "date out of order: " + dateText + " comes after line " + previous.line + "'s " + previous.dateText));
            }
        }
        if (high > 0 && low > 0) {
            if (high < low) {
                problems.add(new RowProblem(lineNumber, "high " + dollars(high) + " is below low " + dollars(low)));
            } else {
                if (open > 0 && (open < low || open > high)) problems.add(outside(lineNumber, "open", open, low, high));
                if (close > 0 && (close < low || close > high)) problems.add(outside(lineNumber, "close", close, low, high));
            }
        }
        if (problems.size() > before) return null;
        return new Row(lineNumber, dateText, daily, start, open, high, low, close, volume);
    }

    private Instant start(String text) {
        try {
            if (text.length() == 10) return calendar.sessionOpen(LocalDate.parse(text));
            try {
                return OffsetDateTime.parse(text, OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(text, LOCAL_DATE_TIME).atZone(calendar.zone()).toInstant();
            }
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** Micro-dollars, or 0 when the cell is wrong (the problem is added). */
    private static long price(int line, String name, String cell, List<RowProblem> problems) {
        BigDecimal value = number(line, name, cell, problems);
        if (value == null) return 0;
        if (value.signum() <= 0) {
            problems.add(new RowProblem(line, (value.signum() < 0 ? "negative " + name + ": " : name + " must be positive: ") + value.toPlainString()));
            return 0;
        }
        try {
            return value.setScale(6, RoundingMode.HALF_EVEN).movePointRight(6).longValueExact();
        } catch (ArithmeticException tooLarge) {
            problems.add(new RowProblem(line, name + " is too large: " + value.toPlainString()));
            return 0;
        }
    }

    private static long volume(int line, String cell, List<RowProblem> problems) {
        BigDecimal value = number(line, "volume", cell, problems);
        if (value == null) return 0;
        if (value.signum() < 0) {
            problems.add(new RowProblem(line, "negative volume: " + value.toPlainString()));
            return 0;
        }
        try {
            return value.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException tooLarge) {
            problems.add(new RowProblem(line, "volume is too large: " + value.toPlainString()));
            return 0;
        }
    }

    private static BigDecimal number(int line, String name, String cell, List<RowProblem> problems) {
        String text = unquote(cell);
        if (text.isEmpty() || text.equalsIgnoreCase("null")) {
            problems.add(new RowProblem(line, "missing " + name));
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            problems.add(new RowProblem(line, name + " is not a number: \"" + text + "\""));
            return null;
        }
    }

    private static RowProblem outside(int line, String name, long value, long low, long high) {
        return new RowProblem(line, name + " " + dollars(value) + " is outside [low " + dollars(low) + ", high " + dollars(high) + "]");
    }

    private static String dollars(long micros) {
        BigDecimal value = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }

    private static Duration interval(List<Row> rows) {
        if (rows.getFirst().daily) return MarketDataFeed.DAILY;
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < rows.size(); i++) {
            smallest = Math.min(smallest, rows.get(i).start.toEpochMilli() - rows.get(i - 1).start.toEpochMilli());
        }
        return smallest == Long.MAX_VALUE ? MarketDataFeed.ONE_MINUTE : Duration.ofMillis(smallest);
    }

    private static String unquote(String cell) {
        String text = cell.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1).strip();
        return text;
    }

    private record Row(int line, String dateText, boolean daily, Instant start, long open, long high, long low, long close, long volume) {}

    /** Where each needed column is in a header line. */
    private record Columns(int width, int date, int open, int high, int low, int close, int volume, String missing) {
        static Columns of(String header) {
            String[] names = header.replace("\uFEFF", "").split(",", -1);
            int date = -1, open = -1, high = -1, low = -1, close = -1, volume = -1;
            for (int i = 0; i < names.length; i++) {
                switch (unquote(names[i]).toLowerCase(Locale.ROOT)) {
                    case "date", "datetime", "timestamp" -> date = i;
                    case "open" -> open = i;
                    case "high" -> high = i;
                    case "low" -> low = i;
                    case "close" -> close = i;
                    case "volume" -> volume = i;
                    default -> { }
                }
            }
            List<String> absent = new ArrayList<>();
            if (date < 0) absent.add("Date");
            if (open < 0) absent.add("Open");
            if (high < 0) absent.add("High");
            if (low < 0) absent.add("Low");
            if (close < 0) absent.add("Close");
            if (volume < 0) absent.add("Volume");
            return new Columns(names.length, date, open, high, low, close, volume, absent.isEmpty() ? null : String.join(", ", absent));
        }
    }
}
