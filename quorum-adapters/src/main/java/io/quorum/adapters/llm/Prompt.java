package io.quorum.adapters.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One prompt as sent: the role's instructions (the system message), the facts of this vote (the
 * user message), the versions of the texts it was made from ({@code risk.v1+answer.v1}), and its
 * hash, the SHA-256 of the model's name and both messages: the same hash means the same question
 * to the same model, which is what the answer cache is keyed by.
 */
public record Prompt(String version, String model, String system, String user, String hash) {
    public Prompt {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(hash, "hash");
    }

    public static Prompt of(String version, String model, String system, String user) {
        return new Prompt(version, model, system, user, sha256(model + "\u0000" + system + "\u0000" + user));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
