package io.quorum.engine.agent;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.AccountLimits;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.ConfigFields;
import io.quorum.engine.journal.SeenDesk;
import io.quorum.engine.journal.SeenDesk.LimitAsked;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An agent's view of the desk that, while the agent votes ({@link #watch} to {@link #seen}), gives
 * each answer once and keeps it: every read of the vote sees the same desk, and that desk is what
 * the vote is journaled with ({@link SeenDesk}). Outside a vote it passes every question through.
 * Used on the agent's own thread only.
 */
final class SeeingDeskView implements DeskView {
    private final DeskView live;
    private final Ticker ticker;
    private boolean watching;
    private TechnicalView technical;
    private Optional<Fundamentals> fundamentals;
    private BigDecimal sentiment;
    private List<NewsItem> news;
    private Optional<Tick> lastTick;
    private Boolean marketOpen;
    private AutoTradingConfig config;
    private Exposure exposure;
    private final List<LimitAsked> limitsAsked = new ArrayList<>();

    SeeingDeskView(DeskView live, Ticker ticker) {
        this.live = live;
        this.ticker = ticker;
    }

    /** From now until {@link #seen}, the agent is voting: each answer about its ticker is read once and kept. */
    void watch() {
        watching = true;
        technical = null;
        fundamentals = null;
        sentiment = null;
        news = null;
        lastTick = null;
        marketOpen = null;
        config = null;
        exposure = null;
        limitsAsked.clear();
    }

    /** The desk the vote saw, as far as it looked; the view passes through again after. */
    SeenDesk seen() {
        watching = false;
        SeenDesk.Exposure held = exposure == null ? null
                : new SeenDesk.Exposure(exposure.equity(), exposure.quantity(), exposure.tickerValue(), exposure.grossValue(), exposure.dailyPnl());
        return new SeenDesk(ticker, technical, fundamentals, sentiment, news, lastTick, marketOpen, config == null ? null : ConfigFields.of(config), held, limitsAsked);
    }

    private boolean pins(Ticker asked) { return watching && asked.equals(ticker); }

    @Override public TechnicalView technical(Ticker asked) {
        if (!pins(asked)) return live.technical(asked);
        if (technical == null) technical = live.technical(asked);
        return technical;
    }

    @Override public Optional<Fundamentals> fundamentals(Ticker asked) {
        if (!pins(asked)) return live.fundamentals(asked);
        if (fundamentals == null) fundamentals = live.fundamentals(asked);
        return fundamentals;
    }

    @Override public BigDecimal sentiment(Ticker asked) {
        if (!pins(asked)) return live.sentiment(asked);
        if (sentiment == null) sentiment = live.sentiment(asked);
        return sentiment;
    }

    /** The latest {@link Agent#HEADLINES_SEEN} headlines are kept; a vote that asks for more reads them live. */
    @Override public List<NewsItem> recentNews(Ticker asked, int count) {
        if (!pins(asked) || count > Agent.HEADLINES_SEEN) return live.recentNews(asked, count);
        if (news == null) news = List.copyOf(live.recentNews(asked, Agent.HEADLINES_SEEN));
        return news.subList(0, Math.min(count, news.size()));
    }

    @Override public Optional<Tick> lastTick(Ticker asked) {
        if (!pins(asked)) return live.lastTick(asked);
        if (lastTick == null) lastTick = live.lastTick(asked);
        return lastTick;
    }

    @Override public boolean marketOpen() {
        if (!watching) return live.marketOpen();
        if (marketOpen == null) marketOpen = live.marketOpen();
        return marketOpen;
    }

    @Override public AutoTradingConfig config() {
        if (!watching) return live.config();
        if (config == null) config = live.config();
        return config;
    }

    @Override public Exposure exposure(Ticker asked) {
        if (!pins(asked)) return live.exposure(asked);
        if (exposure == null) exposure = live.exposure(asked);
        return exposure;
    }

    @Override public AccountLimits accountLimits() {
        AccountLimits limits = live.accountLimits();
        return watching ? new Noted(limits) : limits;
    }

    @Override public long suggestedShares(Ticker asked, Price entry, Price stop) { return live.suggestedShares(asked, entry, stop); }

    /** The account's limits, each answer about an order noted for the vote's record. */
    private final class Noted implements AccountLimits {
        private final AccountLimits limits;

        Noted(AccountLimits limits) { this.limits = limits; }

        @Override public Optional<AccountLimitCheck.Breach> firstBreach(Ticker asked, long sessionShares, long shares, Price price) {
            Optional<AccountLimitCheck.Breach> breach = limits.firstBreach(asked, sessionShares, shares, price);
            limitsAsked.add(new LimitAsked(LimitAsked.Question.FIRST_BREACH, asked, sessionShares, shares, price, breach.orElse(null), 0));
            return breach;
        }

        @Override public long largestFit(Ticker asked, long sessionShares, long wanted, Price price) {
            long fit = limits.largestFit(asked, sessionShares, wanted, price);
            limitsAsked.add(new LimitAsked(LimitAsked.Question.LARGEST_FIT, asked, sessionShares, wanted, price, null, fit));
            return fit;
        }

        @Override public Optional<AccountLimitCheck.Breach> tailRiskOverLimit() { return limits.tailRiskOverLimit(); }

        @Override public long smallestCut(Ticker asked, long held, Price price) { return limits.smallestCut(asked, held, price); }
    }
}
