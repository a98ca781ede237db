package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.file.Path;

/**
 * The {@code jwt:} section: JSON Web Tokens accepted as MQTT passwords, signed with an HMAC {@code secret} or the
 * private key matching {@code publicKey} (a PEM file, RSA or EC). Off when neither is given.
 *
 * @param usernameClaim the claim that names the user for topic permissions ({@code sub} by default)
 * @param issuer        when set, tokens must carry this {@code iss}
 */
public record JwtSettings(String secret, Path publicKey, String usernameClaim, String issuer) {

    /** Shorter HMAC secrets can be guessed offline from one captured token. */
    static final int MIN_SECRET_LENGTH = 32;

    @JsonCreator
    public static JwtSettings of(@JsonProperty("secret") String secret, @JsonProperty("publicKey") String publicKey,
                                 @JsonProperty("usernameClaim") String usernameClaim,
                                 @JsonProperty("issuer") String issuer) {
        if (secret != null && publicKey != null) {
            throw new InvalidSettingException("jwt.publicKey", "give either jwt.secret or jwt.publicKey, not both");
        }
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            throw new InvalidSettingException("jwt.secret", "use at least " + MIN_SECRET_LENGTH + " characters");
        }
        return new JwtSettings(secret, publicKey == null ? null : Path.of(publicKey),
                usernameClaim == null || usernameClaim.isBlank() ? "sub" : usernameClaim, issuer);
    }

    public static JwtSettings disabled() {
        return new JwtSettings(null, null, "sub", null);
    }

    public boolean enabled() {
        return secret != null || publicKey != null;
    }
}
