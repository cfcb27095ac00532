package io.quorum.adapters.jdbc;

import io.quorum.engine.message.SessionId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * The journal's chain: {@code hmac = HMAC-SHA256(key, prevHmac || sessionId || seq || type || payload || time)}.
 * Each field is framed by its length, so that no two different entries hash the same bytes. The
 * first entry of a session chains to {@link #GENESIS}. Not thread-safe: one per writer or verifier.
 */
final class HashChain {
    static final String GENESIS = "0".repeat(64);

    private final Mac mac;

    HashChain(AuditKey key) { this.mac = key.newMac(); }

    String link(String previous, SessionId session, long seq, String type, String payload, String time) {
        field(previous);
        field(session.value());
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        field(type);
        field(payload);
        field(time);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /**
     * The desk's chain across sessions: {@code HMAC(key, "desk" || prevDeskHmac || deskSeq || sessionId || seq || entryHmac)},
     * so that an entry cannot vanish from it, nor move within it, without the key.
     */
    String deskLink(String previous, long deskSeq, SessionId session, long seq, String entryHmac) {
        field("desk");
        field(previous);
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(deskSeq).array());
        field(session.value());
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        field(entryHmac);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Signs the anchor's record of the desk chain's head. */
    String anchorSignature(long deskSeq, String deskHmac) {
        field("anchor");
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(deskSeq).array());
        field(deskHmac);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private void field(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        mac.update(bytes);
    }
}
