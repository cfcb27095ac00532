package io.quorum.engine.agent;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;

/**
 * An entry proposed on news or valuation rather than on the chart: half the sizing rule's shares
 * until the chart confirms, a stop {@value #STOP_ATR} ATR away and a target {@value #TARGET_ATR} ATR
 * away, as Technical's plain card.
 */
final class HalfSizeEntry {
    static final int STOP_ATR = 2;
    static final int TARGET_ATR = 3;

    private HalfSizeEntry() {}

    /** The entry at {@code price}; null when the chart has no ATR yet to place a stop by. */
    static Proposal of(DeskView desk, Ticker ticker, Direction side, Price price, String reason, String textTail) {
        long offset = desk.technical(ticker).atr14().micros();
        if (offset == 0) return null;
        Price stop = Price.ofMicros(Math.max(1, price.micros() - side.sign() * offset * STOP_ATR));
        Price target = Price.ofMicros(Math.max(1, price.micros() + side.sign() * offset * TARGET_ATR));
        long full = desk.suggestedShares(ticker, price, stop);
        long shares = Math.max(1, full / 2);
        TradeAction action = side == Direction.LONG ? TradeAction.OPEN_LONG : TradeAction.OPEN_SHORT;
        return new Proposal(ProposalId.random(), action, ticker, side, Size.shares(shares), price, stop, target, desk.config().trailingStopPct(),
                reason + "; half the sizing rule's " + full + " shares until the chart confirms",
                (side == Direction.LONG ? "Buy " : "Sell short ") + shares + " " + ticker + " " + textTail + ". Entry: $" + price + ", Stop: $" + stop + ", Target: $" + target);
    }

    /** The last trade's price, or the chart's last close before the first tick. */
    static Price lastPrice(DeskView desk, Ticker ticker) {
        return desk.lastTick(ticker).map(tick -> Price.ofMicros(tick.lastMicros())).orElseGet(() -> desk.technical(ticker).last());
    }
}
