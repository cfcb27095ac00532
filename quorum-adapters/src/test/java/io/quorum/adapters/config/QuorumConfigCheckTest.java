package io.quorum.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code quorum config check} on wrong files: each error names its path, what is expected and an example. */
class QuorumConfigCheckTest {

    private static ConfigResult.Invalid invalid(String yaml, Map<String, String> environment) {
        ConfigResult result = QuorumConfigLoader.parse(yaml, "quorum.yml", environment);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return (ConfigResult.Invalid) result;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an unknown provider         | market: {provider: yahu}                                   | market.provider: "yahu" is not a choice here; expected one of simulated, yahoo, csv, alpaca, for example provider: yahoo
            a misspelt key              | market: {provder: yahoo}                                   | market.provder: is not a known key (did you mean provider?); expected one of provider, tickers, staleAfter, simulated, yahoo, csv, for example market: {provider: yahoo, tickers: [AAPL]}
            an unknown section          | server: {port: 8080}                                       | server: is not a known key; expected one of market, news, alpaca, llm, broker, notify, risk, for example market: {provider: simulated}
            a section that is a word    | market: yahoo                                              | market: is text, not a section; expected a mapping of provider, tickers, staleAfter, simulated, yahoo, csv, for example market: {provider: yahoo, tickers: [AAPL]}
            a duration without a unit   | market: {yahoo: {pollInterval: 15}}                        | market.yahoo.pollInterval: 15 has no unit; expected a duration from 1s to 1h (a number and a unit: ms, s, m, h or d), for example pollInterval: 15s
            a duration that is a word   | market: {yahoo: {timeout: soon}}                           | market.yahoo.timeout: "soon" is not a duration; expected a duration from 1s to 5m (a number and a unit: ms, s, m, h or d), for example timeout: 10s
            a duration out of range     | market: {yahoo: {pollInterval: 2h}}                        | market.yahoo.pollInterval: 2h is out of range; expected a duration from 1s to 1h (a number and a unit: ms, s, m, h or d), for example pollInterval: 15s
            a stale limit too short     | market: {staleAfter: 1s}                                   | market.staleAfter: 1s is out of range; expected a duration from 5s to 1h (a number and a unit: ms, s, m, h or d), for example staleAfter: 60s
            attempts out of range       | market: {yahoo: {attempts: 0}}                             | market.yahoo.attempts: 0 is out of range; expected a whole number from 1 to 10, for example attempts: 4
            a seed with a fraction      | market: {simulated: {seed: 4.2}}                           | market.simulated.seed: 4.2 is not a whole number; expected a whole number, for example seed: 42
            a speed that is a word      | market: {simulated: {speed: fast}}                         | market.simulated.speed: "fast" is not a number; expected a number from 0 to 100000, for example speed: 60
            backoffs the wrong way      | market: {yahoo: {initialBackoff: 10s, maxBackoff: 5s}}     | market.yahoo.maxBackoff: is 5s, shorter than initialBackoff 10s; expected a duration at least initialBackoff, for example maxBackoff: 5m
            a base URL that is not http | market: {yahoo: {baseUrl: "ftp://example.com"}}            | market.yahoo.baseUrl: "ftp://example.com" is not an http or https URL; expected an absolute http(s) URL, for example baseUrl: https://query1.finance.yahoo.com
            a ticker that is no symbol  | market: {provider: yahoo, tickers: [AAPL, "brk b"]}        | market.tickers[1]: "brk b" is not a ticker symbol; expected 1 to 10 letters, digits, '.' or '-', starting with a letter, for example AAPL
            a ticker listed twice       | market: {provider: yahoo, tickers: [AAPL, aapl]}           | market.tickers[1]: AAPL is listed twice; expected each ticker once, for example tickers: [AAPL, MSFT]
            tickers that are a mapping  | market: {tickers: {AAPL: 1}}                               | market.tickers: is a mapping, not a list; expected a list of 1 to 50 ticker symbols, for example tickers: [AAPL, MSFT]
            Yahoo without tickers       | market: {provider: yahoo}                                  | market.tickers: is empty, and the Yahoo market needs the tickers to watch; expected a list of 1 to 50 ticker symbols, for example tickers: [AAPL, MSFT]
            CSV without files           | market: {provider: csv}                                    | market.csv.files: is empty, and the CSV market needs at least one file; expected a list of {ticker, path}, for example files: [{ticker: AAPL, path: data/aapl.csv}]
            a CSV file without a path   | market: {provider: csv, csv: {files: [{ticker: AAPL}]}}    | market.csv.files[0].path: is missing; expected a path to a CSV file, relative to the working directory, for example path: data/aapl.csv
            a CSV file without a ticker | market: {provider: csv, csv: {files: [{path: a.csv}]}}     | market.csv.files[0].ticker: is missing; expected the ticker the file holds, for example ticker: AAPL
            a yes-or-no that is neither | market: {csv: {skipBadRows: maybe}}                        | market.csv.skipBadRows: "maybe" is not true or false; expected true or false, for example skipBadRows: false
            an unknown news provider    | news: {provider: twitter}                                  | news.provider: "twitter" is not a choice here; expected one of simulated, rss, none, alpaca, for example provider: rss
            a feed template without it  | news: {rss: {defaultFeed: "https://example.com/rss"}}      | news.rss.defaultFeed: "https://example.com/rss" is not a feed URL with {ticker} in it; expected an http(s) URL in which {ticker} stands for the symbol, for example defaultFeed: "https://feeds.finance.yahoo.com/rss/2.0/headline?s={ticker}&region=US&lang=en-US"
            a feed that is not a URL    | news: {rss: {feeds: {AAPL: [not-a-url]}}}                  | news.rss.feeds.AAPL[0]: "not-a-url" is not an http or https URL; expected an absolute http(s) URL of an RSS or Atom feed, for example feeds: {AAPL: ["https://feeds.finance.yahoo.com/rss/2.0/headline?s=AAPL"]}
            simulated news, real prices | {market: {provider: yahoo, tickers: [AAPL]}, news: {provider: simulated}} | news.provider: "simulated" needs the simulated market, and the market is yahoo; expected rss or none with a real market, for example provider: rss
            a news poll too frequent    | news: {rss: {pollInterval: 1s}}                            | news.rss.pollInterval: 1s is out of range; expected a duration from 10s to 1d (a number and a unit: ms, s, m, h or d), for example pollInterval: 2m
            Alpaca without tickers      | market: {provider: alpaca}                                 | market.tickers: is empty, and the Alpaca market needs the tickers to watch; expected a list of 1 to 50 ticker symbols, for example tickers: [AAPL, MSFT]
            an Alpaca feed unknown      | alpaca: {feed: nasdaq}                                     | alpaca.feed: "nasdaq" is not a choice here; expected one of iex, sip, for example feed: sip
            a stream URL that is http   | alpaca: {streamUrl: "https://stream.data.alpaca.markets"}  | alpaca.streamUrl: "https://stream.data.alpaca.markets" is not a ws or wss URL; expected an absolute ws(s) URL, for example streamUrl: wss://stream.data.alpaca.markets
            a data URL that is not http | alpaca: {dataUrl: "wss://data.alpaca.markets"}             | alpaca.dataUrl: "wss://data.alpaca.markets" is not an http or https URL; expected an absolute http(s) URL, for example dataUrl: https://data.alpaca.markets
            Alpaca backoffs reversed    | alpaca: {initialBackoff: 1m, maxBackoff: 10s}              | alpaca.maxBackoff: is 10s, shorter than initialBackoff 1m; expected a duration at least initialBackoff, for example maxBackoff: 5m
            Alpaca news, simulated desk | news: {provider: alpaca}                                   | news.provider: "alpaca" follows the market's tickers, and the simulated market has no real ones; expected simulated with the simulated market, or a real market (yahoo, csv, alpaca) for alpaca news, for example provider: simulated
            a file that is a list       | [market, news]                                             | quorum.yml: is a list, not a mapping of sections; expected a mapping with the sections market and news, for example market: {provider: yahoo, tickers: [AAPL]}
            """)
    void a_wrong_file_is_refused_with_a_message_naming_its_path_the_expected_and_an_example(String kind, String yaml, String expected) {
        assertThat(invalid(yaml, Map.of()).errors()).extracting(ConfigError::message).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an API key                 | market: {yahoo: {apiKey: sk-canary-1234}}       | market.yahoo.apiKey: looks like a secret, and secrets are never read from the file (its value is not shown here); expected the key in the environment, never in quorum.yml, for example export QUORUM_MARKET_YAHOO_API_KEY=…
            a token at the top         | token: sk-canary-1234                           | token: looks like a secret, and secrets are never read from the file (its value is not shown here); expected the key in the environment, never in quorum.yml, for example export QUORUM_TOKEN=…
            a password in the news     | news: {rss: {password: sk-canary-1234}}         | news.rss.password: looks like a secret, and secrets are never read from the file (its value is not shown here); expected the key in the environment, never in quorum.yml, for example export QUORUM_NEWS_RSS_PASSWORD=…
            Alpaca's secret key        | alpaca: {secretKey: sk-canary-1234}             | alpaca.secretKey: looks like a secret, and secrets are never read from the file (its value is not shown here); expected the key in the environment, never in quorum.yml, for example export QUORUM_ALPACA_SECRET_KEY=…
            a key id for its variable  | alpaca: {keyIdVariable: sk-canary-1234}         | alpaca.keyIdVariable: is not the name of an environment variable (its value is not shown here, in case it is a key); expected upper-case letters, digits and underscores, with at least one underscore; the key itself goes in that variable, for example keyIdVariable: APCA_API_KEY_ID
            """)
    void a_secret_in_the_file_is_refused_without_repeating_it(String kind, String yaml, String expected) {
        ConfigResult.Invalid result = invalid(yaml, Map.of());

        assertThat(result.errors()).extracting(ConfigError::message).containsExactly(expected);
        assertThat(result.toString()).doesNotContain("sk-canary-1234");
    }

