package io.quorum.engine.desk;

import io.quorum.engine.agent.DeskView;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.AccountLimits;
import io.quorum.engine.position.Position;
import io.quorum.engine.snapshot.DeskSnapshot;
import io.quorum.engine.snapshot.SessionSnapshot;
import io.quorum.engine.risk.PositionSizer;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The desk as one session's agents see it: market, news, valuation, and this session's own positions. */
final class SessionDeskView implements DeskView {
    /** A technical view is recomputed at most once per this much market time: daily indicators barely move in five minutes. */
    private static final Duration TECHNICAL_REFRESH = Duration.ofMinutes(5);
    private static final int MINUTE_BARS = 400;

    private final Desk desk;
    private final TradingSession session;
    private final ConcurrentHashMap<Ticker, CachedView> technical = new ConcurrentHashMap<>();

    SessionDeskView(Desk desk, TradingSession session) {
        this.desk = desk;
        this.session = session;
    }

    /** Computed once per refresh period however many agents ask at the same moment, as three voters do. */
    @Override public TechnicalView technical(Ticker ticker) {
        Instant now = desk.clock().now();
        return technical.compute(ticker, (t, cached) -> cached != null && now.isBefore(cached.at.plus(TECHNICAL_REFRESH))
                ? cached : new CachedView(TechnicalView.of(dailyBarsWithToday(t, now)), now)).view;
    }

    @Override public Optional<Fundamentals> fundamentals(Ticker ticker) { return desk.ports().fundamentals().fundamentals(ticker); }

    @Override public BigDecimal sentiment(Ticker ticker) { return desk.sentiment().score(ticker, desk.clock().now()); }

    @Override public List<NewsItem> recentNews(Ticker ticker, int count) { return desk.ports().news().recent(ticker, count); }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return desk.ports().market().lastTick(ticker); }

    @Override public boolean marketOpen() {
        Instant now = desk.clock().now();
        AutoTradingConfig config = config();
        LocalTime local = now.atZone(config.timeZone()).toLocalTime();
        return desk.ports().calendar().isOpen(now) && !local.isBefore(config.tradingHoursStart()) && local.isBefore(config.tradingHoursEnd());
    }

    /** The limits in force as of the latest snapshot; the session was in the snapshot before its agents first spoke. */
    @Override public AutoTradingConfig config() {
        return desk.snapshot().session(session.id()).map(SessionSnapshot::limits).orElseGet(session::config);
    }

    /** From the engine loop's latest {@link DeskSnapshot}: an agent never reads the engine's own state. */
    @Override public Exposure exposure(Ticker ticker) {
        DeskSnapshot snapshot = desk.snapshot();
        Optional<SessionSnapshot> own = snapshot.session(session.id());
        if (own.isEmpty()) return new Exposure(snapshot.equity(), 0, Money.ZERO, Money.ZERO, Money.ZERO);
        Optional<Position> position = own.get().position(ticker);
        return new Exposure(snapshot.equity(), position.map(Position::signedQuantity).orElse(0L),
                position.map(Position::marketValue).orElse(Money.ZERO), own.get().grossValue(), own.get().pnl().daily());
    }

    @Override public AccountLimits accountLimits() {
        DeskSnapshot snapshot = desk.snapshot();
        return new AccountLimitCheck(snapshot.portfolio(), snapshot.riskModel(), desk.settings().risk());
    }

    /** By the session's sizing rule, capped by the position held and the account's limits, all as of the latest snapshot. */
    @Override public long suggestedShares(Ticker ticker, Price entry, Price stop) {
        AutoTradingConfig config = config();
        long atr = config.sizing().readsAtr() ? technical(ticker).atr14().micros() : 0;
        return new PositionSizer(config.sizing(), config.maxPositionPct())
                .suggested(desk.snapshot().equity(), entry, stop, atr, accountLimits(), ticker, exposure(ticker).quantity());
    }

    /** Completed daily bars plus today's bar so far, built from today's minute bars. */
    private List<Bar> dailyBarsWithToday(Ticker ticker, Instant now) {
        MarketDataFeed market = desk.ports().market();
        List<Bar> daily = new ArrayList<>(market.history(ticker, MarketDataFeed.DAILY, TechnicalView.COMPLETED_DAYS_READ));
        Instant dayStart = desk.ports().calendar().startOfTradingDay(now);
        Bar today = null;
        for (Bar minute : market.history(ticker, MarketDataFeed.ONE_MINUTE, MINUTE_BARS)) {
            if (minute.start().isBefore(dayStart)) continue;
            today = today == null ? new Bar(ticker, dayStart, MarketDataFeed.DAILY, minute.openMicros(), minute.highMicros(), minute.lowMicros(), minute.closeMicros(), minute.volume())
                    : new Bar(ticker, dayStart, MarketDataFeed.DAILY, today.openMicros(), Math.max(today.highMicros(), minute.highMicros()),
                            Math.min(today.lowMicros(), minute.lowMicros()), minute.closeMicros(), today.volume() + minute.volume());
        }
        if (today != null && (daily.isEmpty() || daily.get(daily.size() - 1).start().isBefore(dayStart))) daily.add(today);
        return daily;
    }

    private record CachedView(TechnicalView view, Instant at) {}
}
