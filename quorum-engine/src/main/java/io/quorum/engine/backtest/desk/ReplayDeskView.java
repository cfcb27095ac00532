package io.quorum.engine.backtest.desk;

import io.quorum.engine.agent.DeskView;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.backtest.ReplayView;
import io.quorum.engine.backtest.fill.Holding;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.BarWindow;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskModel;
import io.quorum.engine.position.Position;
import io.quorum.engine.risk.PositionSizer;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk as one ticker's agents see it in a replay, at the latest close and never after: the
 * daily bars shown so far (the bar that just closed and the {@value TechnicalView#COMPLETED_DAYS_READ}
 * before it, as the live view reads that many completed bars and today's forming one), the replay's
 * equity and holding, the session's limits. A replay has no news and no fundamentals: Sentiment
 * reads neutral and Fundamental has no valuation to judge.
 */
final class ReplayDeskView implements DeskView {
    static final int DAILY_BARS = TechnicalView.COMPLETED_DAYS_READ + 1;
    private static final int VOLUME_BARS = 20;
    private static final BigDecimal NEUTRAL = new BigDecimal("0.50");

    private final SessionId session;
    private final Ticker ticker;
    /** The desk's settings, with the session's limits as their default config. */
    private final DeskSettings settings;
    private final BarWindow shown = new BarWindow(DAILY_BARS);
    private ReplayView replay;
    private TechnicalView technical;

    ReplayDeskView(SessionId session, Ticker ticker, DeskSettings settings) {
        this.session = session;
        this.ticker = ticker;
        this.settings = settings;
    }

    /** The replay has closed {@code bar}: it is the latest the agents may see. */
    void show(Bar bar, ReplayView now) {
        shown.add(bar);
        replay = now;
        technical = null;
    }

    /** Whether enough bars have been shown for the technical view the agents read (the 200-day average). */
    boolean ready() { return shown.size() >= TechnicalView.BARS_NEEDED; }

    /** The latest bar's volume against the average of the 20 bars before it (0 when unknown), as the live monitor measures a signal's volume. */
    double relativeVolume() {
        int latest = shown.size() - 1;
        int before = Math.min(VOLUME_BARS, latest);
        long sum = 0;
        for (int i = latest - before; i < latest; i++) sum += shown.volume(i);
        return before == 0 || sum == 0 ? 0 : shown.volume(latest) * (double) before / sum;
    }

    @Override public TechnicalView technical(Ticker asked) {
        requireOwn(asked);
        if (technical == null) technical = TechnicalView.of(shown);
        return technical;
    }

    @Override public Optional<Fundamentals> fundamentals(Ticker asked) { return Optional.empty(); }

    @Override public BigDecimal sentiment(Ticker asked) { return NEUTRAL; }

    @Override public List<NewsItem> recentNews(Ticker asked, int count) { return List.of(); }

    @Override public Optional<Tick> lastTick(Ticker asked) {
        if (!asked.equals(ticker) || shown.isEmpty()) return Optional.empty();
        int latest = shown.size() - 1;
        long close = shown.closeMicros(latest);
        return Optional.of(new Tick(ticker, replay.now().toEpochMilli(), close, close, close, shown.volume(latest)));
    }

    /** The decision is for the next open, when the market is open. */
    @Override public boolean marketOpen() { return true; }

    @Override public AutoTradingConfig config() { return settings.defaultConfig(); }

    @Override public Exposure exposure(Ticker asked) {
        Money equity = Money.ofMicros(replay.equityMicros());
        Optional<Holding> holding = replay.holding(asked);
        long quantity = holding.map(Holding::signedShares).orElse(0L);
        Money value = Money.ofMicros(Math.multiplyExact(Math.abs(quantity), lastClose()));
        return new Exposure(equity, quantity, value, Money.ofMicros(Math.abs(replay.marketValueMicros())),
                Money.ofMicros(Math.subtractExact(replay.equityMicros(), replay.previousEquityMicros())));
    }

    /** The account with this ticker's holding at the latest close; a replay keeps no return history, so VaR and stress limits have nothing to measure. */
    @Override public AccountLimitCheck accountLimits() {
        List<Position> positions = new ArrayList<>(1);
        replay.holding(ticker).ifPresent(holding -> positions.add(position(holding)));
        long held = positions.isEmpty() ? 0 : Math.multiplyExact(positions.getFirst().quantity(), lastClose());
        Portfolio account = Portfolio.of(Money.ofMicros(Math.subtractExact(replay.equityMicros(), held)), positions, Map.of());
        return new AccountLimitCheck(account, RiskModel.EMPTY, settings.risk());
    }

    @Override public long suggestedShares(Ticker asked, Price entry, Price stop) {
        AutoTradingConfig config = config();
        long atr = config.sizing().readsAtr() ? technical(asked).atr14().micros() : 0;
        return new PositionSizer(config.sizing(), config.maxPositionPct())
                .suggested(Money.ofMicros(replay.equityMicros()), entry, stop, atr, accountLimits(), asked, exposure(asked).quantity());
    }

    private Position position(Holding holding) {
        Price last = Price.ofMicros(lastClose());
        Money cost = Money.ofMicros(Math.multiplyExact(holding.shares(), holding.entryMicros()));
        Money unrealised = Money.ofMicros(Math.multiplyExact(holding.signedShares(), lastClose() - holding.entryMicros()));
        return new Position(session, ticker, holding.isLong() ? Direction.LONG : Direction.SHORT, holding.shares(), cost,
                BigDecimal.valueOf(holding.entryMicros()).movePointLeft(6), holding.protection(), null, null, holding.entryTime(), last, unrealised, Money.ZERO, false);
    }

    private long lastClose() { return shown.closeMicros(shown.size() - 1); }

    private void requireOwn(Ticker asked) {
        if (!asked.equals(ticker)) throw new IllegalArgumentException("the agents of " + ticker + " read only " + ticker + ", not " + asked);
    }
}
