package io.quorum.adapters.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the journal's hash chain: without it, nobody can rewrite an entry and
 * forge the links after it. Taken from {@value #ENVIRONMENT_VARIABLE} when set; otherwise read
 * from a key file, which is created on first start with 32 random bytes, readable by its owner only.
 */
public final class AuditKey {
    public static final String ENVIRONMENT_VARIABLE = "QUORUM_AUDIT_KEY";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_BYTES = 16;

    private final SecretKeySpec secret;

    private AuditKey(byte[] secret) {
        if (secret.length < MINIMUM_BYTES) throw new IllegalArgumentException("audit key: at least " + MINIMUM_BYTES + " bytes, was " + secret.length);
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    public static AuditKey of(byte[] secret) { return new AuditKey(secret.clone()); }

    /** The configured key ({@value #ENVIRONMENT_VARIABLE} in {@code environment}, as text) or the one in {@code keyFile}, created if missing. */
    public static AuditKey resolve(Map<String, String> environment, Path keyFile) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) return new AuditKey(configured.getBytes(StandardCharsets.UTF_8));
        return fromFile(keyFile);
    }

    /** The key in {@code keyFile}; a new random one, written with owner-only permissions (0600), when the file does not exist. */
    public static AuditKey fromFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) create(keyFile);
            return new AuditKey(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the audit key file " + keyFile + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the audit key file " + keyFile + " is damaged (expected base64 text): " + e.getMessage(), e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path parent = keyFile.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            // Created with its permissions in one step, so the secret is never readable by others, even briefly.
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
            var file = keyFile.toFile();
            file.setReadable(false, false);
            file.setWritable(false, false);
            file.setReadable(true, true);
            file.setWritable(true, true);
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
    }

    /** A fresh MAC keyed with this secret; a Mac is not thread-safe, so each user takes its own. */
    Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    @Override public String toString() { return "AuditKey[hidden]"; }
}
