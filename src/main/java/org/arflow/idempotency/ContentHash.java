package org.arflow.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 fingerprint of a request's normalised fields. Create calls store it beside the caller's key, so
 * that the same request again is recognised and the same key with a different body is a conflict.
 */
public final class ContentHash {

    private static final char SEPARATOR = '\u001f';

    private ContentHash() {
    }

    /** Hashes the parts in order; {@code null} parts are distinct from empty strings. */
    public static String of(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            canonical.append(part == null ? "\u0000" : part.toString()).append(SEPARATOR);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime provides SHA-256", missing);
        }
    }
}
