package io.quorum.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.alpaca.trading.AlpacaTradingServer;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.json.JournalEventJson;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.Side;
import io.quorum.engine.time.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the desk with SIGKILL at random moments while it trades, restarts it on the same files,
 * and checks that nothing was lost or doubled: every order the broker holds was intended in the
 * journal first, no client order id reached the broker twice, and after the last restart the
 * desk's positions (the fills in its journal) equal the broker's.
 *
 * <p>{@code -Dquorum.crash.kills=500} runs the long campaign (see docs/recovery.md); the default is
 * 20 kills, a few minutes. {@code -Dquorum.crash.seed} replays the same kill moments.
 */
class CrashCampaignTest {
    private static final int KILLS = Integer.getInteger("quorum.crash.kills", 20);
    private static final long SEED = Long.getLong("quorum.crash.seed", System.nanoTime());
    private static final String SPEED = System.getProperty("quorum.crash.speed", "1200");
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    @TempDir Path folder;

    @Test
    void a_desk_killed_at_random_moments_loses_no_order_places_none_twice_and_agrees_with_its_broker() throws Exception {
        Path journal = folder.resolve("quorum.db");
        Path broker = folder.resolve("paper-broker.db");
        long started = System.nanoTime();
        killAndRestart(journal, broker);

        JournalView desk = JournalView.read(journal);
        BrokerView paper = BrokerView.read(broker);
        System.out.printf("Crash campaign: seed %d, %d kills in %d s; %d orders intended, %d at the broker, %d broker fills, %d fills journaled%n",
                SEED, KILLS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), desk.intended().size(), paper.orders().size(),
                paper.fills().size(), desk.fills().size());

