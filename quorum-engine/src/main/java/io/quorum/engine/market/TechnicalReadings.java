package io.quorum.engine.market;

import io.quorum.engine.money.Price;
import java.math.BigDecimal;

/** The indicator readings of a {@link TechnicalView}: prices to the cent, the RSI to one decimal, MACD and its signal to four. */
record TechnicalReadings(Price sma20, Price sma50, Price sma200, BigDecimal rsi14, Price atr14, BigDecimal macd, BigDecimal macdSignal) {}
