package io.quorum.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamDecoderTest {
    private final StreamDecoder decoder = new StreamDecoder();
    private final Recorder heard = new Recorder();

    /** Every message heard, in words, in order. */
    private static final class Recorder implements StreamListener {
        final List<String> messages = new ArrayList<>();
        final List<NewsStory> stories = new ArrayList<>();

        @Override public void trade(String symbol, long epochMillis, long priceMicros, long size) { messages.add("trade " + symbol + " " + epochMillis + " " + priceMicros + " " + size); }
        @Override public void quote(String symbol, long epochMillis, long bidMicros, long askMicros) { messages.add("quote " + symbol + " " + epochMillis + " " + bidMicros + " " + askMicros); }
        @Override public void minuteBar(String symbol, long startMillis, long openMicros, long highMicros, long lowMicros, long closeMicros, long volume) {
            messages.add("bar " + symbol + " " + startMillis + " " + openMicros + " " + highMicros + " " + lowMicros + " " + closeMicros + " " + volume);
        }
        @Override public void story(NewsStory story) { stories.add(story); }
        @Override public void success(String message) { messages.add("success " + message); }
        @Override public void error(int code, String message) { messages.add("error " + code + " " + message); }
        @Override public void subscribed(Map<String, List<String>> channels) { messages.add("subscription " + channels); }
        @Override public void unreadable(String why) { messages.add("unreadable " + why); }
    }

    @Test
    void trades_quotes_and_bars_are_read_in_micro_dollars_and_epoch_millis_and_other_kinds_are_passed_over() {
        decoder.decode(AlpacaServer.fixture("stream-market.json"), heard);

        assertThat(heard.messages).containsExactly(
                "trade AAPL " + millis("2024-09-20T14:00:01.208Z") + " 216550000 100",
                "quote AAPL " + millis("2024-09-20T14:00:01.335Z") + " 216540000 216560000",
                "bar AAPL " + millis("2024-09-20T13:59:00Z") + " 216500000 216620000 216480000 216550000 41022");
    }

    @Test
    void control_messages_are_read_with_the_providers_codes_and_channels() {
        decoder.decode(AlpacaServer.fixture("stream-control.json"), heard);

        assertThat(heard.messages).containsExactly("success authenticated", "error 405 symbol limit exceeded",
                "subscription {trades=[AAPL], quotes=[AAPL], bars=[AAPL, MSFT], updatedBars=[], dailyBars=[], statuses=[], lulds=[], corrections=[AAPL], cancelErrors=[AAPL]}");
    }

    @Test
    void a_news_message_is_a_story_with_its_id_symbols_and_source() {
        decoder.decode(AlpacaServer.fixture("stream-news.json"), heard);

        assertThat(heard.stories).containsExactly(new NewsStory(24918784, "Apple Shares Are Trading Higher After Analyst Upgrade", "benzinga",
                Instant.parse("2024-09-20T14:02:37Z"), List.of("AAPL", "MSFT")));
    }

    @Test
    void a_message_missing_what_it_needs_is_reported_and_the_rest_of_the_frame_is_read() {
        decoder.decode("[{\"T\":\"t\",\"S\":\"AAPL\",\"s\":5,\"t\":\"2024-09-20T14:00:01Z\"},{\"T\":\"t\",\"S\":\"AAPL\",\"p\":1.5,\"s\":5,\"t\":\"2024-09-20T14:00:01Z\"}]", heard);

        assertThat(heard.messages).hasSize(2);
        assertThat(heard.messages.get(0)).startsWith("unreadable a trade without");
        assertThat(heard.messages.get(1)).isEqualTo("trade AAPL " + millis("2024-09-20T14:00:01Z") + " 1500000 5");
    }

    @Test
    void a_frame_that_is_not_json_is_reported_after_the_messages_read_before_it() {
        decoder.decode("[{\"T\":\"success\",\"msg\":\"connected\"},{\"T\":\"t\",\"p\":", heard);

        assertThat(heard.messages).hasSize(2);
        assertThat(heard.messages.get(0)).isEqualTo("success connected");
        assertThat(heard.messages.get(1)).startsWith("unreadable a frame that is not JSON");
    }

    @Test
    void a_frame_that_is_not_an_array_is_reported() {
        decoder.decode("{\"T\":\"success\",\"msg\":\"connected\"}", heard);

        assertThat(heard.messages).containsExactly("unreadable a frame that is not an array of messages");
    }

    @ParameterizedTest(name = "{0} is {1} micro-dollars")
    @CsvSource({
            "126.55, 126550000",
            "0.0001, 100",
            "387, 387000000",
            "1.0000005, 1000000",
            "1.0000015, 1000002",
            "1.00000051, 1000001",
            "1.2E2, 120000000",
            "0, invalid",
            "-1.5, invalid",
            "1000000000000, invalid",
            "12a, invalid",
    })
    void prices_are_read_exactly_rounded_half_even_and_bounded(String text, String micros) {
        long read = WireDecimals.micros(text.toCharArray(), 0, text.length());

        assertThat(read).isEqualTo(micros.equals("invalid") ? WireDecimals.INVALID : Long.parseLong(micros));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2021-02-22T15:51:44.208Z",
            "2021-02-22T15:51:45.335689322Z",
            "2021-02-22T15:51:44Z",
            "2024-02-29T23:59:59.9Z",
            "2021-02-22T10:51:44.208-05:00",
    })
    void times_are_read_to_the_millisecond_as_rfc_3339_says(String text) {
        long read = WireTimes.epochMillis(text.toCharArray(), 0, text.length());

        assertThat(read).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2021-02-30T00:00:00Z", "2021-13-01T00:00:00Z", "2021-02-22T15:51:44.Z", "yesterday"})
    void impossible_times_are_invalid(String text) {
        assertThat(WireTimes.epochMillis(text.toCharArray(), 0, text.length())).isEqualTo(WireTimes.INVALID);
    }

    private static long millis(String instant) { return Instant.parse(instant).toEpochMilli(); }
}