        assertThat(paper.orders()).as("orders flowed").isNotEmpty();
        assertThat(paper.duplicatedClientOrderIds()).as("client order ids placed more than once at the broker").isEmpty();
        assertThat(desk.intended()).as("every broker order was intended in the journal first").containsAll(paper.orders());
        assertThat(difference(paper.fills(), desk.fills())).as("broker fills missing from the desk's journal, or booked there with another quantity").isEmpty();
        assertThat(difference(desk.fills(), paper.fills())).as("fills in the desk's journal the broker never made").isEmpty();
        assertThat(desk.positions()).as("desk positions (journaled fills) equal the broker's").isEqualTo(paper.positions());
    }

    /**
     * The same campaign with the orders going to an Alpaca account on a local server in Alpaca's
     * formats, which outlives every desk it serves: the venue's orders and fills, order by order,
     * and its positions, against the desk's journal.
     */
    @Test
    void a_desk_on_alpaca_killed_at_random_moments_loses_no_order_places_none_twice_and_agrees_with_the_account() throws Exception {
        Path journal = folder.resolve("quorum.db");
        long started = System.nanoTime();
        try (AlpacaTradingServer alpaca = new AlpacaTradingServer(new ManualClock(Instant.parse("2025-03-03T15:00:00Z")), Money.ofDollars(1_000_000), Long.MAX_VALUE)) {
            alpaca.quote(CrashTarget.TICKER, Price.parse("149.99"), Price.parse("150.01"));
            killAndRestart(journal, folder.resolve("unused-paper-broker.db"), alpaca.settings().tradingUrl().toString());

            JournalView desk = JournalView.read(journal);
            Map<String, Long> venueFilled = new TreeMap<>();
            List<ClientOrderId> venueOrders = new ArrayList<>();
            for (Order order : alpaca.venueOrders()) {
                venueOrders.add(order.clientOrderId());
                long signed = order.request().side() == Side.BUY ? order.filledQuantity() : -order.filledQuantity();
                if (signed != 0) venueFilled.put(order.clientOrderId().value(), signed);
            }
            Map<String, Long> venuePositions = new TreeMap<>();
            for (BrokerPosition position : alpaca.venuePositions()) venuePositions.put(position.ticker().symbol(), position.quantity());
            // a bracket's legs are the venue's own orders, worked for an entry the desk intended
            List<ClientOrderId> legs = venueOrders.stream().filter(id -> BracketLeg.named(id).isPresent()).toList();
            long notPlaced = alpaca.posts().size() - (venueOrders.size() - legs.size());
            System.out.printf("Alpaca crash campaign: seed %d, %d kills in %d s; %d orders intended, %d at the venue (and %d bracket legs), %d submits sent (%d refused or answered for an id already placed), "
                            + "%d orders filled at the venue, %d fills journaled%n",
                    SEED, KILLS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), desk.intended().size(), venueOrders.size() - legs.size(), legs.size(),
                    alpaca.posts().size(), notPlaced, venueFilled.size(), desk.fills().size());

            assertThat(venueOrders).as("orders flowed").isNotEmpty();
            assertThat(venueOrders).as("client order ids placed more than once at the venue").doesNotHaveDuplicates();
            assertThat(desk.intended()).as("every venue order was intended in the journal first")
                    .containsAll(venueOrders.stream().filter(id -> !legs.contains(id)).toList());
            assertThat(desk.intended()).as("every leg at the venue belongs to an entry intended in the journal first")
                    .containsAll(legs.stream().map(id -> BracketLeg.named(id).orElseThrow().entryOf(id)).toList());
            assertThat(difference(venueFilled, desk.filledByOrder())).as("orders whose venue fills the desk's journal lacks, or holds with another quantity").isEmpty();
            assertThat(difference(desk.filledByOrder(), venueFilled)).as("fills in the desk's journal the venue never made").isEmpty();
            assertThat(desk.positions()).as("desk positions (journaled fills) equal the account's").isEqualTo(venuePositions);
        }
    }

    /** {@link #KILLS} runs killed at random moments, then one stopped cleanly. */
    private void killAndRestart(Path journal, Path broker, String... venue) throws Exception {
        Random random = new Random(SEED);
        long started = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            Process target = startTarget(journal, broker, kill, venue);
            Thread.sleep(200 + random.nextInt(1_801));
            target.destroyForcibly();
            assertThat(target.waitFor(30, TimeUnit.SECONDS)).as("killed target %d exits", kill).isTrue();
            if (kill % 50 == 0) System.out.printf("Crash campaign: %d kills in %d s%n", kill, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
        Process last = startTarget(journal, broker, KILLS + 1, venue);
        Thread.sleep(1_000);
        try (OutputStream stop = last.getOutputStream()) {
            stop.write('\n');
        }
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("the last run stops cleanly").isTrue();
        assertThat(last.exitValue()).as("exit status of the last run (stderr in %s)", stderr(KILLS + 1)).isZero();
    }

    /** The entries of {@code all} that {@code other} lacks or holds with another value. */
    private static Map<String, Long> difference(Map<String, Long> all, Map<String, Long> other) {
        Map<String, Long> missing = new TreeMap<>(all);
        missing.entrySet().removeIf(entry -> entry.getValue().equals(other.get(entry.getKey())));
        return missing;
    }

    /** Starts the target on the journal and the broker file; {@code venue}, when given, is the URL of the Alpaca server that takes its orders instead. */
    private Process startTarget(Path journal, Path broker, int run, String... venue) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                CrashTarget.class.getName(), journal.toString(), broker.toString(), SPEED));
        command.addAll(List.of(venue));
        Process target = new ProcessBuilder(command).redirectError(stderr(run).toFile()).start();
        CompletableFuture<Boolean> trading = CompletableFuture.supplyAsync(() -> {
            try {
                var lines = new java.io.BufferedReader(new java.io.InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(CrashTarget.TRADING)) {
                        Thread.ofVirtual().start(() -> drain(lines));
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (trading.get(START_PATIENCE.toSeconds(), TimeUnit.SECONDS)) return target;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // Reported below with the target's own words.
        }
        target.destroyForcibly();
        throw new AssertionError("run " + run + " never reported trading; its stderr:\n" + Files.readString(stderr(run)));
    }

    private static void drain(java.io.BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // The target's chatter after it started trading is of no interest; reading keeps its pipe from filling.
            }
        } catch (IOException ignored) {
            // The target was killed.
        }
    }

    private Path stderr(int run) { return folder.resolve("target-" + run + ".err"); }

    private static Connection connect(Path file) throws SQLException { return DriverManager.getConnection(Database.sqliteUrl(file)); }

    /** What the desk's journal says: the orders it intended and the fills it booked, every session together. */
    private record JournalView(Set<ClientOrderId> intended, Map<String, Long> fills, Map<String, Long> filledByOrder, Map<String, Long> positions) {
        static JournalView read(Path file) throws SQLException {
            Set<ClientOrderId> intended = new HashSet<>();
            Map<String, Long> fills = new TreeMap<>();
            Map<String, Long> filledByOrder = new TreeMap<>();
            Map<String, Long> positions = new TreeMap<>();
            try (Connection connection = connect(file); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT type, payload FROM journal_entry WHERE type IN ('ORDER_INTENDED', 'ORDER_FILLED') ORDER BY session_id, seq")) {
                while (row.next()) {
                    switch (JournalEventJson.decode(row.getString("type"), row.getString("payload"))) {
                        case JournalEvent.OrderIntended intent -> intended.add(intent.request().clientOrderId());
                        case JournalEvent.OrderFilled filled -> {
                            fills.merge(filled.fill().fillId(), filled.fill().signedQuantity(), Long::sum);
                            filledByOrder.merge(filled.fill().clientOrderId().value(), filled.fill().signedQuantity(), Long::sum);
                            positions.merge(filled.fill().ticker().symbol(), filled.fill().signedQuantity(), Long::sum);
                        }
                        default -> throw new IllegalStateException("selected only intents and fills");
                    }
                }
            }
            positions.values().removeIf(quantity -> quantity == 0);
            return new JournalView(intended, fills, filledByOrder, positions);
        }
    }

    /** What the broker's own book says, read straight from its tables. */
    private record BrokerView(List<ClientOrderId> orders, List<String> duplicatedClientOrderIds, Map<String, Long> fills, Map<String, Long> positions) {
        static BrokerView read(Path file) throws SQLException {
            List<ClientOrderId> orders = new ArrayList<>();
            List<String> duplicated = new ArrayList<>();
            Map<String, Long> fills = new TreeMap<>();
            Map<String, Long> positions = new HashMap<>();
            try (Connection connection = connect(file); Statement statement = connection.createStatement()) {
                try (ResultSet row = statement.executeQuery("SELECT client_order_id FROM paper_order")) {
                    while (row.next()) orders.add(ClientOrderId.of(row.getString(1)));
                }
                try (ResultSet row = statement.executeQuery("SELECT client_order_id FROM paper_order GROUP BY client_order_id HAVING COUNT(*) > 1")) {
                    while (row.next()) duplicated.add(row.getString(1));
                }
                try (ResultSet row = statement.executeQuery("SELECT f.fill_id, CASE o.side WHEN 'BUY' THEN f.quantity ELSE -f.quantity END "
                        + "FROM paper_fill f JOIN paper_order o ON o.client_order_id = f.client_order_id")) {
                    while (row.next()) fills.put(row.getString(1), row.getLong(2));
                }
                try (ResultSet row = statement.executeQuery("SELECT ticker, quantity FROM paper_position")) {
                    while (row.next()) positions.put(row.getString(1), row.getLong(2));
                }
            }
            return new BrokerView(orders, duplicated, fills, new TreeMap<>(positions));
        }
    }
}
