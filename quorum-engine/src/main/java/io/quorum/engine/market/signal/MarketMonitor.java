package io.quorum.engine.market.signal;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.NewsFeed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns the market data and news feeds into the desk's typed events: every headline as a
 * {@link MarketEvent.NewsArrived}, a
 * {@link MarketEvent.VolumeSpike} when a 1-minute bar trades above a multiple of the average
 * of the bars before it, and {@link IndicatorSignal}s from the daily chart.
 *
 * <p>The daily chart of a watched ticker is its daily history plus the day in progress, which
 * is rebuilt from the 1-minute bars; the indicators are evaluated each time a 1-minute bar
 * completes (see {@link SignalDetector} for when a signal fires). Events are delivered on the
 * feed's thread, in the feed's order. Ticks are not among them: whoever needs every price
 * subscribes to the feed, so that the busiest path carries no event it does not need.
 */
public final class MarketMonitor implements AutoCloseable {
    /** The daily bars the indicators are evaluated on before the day in progress: enough for a 200-day average and its history. */
    public static final int DAILY_HISTORY = 400;
    private static final int MINUTES_PER_SESSION = 390;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final MarketDataFeed feed;
    private final MonitorSettings settings;
    private final ExchangeCalendar calendar;
    private final ListenerList<MarketEvent> listeners = new ListenerList<>();
    private final Map<Ticker, Watched> watched = new ConcurrentHashMap<>();
    private final List<MarketDataFeed.Subscription> subscriptions = new ArrayList<>();

    public MarketMonitor(MarketDataFeed feed, NewsFeed news, MonitorSettings settings, ExchangeCalendar calendar) {
        this.feed = feed;
        this.settings = settings;
        this.calendar = calendar;
        subscriptions.add(news.subscribe(item -> listeners.publish(new MarketEvent.NewsArrived(item))));
    }

    public MarketMonitor(MarketDataFeed feed, NewsFeed news) {
        this(feed, news, MonitorSettings.defaults(), ExchangeCalendar.NYSE);
    }

    /** Receives every event from now on; closing the subscription stops it. */
    public MarketDataFeed.Subscription addListener(MarketListener listener) {
        Consumer<MarketEvent> consumer = listener::onEvent;
        listeners.add(consumer);
        return () -> listeners.remove(consumer);
    }

    /** Starts watching {@code ticker}: loads its history, then follows its bars. Watching twice is harmless. */
    public void watch(Ticker ticker) { watch(ticker, feed.history(ticker, MarketDataFeed.DAILY, DAILY_HISTORY)); }

    /**
     * Starts watching {@code ticker} from the daily bars its caller has read (oldest first; the
     * last {@link #DAILY_HISTORY} are used), so that a desk that needs them for its risk figures
     * too asks the feed once. Watching twice is harmless.
     */
    public synchronized void watch(Ticker ticker, List<Bar> dailyHistory) {
        if (watched.containsKey(ticker)) return;
        List<Bar> recent = dailyHistory.subList(Math.max(0, dailyHistory.size() - DAILY_HISTORY), dailyHistory.size());
        Watched state = new Watched(ticker, recent);
        state.catchUp(feed.history(ticker, MarketDataFeed.ONE_MINUTE, MINUTES_PER_SESSION));
        watched.put(ticker, state);
        subscriptions.add(feed.subscribe(ticker, tick -> { }, state::onMinuteBar));
    }

    public List<Ticker> watchedTickers() { return List.copyOf(watched.keySet()); }

    @Override public synchronized void close() {
        for (MarketDataFeed.Subscription subscription : subscriptions) subscription.close();
        subscriptions.clear();
        listeners.clear();
    }

    /** The state of one watched ticker, touched only by the feed's thread once watching has begun. */
    private final class Watched {
        private final Ticker ticker;
        private final SignalDetector detector;
        private final long[] recentVolumes = new long[settings.volumeAverageBars()];
        private int recentCount;
        private int recentNext;
        private long recentSum;
        private final LocalDate lastCompletedDay;
        private LocalDate day;
        private long open, high, low, close, volume;

        Watched(Ticker ticker, List<Bar> dailyHistory) {
            this.ticker = ticker;
            this.detector = new SignalDetector(ticker, dailyHistory, settings, calendar);
            this.lastCompletedDay = dailyHistory.isEmpty() ? null : calendar.tradingDate(dailyHistory.getLast().start());
        }

        /** Folds in the minute bars the feed already has for today, without announcing anything. */
        void catchUp(List<Bar> minuteBars) {
            for (Bar bar : minuteBars) {
                LocalDate date = calendar.tradingDate(bar.start());
                if (lastCompletedDay != null && !date.isAfter(lastCompletedDay)) {
                    rememberVolume(bar.volume());
                    continue;
                }
                evaluate(bar);
                rememberVolume(bar.volume());
            }
        }

        void onMinuteBar(Bar bar) {
            if (recentCount == recentVolumes.length) {
                double average = (double) recentSum / recentCount;
                double multiple = average > 0 ? bar.volume() / average : 0;
                if (multiple > settings.volumeSpikeMultiple()) listeners.publish(volumeSpike(bar, Math.round(average), multiple));
            }
            rememberVolume(bar.volume());
            for (IndicatorSignal signal : evaluate(bar)) listeners.publish(signal);
        }

        private List<IndicatorSignal> evaluate(Bar minute) {
            LocalDate date = calendar.tradingDate(minute.start());
            if (!date.equals(day)) {
                day = date;
                open = minute.openMicros();
                high = minute.highMicros();
                low = minute.lowMicros();
                volume = 0;
            }
            high = Math.max(high, minute.highMicros());
            low = Math.min(low, minute.lowMicros());
            close = minute.closeMicros();
            volume += minute.volume();
            Instant sessionOpen = calendar.sessionOpen(date);
            Bar today = new Bar(ticker, sessionOpen, MarketDataFeed.DAILY, open, high, low, close, volume);
            long sessionMillis = calendar.sessionClose(date).toEpochMilli() - sessionOpen.toEpochMilli();
            double elapsed = (double) (minute.end().toEpochMilli() - sessionOpen.toEpochMilli()) / sessionMillis;
            return detector.onDay(today, minute.end(), elapsed);
        }

        private void rememberVolume(long barVolume) {
            if (recentCount == recentVolumes.length) recentSum -= recentVolumes[recentNext];
            else recentCount++;
            recentVolumes[recentNext] = barVolume;
            recentSum += barVolume;
            recentNext = (recentNext + 1) % recentVolumes.length;
        }

        private MarketEvent.VolumeSpike volumeSpike(Bar bar, long average, double multiple) {
            LocalTime end = bar.end().atZone(calendar.zone()).toLocalTime();
            String text = String.format(Locale.ROOT, "%s traded %,d shares in the minute to %s, %.1f× its %d-bar average",
                    ticker, bar.volume(), MINUTE.format(end), multiple, settings.volumeAverageBars());
            return new MarketEvent.VolumeSpike(ticker, bar.end(), bar.volume(), average, multiple, text);
        }
    }
}
