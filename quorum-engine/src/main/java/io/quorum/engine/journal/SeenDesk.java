package io.quorum.engine.journal;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimitCheck;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The desk as one agent saw it while it voted, for its one ticker: each answer its view gave (the
 * chart, the valuation, the news score and headlines, the last tick, whether the market was open,
 * the limits in force, the exposure) and each question it put to the account's limits with the
 * answer. Journaled with the vote, so that a replay can ask the agent's rules again on the same desk.
 * A field the vote never asked about is null; an answer that was "none" is an empty optional.
 *
 * @param news        the latest headlines, at most as many as a prompt shows
 * @param config      the limits in force, each field under its API name as the journal keeps a config (ConfigFields)
 * @param limitsAsked the account-limit questions asked, in order, with their answers
 */
public record SeenDesk(Ticker ticker, TechnicalView technical, Optional<Fundamentals> fundamentals, BigDecimal sentiment, List<NewsItem> news,
                       Optional<Tick> lastTick, Boolean marketOpen, Map<String, String> config, Exposure exposure, List<LimitAsked> limitsAsked) {
    public SeenDesk {
        Objects.requireNonNull(ticker, "ticker");
        news = news == null ? null : List.copyOf(news);
        config = config == null ? null : Collections.unmodifiableMap(new TreeMap<>(config));
        limitsAsked = List.copyOf(limitsAsked);
    }

    /** The account and the ticker's holding as the vote saw them: equity, signed shares held, their value, all holdings' value, today's P&L. */
    public record Exposure(Money equity, long quantity, Money tickerValue, Money grossValue, Money dailyPnl) {
        public Exposure {
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(tickerValue, "tickerValue");
            Objects.requireNonNull(grossValue, "grossValue");
            Objects.requireNonNull(dailyPnl, "dailyPnl");
        }
    }

    /**
     * One question put to the account's limits and its answer: the first limit an order of
     * {@code shares} would break ({@code breach}, null for none), or the largest fit up to {@code shares} ({@code fit}).
     */
    public record LimitAsked(Question question, Ticker ticker, long sessionShares, long shares, Price price, AccountLimitCheck.Breach breach, long fit) {
        public LimitAsked {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(ticker, "ticker");
            Objects.requireNonNull(price, "price");
            if (question == Question.LARGEST_FIT && breach != null) throw new IllegalArgumentException("breach: a largest fit's answer is a size");
        }

        /** Whether this is the answer to the same question. */
        public boolean asks(Question other, Ticker otherTicker, long otherSessionShares, long otherShares, Price otherPrice) {
            return question == other && ticker.equals(otherTicker) && sessionShares == otherSessionShares && shares == otherShares && price.equals(otherPrice);
        }

        public enum Question { FIRST_BREACH, LARGEST_FIT }
    }
}
