package io.quorum.engine.position;

import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A position manager with the exits it fired, and short ways to feed it fills and ticks in dollars. */
final class Desk {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final SessionId SESSION = SessionId.of("s1");
    static final Ticker AAPL = Ticker.of("AAPL");
    static final Instant OPEN = Instant.parse("2025-03-03T14:30:00Z");

    final List<ExitTriggered> exits = new ArrayList<>();
    final PositionManager positions = new PositionManager(instant -> LocalDate.ofInstant(instant, NEW_YORK), exits::add);
    private long millis = OPEN.toEpochMilli();
    private int fillNumber;

    Fill fill(SessionId session, Side side, long quantity, String price, String commission) {
        millis += 1_000;
        Fill fill = new Fill("f" + ++fillNumber, ClientOrderId.of("c" + fillNumber), AAPL, side, quantity,
                Price.parse(price), Money.parse(commission), Instant.ofEpochMilli(millis));
        positions.onFill(session, fill);
        return fill;
    }

    Fill fill(Side side, long quantity, String price) { return fill(SESSION, side, quantity, price, "0"); }

    /** A tick of AAPL trading at {@code last}, one cent either side. */
    Tick tick(String last) {
        millis += 1_000;
        long micros = Price.parse(last).micros();
        Tick tick = new Tick(AAPL, millis, micros, micros - 10_000, micros + 10_000, 100);
        positions.onTick(tick);
        return tick;
    }

    void setClock(Instant instant) { millis = instant.toEpochMilli(); }

    Position position() { return positions.position(SESSION, AAPL).orElseThrow(); }
}
