package io.quorum.adapters.alpaca;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The API key id and secret key, read from the environment only. Neither is ever written to a
 * log, an exception message or {@link #toString()}: only the names of the variables they came from.
 */
public final class AlpacaKeys {
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

    String keyId() { return keyId; }

    String secretKey() { return secretKey; }

    /** Where the keys came from, for messages: the variables' names, never their values. */
    public String origin() { return keyIdVariable + " and " + secretKeyVariable; }

    @Override public String toString() { return "AlpacaKeys[from " + origin() + "]"; }
}
