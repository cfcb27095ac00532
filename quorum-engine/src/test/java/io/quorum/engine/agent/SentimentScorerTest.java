package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SentimentScorerTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NINE_THIRTY = Instant.parse("2026-11-20T14:30:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Apple AI features drive iPhone demand to record high | 1.0
            Apple shares plunge after earnings miss              | -1.0
            Apple beats estimates but warns on margins           | 0.0
            Apple holds annual shareholder meeting               | 0.0
            Regulator does not approve the deal                  | 0.0
            Apple fails to beat estimates                        | -1.0
            """)
    void headline_scores_follow_the_word_list(String headline, double expected) {
        assertThat(SentimentScorer.scoreHeadline(headline)).isEqualTo(expected);
    }

    @Test
    void a_ticker_without_news_is_neutral() {
        assertThat(new SentimentScorer(Duration.ofHours(4)).score(AAPL, NINE_THIRTY)).isEqualByComparingTo("0.50");
    }

    @Test
    void positive_news_lifts_the_score_and_it_decays_back_towards_neutral() {
        SentimentScorer scorer = new SentimentScorer(Duration.ofHours(1));
        scorer.add(new NewsItem(AAPL, "Apple AI features drive record iPhone demand", "Newswire", NINE_THIRTY));

        BigDecimal fresh = scorer.score(AAPL, NINE_THIRTY);
        BigDecimal anHourLater = scorer.score(AAPL, NINE_THIRTY.plus(Duration.ofHours(1)));
        BigDecimal aDayLater = scorer.score(AAPL, NINE_THIRTY.plus(Duration.ofDays(1)));

        assertThat(fresh).isEqualByComparingTo("0.75");
        assertThat(anHourLater).isLessThan(fresh).isGreaterThan(new BigDecimal("0.50"));
        assertThat(aDayLater).isEqualByComparingTo("0.50");
        assertThat(SentimentScorer.describe(fresh)).isEqualTo("positive");
    }

    @Test
    void bad_news_outweighs_older_good_news() {
        SentimentScorer scorer = new SentimentScorer(Duration.ofHours(1));
        scorer.add(new NewsItem(AAPL, "Apple shares rally on strong demand", "Newswire", NINE_THIRTY));
        scorer.add(new NewsItem(AAPL, "Apple plunges as regulators open fraud probe", "Newswire", NINE_THIRTY.plus(Duration.ofHours(2))));

        assertThat(SentimentScorer.describe(scorer.score(AAPL, NINE_THIRTY.plus(Duration.ofHours(2))))).isEqualTo("negative");
    }
}
