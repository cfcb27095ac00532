package io.quorum.adapters.csv;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.io.BufferedReader;
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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

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
        String header = lines.isEmpty() ? "" : lines.getFirst();
        Optional<BarImport.Refused> refusedHeader = refusedHeader(header);
        if (refusedHeader.isPresent()) return refusedHeader.get();
        RowScanner scanner = new RowScanner(Columns.of(header));
        List<Row> rows = new ArrayList<>(lines.size());
        for (int index = 1; index < lines.size(); index++) {
            Row row = scanner.next(index + 1, lines.get(index));
            if (row != null) rows.add(row);
        }
        Optional<BarImport.Refused> refused = scanner.refusal(badRows);
        if (refused.isPresent()) return refused.get();
        List<Bar> bars = new ArrayList<>(rows.size());
        for (Row row : rows) bars.add(row.bar(ticker, scanner.interval()));
        return new BarImport.Imported(ticker, scanner.interval(), bars, scanner.problems);
    }

    /**
     * Checks a whole file as {@link #read} does, line by line and holding none of its bars, and
     * counts the bars whose start the window keeps. A file that passes is streamed by
     * {@link BarStream.Ready#bars}; the same bad-rows rule holds: with {@link BadRows#REFUSE_FILE}
     * one bad row anywhere refuses the file before a bar is replayed.
     */
    public BarStream stream(Path file, Ticker ticker, BadRows badRows, Predicate<Instant> window) {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(badRows, "badRows");
        Objects.requireNonNull(window, "window");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = Objects.requireNonNullElse(in.readLine(), "");
            Optional<BarImport.Refused> refusedHeader = refusedHeader(header);
            if (refusedHeader.isPresent()) return refusedHeader.get();
            RowScanner scanner = new RowScanner(Columns.of(header));
            long kept = 0;
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Row row = scanner.next(++lineNumber, line);
                if (row != null && window.test(row.start)) kept++;
            }
            Optional<BarImport.Refused> refused = scanner.refusal(badRows);
            if (refused.isPresent()) return refused.get();
            return new BarStream.Ready(file, ticker, scanner.interval(), kept, scanner.problems, window, badRows, this);
        } catch (IOException | UncheckedIOException unreadable) {
            return new BarImport.Refused("cannot read " + file + ": " + unreadable.getMessage(), List.of());
        }
    }

    /** The bars of a checked file, read again one line at a time. */
    Iterator<Bar> lazyBars(BarStream.Ready ready) {
        return new LazyBars(ready);
    }

    private static Optional<BarImport.Refused> refusedHeader(String header) {
        if (header.isBlank()) return Optional.of(new BarImport.Refused("the file is empty; expected a header " + FORMATS, List.of()));
        Columns columns = Columns.of(header);
        if (columns.missing() != null) {
            return Optional.of(new BarImport.Refused("the header lacks " + columns.missing() + "; expected " + FORMATS, List.of()));
        }
        return Optional.empty();
    }

    /** The rows of one file in line order, each checked against the one before; the bad ones are listed, the interval found as the rows pass. */
    private final class RowScanner {
        private final Columns columns;
        private final List<RowProblem> problems = new ArrayList<>();
        private Row previous;
        private boolean daily;
        private long rows;
        private long smallestStepMillis = Long.MAX_VALUE;

        RowScanner(Columns columns) { this.columns = columns; }

        /** The row at this line, or null when the line is blank or bad (its problems are listed). */
        Row next(int lineNumber, String line) {
            if (line.isBlank()) return null;
            Row row = parse(lineNumber, line, columns, previous, problems);
            if (row == null) return null;
            if (previous == null) daily = row.daily;
            else smallestStepMillis = Math.min(smallestStepMillis, row.start.toEpochMilli() - previous.start.toEpochMilli());
            previous = row;
            rows++;
            return row;
        }

        Optional<BarImport.Refused> refusal(BadRows badRows) {
            if (!problems.isEmpty() && badRows == BadRows.REFUSE_FILE) {
                return Optional.of(new BarImport.Refused(problems.size() + " bad row" + (problems.size() == 1 ? "" : "s")
                        + "; nothing imported (skip bad rows to import the others)", problems));
            }
            if (rows == 0) return Optional.of(new BarImport.Refused("no bars in the file", problems));
            return Optional.empty();
        }

        Duration interval() {
            if (daily) return MarketDataFeed.DAILY;
            return smallestStepMillis == Long.MAX_VALUE ? MarketDataFeed.ONE_MINUTE : Duration.ofMillis(smallestStepMillis);
        }
    }

    /** A checked file's bars in its window, one line read ahead; a row that has turned bad since the check stops the stream. */
    private final class LazyBars implements Iterator<Bar> {
        private final BarStream.Ready ready;
        private final BufferedReader in;
        private final RowScanner scanner;
        private int lineNumber = 1;
        private Bar next;

        LazyBars(BarStream.Ready ready) {
            this.ready = ready;
            try {
                this.in = Files.newBufferedReader(ready.file(), StandardCharsets.UTF_8);
                this.scanner = new RowScanner(Columns.of(Objects.requireNonNullElse(in.readLine(), "")));
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read " + ready.file(), unreadable);
            }
            advance();
        }

        @Override public boolean hasNext() { return next != null; }

        @Override public Bar next() {
            if (next == null) throw new NoSuchElementException("no bar left in " + ready.file());
            Bar bar = next;
            advance();
            return bar;
        }

        private void advance() {
            next = null;
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    int problemsBefore = scanner.problems.size();
                    Row row = scanner.next(++lineNumber, line);
                    if (scanner.problems.size() > problemsBefore && ready.badRows() == BadRows.REFUSE_FILE) {
                        in.close();
                        throw new IllegalStateException(ready.file() + " changed since it was checked: " + scanner.problems.getLast());
                    }
                    if (row != null && ready.window().test(row.start)) {
                        next = row.bar(ready.ticker(), ready.interval());
                        return;
                    }
                }
                in.close();
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read " + ready.file(), unreadable);
            }
        }
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

    private static String unquote(String cell) {
        String text = cell.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1).strip();
        return text;
    }

    private record Row(int line, String dateText, boolean daily, Instant start, long open, long high, long low, long close, long volume) {
        Bar bar(Ticker ticker, Duration interval) { return new Bar(ticker, start, interval, open, high, low, close, volume); }
    }

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
