package dev.roost.web.auth;

import java.util.Optional;

/** Tokens that scripts send as {@code Authorization: Bearer ...} instead of logging in; the hub issues them. */
@FunctionalInterface
public interface BearerTokens {

    /** The account a token acts for; empty when the token is unknown. Must be fast: called per request. */
    Optional<Account> resolve(String token);
}
