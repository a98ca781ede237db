package dev.roost.hub.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per user, a keyed SHA-256 of the password last proven right against the stored hash. An entry only
 * counts while the stored hash is unchanged, so a new password (or a removed user) invalidates it at once.
 *
 * <p>Thread-safe. The key is random per process and never stored.
 */
final class VerifiedPasswords {

    /** Bounds memory; a household has a handful of users and devices. */
    private static final int MAX_ENTRIES = 1_000;

    private final byte[] key = new byte[32];
    private final Map<String, Entry> byUser = new ConcurrentHashMap<>();

    VerifiedPasswords() {
        new SecureRandom().nextBytes(key);
    }

    private record Entry(String storedHash, byte[] digest) {
    }

    boolean contains(String username, String storedHash, String password) {
        Entry entry = byUser.get(username);
        return entry != null && entry.storedHash().equals(storedHash)
                && MessageDigest.isEqual(entry.digest(), digest(password));
    }

    void add(String username, String storedHash, String password) {
        if (byUser.size() >= MAX_ENTRIES) {
            byUser.clear();
        }
        byUser.put(username, new Entry(storedHash, digest(password)));
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
