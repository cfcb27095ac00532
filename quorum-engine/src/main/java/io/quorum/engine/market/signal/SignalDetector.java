package io.quorum.engine.market.signal;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the technical events of one ticker on its daily chart, where the last bar is the day in
 * progress. A signal fires when its condition holds on the live reading but did not hold at the
 * previous day's close (a move within the day, measured from the day's open, only has to hold
 * now), and at most once per kind and day: a price that wavers around its
 * 200-day SMA all afternoon makes one signal, not one per minute. Not thread-safe: one feed
 * thread drives it.
 */
public final class SignalDetector {
    private static final int VOLUME_AVERAGE_DAYS = 20;
    /** Early in the session the day's volume is too small a sample to project. */
    private static final double MIN_SESSION_FRACTION_FOR_VOLUME = 0.02;
    private static final EnumSet<SignalKind> INTRADAY = EnumSet.of(SignalKind.INTRADAY_RALLY, SignalKind.INTRADAY_DROP);

    private final Ticker ticker;
    private final MonitorSettings settings;
    private final ExchangeCalendar calendar;
    private final DailyIndicators chart;
    private final EnumSet<SignalKind> firedToday = EnumSet.noneOf(SignalKind.class);
    private LocalDate lastDay;

    public SignalDetector(Ticker ticker, List<Bar> completedDays, MonitorSettings settings, ExchangeCalendar calendar) {
        this.ticker = ticker;
        this.settings = settings;
        this.calendar = calendar;
        this.chart = new DailyIndicators(completedDays, settings);
        this.lastDay = completedDays.isEmpty() ? null : calendar.tradingDate(completedDays.getLast().start());
    }

    /**
     * Takes a new reading of the day {@code day} belongs to (the first reading of a new day
     * appends it) and returns the signals that fire on it. {@code sessionFraction} is the share
     * of the session that {@code day} covers (1 for a completed day), to weigh its volume.
     */
    public List<IndicatorSignal> onDay(Bar day, Instant at, double sessionFraction) {
        LocalDate date = calendar.tradingDate(day.start());
        if (date.equals(lastDay)) {
            chart.updateLastDay(day);
        } else {
            chart.appendDay(day);
            lastDay = date;
            firedToday.clear();
        }
        if (chart.endIndex() <= 0) return List.of();
        DailyIndicators.Reading now = chart.latest();
        DailyIndicators.Reading previousClose = chart.at(chart.endIndex() - 1);
        double relativeVolume = relativeVolume(day.volume(), sessionFraction);
        List<IndicatorSignal> fired = new ArrayList<>(2);
        for (SignalKind kind : SignalKind.values()) {
            if (firedToday.contains(kind)) continue;
            double marginNow = margin(kind, now, previousClose);
            // A move within the day is measured from the day's open: it is new every day, whatever yesterday did.
            double marginBefore = INTRADAY.contains(kind) ? -1 : margin(kind, previousClose, previousClose);
            if (marginNow > 0 && marginBefore <= 0) {
                firedToday.add(kind);
                double level = level(kind, now);
                fired.add(new IndicatorSignal(ticker, at, kind, day.closeMicros(), BigDecimal.valueOf(level).setScale(6, RoundingMode.HALF_EVEN),
                        relativeVolume, sentence(kind, now, previousClose, relativeVolume)));
            }
        }
        return fired;
    }

    /** The day's volume against the average day, pro rata of the session elapsed; 0 when unknown. */
    private double relativeVolume(long volume, double sessionFraction) {
        double average = chart.averageVolumeBeforeLast(VOLUME_AVERAGE_DAYS);
        if (Double.isNaN(average) || average <= 0 || sessionFraction < MIN_SESSION_FRACTION_FOR_VOLUME) return 0;
        return volume / (average * Math.min(1, sessionFraction));
    }

    /** How far the kind's condition holds: positive when it holds, NaN when the history is too short to tell. */
    private double margin(SignalKind kind, DailyIndicators.Reading r, DailyIndicators.Reading previousClose) {
        return switch (kind) {
            case EMA_BULLISH_CROSS -> r.fastEma() - r.slowEma();
            case EMA_BEARISH_CROSS -> r.slowEma() - r.fastEma();
            case GOLDEN_CROSS -> r.sma50() - r.sma200();
            case DEATH_CROSS -> r.sma200() - r.sma50();
            case RSI_OVERBOUGHT -> r.rsi() - settings.rsiOverbought();
            case RSI_OVERSOLD -> settings.rsiOversold() - r.rsi();
            case MACD_BULLISH_CROSS -> r.macd() - r.macdSignal();
            case MACD_BEARISH_CROSS -> r.macdSignal() - r.macd();
            case BOLLINGER_UPPER_BREAK -> r.close() - r.bollingerUpper();
            case BOLLINGER_LOWER_BREAK -> r.bollingerLower() - r.close();
            case BREAKOUT_HIGH -> r.close() - r.priorHigh();
            case BREAKDOWN_LOW -> r.priorLow() - r.close();
            case SMA200_CROSS_ABOVE -> r.close() - r.sma200();
            case SMA200_CROSS_BELOW -> r.sma200() - r.close();
            case INTRADAY_RALLY -> r.close() - r.open() - settings.intradayMoveAtr() * previousClose.atr();
            case INTRADAY_DROP -> r.open() - r.close() - settings.intradayMoveAtr() * previousClose.atr();
        };
    }

