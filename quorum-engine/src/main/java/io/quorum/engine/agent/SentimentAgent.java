package io.quorum.engine.agent;

import io.quorum.engine.market.NewsItem;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import java.math.BigDecimal;
import java.util.List;

/** Reads the news: answers questions with the ticker's decayed sentiment score and votes with the mood. */
public final class SentimentAgent extends Agent {
    private static final BigDecimal POSITIVE = new BigDecimal("0.55");
    private static final BigDecimal NEGATIVE = new BigDecimal("0.45");

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

    /** Answers in reply to the question, opening with the verdict the asker reads ({@link NewsAnswer}). */
    @Override protected void onQuestion(AgentMessage message, Question question) {
        BigDecimal score = desk.sentiment(ticker);
        NewsAnswer.Tone tone = score.compareTo(POSITIVE) >= 0 ? NewsAnswer.Tone.POSITIVE
                : score.compareTo(NEGATIVE) <= 0 ? NewsAnswer.Tone.NEGATIVE : NewsAnswer.Tone.NONE;
        Update answer = Update.of(Update.UpdateKind.OBSERVATION, ticker, NewsAnswer.say(tone, summary()));
        publish(AgentMessage.draft(session, role(), Recipients.all(), answer, clock().now()).inReplyTo(message.id()));
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
