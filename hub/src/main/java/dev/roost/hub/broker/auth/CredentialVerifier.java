package dev.roost.hub.broker.auth;

/** Checks user names and passwords against the hub's users; may block (key stretching, a database read). */
public interface CredentialVerifier {

    boolean verify(String username, byte[] password);

    /** Whether the hub has this user, for a login that proved its name otherwise (a client certificate). */
    boolean exists(String username);
}
