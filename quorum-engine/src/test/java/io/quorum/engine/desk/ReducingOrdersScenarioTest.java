package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.Direction;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.position.ExitReason;
import io.quorum.engine.position.ExitTriggered;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Orders that make a position smaller are sized against the position net of the orders already
 * working, so however many arrive at once they take it to flat and never beyond.
 */
class ReducingOrdersScenarioTest {

    @RepeatedTest(3)
    void twenty_parallel_closes_and_flattens_of_one_position_leave_it_flat_never_reversed_or_larger() throws Exception {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            long held = desk.position(session).orElseThrow().quantity();
            int ordersBefore = desk.broker.submitted().size();

            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> answers = new ArrayList<>();
            try (ExecutorService users = Executors.newFixedThreadPool(20)) {
                for (int i = 0; i < 20; i++) {
                    boolean close = i % 2 == 0;
                    answers.add(users.submit(() -> {
                        go.await();
                        if (close) session.closePosition(NVDA, USER);
                        else session.flatten(USER);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> answer : answers) answer.get();
            }
            desk.advance(Duration.ofSeconds(2));

            List<OrderRequest> closing = desk.broker.submitted().subList(ordersBefore, desk.broker.submitted().size());
            assertThat(closing).as("one order closes it; the others find it already being closed").singleElement().satisfies(order -> {
                assertThat(order.side()).isEqualTo(Side.SELL);
                assertThat(order.quantity()).isEqualTo(held);
            });
            assertThat(desk.position(session)).isEmpty();
            assertThat(desk.paper.positions()).extracting(BrokerPosition::quantity).allSatisfy(quantity -> assertThat(quantity).isZero());
        }
    }

    @Test
    void a_stop_hit_while_a_close_is_working_sends_nothing_more() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            long held = desk.position(session).orElseThrow().quantity();
            int ordersBefore = desk.broker.submitted().size();

            desk.desk.loop().run(() -> {
                session.closePosition(NVDA, USER);
                // The close's fill is still on its way to the loop when the stop fires on the next ticks.
                desk.desk.execution().exit(new ExitTriggered(session.id(), NVDA, Direction.LONG, held, ExitReason.STOP_LOSS, Price.parse("95.68"),
                        desk.market.lastTick(NVDA).orElseThrow()));
            });
            desk.advance(Duration.ofMinutes(2));

            assertThat(desk.broker.submitted().subList(ordersBefore, desk.broker.submitted().size()))
                    .extracting(OrderRequest::quantity).containsExactly(held);
            assertThat(desk.position(session)).isEmpty();
            assertThat(desk.paper.positions()).extracting(BrokerPosition::quantity).allSatisfy(quantity -> assertThat(quantity).isZero());
        }
    }
}
