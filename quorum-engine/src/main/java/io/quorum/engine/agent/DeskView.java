package io.quorum.engine.agent;

import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimits;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What an agent may read about the desk. Read-only: agents change the world only by talking on
 * the bus. Implemented by the desk over its market feed, portfolio and session.
 */
public interface DeskView {
    TechnicalView technical(Ticker ticker);

    Optional<Fundamentals> fundamentals(Ticker ticker);

    /** Sentiment in [0, 1], 0.50 neutral. */
    BigDecimal sentiment(Ticker ticker);

    List<NewsItem> recentNews(Ticker ticker, int count);

    Optional<Tick> lastTick(Ticker ticker);

    boolean marketOpen();

    AutoTradingConfig config();

    Exposure exposure(Ticker ticker);

    /**
     * The account's limits on exposure, VaR and stress loss over the latest snapshot: what the
     * RiskEngine will hold an order to, so that Risk can say beforehand what fits.
     */
    AccountLimits accountLimits();

    /** Whole shares that risk the configured fraction of equity between entry and stop, capped by the max position. */
    long suggestedShares(Ticker ticker, Price entry, Price stop);

    /**
     * The portfolio as Risk sees it: equity, the signed quantity held in the ticker, the market
     * value of that holding and of all holdings, and today's P&L.
     */
    record Exposure(Money equity, long quantity, Money tickerValue, Money grossValue, Money dailyPnl) {
        public BigDecimal tickerPct() { return tickerValue.percentOf(equity, 1); }

        public BigDecimal grossPct() { return grossValue.percentOf(equity, 1); }

        public BigDecimal dailyPnlPct() { return dailyPnl.percentOf(equity, 2); }
    }
}
