package dev.roost.hub.broker.auth;

/** Checks a token sent as the CONNECT password (e.g. a JSON Web Token). Thread-safe; may be slow. */
@FunctionalInterface
public interface TokenVerifier {

    /** Never accepts anything: for a broker without token support. */
    TokenVerifier NONE = password -> null;

    /**
     * @return null when {@code password} is not a token at all (it is then checked as a password), otherwise the
     *         verdict: accepted with the token's identity, or refused (e.g. not authorized for an expired token)
     */
    Verdict verify(byte[] password);
}
