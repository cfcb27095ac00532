package io.quorum.engine.agent;

import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.market.Bar;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.portfolio.DailyHistory;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskModel;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A desk whose every reading a test sets by hand. */
final class FakeDeskView implements DeskView {
    TechnicalView technical;
    Fundamentals fundamentals;
    BigDecimal sentiment = new BigDecimal("0.50");
    final List<NewsItem> news = new ArrayList<>();
    Tick lastTick;
    boolean marketOpen = true;
    AutoTradingConfig config = AutoTradingConfig.defaults();
    Exposure exposure = new Exposure(Money.ofDollars(100_000), 0, Money.ZERO, Money.ZERO, Money.ZERO);
    long suggestedShares = 100;
    /** An account that holds nothing: no account limit is near. */
    AccountLimitCheck accountLimits = new AccountLimitCheck(Portfolio.EMPTY, RiskModel.EMPTY, RiskSettings.defaults());

    @Override public TechnicalView technical(Ticker ticker) { return technical; }

    @Override public Optional<Fundamentals> fundamentals(Ticker ticker) { return Optional.ofNullable(fundamentals); }

    @Override public BigDecimal sentiment(Ticker ticker) { return sentiment; }

    @Override public List<NewsItem> recentNews(Ticker ticker, int count) { return news.subList(0, Math.min(count, news.size())); }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return Optional.ofNullable(lastTick); }

    @Override public boolean marketOpen() { return marketOpen; }

    @Override public AutoTradingConfig config() { return config; }

    @Override public Exposure exposure(Ticker ticker) { return exposure; }

    @Override public AccountLimitCheck accountLimits() { return accountLimits; }

    @Override public long suggestedShares(Ticker ticker, Price entry, Price stop) { return suggestedShares; }

    /** A calm uptrend at $100 with a $2 ATR and a million shares a day; today opened at $100. */
    static TechnicalView calmUptrend() {
        return new TechnicalView(Price.parse("100"), Price.parse("98"), Price.parse("95"), Price.parse("85"), new BigDecimal("58.0"),
                Price.parse("2"), new BigDecimal("0.8"), new BigDecimal("0.5"), Price.parse("101"), Price.parse("93"), 1_000_000, 1_200_000,
                Price.parse("100"));
    }

    /**
     * The account limits of $100,000 in cash and {@code held} shares of {@code ticker} at $100, a
     * ticker that closed at 100 and 102 on alternate days for 250 days: a long loses 1.96% on its bad
     * days, so its VaR 99% is 1.96% of its value.
     */
    static AccountLimitCheck seesawAccount(Ticker ticker, long held, PortfolioLimits limits) {
        DailyHistory history = new DailyHistory(250);
        List<Bar> bars = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int day = 0; day <= 250; day++) {
            long close = day % 2 == 0 ? 100_000_000 : 102_000_000;
            bars.add(new Bar(ticker, first.plusDays(day).atTime(14, 30).toInstant(ZoneOffset.UTC), MarketDataFeed.DAILY, close, close, close, close, 1_000_000));
        }
        history.remember(ticker, bars, "Technology");
        Price hundred = Price.parse("100");
        List<Position> positions = held == 0 ? List.of() : List.of(new Position(SessionId.of("s1"), ticker, held > 0 ? Direction.LONG : Direction.SHORT,
                Math.abs(held), hundred.times(Math.abs(held)), new BigDecimal("100"), new Protection(null, null, null), null, hundred, Instant.EPOCH, hundred,
                Money.ZERO, Money.ZERO, false));
        return new AccountLimitCheck(Portfolio.of(Money.ofDollars(100_000).minus(hundred.times(held)), positions, history.sectors()), history.model(),
                RiskSettings.defaults().withLimits(limits));
    }
}
