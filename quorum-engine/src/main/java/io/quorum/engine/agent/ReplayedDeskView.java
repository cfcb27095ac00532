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
import java.util.List;
import java.util.Optional;

/**
 * The desk an agent saw when it voted, played back from its {@link SeenDesk} for a replay of its
 * rules. A question the vote did not ask then (another ticker, another order put to the account's
 * limits) has no recorded answer: it throws {@link NotSeen}, which the replay reports as a rule that
 * asks something new.
 */
final class ReplayedDeskView implements DeskView {
    private final SeenDesk seen;

    ReplayedDeskView(SeenDesk seen) { this.seen = seen; }

    /** A question the recorded vote never asked. */
    static final class NotSeen extends RuntimeException {
        NotSeen(String question) { super(question + " was not asked when the vote was cast"); }
    }

    private <T> T asked(Ticker asked, T answer, String question) {
        if (!asked.equals(seen.ticker())) throw new NotSeen("the desk's view of " + asked);
        if (answer == null) throw new NotSeen(question);
        return answer;
    }

    @Override public TechnicalView technical(Ticker ticker) { return asked(ticker, seen.technical(), "the chart"); }

    @Override public Optional<Fundamentals> fundamentals(Ticker ticker) { return asked(ticker, seen.fundamentals(), "the valuation"); }

    @Override public BigDecimal sentiment(Ticker ticker) { return asked(ticker, seen.sentiment(), "the news score"); }

    @Override public List<NewsItem> recentNews(Ticker ticker, int count) {
        List<NewsItem> news = asked(ticker, seen.news(), "the headlines");
        if (count > Agent.HEADLINES_SEEN) throw new NotSeen("the latest " + count + " headlines");
        return news.subList(0, Math.min(count, news.size()));
    }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return asked(ticker, seen.lastTick(), "the last tick"); }

    @Override public boolean marketOpen() { return asked(seen.ticker(), seen.marketOpen(), "whether the market was open"); }

    @Override public AutoTradingConfig config() { return ConfigFields.toConfig(asked(seen.ticker(), seen.config(), "the limits in force")); }

    @Override public Exposure exposure(Ticker ticker) {
        SeenDesk.Exposure held = asked(ticker, seen.exposure(), "the exposure");
        return new Exposure(held.equity(), held.quantity(), held.tickerValue(), held.grossValue(), held.dailyPnl());
    }

    @Override public AccountLimits accountLimits() { return new Recorded(); }

    @Override public long suggestedShares(Ticker asked, Price entry, Price stop) { throw new NotSeen("the sizing rule"); }

    /** The account's limits as they answered then. */
    private final class Recorded implements AccountLimits {
        @Override public Optional<AccountLimitCheck.Breach> firstBreach(Ticker asked, long sessionShares, long shares, Price price) {
            return Optional.ofNullable(answer(LimitAsked.Question.FIRST_BREACH, asked, sessionShares, shares, price).breach());
        }

        @Override public long largestFit(Ticker asked, long sessionShares, long wanted, Price price) {
            return answer(LimitAsked.Question.LARGEST_FIT, asked, sessionShares, wanted, price).fit();
        }

        @Override public Optional<AccountLimitCheck.Breach> tailRiskOverLimit() { throw new NotSeen("the account's tail risk as it stands"); }

        @Override public long smallestCut(Ticker asked, long held, Price price) { throw new NotSeen("the smallest cut of " + asked); }

        private LimitAsked answer(LimitAsked.Question question, Ticker asked, long sessionShares, long shares, Price price) {
            for (LimitAsked recorded : seen.limitsAsked()) {
                if (recorded.asks(question, asked, sessionShares, shares, price)) return recorded;
            }
            throw new NotSeen("the account's limits on " + shares + " shares of " + asked + " at $" + price);
        }
    }
}
