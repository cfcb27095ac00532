package io.quorum.engine.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.time.ManualClock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The desk's procedure end to end: a tick crosses the stop, the exit goes to the broker at market, the fill closes the position. */
class GapThroughStopTest {
    private final ManualClock clock = new ManualClock(Desk.OPEN);
    private final PaperBroker broker = PaperBroker.inMemory(clock, ExchangeCalendar.NYSE, PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
    private final PositionManager positions = new PositionManager(instant -> LocalDate.ofInstant(instant, Desk.NEW_YORK),
            exit -> broker.submit(exit.toMarketOrder(ClientOrderId.of("exit-" + exit.ticker()))));

    private void tick(String last, String bid, String ask) {
        Tick tick = new Tick(Desk.AAPL, clock.millis(), Price.parse(last).micros(), Price.parse(bid).micros(), Price.parse(ask).micros(), 100);
        broker.onTick(tick);
        positions.onTick(tick);
    }

    @Test
    void gap_down_through_the_stop_fills_at_the_gap_price() {
        broker.onOrderEvent(event -> {
            if (event instanceof OrderEvent.Filled filled) positions.onFill(Desk.SESSION, filled.fill());
        });
        tick("100", "99.99", "100.01");
        broker.submit(OrderRequest.market(ClientOrderId.of("entry"), Desk.AAPL, Side.BUY, 100));
        positions.protect(Desk.SESSION, Desk.AAPL, new Protection(Price.parse("98"), null, null));

        tick("91.50", "91.40", "91.60");

        assertThat(broker.findByClientOrderId(ClientOrderId.of("exit-AAPL")).orElseThrow().fills())
                .singleElement().satisfies(fill -> assertThat(fill.price()).isEqualTo(Price.parse("91.40")));
        assertThat(positions.position(Desk.SESSION, Desk.AAPL)).isEmpty();
        assertThat(positions.pnl(Desk.SESSION).realised()).isEqualTo(Money.parse("-861"));
        assertThat(broker.positions()).isEmpty();
    }
}
