package io.quorum.engine.agent;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
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

    @Override public TechnicalView technical(Ticker ticker) { return technical; }

    @Override public Optional<Fundamentals> fundamentals(Ticker ticker) { return Optional.ofNullable(fundamentals); }

    @Override public BigDecimal sentiment(Ticker ticker) { return sentiment; }

    @Override public List<NewsItem> recentNews(Ticker ticker, int count) { return news.subList(0, Math.min(count, news.size())); }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return Optional.ofNullable(lastTick); }

    @Override public boolean marketOpen() { return marketOpen; }

    @Override public AutoTradingConfig config() { return config; }

    @Override public Exposure exposure(Ticker ticker) { return exposure; }

    @Override public long suggestedShares(Ticker ticker, Price entry, Price stop) { return suggestedShares; }

    /** A calm uptrend at $100 with a $2 ATR and a million shares a day; today opened at $100. */
    static TechnicalView calmUptrend() {
        return new TechnicalView(Price.parse("100"), Price.parse("98"), Price.parse("95"), Price.parse("85"), new BigDecimal("58.0"),
                Price.parse("2"), new BigDecimal("0.8"), new BigDecimal("0.5"), Price.parse("101"), Price.parse("93"), 1_000_000, 1_200_000,
                Price.parse("100"));
    }
}