    @Test
    void every_error_of_a_file_is_reported_not_only_the_first() {
        ConfigResult.Invalid result = invalid("""
                market:
                  provider: yahoo
                  tickers: [AAPL]
                  yahoo: {pollInterval: 15, attempts: 99}
                news:
                  provider: rss
                  rss: {timeout: forever}
                """, Map.of());

        assertThat(result.errors()).extracting(ConfigError::path)
                .containsExactly("market.yahoo.pollInterval", "market.yahoo.attempts", "news.rss.timeout");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unclosed mapping | market: {provider: yahoo       | quorum.yml line 1, column 25: is not valid YAML
            a repeated key      | market: {provider: yahoo, provider: csv} | quorum.yml line 1, column 35: is not valid YAML: Duplicate field 'provider'
            """)
    void a_file_that_is_not_yaml_is_refused_with_its_line_and_column(String kind, String yaml, String expectedStart) {
        assertThat(invalid(yaml, Map.of()).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith(expectedStart).contains("expected YAML mappings of the documented keys"));
    }

    @Test
    void a_wrong_value_from_the_environment_names_its_variable() {
        ConfigResult.Invalid result = invalid("market: {provider: yahoo, tickers: [AAPL]}", Map.of("QUORUM_MARKET_YAHOO_POLL_INTERVAL", "soon"));

        assertThat(result.errors()).extracting(ConfigError::message).containsExactly(
                "market.yahoo.pollInterval (from QUORUM_MARKET_YAHOO_POLL_INTERVAL): \"soon\" is not a duration; expected a duration from 1s to 1h (a number and a unit: ms, s, m, h or d), for example pollInterval: 15s");
    }
}
