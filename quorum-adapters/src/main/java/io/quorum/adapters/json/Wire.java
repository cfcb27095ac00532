package io.quorum.adapters.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;

/** How the wire writes the domain's values: money and prices as decimal strings, never JSON numbers. */
final class Wire {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Wire() {}

    static ObjectNode object() { return NODES.objectNode(); }

    /** {@code "178.50"}: at least two decimals, at most six, exact. */
    static String price(Price price) { return price == null ? null : price.toString(); }

    /** {@code "-12.50"}, {@code "0.000125"}: exact to the micro-dollar, at least two decimals. */
    static String money(Money money) {
        BigDecimal value = money.toBigDecimal().stripTrailingZeros();
        return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }

    static String decimal(BigDecimal value) { return value == null ? null : value.toPlainString(); }

    static String text(Object value) { return value == null ? null : value.toString(); }
}
