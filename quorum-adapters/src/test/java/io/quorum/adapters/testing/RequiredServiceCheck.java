package io.quorum.adapters.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Probes the service a {@link RequiresService} test class needs, once before its tests. The
 * address is the service's default on the development machines, or
 * {@code QUORUM_TEST_<NAME>_ADDRESS=host:port} when set.
 */
public final class RequiredServiceCheck implements BeforeAllCallback {
    private static final Map<String, String> DEFAULT_ADDRESSES = Map.of(
            "postgresql", "127.0.0.1:5432",
            "redis", "127.0.0.1:6379");
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    @Override
    public void beforeAll(ExtensionContext context) {
        RequiresService required = context.getRequiredTestClass().getAnnotation(RequiresService.class);
        String service = required.value();
        String address = address(service);
        if (answers(address)) return;
        String reason = service + " is not reachable at " + address + " (needed by " + context.getRequiredTestClass().getSimpleName() + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so this is a failure, not a skip");
        }
        System.err.println("SKIPPED: " + reason + "; start it to run these tests (with CI=true they fail instead)");
        throw new TestAbortedException(reason);
    }

    /** host:port of the named service, as the tests should connect to it. */
    public static String address(String service) {
        String override = System.getenv("QUORUM_TEST_" + service.toUpperCase(Locale.ROOT) + "_ADDRESS");
        if (override != null && !override.isBlank()) return override;
        String address = DEFAULT_ADDRESSES.get(service);
        if (address == null) throw new IllegalArgumentException("unknown service \"" + service + "\"; known: " + DEFAULT_ADDRESSES.keySet());
        return address;
    }

    private static boolean answers(String address) {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
