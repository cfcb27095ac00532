package io.quorum.engine.agent;

import io.quorum.engine.market.NewsItem;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads the news: answers questions with the ticker's decayed sentiment score and votes with the
 * mood. A breaking headline (one whose own score is at least {@value #BREAKING} either way, see
 * {@link SentimentScorer#scoreHeadline}) is said as an ALERT, and becomes a proposal when it runs
 * against the position (REDUCE it by half) or, with no position, when the ticker's score agrees with
 * it (a {@link HalfSizeEntry}); at most one proposal per {@link #COOL_DOWN}.
 */
public final class SentimentAgent extends Agent {
    private static final BigDecimal POSITIVE = new BigDecimal("0.55");
    private static final BigDecimal NEGATIVE = new BigDecimal("0.45");
    static final double BREAKING = 0.5;
    static final Duration COOL_DOWN = Duration.ofMinutes(30);

    private Instant lastProposal = Instant.MIN;

    public SentimentAgent(AgentContext context) { super(AgentRole.SENTIMENT, context); }

    @Override public List<String> analyze() {
        return List.of(summary());
    }

    @Override public Judgement judge(Proposal proposal) {
        BigDecimal score = desk.sentiment(proposal.ticker());
        if (!proposal.action().addsExposure()) return Judgement.approve("sentiment " + score + " does not stand in the way of reducing risk");
        boolean bullish = score.compareTo(POSITIVE) >= 0;
        boolean bearish = score.compareTo(NEGATIVE) <= 0;
        boolean isLong = proposal.direction() == Direction.LONG;
        if (isLong ? bullish : bearish) return Judgement.approve("market sentiment " + score + " (" + SentimentScorer.describe(score) + ") is aligned with the trade");
        if (isLong ? bearish : bullish) return Judgement.reject("sentiment " + score + " (" + SentimentScorer.describe(score) + ") runs against the trade");
        return Judgement.abstain("sentiment is neutral at " + score);
    }

    /** A headline about the ticker has just arrived (the desk's score already counts it). */
    public void onHeadline(NewsItem item) {
        double tone = SentimentScorer.scoreHeadline(item.headline());
        if (Math.abs(tone) < BREAKING) return;
        BigDecimal score = desk.sentiment(ticker);
        Direction side = tone > 0 ? Direction.LONG : Direction.SHORT;
        String heard = "Breaking: \"" + item.headline() + "\" (" + item.source() + "), " + (tone > 0 ? "good" : "bad") + " news for " + ticker
                + "; sentiment now " + score + " (" + SentimentScorer.describe(score) + ")";
        say(Recipients.all(), new Alert(Alert.AlertKind.NEWS, tone > 0 ? Alert.Severity.INFO : Alert.Severity.WARNING, ticker, heard));
        Instant now = clock().now();
        if (now.isBefore(lastProposal.plus(COOL_DOWN))) return;
        Proposal proposal = proposalOn(item, side, score);
        if (proposal == null) return;
        lastProposal = now;
        putForward(proposal);
    }

    private Proposal proposalOn(NewsItem item, Direction side, BigDecimal score) {
        long held = desk.exposure(ticker).quantity();
        Price price = HalfSizeEntry.lastPrice(desk, ticker);
        if (held != 0) {
            Direction position = held > 0 ? Direction.LONG : Direction.SHORT;
            if (position == side) return null;
            return new Proposal(ProposalId.random(), TradeAction.REDUCE, ticker, position, Size.percentOfPosition("50"), price, null, null, null,
                    "the headline \"" + item.headline() + "\" runs against the " + position.name().toLowerCase() + " position; sentiment " + score,
                    "Reduce the " + position.name().toLowerCase() + " " + ticker + " position by half at about $" + price + " on the news");
        }
        boolean agrees = side == Direction.LONG ? score.compareTo(POSITIVE) >= 0 : score.compareTo(NEGATIVE) <= 0;
        if (!agrees) return null;
        return HalfSizeEntry.of(desk, ticker, side, price, "the headline \"" + item.headline() + "\" moves sentiment to " + score
                + " (" + SentimentScorer.describe(score) + ")", "on the news");
    }

    /** Answers opening with the verdict the asker reads ({@link NewsAnswer}). */
    @Override protected Update answerByRules(Question question) {
        BigDecimal score = desk.sentiment(ticker);
        NewsAnswer.Tone tone = score.compareTo(POSITIVE) >= 0 ? NewsAnswer.Tone.POSITIVE
                : score.compareTo(NEGATIVE) <= 0 ? NewsAnswer.Tone.NEGATIVE : NewsAnswer.Tone.NONE;
        return Update.of(Update.UpdateKind.OBSERVATION, ticker, NewsAnswer.say(tone, summary()));
    }

    private String summary() {
        BigDecimal score = desk.sentiment(ticker);
        List<NewsItem> news = desk.recentNews(ticker, 2);
        StringBuilder text = new StringBuilder("News sentiment score: ").append(score).append(" (").append(SentimentScorer.describe(score)).append(")");
        if (news.isEmpty()) return text.append(". No recent headlines.").toString();
        text.append(". Recent headlines: ");
        for (int i = 0; i < news.size(); i++) {
            if (i > 0) text.append("; ");
            text.append('"').append(news.get(i).headline()).append("\" (").append(news.get(i).source()).append(')');
        }
        return text.toString();
    }
}
