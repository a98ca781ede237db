package dev.roost.hub.broker.auth;

/** Checks a user name and password against the hub's users; may block (key stretching, a database read). */
@FunctionalInterface
public interface CredentialVerifier {

    boolean verify(String username, byte[] password);
}
