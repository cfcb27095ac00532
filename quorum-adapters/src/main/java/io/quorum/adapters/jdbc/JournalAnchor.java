package io.quorum.adapters.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The desk chain's head, kept outside the database in a small signed file: someone who can edit
 * the database but not this file (nor the audit key) cannot cut the journal's tail unseen, since
 * the anchor names an entry the journal must still hold. The journal writer rewrites it after each
 * durable commit (an order's intent, a close), so a cut after the last durable commit is not seen.
 *
 * <p>One line: {@code quorum-anchor 1 <deskSeq> <deskHmac> <signature>}.
 */
final class JournalAnchor {
    private static final String MAGIC = "quorum-anchor 1";

    /** The head the anchor records. */
    record Head(long deskSeq, String deskHmac) {
        Head {
            if (deskSeq < 0) throw new IllegalArgumentException("deskSeq: must not be negative, was " + deskSeq);
            Objects.requireNonNull(deskHmac, "deskHmac");
        }
    }

    private final Path file;
    private final HashChain chain;

    JournalAnchor(Path file, AuditKey key) {
        this.file = Objects.requireNonNull(file, "file");
        this.chain = new HashChain(Objects.requireNonNull(key, "key"));
    }

    Path file() { return file; }

    /** Replaces the anchor atomically: a reader sees the old head or the new one, never half of one. */
    void write(Head head) {
        String line = MAGIC + " " + head.deskSeq() + " " + head.deskHmac() + " " + chain.anchorSignature(head.deskSeq(), head.deskHmac()) + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, line, StandardCharsets.UTF_8);
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal's anchor " + file, e);
        }
    }

    /**
     * The head the anchor records; empty when there is no anchor yet.
     *
     * @throws IllegalStateException when the file is not an anchor this key signed
     */
    Optional<Head> read() {
        if (!Files.exists(file)) return Optional.empty();
        String line;
        try {
            line = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal's anchor " + file, e);
        }
        String[] parts = line.split(" ");
        if (parts.length != 5 || !(parts[0] + " " + parts[1]).equals(MAGIC)) throw new IllegalStateException("the journal's anchor " + file + " is not an anchor");
        Head head;
        try {
            head = new Head(Long.parseLong(parts[2]), parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the journal's anchor " + file + " is damaged", e);
        }
        if (!chain.anchorSignature(head.deskSeq(), head.deskHmac()).equals(parts[4])) {
            throw new IllegalStateException("the journal's anchor " + file + " was not signed with this audit key: it was edited or forged");
        }
        return Optional.of(head);
    }
}