    private static double level(SignalKind kind, DailyIndicators.Reading r) {
        return switch (kind) {
            case EMA_BULLISH_CROSS, EMA_BEARISH_CROSS -> r.fastEma();
            case GOLDEN_CROSS, DEATH_CROSS -> r.sma50();
            case RSI_OVERBOUGHT, RSI_OVERSOLD -> r.rsi();
            case MACD_BULLISH_CROSS, MACD_BEARISH_CROSS -> r.macd();
            case BOLLINGER_UPPER_BREAK -> r.bollingerUpper();
            case BOLLINGER_LOWER_BREAK -> r.bollingerLower();
            case BREAKOUT_HIGH -> r.priorHigh();
            case BREAKDOWN_LOW -> r.priorLow();
            case SMA200_CROSS_ABOVE, SMA200_CROSS_BELOW -> r.sma200();
            case INTRADAY_RALLY, INTRADAY_DROP -> r.open();
        };
    }

    private String sentence(SignalKind kind, DailyIndicators.Reading r, DailyIndicators.Reading previous, double relativeVolume) {
        String what = switch (kind) {
            case EMA_BULLISH_CROSS -> "%s's %d-day EMA (%s) crossed above its %d-day EMA (%s)".formatted(ticker, settings.fastEma(), usd(r.fastEma()), settings.slowEma(), usd(r.slowEma()));
            case EMA_BEARISH_CROSS -> "%s's %d-day EMA (%s) crossed below its %d-day EMA (%s)".formatted(ticker, settings.fastEma(), usd(r.fastEma()), settings.slowEma(), usd(r.slowEma()));
            case GOLDEN_CROSS -> "%s's 50-day SMA (%s) crossed above its 200-day SMA (%s): a golden cross".formatted(ticker, usd(r.sma50()), usd(r.sma200()));
            case DEATH_CROSS -> "%s's 50-day SMA (%s) crossed below its 200-day SMA (%s): a death cross".formatted(ticker, usd(r.sma50()), usd(r.sma200()));
            case RSI_OVERBOUGHT -> "%s's %d-day RSI rose to %s, above %s: overbought".formatted(ticker, settings.rsiPeriod(), number(r.rsi(), 1), number(settings.rsiOverbought(), 0));
            case RSI_OVERSOLD -> "%s's %d-day RSI fell to %s, below %s: oversold".formatted(ticker, settings.rsiPeriod(), number(r.rsi(), 1), number(settings.rsiOversold(), 0));
            case MACD_BULLISH_CROSS -> "%s's MACD (%s) crossed above its signal line (%s)".formatted(ticker, number(r.macd(), 2), number(r.macdSignal(), 2));
            case MACD_BEARISH_CROSS -> "%s's MACD (%s) crossed below its signal line (%s)".formatted(ticker, number(r.macd(), 2), number(r.macdSignal(), 2));
            case BOLLINGER_UPPER_BREAK -> "%s at %s broke above its upper Bollinger band (%s)".formatted(ticker, usd(r.close()), usd(r.bollingerUpper()));
            case BOLLINGER_LOWER_BREAK -> "%s at %s broke below its lower Bollinger band (%s)".formatted(ticker, usd(r.close()), usd(r.bollingerLower()));
            case BREAKOUT_HIGH -> "%s broke above its %d-day high (%s)".formatted(ticker, settings.breakoutDays(), usd(r.priorHigh()));
            case BREAKDOWN_LOW -> "%s broke below its %d-day low (%s)".formatted(ticker, settings.breakoutDays(), usd(r.priorLow()));
            case SMA200_CROSS_ABOVE -> "%s broke above its 200-day SMA (%s)".formatted(ticker, usd(r.sma200()));
            case SMA200_CROSS_BELOW -> "%s broke below its 200-day SMA (%s)".formatted(ticker, usd(r.sma200()));
            case INTRADAY_RALLY -> "%s rallied to %s, %s ATRs above today's open (%s)".formatted(ticker, usd(r.close()), number((r.close() - r.open()) / previous.atr(), 1), usd(r.open()));
            case INTRADAY_DROP -> "%s fell to %s, %s ATRs below today's open (%s)".formatted(ticker, usd(r.close()), number((r.open() - r.close()) / previous.atr(), 1), usd(r.open()));
        };
        return relativeVolume > 0 ? what + " on " + number(relativeVolume, 1) + "× average volume" : what;
    }

    private static String usd(double dollars) { return Dollars.format(BigDecimal.valueOf(dollars)); }

    private static String number(double value, int decimals) { return String.format(Locale.ROOT, "%." + decimals + "f", value); }
}
