package io.quorum.adapters.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The API key id and secret key, read from the environment only. Neither is ever written to a
 * log, an exception message or {@link #toString()}: only the names of the variables they came from.
 */
public final class AlpacaKeys {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String KEY_ID_VARIABLE = "APCA_API_KEY_ID";
    public static final String SECRET_KEY_VARIABLE = "APCA_API_SECRET_KEY";

    private final String keyId;
    private final String secretKey;
    private final String keyIdVariable;
    private final String secretKeyVariable;

    private AlpacaKeys(String keyId, String secretKey, String keyIdVariable, String secretKeyVariable) {
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.keyIdVariable = keyIdVariable;
        this.secretKeyVariable = secretKeyVariable;
    }

    /**
     * The keys held by the variables {@code keyIdVariable} and {@code secretKeyVariable} of
     * {@code environment}, or empty when either is missing or blank.
     */
    public static Optional<AlpacaKeys> fromEnvironment(Map<String, String> environment, String keyIdVariable, String secretKeyVariable) {
        Objects.requireNonNull(environment, "environment");
        String id = environment.get(Objects.requireNonNull(keyIdVariable, "keyIdVariable"));
        String secret = environment.get(Objects.requireNonNull(secretKeyVariable, "secretKeyVariable"));
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) return Optional.empty();
        return Optional.of(new AlpacaKeys(id.strip(), secret.strip(), keyIdVariable, secretKeyVariable));
    }

    /** The request with the keys in the {@code APCA-API-KEY-ID} and {@code APCA-API-SECRET-KEY} headers, as every REST server of the provider wants them. */
    public HttpRequest.Builder sign(HttpRequest.Builder request) {
        return request.header("APCA-API-KEY-ID", keyId).header("APCA-API-SECRET-KEY", secretKey);
    }

    /** The first message on a stream, market data and trading alike: {@code {"action":"auth","key":…,"secret":…}}. */
    public String streamAuthentication() {
        return JSON.createObjectNode().put("action", "auth").put("key", keyId).put("secret", secretKey).toString();
    }

    /** Where the keys came from, for messages: the variables' names, never their values. */
    public String origin() { return keyIdVariable + " and " + secretKeyVariable; }

    @Override public String toString() { return "AlpacaKeys[from " + origin() + "]"; }
}
