package io.quorum.engine.simulation;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.simulation.SimulatedNewsFeed.Tone;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One ticker of the simulated market: its price process, the quote and volume around each
 * price, the 1-minute and daily bars built from its ticks, and its listeners. Driven by
 * {@link SimulatedMarket} on one thread; only {@link #lastTick()} and the listener array are
 * read from others.
 *
 * <p>The random model is geometric Brownian motion in log price whose drift and volatility
 * depend on a regime (trend up, trend down, or a mean-reverting range), scaled through the
 * session by a U shape (busier at the open and the close), plus rare jumps that come with a
 * headline of the same sign and a burst of volume, and overnight gaps at the open.
 */
final class TickerSimulation {
    private static final long NONE = Long.MIN_VALUE;
    private static final long MINUTE_MILLIS = 60_000;
    private static final double TRADING_DAYS_PER_YEAR = 252;
    private static final double SESSION_MILLIS = 6.5 * 3_600_000;
    /** Log-price reversion rate of a range: a half-life of one trading day. */
    private static final double RANGE_REVERSION_PER_YEAR = Math.log(2) * TRADING_DAYS_PER_YEAR;
    private static final double REGIME_MEAN_DAYS = 4;
    private static final double JUMPS_PER_DAY = 0.3;
    private static final double NOISE_HEADLINES_PER_DAY = 1.5;
    /**
     * Analysts' notes and product news with a tone, which nudge the price 0.3–0.7 % their way on
     * twice the volume for two minutes: about four a day, the flow a large cap sees on a newswire.
     */
    private static final double MINOR_NEWS_PER_DAY = 4;
    private static final double VOLUME_SPIKES_PER_DAY = 0.5;
    private static final double BIG_GAP_PROBABILITY = 0.06;
    private static final double OVERNIGHT_VARIANCE_SHARE = 0.15;
    private static final int MINUTE_BARS_KEPT = 390 * 5;

    final Ticker ticker;
    private final String symbol;
    private final TickerProfile profile;
    private final SplittableRandom random;
    private final PricePath path;
    private final SimulatedNewsFeed news;
    private final double tickYears;
    private final double sqrtTickYears;
    private final double regimeSwitchPerTick;
    private final double jumpPerTick;
    private final double noiseHeadlinePerTick;
    private final double minorNewsPerTick;
    private final double volumeSpikePerTick;
    private final double sharesPerTick;

    private double logPrice;
    private double anchorLogPrice;
    private Regime regime;
    private double annualDrift;
    private boolean regimeForced;
    private double pendingGap = Double.NaN;
    private double spikeMultiple = 1;
    private long spikeUntilMillis = NONE;

    private long minuteStart = NONE;
    private long minuteOpen, minuteHigh, minuteLow, minuteClose, minuteVolume;
    private long dayStart = NONE;
    private long dayOpen, dayHigh, dayLow, dayClose, dayVolume;
    private final List<Bar> dailyBars;
    private final ArrayDeque<Bar> minuteBars = new ArrayDeque<>();

    private volatile Tick lastTick;
    private final ListenerList<Tick> tickListeners = new ListenerList<>();
    private final ListenerList<Bar> barListeners = new ListenerList<>();

    TickerSimulation(TickerProfile profile, PricePath path, List<Bar> givenHistory, List<Instant> historyOpens,
                     long tickMillis, SplittableRandom random, SimulatedNewsFeed news) {
        this.ticker = profile.ticker();
        this.symbol = ticker.symbol();
        this.profile = profile;
        this.path = path;
        this.random = random;
        this.news = news;
        double ticksPerSession = SESSION_MILLIS / tickMillis;
        this.tickYears = 1 / (TRADING_DAYS_PER_YEAR * ticksPerSession);
        this.sqrtTickYears = Math.sqrt(tickYears);
        this.regimeSwitchPerTick = 1 / (REGIME_MEAN_DAYS * ticksPerSession);
        this.jumpPerTick = JUMPS_PER_DAY / ticksPerSession;
        this.noiseHeadlinePerTick = NOISE_HEADLINES_PER_DAY / ticksPerSession;
        this.minorNewsPerTick = MINOR_NEWS_PER_DAY / ticksPerSession;
        this.volumeSpikePerTick = VOLUME_SPIKES_PER_DAY / ticksPerSession;
        this.sharesPerTick = profile.averageDailyVolume() / ticksPerSession;
        enterRegime(Regime.values()[random.nextInt(Regime.values().length)]);
        this.dailyBars = new ArrayList<>(givenHistory.isEmpty() ? generateHistory(historyOpens) : givenHistory);
        this.logPrice = Math.log(dailyBars.getLast().closeMicros() / 1e6);
        this.anchorLogPrice = logPrice;
    }

    Tick lastTick() { return lastTick; }

    MarketDataFeed.Subscription subscribe(Consumer<Tick> onTick, Consumer<Bar> onBar) {
        tickListeners.add(onTick);
        barListeners.add(onBar);
        return () -> {
            tickListeners.remove(onTick);
            barListeners.remove(onBar);
        };
    }

    void unsubscribeAll() {
        tickListeners.clear();
        barListeners.clear();
    }

    List<Bar> dailyHistory(int count) { return latest(dailyBars, count); }

    List<Bar> minuteHistory(int count) { return latest(new ArrayList<>(minuteBars), count); }

    void forceGap(double fraction) {
        if (path != null) throw new IllegalArgumentException(ticker + " follows a scripted price path; script the gap instead");
        if (!(fraction > -1)) throw new IllegalArgumentException("a gap cannot take the price to zero or below: " + fraction);
        pendingGap = fraction;
    }

    void forceRegime(Regime forced, double drift) {
        if (path != null) throw new IllegalArgumentException(ticker + " follows a scripted price path");
        enterRegime(forced);
        annualDrift = drift;
        regimeForced = true;
    }

    /** A session begins: the random model gaps overnight, sometimes hard and with a headline. */
    void openSession(long openMillis) {
        dayStart = openMillis;
        dayVolume = 0;
        if (path != null) return;
        double overnight = profile.annualVolatility() * Math.sqrt(OVERNIGHT_VARIANCE_SHARE / TRADING_DAYS_PER_YEAR) * random.nextGaussian();
        logPrice += overnight;
        if (random.nextDouble() < BIG_GAP_PROBABILITY) jump(openMillis, randomJumpSize());
    }

    void tick(long epochMillis, double sessionFraction) {
        if (minuteStart != NONE && epochMillis >= minuteStart + MINUTE_MILLIS) completeMinute();
        long last;
        double volumeMultiple;
        if (path == null) {
            last = randomStep(epochMillis, sessionFraction);
            volumeMultiple = epochMillis < spikeUntilMillis ? spikeMultiple : 1;
        } else {
            last = path.priceMicrosAt(epochMillis);
            volumeMultiple = path.volumeMultipleAt(epochMillis);
        }
        long size = tickSize(sessionFraction, volumeMultiple);
        long halfSpread = Math.max(SimulatedMarket.CENT_MICROS, roundToCents(last / 20_000.0));
        long bid = Math.max(SimulatedMarket.CENT_MICROS, last - halfSpread);
        Tick tick = new Tick(ticker, epochMillis, last, bid, last + halfSpread, size);
        aggregate(epochMillis, last, size);
        lastTick = tick;
        tickListeners.publish(tick);
    }

    /** Completes the minute bar if its minute has ended by {@code epochMillis}. */
    void completeMinuteEndedBy(long epochMillis) {
        if (minuteStart != NONE && epochMillis >= minuteStart + MINUTE_MILLIS) completeMinute();
    }

    void closeSession() {
        if (minuteStart != NONE) completeMinute();
        if (dayStart != NONE && dayVolume > 0) {
            dailyBars.add(new Bar(ticker, Instant.ofEpochMilli(dayStart), MarketDataFeed.DAILY, dayOpen, dayHigh, dayLow, dayClose, dayVolume));
        }
        dayStart = NONE;
        dayVolume = 0;
    }

    private long randomStep(long epochMillis, double sessionFraction) {
        if (!regimeForced && random.nextDouble() < regimeSwitchPerTick) enterRegime(Regime.values()[random.nextInt(Regime.values().length)]);
        double fromMidSession = 2 * sessionFraction - 1;
        double intraday = (0.7 + 1.2 * fromMidSession * fromMidSession) / 1.1;
        double sigma = profile.annualVolatility() * regime.volatilityMultiple * intraday;
        logPrice += (drift() - 0.5 * sigma * sigma) * tickYears + sigma * sqrtTickYears * random.nextGaussian();
        if (!Double.isNaN(pendingGap)) {
            jump(epochMillis, pendingGap);
            pendingGap = Double.NaN;
        } else if (random.nextDouble() < jumpPerTick) {
            jump(epochMillis, randomJumpSize());
        }
        if (random.nextDouble() < noiseHeadlinePerTick) publish(epochMillis, Tone.NEUTRAL);
        if (random.nextDouble() < minorNewsPerTick) minorNews(epochMillis);
        if (random.nextDouble() < volumeSpikePerTick) spike(epochMillis, 3.5 + 3 * random.nextDouble(), 2 + random.nextInt(3));
        return toCents(logPrice);
    }

    private double drift() {
        return regime == Regime.RANGE ? -RANGE_REVERSION_PER_YEAR * (logPrice - anchorLogPrice) : annualDrift;
    }

    /** Moves the price by {@code fraction} at once; the news comes first, then the volume. */
    private void jump(long epochMillis, double fraction) {
        publish(epochMillis, fraction > 0 ? Tone.POSITIVE : Tone.NEGATIVE);
        logPrice += Math.log1p(fraction);
        anchorLogPrice = logPrice;
        spike(epochMillis, 4 + 4 * random.nextDouble(), 5);
    }

    /** A toned headline first, then a small move its way on a short burst of volume. */
    private void minorNews(long epochMillis) {
        boolean positive = random.nextBoolean();
        publish(epochMillis, Headlines.writeMinor(symbol, positive, random), positive ? Tone.POSITIVE : Tone.NEGATIVE);
        double size = 0.003 + 0.004 * random.nextDouble();
        logPrice += Math.log1p(positive ? size : -size);
        spike(epochMillis, 2 + random.nextDouble(), 2);
    }

    private double randomJumpSize() {
        double size = 0.02 + 0.015 * random.nextExponential();
        return random.nextBoolean() ? size : -size;
    }

    private void spike(long epochMillis, double multiple, int minutes) {
        spikeMultiple = multiple;
        spikeUntilMillis = epochMillis + minutes * MINUTE_MILLIS;
    }

    private void publish(long epochMillis, Tone tone) { publish(epochMillis, Headlines.write(symbol, tone, random), tone); }

    private void publish(long epochMillis, String headline, Tone tone) {
        news.publish(new NewsItem(ticker, headline, Headlines.source(random), Instant.ofEpochMilli(epochMillis)), tone);
    }

    private void enterRegime(Regime next) {
        regime = next;
        annualDrift = next.annualDrift;
        anchorLogPrice = logPrice;
    }

    private long tickSize(double sessionFraction, double volumeMultiple) {
        double fromMidSession = 2 * sessionFraction - 1;
        double intraday = (0.6 + 1.8 * fromMidSession * fromMidSession) / 1.2;
        double noise = Math.exp(0.6 * random.nextGaussian() - 0.18);
        return Math.max(1, Math.round(sharesPerTick * intraday * noise * volumeMultiple));
    }

    private void aggregate(long epochMillis, long price, long size) {
        if (minuteStart == NONE) {
            minuteStart = epochMillis - Math.floorMod(epochMillis, MINUTE_MILLIS);
            minuteOpen = minuteHigh = minuteLow = price;
            minuteVolume = 0;
        }
        minuteHigh = Math.max(minuteHigh, price);
        minuteLow = Math.min(minuteLow, price);
        minuteClose = price;
        minuteVolume += size;
        if (dayVolume == 0) dayOpen = dayHigh = dayLow = price;
        dayHigh = Math.max(dayHigh, price);
        dayLow = Math.min(dayLow, price);
        dayClose = price;
        dayVolume += size;
    }

    private void completeMinute() {
        Bar bar = new Bar(ticker, Instant.ofEpochMilli(minuteStart), MarketDataFeed.ONE_MINUTE,
                minuteOpen, minuteHigh, minuteLow, minuteClose, minuteVolume);
        minuteStart = NONE;
        if (minuteBars.size() == MINUTE_BARS_KEPT) minuteBars.removeFirst();
        minuteBars.addLast(bar);
        barListeners.publish(bar);
    }

    /**
     * Daily bars for the sessions opening at {@code days} with the same regimes, jumps and gaps as the live model, shaped
     * freely and then scaled so the last close is the ticker's start price.
     */
    private List<Bar> generateHistory(List<Instant> days) {
        double dayYears = 1 / TRADING_DAYS_PER_YEAR;
        double dailySigma = profile.annualVolatility() * Math.sqrt(dayYears);
        double[] open = new double[days.size()];
        double[] high = new double[days.size()];
        double[] low = new double[days.size()];
        double[] close = new double[days.size()];
        long[] volume = new long[days.size()];
        double level = 0;
        double anchor = 0;
        for (int i = 0; i < days.size(); i++) {
            if (!regimeForced && random.nextDouble() < 1 / REGIME_MEAN_DAYS) {
                enterRegime(Regime.values()[random.nextInt(Regime.values().length)]);
                anchor = level;
            }
            double sigma = dailySigma * regime.volatilityMultiple;
            double drift = regime == Regime.RANGE ? -Math.log(2) * (level - anchor) : annualDrift * dayYears;
            double gap = Math.sqrt(OVERNIGHT_VARIANCE_SHARE) * sigma * random.nextGaussian();
            boolean jumped = random.nextDouble() < JUMPS_PER_DAY / 5;
            if (jumped) gap += Math.log1p(randomJumpSize());
            double openLevel = level + gap;
            double closeLevel = openLevel + drift - 0.5 * sigma * sigma + sigma * random.nextGaussian();
            open[i] = openLevel;
            close[i] = closeLevel;
            high[i] = Math.max(openLevel, closeLevel) + Math.abs(random.nextGaussian()) * 0.4 * sigma;
            low[i] = Math.min(openLevel, closeLevel) - Math.abs(random.nextGaussian()) * 0.4 * sigma;
            volume[i] = Math.round(profile.averageDailyVolume() * Math.exp(0.35 * random.nextGaussian() - 0.06) * (jumped ? 3 : 1));
            level = closeLevel;
        }
        double shift = Math.log(profile.start().micros() / 1e6) - level;
        List<Bar> bars = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            bars.add(new Bar(ticker, days.get(i), MarketDataFeed.DAILY, toCents(open[i] + shift), toCents(high[i] + shift),
                    toCents(low[i] + shift), toCents(close[i] + shift), Math.max(1, volume[i])));
        }
        return bars;
    }

    private static long toCents(double logDollars) {
        return Math.max(SimulatedMarket.CENT_MICROS, roundToCents(Math.exp(logDollars) * 1e6));
    }

    private static long roundToCents(double micros) {
        return Math.round(micros / SimulatedMarket.CENT_MICROS) * SimulatedMarket.CENT_MICROS;
    }

    private static List<Bar> latest(List<Bar> bars, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        return List.copyOf(bars.subList(Math.max(0, bars.size() - count), bars.size()));
    }
}
