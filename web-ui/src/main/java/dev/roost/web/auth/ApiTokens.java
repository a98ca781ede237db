package dev.roost.web.auth;

import java.time.Instant;
import java.util.List;

/** Bearer tokens users create for their scripts; the hub implements it on its database. */
public interface ApiTokens {

    /** A token as listed: never the token itself, which is shown only once. */
    record TokenInfo(long id, String name, Instant createdAt) {
    }

    /** A new token: {@code token} is the secret, to be shown to its owner now and never again. */
    record NewToken(long id, String name, Instant createdAt, String token) {
    }

    NewToken create(String username, String name);

    List<TokenInfo> list(String username);

    /** @return false when the user has no token with this id */
    boolean revoke(String username, long id);
}
