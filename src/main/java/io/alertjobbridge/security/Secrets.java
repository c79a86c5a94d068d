package io.alertjobbridge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Comparisons of secrets that take the same time whatever the input. Both sides are hashed first, so
 * neither the position of the first wrong byte nor the length of the secret shows in the timing.
 */
final class Secrets {

    private Secrets() {
    }

    static boolean same(String presented, String expected) {
        byte[] a = sha256(presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8));
        byte[] b = sha256(expected.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(a, b) && presented != null;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
