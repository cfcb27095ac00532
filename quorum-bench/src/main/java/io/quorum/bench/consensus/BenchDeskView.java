package io.quorum.bench.consensus;

import io.quorum.engine.agent.DeskView;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskModel;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A flat desk for the bench's agents: equity and no position, the default limits, the market open, no news. They read no chart. */
final class BenchDeskView implements DeskView {
    private static final Exposure FLAT = new Exposure(Money.ofDollars(100_000), 0, Money.ZERO, Money.ZERO, Money.ZERO);

    @Override public TechnicalView technical(Ticker ticker) { throw new UnsupportedOperationException("the bench's agents read no chart"); }

    @Override public Optional<Fundamentals> fundamentals(Ticker ticker) { return Optional.empty(); }

    @Override public BigDecimal sentiment(Ticker ticker) { return new BigDecimal("0.50"); }

    @Override public List<NewsItem> recentNews(Ticker ticker, int count) { return List.of(); }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return Optional.empty(); }

    @Override public boolean marketOpen() { return true; }

    @Override public AutoTradingConfig config() { return AutoTradingConfig.defaults(); }

    @Override public Exposure exposure(Ticker ticker) { return FLAT; }

    /** An account that holds nothing: no account limit is near. */
    @Override public AccountLimitCheck accountLimits() { return new AccountLimitCheck(Portfolio.EMPTY, RiskModel.EMPTY, RiskSettings.defaults()); }

    @Override public long suggestedShares(Ticker ticker, Price entry, Price stop) { return 100; }
}
