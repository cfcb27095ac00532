package io.quorum.engine.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrategySpecTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sma-cross:10,30         | SMA_CROSS     | 10,30
            EMA-Cross: 12, 26       | EMA_CROSS     | 12,26
            rsi-reversion:14,30,70  | RSI_REVERSION | 14,30,70
            breakout:20             | BREAKOUT      | 20
            macd:12,26,9            | MACD          | 12,26,9
            """)
    void a_named_strategy_is_read_with_its_parameters(String text, StrategySpec.Kind kind, String parameters) {
        StrategySpec spec = StrategySpec.parse(text);

        assertThat(spec.kind()).isEqualTo(kind);
        assertThat(spec.parameters()).isEqualTo(List.of(parameters.split(",")).stream().map(Integer::valueOf).toList());
        assertThat(StrategySpec.parse(spec.toString())).isEqualTo(spec);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            golden-cross:50,200     | unknown strategy "golden-cross"; expected one of sma-cross:FAST,SLOW, ema-cross:FAST,SLOW, rsi-reversion:N,LOW,HIGH, breakout:N, macd:FAST,SLOW,SIGNAL
            sma-cross               | sma-cross needs its parameters: sma-cross:FAST,SLOW
            sma-cross:10            | sma-cross takes 2 parameters (sma-cross:FAST,SLOW), not 1
            sma-cross:30,10         | sma-cross's FAST period (30) must be shorter than its SLOW period (10)
            ema-cross:ten,30        | ema-cross's parameters are whole numbers (ema-cross:FAST,SLOW); "ten" is not one
            rsi-reversion:14,70,30  | rsi-reversion's LOW (70) must be below its HIGH (30), and HIGH below 100
            breakout:0              | breakout's parameters must be whole numbers from 1 to 1000, not 0
            """)
    void a_bad_strategy_is_refused_with_a_sentence_that_says_what_is_expected(String text, String sentence) {
        assertThatThrownBy(() -> StrategySpec.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(sentence);
    }
}
